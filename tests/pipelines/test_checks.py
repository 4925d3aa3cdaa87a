"""Input checks: each bad input gets a reason, good input gets None."""

import os
from pathlib import Path

import pytest

from pipelines.checks import (
    check_binary,
    check_empty,
    check_french,
    check_length,
    check_path,
    check_size,
    find_duplicates,
)

FRENCH_LONG = (
    "La communauté de communes a présenté jeudi son plan pour les écoles rurales. Les élus ont "
    "rappelé que les travaux de rénovation commenceront dès le printemps, avec une enveloppe de "
    "deux millions d'euros, et que les familles seront consultées avant toute fermeture de classe."
)
FRENCH_QUOTING_ENGLISH = (
    FRENCH_LONG + " Le slogan retenu, « Think global, act local », a été repris par la présidente "
    "lors de la réunion avec les parents d'élèves."
)
ENGLISH = (
    "The county council presented its plan for rural schools on Thursday. Members said that the "
    "renovation work would start in the spring, with a budget of two million euros, and that "
    "families will be consulted before any class is closed."
)
SPANISH = (
    "El ayuntamiento presentó el jueves su plan para las escuelas rurales. Los concejales "
    "recordaron que las obras empezarán en primavera, con un presupuesto de dos millones de euros, "
    "y que las familias serán consultadas antes del cierre de una clase."
)
ITALIAN = (
    "Il consiglio comunale ha presentato giovedì il piano per le scuole rurali. Gli assessori hanno "
    "ricordato che i lavori della ristrutturazione inizieranno in primavera, con un budget di due "
    "milioni di euro, e che le famiglie saranno consultate."
)
GERMAN = (
    "Der Gemeinderat hat am Donnerstag seinen Plan für die Schulen auf dem Land vorgestellt. Die "
    "Arbeiten werden im Frühjahr beginnen, und die Familien werden vor jeder Schließung einer "
    "Klasse angehört."
)
FRENCH_WORDLESS = " ".join(["Xylophone Zénith Quartz Onyx Béryl Opale Jaspe Ambre"] * 5)


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        pytest.param(FRENCH_LONG, None, id="french"),
        pytest.param(FRENCH_QUOTING_ENGLISH, None, id="french-quoting-english"),
        pytest.param("Réunion du conseil le 12 avril à la mairie.", None, id="short-french"),
        pytest.param("2 450", None, id="no-words"),
        pytest.param(ENGLISH, "looks English", id="english"),
        pytest.param("Meeting of the council at the town hall.", "looks English", id="short-english"),
        pytest.param(SPANISH, "looks Spanish", id="spanish"),
        pytest.param(ITALIAN, "looks Italian", id="italian"),
        pytest.param(GERMAN, "looks German", id="german"),
        pytest.param(FRENCH_WORDLESS, "only 0 French function words", id="no-function-words"),
    ],
)
def test_check_french(text: str, refused: str | None) -> None:
    reason = check_french(text)
    if refused is None:
        assert reason is None
    else:
        assert reason is not None and refused in reason


@pytest.mark.parametrize(
    ("data", "refused"),
    [
        pytest.param(FRENCH_LONG.encode(), None, id="utf8-text"),
        pytest.param(FRENCH_LONG.encode("cp1252"), None, id="cp1252-text"),
        pytest.param(b"Texte\tavec\ttabulations\f\r\n", None, id="tabs-formfeed"),
        pytest.param("Hôtel".encode("utf-16"), None, id="utf16-with-bom"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL", id="png"),
        pytest.param(b"%PDF-1.7\n" + bytes(range(1, 9)) * 40, "control bytes", id="control-bytes"),
    ],
)
def test_check_binary(data: bytes, refused: str | None) -> None:
    reason = check_binary(data)
    assert (reason is None) if refused is None else (refused in (reason or ""))


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        pytest.param("", True, id="empty"),
        pytest.param(" \n\t\n", True, id="blank"),
        pytest.param("Mot", False, id="one-word"),
    ],
)
def test_check_empty(text: str, refused: bool) -> None:
    assert (check_empty(text) is not None) is refused


@pytest.mark.parametrize(
    ("size", "limit", "refused"),
    [
        pytest.param(20_000_000, 5_000_000, True, id="20MB"),
        pytest.param(5_000_000, 5_000_000, False, id="at-limit"),
        pytest.param(0, 5_000_000, False, id="empty-is-not-too-large"),
    ],
)
def test_check_size(size: int, limit: int, refused: bool) -> None:
    assert (check_size(size, limit) is not None) is refused


def test_check_length() -> None:
    assert check_length("x" * 11, 10) == "text too long: 11 characters (model limit 10)"
    assert check_length("x" * 10, 10) is None


def test_check_path(tmp_path: Path) -> None:
    good = tmp_path / "ok.txt"
    good.write_text("x")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "nowhere")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert check_path(good) is None
    assert "directory" in (check_path(folder) or "")
    assert "broken link" in (check_path(broken) or "")
    assert "not a regular file" in (check_path(fifo) or "")
    assert check_path(tmp_path / "missing.txt") == "file not found"


def test_find_duplicates_keeps_the_first_in_discovery_order() -> None:
    ids = [
        (Path("a/x.md"), "a/x"),
        (Path("a/x.txt"), "a/x"),  # same path, other extension
        (Path("b/x.html"), "b/x"),  # same name in another folder: its own id
        (Path("caf\u00e9.txt"), "caf\u00e9"),
        (Path("cafe\u0301.txt"), "caf\u00e9"),  # another Unicode form of the same name
        (Path("x.md"), "x"),
    ]
    assert find_duplicates(ids) == {
        Path("a/x.txt"): Path("a/x.md"),
        Path("cafe\u0301.txt"): Path("caf\u00e9.txt"),
    }
