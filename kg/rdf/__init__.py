"""Records to RDF: namespaces, the mapping to triples, serialization. Never imports spaCy."""
