"""The built graph as networks and tables: who is central, who clusters, how activity moves month by
month (``kg stats``), and the graph for Gephi, Cytoscape, pandas or a spreadsheet
(``kg build --format gexf,graphml,csv``).

Everything here reads the graph once, through :func:`kg.analysis.facts.read_facts` (the predicates
it needs, not the article texts), and never imports spaCy.
"""
