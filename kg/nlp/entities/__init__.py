"""The rule layer for entities: gazetteer places, organization suffixes, titled names, enumerations.

It works on characters of ``doc.text`` and so serves any tokenizer. Each finder yields
:class:`Candidate` records; :func:`find_entities` keeps the longest non-overlapping ones. The lexicons
describe Chinese news in general (suffixes, titles, administrative units) and live in
``kg/resources/entities/``.
"""

from kg.nlp.entities.document import RULES, find_entities
from kg.nlp.entities.names import Candidate
from kg.nlp.entities.places import find_places

__all__ = ["RULES", "Candidate", "find_entities", "find_places"]
