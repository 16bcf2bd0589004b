"""Read news files and turn pages into articles: decoding, line-break repair, page splitting, bylines."""

from kg.ingest.records import Article, Span
from kg.ingest.read import read_articles

__all__ = ["Article", "Span", "read_articles"]
