"""rdflib Graph -> offline HTML graph page (pyvis + vis-network). Never imports spaCy."""
