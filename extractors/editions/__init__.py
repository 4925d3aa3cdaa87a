"""The editions extractor: see `extractor.extract`."""

from extractors.editions.extractor import extract

__all__ = ["extract"]
