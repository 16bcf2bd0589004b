"""SPARQL over kg's graphs: the embedded Oxigraph store, queries, the HTTP endpoint and SHACL checks.

Nothing here imports spaCy: these modules read the graph that ``kg build`` wrote.
"""
