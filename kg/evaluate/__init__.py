"""Score a built graph against gold annotation (``kg eval``)."""

from kg.evaluate.score import Report, evaluate

__all__ = ["Report", "evaluate"]
