"""The development set wrapped in web pages scores as the plain development set.

Each article of `../shared/dev/texts` is put, at run time, inside one of the `bench.html_pages`
layouts (news CMS, ministry grid, old city site, préfecture communiqué, blog with comments: menus,
sidebars with other headlines and an agenda with dates, newsletter box, footer), read as a page by
the run's own reader, extracted and scored with the reference scorer's rules. The boilerplate is
full of dates, counts, editions, labs and officials: any of it kept costs precision.
"""

from collections.abc import Callable
from pathlib import Path

from spacy.language import Language

from bench.html_pages import LAYOUTS, wrap
from models.record import ArticleRecord
from pipelines import evaluate
from pipelines.io import discover
from tests.eval_sets import EVAL_SETS, EvalSet, extract_set

MACRO_F1_TOLERANCE = 0.02


def test_wrapped_development_set_scores_as_the_plain_one(
    nlp: Language, extracted_set: Callable[[str], Path], tmp_path: Path
) -> None:
    dev = EVAL_SETS["dev"]
    plain = extracted_set("dev")  # skips without ../shared/dev, fails then in CI
    pages = tmp_path / "pages"
    pages.mkdir()
    layouts = list(LAYOUTS)
    for index, path in enumerate(discover(dev.texts)):
        page = wrap(path.read_text(encoding="utf-8"), layouts[index % len(layouts)])
        (pages / f"{path.stem}.html").write_text(page, encoding="utf-8")
    wrapped = extract_set(EvalSet("wrapped dev", pages, dev.gold), nlp, tmp_path / "wrapped")

    records = [
        ArticleRecord.model_validate_json(p.read_text(encoding="utf-8"))
        for p in (wrapped / "records").glob("*.json")
    ]
    assert len(records) == len(list(dev.gold.glob("*.gold.json")))
    assert [
        (r.doc_id, r.source_format, r.warnings) for r in records if r.source_format != "html" or r.warnings
    ] == []
    base = evaluate.evaluate(dev.gold, plain, dev.texts).as_dict()
    scored = evaluate.evaluate(dev.gold, wrapped, wrapped / "texts").as_dict()
    table = "\n".join(["plain:", *evaluate.format_report(base), "wrapped:", *evaluate.format_report(scored)])
    assert scored["missing_records"] == [] and scored["offsets"]["bad"] == 0, table
    assert scored["offsets"]["checked"] > 0, table
    assert scored["macro_f1"] >= base["macro_f1"] - MACRO_F1_TOLERANCE, table
    assert scored["published_acc"] >= base["published_acc"], table
