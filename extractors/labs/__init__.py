"""The labs extractor: see `extractor.extract`."""

from extractors.labs.extractor import extract

__all__ = ["extract"]
