"""kg: knowledge graphs from Chinese news.

    >>> import kg
    >>> nlp = kg.load()            # kg's own Chinese pipeline (rules + shipped NER model)
    >>> doc = nlp("5月28日,海尔卡奥斯与平度市政府签署了战略合作框架协议。")
    >>> [(e.text, e.label_) for e in doc.ents]
"""

__version__ = "0.5.0"  # the one place of kg's version: pyproject.toml reads it


def load(model: str | None = None, **kwargs):
    """Return kg's spaCy ``Language`` for Chinese news.

    Args:
        model: ``None`` for kg's own pipeline (the shipped NER model if present, plus the rule
            layer, event and relation components), or the name or path of another installed spaCy
            pipeline whose entity labels are mapped onto PERSON, ORG, GPE and LOC.
        **kwargs: passed on to :func:`kg.nlp.pipeline.load`.

    Returns:
        A ``spacy.language.Language``.
    """
    from kg.nlp.pipeline import load as _load

    return _load(model, **kwargs)
