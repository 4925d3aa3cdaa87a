"""The dates extractor: see `extractor.extract`."""

from extractors.dates.extractor import extract

__all__ = ["extract"]
