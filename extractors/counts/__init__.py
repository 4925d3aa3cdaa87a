"""The counts extractor: see `extractor.extract`."""

from extractors.counts.extractor import extract

__all__ = ["extract"]
