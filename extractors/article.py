"""One article from text to record: Doc -> metadata -> extractors -> resolve -> ArticleRecord.

Plain functions, testable without Prefect. `extract_records` runs `nlp.pipe` in batches and
yields, for every article, either its validated record or the error that stopped it, so one
bad article never stops the others.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extractors import EXTRACTORS
from extractors.context import TEXT_KEY, ArticleContext
from extractors.metadata import find_published, find_title
from extractors.nlp import DEFAULT_PROFILE
from extractors.resolve import resolve
from extractors.version import pipeline_version
from models.article import Article
from models.facts import Fact
from models.record import KINDS, ArticleRecord


@dataclass(frozen=True)
class Extraction:
    """The outcome for one article: a record, or the reason there is none."""

    article: Article
    record: ArticleRecord | None = None
    error: str | None = None


def text_file_for(doc_id: str) -> str:
    """Where, relative to the output folder, the decoded text of an article is kept."""
    return f"texts/{doc_id}.txt"


def build_record(doc: Doc, article: Article, profile: str = DEFAULT_PROFILE) -> ArticleRecord:
    """Run every extractor on a parsed article and validate the record (`profile`: what parsed it)."""
    doc.user_data[TEXT_KEY] = article.text  # the extractors read it through `doc_text`
    published, published_source = article.page_published, "page-metadata"
    if published is None:  # the page's own metadata first, then the text's byline
        published, published_source = find_published(doc), "text"
    ctx = ArticleContext(
        doc_id=article.doc_id,
        title=find_title(doc, article.html_title),
        published=published,
    )
    found: dict[str, list[Fact]] = {kind: [] for kind in (*KINDS, "people")}
    for _name, extract in EXTRACTORS:
        for fact in extract(doc, ctx):
            found[fact.kind].append(fact)
    facts = resolve(found)
    record = ArticleRecord(
        doc_id=article.doc_id,
        source=article.source,
        content_sha256=article.content_sha256,
        title=ctx.title,
        published=ctx.published,
        pipeline_version=pipeline_version(profile),
        text_file=text_file_for(article.doc_id),
        source_format=article.source_format,
        published_source=published_source if published is not None else None,
        page_sha256=article.page_sha256,
        warnings=list(article.warnings),
        **facts,
    )
    bad = record.offset_errors(article.text)
    if bad:
        raise ValueError(f"{len(bad)} facts with wrong offsets: {bad[:3]}")
    return record


def extract_records(
    articles: Iterable[Article],
    nlp: Language,
    batch_size: int = 16,
    n_process: int = 1,
    profile: str = DEFAULT_PROFILE,
) -> Iterator[Extraction]:
    """Parse articles with `nlp.pipe` (loaded with `profile`) and extract each one; streams."""
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        try:
            yield Extraction(article, record=build_record(doc, article, profile))
        except Exception as exc:  # one article's failure is reported, the batch goes on
            yield Extraction(article, error=f"extraction failed: {type(exc).__name__}: {exc}")
