"""`pressfacts load` against real SQLite and a real, throwaway PostgreSQL server.

Every behaviour runs on both dialects: row counts equal to the JSON, a second load changing
nothing, a re-extracted article replacing its facts, and a bad record rolled back and reported
while the others load.
"""

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from models.facts import DateFact
from pipelines import cli
from pipelines import load as load_module
from pipelines.load import FACT_KINDS, METADATA, engine_url, load_records, make_engine
from pipelines.missing import retire
from tests.pipelines import pg
from tests.pipelines.pg import create_database, free_port, postgres_cluster
from tests.pipelines.sample_records import (
    COLLOQUE,
    SYNTHETIC_TEXTS,
    json_counts,
    read_json,
    write_json,
    write_samples,
)

FESTIVAL = "synth_festival"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    with postgres_cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database of each dialect."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db' / 'facts.db'}"
    return create_database(request.getfixturevalue("pg_server"))


@pytest.fixture(scope="session")
def samples(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    return write_samples(tmp_path_factory.mktemp("samples"), nlp)


@pytest.fixture
def out(samples: Path, tmp_path: Path) -> Path:
    """A private copy of the sample output folder, free to edit."""
    return Path(shutil.copytree(samples, tmp_path / "out"))


def table_rows(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: equal snapshots mean equal databases."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {t.name: sorted(tuple(r) for r in conn.execute(select(t))) for t in METADATA.sorted_tables}
    finally:
        engine.dispose()


def row_counts(url: str) -> dict[str, int]:
    return {name: len(rows) for name, rows in table_rows(url).items()}


def fact_ids(url: str, kind: str, doc_id: str) -> set[str]:
    return {row[0] for row in table_rows(url)[kind] if row[1] == doc_id}


def load_command(out_dir: Path, url: str, *options: str) -> int:
    """`pressfacts load OUT_DIR --db URL [options]`, through the command's own argument parser."""
    return cli.main(["load", str(out_dir), "--db", url, *options])


def test_row_counts_match_the_json(out: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert load_command(out, db_url) == 0
    expected = json_counts(out)
    assert row_counts(db_url) == expected
    assert expected["articles"] == 5 + len(SYNTHETIC_TEXTS)
    assert all(expected[kind] > 0 for kind in FACT_KINDS), "synthetic records cover every kind"
    assert f"loaded {expected['articles']}, unchanged 0, deleted 0, failed 0" in capsys.readouterr().out
    assert fact_ids(db_url, "dates", COLLOQUE) == {d["id"] for d in read_json(out, COLLOQUE)["dates"]}


def test_typed_values_round_trip(out: Path, db_url: str) -> None:
    load_records(out, db_url)
    record = read_json(out, FESTIVAL)
    engine = make_engine(db_url)
    counts, dates = METADATA.tables["counts"], METADATA.tables["dates"]
    try:
        with engine.connect() as conn:
            big = conn.execute(
                select(counts.c.value, counts.c.qualifier).where(
                    (counts.c.value > 100) & (counts.c.doc_id == FESTIVAL)
                )
            ).all()
            day = conn.execute(select(dates.c.start, dates.c.end).where(dates.c.doc_id == FESTIVAL)).one()
    finally:
        engine.dispose()
    assert [tuple(r) for r in big] == [(1200, "at_least")]
    assert [d.isoformat() for d in day] == [record["dates"][0]["start"], record["dates"][0]["end"]]


def test_second_load_leaves_the_same_rows(out: Path, db_url: str) -> None:
    first = load_records(out, db_url)
    before = table_rows(db_url)
    second = load_records(out, db_url)
    assert not first.failed and second.count("unchanged") == json_counts(out)["articles"]
    assert table_rows(db_url) == before  # loaded_at included: skipped articles are not touched

    assert load_command(out, db_url, "--force") == 0  # reloads every record, changes no fact
    after = table_rows(db_url)
    assert all(new[-1] > old[-1] for new, old in zip(after["articles"], before["articles"], strict=True))

    def without_loaded_at(rows: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[tuple[Any, ...]]]:
        return {**rows, "articles": [r[:-1] for r in rows["articles"]]}

    assert without_loaded_at(table_rows(db_url)) == without_loaded_at(before)


def test_reextracted_article_replaces_its_facts(out: Path, db_url: str) -> None:
    load_records(out, db_url)
    before = table_rows(db_url)
    text_ = SYNTHETIC_TEXTS[FESTIVAL]
    record = read_json(out, FESTIVAL)
    dropped = record["counts"].pop(1)["id"]  # "45 exposants" no longer found
    record["counts"][0]["value"] = 1250  # same span, new normalisation: same id, updated row
    start = text_.index("juin 2024")
    new_date = DateFact.at(
        FESTIVAL, text_, start, start + 9, start="2024-06-01", end="2024-06-30", granularity="month"
    )
    record["dates"].append(new_date.model_dump(mode="json"))
    record["content_sha256"] = "f" * 64
    write_json(out, FESTIVAL, record)

    summary = load_records(out, db_url)
    (changed,) = [o for o in summary.outcomes if o.status == "loaded"]
    assert (changed.doc_id, changed.added, changed.removed, changed.updated) == (FESTIVAL, 1, 1, 1)
    assert row_counts(db_url) == json_counts(out)
    for kind in FACT_KINDS:
        assert fact_ids(db_url, kind, FESTIVAL) == {f["id"] for f in record[kind]}, kind
    assert dropped not in fact_ids(db_url, "counts", FESTIVAL)
    assert new_date.id in fact_ids(db_url, "dates", FESTIVAL)
    value_at = [c.name for c in METADATA.tables["counts"].columns].index("value")
    values = {r[0]: r[value_at] for r in table_rows(db_url)["counts"] if r[1] == FESTIVAL}
    assert values == {record["counts"][0]["id"]: 1250}
    after = table_rows(db_url)
    assert next(r for r in after["articles"] if r[0] == FESTIVAL)[2] == "f" * 64
    unchanged = [r for r in before["articles"] if r[0] != FESTIVAL]
    assert [r for r in after["articles"] if r[0] != FESTIVAL] == unchanged


def test_record_that_loses_all_its_facts_empties_them(out: Path, db_url: str) -> None:
    load_records(out, db_url)
    record = read_json(out, FESTIVAL)
    for kind in FACT_KINDS:
        record[kind] = []
    write_json(out, FESTIVAL, record)
    assert not load_records(out, db_url).failed
    assert all(not fact_ids(db_url, kind, FESTIVAL) for kind in FACT_KINDS)
    assert row_counts(db_url) == json_counts(out)


def test_bad_records_roll_back_and_the_others_load(
    out: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    good = json_counts(out)
    other = read_json(out, COLLOQUE)
    festival = read_json(out, FESTIVAL)
    empty = {**festival, **{kind: [] for kind in FACT_KINDS}}
    count = {**festival["counts"][0], "id": "count-own-id"}
    bad_records = {
        # Database error after the article row is written: a fact id another article owns.
        "zz_clash": {**empty, "doc_id": "zz_clash", "counts": [count], "dates": other["dates"][:1]},
        "zz_twice": {**empty, "doc_id": "zz_twice", "counts": [count, count]},  # same id twice
        "zz_invalid": {**empty, "doc_id": "zz_invalid", "counts": [{**count, "value": -3}]},
        "zz_name": {**empty, "doc_id": "another_name"},  # file name is not its doc_id
    }
    for doc_id, data in bad_records.items():
        write_json(out, doc_id, data)
    (out / "records" / "zz_json.json").write_text('{"doc_id": "zz_json", ', encoding="utf-8")

    assert load_command(out, db_url) == 1
    report = capsys.readouterr().out
    bad = ["zz_clash", "zz_invalid", "zz_json", "zz_name", "zz_twice"]
    assert f"loaded {good['articles']}, unchanged 0, deleted 0, failed {len(bad)}" in report
    for doc_id in bad:
        assert f"FAILED {doc_id}: " in report
    assert row_counts(db_url) == good  # no article row, no fact row of any bad record
    assert {r[0] for r in table_rows(db_url)["articles"]}.isdisjoint(bad + ["another_name"])


def test_failed_reload_keeps_the_previous_version_whole(out: Path, db_url: str) -> None:
    load_records(out, db_url)
    before = table_rows(db_url)
    record = read_json(out, FESTIVAL)
    record["counts"].append(record["counts"][0])  # new version fails after rows were already changed
    record["labs"] = []
    record["title"] = "Nouveau titre"
    write_json(out, FESTIVAL, record)
    summary = load_records(out, db_url)
    assert [o.doc_id for o in summary.failed] == [FESTIVAL]
    assert table_rows(db_url) == before


def test_cli_default_database_is_under_cwd(
    out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["load", str(out)]) == 0
    assert row_counts(f"sqlite:///{tmp_path / 'outputs' / 'facts.db'}") == json_counts(out)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgres://u:p@h:5433/db", "postgresql+psycopg://u:p@h:5433/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///outputs/facts.db", "sqlite:///outputs/facts.db"),
    ],
    ids=["postgresql", "postgres-alias", "explicit-driver", "sqlite"],
)
def test_engine_url(url: str, expected: str) -> None:
    assert engine_url(url) == expected


def test_unreachable_database_exits_2(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql://nobody@127.0.0.1:{free_port()}/nothing"
    assert load_command(out, url) == 2
    assert "cannot use database" in capsys.readouterr().err


def test_missing_records_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert load_command(tmp_path, f"sqlite:///{tmp_path / 'f.db'}") == 2
    assert "no records folder" in capsys.readouterr().err


def test_older_table_layout_is_refused(out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE counts (id VARCHAR PRIMARY KEY, doc_id VARCHAR, value INTEGER)"))
    engine.dispose()
    assert load_command(out, url) == 2
    assert "table counts lacks columns" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("required", "outcome"),
    [("1", pytest.fail.Exception), ("", pytest.skip.Exception)],
    ids=["ci-fails", "dev-skips"],
)
def test_missing_postgres_binaries(
    required: str, outcome: type[BaseException], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESSFACTS_REQUIRE_SERVICES", required)
    monkeypatch.setattr(pg, "find_bindir", lambda: None)
    with pytest.raises(outcome, match="PostgreSQL server binaries"), postgres_cluster():
        pass


@pytest.mark.parametrize(
    "error",
    [OperationalError("UPDATE", {}, Exception("server closed the connection")), RuntimeError("bug")],
    ids=["connection-lost", "unexpected-error"],
)
def test_error_after_all_rows_are_written_rolls_the_article_back(
    out: Path, db_url: str, error: Exception, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = load_module.replace_article

    def failing(conn: Any, record: Any, digest: str, outcome: Any) -> None:
        real(conn, record, digest, outcome)
        if record.doc_id == FESTIVAL:
            raise error

    monkeypatch.setattr(load_module, "replace_article", failing)
    summary = load_records(out, db_url)
    assert [o.doc_id for o in summary.failed] == [FESTIVAL]
    expected = json_counts(out)
    festival = read_json(out, FESTIVAL)
    expected = {k: v - (1 if k == "articles" else len(festival.get(k, []))) for k, v in expected.items()}
    assert row_counts(db_url) == expected


def test_articles_retired_from_the_corpus_are_deleted(
    out: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert load_command(out, db_url) == 0
    before = table_rows(db_url)
    gone = read_json(out, COLLOQUE)
    retire(out, [COLLOQUE])  # what a refresh does when the article left the corpus
    capsys.readouterr()

    assert load_command(out, db_url) == 0
    facts = sum(len(gone[kind]) for kind in FACT_KINDS if kind in gone)
    assert f"deleted 1, failed 0 (facts: 0 added, {facts} removed, 0 updated)" in capsys.readouterr().out
    after = table_rows(db_url)
    assert COLLOQUE not in {row[0] for row in after["articles"]}
    for kind in FACT_KINDS:
        assert not fact_ids(db_url, kind, COLLOQUE), kind
    assert row_counts(db_url) == json_counts(out)
    others = {name: [r for r in rows if COLLOQUE not in r[:2]] for name, rows in before.items()}
    assert after == others  # every other row untouched, loaded_at included

    assert load_command(out, db_url) == 0  # nothing left to delete
    assert "unchanged 6, deleted 0" in capsys.readouterr().out


def test_a_database_fed_by_two_output_folders_keeps_the_other_folders_articles(
    out: Path, db_url: str, tmp_path: Path
) -> None:
    other = tmp_path / "other-shard"
    elsewhere = {**read_json(out, FESTIVAL), "doc_id": "synth_elsewhere", **{kind: [] for kind in FACT_KINDS}}
    write_json(other, "synth_elsewhere", elsewhere)
    assert load_command(out, db_url) == 0 and load_command(other, db_url) == 0
    retire(out, [FESTIVAL])
    assert load_command(out, db_url) == 0
    articles = {row[0] for row in table_rows(db_url)["articles"]}
    assert "synth_elsewhere" in articles and FESTIVAL not in articles


def test_an_article_back_in_the_corpus_is_not_deleted(out: Path, db_url: str) -> None:
    load_records(out, db_url)
    record = read_json(out, FESTIVAL)
    retire(out, [FESTIVAL])
    write_json(out, FESTIVAL, record)  # re-extracted after it came back
    summary = load_records(out, db_url)
    assert summary.count("deleted") == 0
    assert fact_ids(db_url, "counts", FESTIVAL) == {c["id"] for c in record["counts"]}
