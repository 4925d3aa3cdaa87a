"""Rule-based extractors over a spaCy Doc, one package per fact kind.

`EXTRACTORS` is the run order: each entry names an extractor and its callable
`(doc, context) -> list[Fact]`. A fact lands in the record field of its model's `kind`
(the officials extractor also emits `PersonFact`s for people without office). Overlaps
between kinds are settled afterwards in `resolve`.
"""

from collections.abc import Callable

from spacy.tokens import Doc

from extractors import counts, dates, editions, labs, officials
from extractors.context import ArticleContext
from models.facts import Fact

Extractor = Callable[[Doc, ArticleContext], list[Fact]]

EXTRACTORS: tuple[tuple[str, Extractor], ...] = (
    ("dates", dates.extract),
    ("editions", editions.extract),
    ("counts", counts.extract),
    ("labs", labs.extract),
    ("officials", officials.extract),
)
