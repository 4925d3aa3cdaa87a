"""The officials extractor: see `extractor.extract`."""

from extractors.officials.extractor import extract

__all__ = ["extract"]
