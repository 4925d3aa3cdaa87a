"""Retiring articles gone from the corpus: what moves where, and what never moves."""

import json
from datetime import UTC, datetime
from pathlib import Path

from pipelines.missing import REMOVED_LOG, missing_doc_ids, removed_doc_ids, retire

WHEN = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


def write(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def record(out: Path, doc_id: str, **fields: object) -> Path:
    data = {"doc_id": doc_id, "source": f"{doc_id}.html", "text_file": f"texts/{doc_id}.txt", **fields}
    write(out / "texts" / f"{doc_id}.txt", f"texte de {doc_id}\n")
    return write(out / "records" / f"{doc_id}.json", json.dumps(data))


def log_lines(out: Path) -> list[dict]:
    return [
        json.loads(line) for line in (out / "removed" / REMOVED_LOG).read_text(encoding="utf-8").splitlines()
    ]


def test_missing_ids_are_records_without_an_article(tmp_path: Path) -> None:
    for doc_id in ("mairie/a", "mairie/b", "c"):
        record(tmp_path, doc_id)
    assert missing_doc_ids(tmp_path, {"mairie/a", "nouveau"}) == ["c", "mairie/b"]


def test_record_and_text_move_and_the_log_says_when(tmp_path: Path) -> None:
    record(tmp_path, "mairie/a")
    record(tmp_path, "mairie/b")
    assert retire(tmp_path, ["mairie/a"], now=WHEN) == [
        {"doc_id": "mairie/a", "source": "mairie/a.html", "removed_at": "2025-03-14T09:30:00+00:00"}
    ]
    assert (tmp_path / "removed" / "texts" / "mairie" / "a.txt").read_text(
        encoding="utf-8"
    ) == "texte de mairie/a\n"
    assert (
        json.loads((tmp_path / "removed" / "records" / "mairie" / "a.json").read_text())["doc_id"]
        == "mairie/a"
    )
    assert not (tmp_path / "records" / "mairie" / "a.json").exists()
    assert (tmp_path / "records" / "mairie" / "b.json").exists()
    assert removed_doc_ids(tmp_path) == ["mairie/a"]


def test_an_unreadable_record_still_moves_with_its_default_text(tmp_path: Path) -> None:
    write(tmp_path / "records" / "cassé.json", '{"doc_id": ')
    write(tmp_path / "texts" / "cassé.txt", "texte\n")
    [entry] = retire(tmp_path, ["cassé"], now=WHEN)
    assert entry["source"] is None
    assert (tmp_path / "removed" / "records" / "cassé.json").exists()
    assert (tmp_path / "removed" / "texts" / "cassé.txt").exists()


def test_a_text_file_outside_the_output_folder_is_never_moved(tmp_path: Path) -> None:
    out = tmp_path / "out"
    outside = write(tmp_path / "elsewhere.txt", "à ne pas toucher\n")
    record(out, "piege", text_file="../elsewhere.txt")
    retire(out, ["piege"], now=WHEN)
    assert outside.read_text(encoding="utf-8") == "à ne pas toucher\n"
    assert (out / "removed" / "texts" / "piege.txt").exists()  # its own text, at the default path


def test_an_article_removed_twice_is_logged_twice_and_kept_once(tmp_path: Path) -> None:
    record(tmp_path, "a")
    retire(tmp_path, ["a"], now=WHEN)
    record(tmp_path, "a", title="revenu")
    assert removed_doc_ids(tmp_path) == []  # back in records/: a loader must not delete it
    retire(tmp_path, ["a"], now=WHEN)
    assert [e["doc_id"] for e in log_lines(tmp_path)] == ["a", "a"]
    assert json.loads((tmp_path / "removed" / "records" / "a.json").read_text())["title"] == "revenu"
