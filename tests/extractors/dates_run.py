"""The dates extractor on one sentence, as the date test tables call it (offsets always checked)."""

from datetime import date

from spacy.language import Language

from extractors.context import ArticleContext
from extractors.dates import extract
from models.facts import DateFact
from tests.conftest import assert_offsets


def run_dates(nlp: Language, text: str, published: date | None) -> list[DateFact]:
    """Date facts of `text` (tokenised only: the date grammar reads the text) with `published`."""
    facts = extract(nlp.make_doc(text), ArticleContext(doc_id="t", published=published))
    assert_offsets(text, facts)
    return facts
