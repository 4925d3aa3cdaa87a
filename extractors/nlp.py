"""The one place the spaCy model is loaded: once per process, cached."""

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_NAME = "fr_core_news_md"
# Components the extractors do not use; excluded to save time (see bench/RESULTS.md).
EXCLUDED_COMPONENTS: tuple[str, ...] = ("attribute_ruler",)
# Longest text (in characters) handed to spaCy; longer articles are refused upstream.
MAX_TEXT_CHARS = 1_000_000


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the packaged French model (never downloaded at run time)."""
    nlp = spacy.load(MODEL_NAME, exclude=list(EXCLUDED_COMPONENTS))
    nlp.max_length = MAX_TEXT_CHARS
    return nlp


def model_version() -> str:
    """Name and version of the model, without loading it."""
    from importlib.metadata import version

    return f"{MODEL_NAME}=={version(MODEL_NAME)};spacy=={spacy.__version__}"
