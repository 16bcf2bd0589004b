"""SPARQL over kg's graphs: the embedded Oxigraph store, queries, the HTTP endpoint, SHACL checks and
the graph in more RDF syntaxes.

Nothing here imports spaCy: these modules read the graph that ``kg build`` wrote.
"""
