"""kg at corpus scale: documents (files, JSON Lines), pure per-document extraction, its JSON form,
the incremental cache, and the engines that run extraction (in process, on every core, on Dask)."""

from kg.corpus.documents import DEFAULT_INCLUDE, Document, collect_documents
from kg.corpus.extract import ArticleRecord, DocumentResult, Options, extract

__all__ = ["DEFAULT_INCLUDE", "ArticleRecord", "Document", "DocumentResult", "Options", "collect_documents", "extract"]
