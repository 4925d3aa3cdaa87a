"""Pure value logic of counts: numbers, years and qualifiers from plain strings (no spaCy)."""

import pytest

from extractors.counts.normalize import (
    autour_de_is_centred,
    combine_qualifiers,
    looks_like_year,
    parse_digits,
    parse_number_words,
    qualifier_after,
    qualifier_before,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3000", 3000),
        ("25 000", 25000),
        ("25\u00a0000", 25000),
        ("25\u202f000", 25000),
        ("25.000", 25000),
        ("1 250 000", 1_250_000),
        ("7", 7),
    ],
    ids=["bare", "space", "nbsp", "narrow_nbsp", "dot", "two_groups", "one_digit"],
)
def test_parse_digits(text: str, value: int) -> None:
    assert parse_digits(text) == value


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["trois"], 3),
        (["douze"], 12),
        (["vingt-cinq"], 25),
        (["quatre-vingts"], 80),
        (["quatre-vingt-dix-neuf"], 99),
        (["deux", "cents"], 200),
        (["vingt", "et", "un"], 21),
        (["mille"], 1000),
        (["deux", "mille", "trois", "cents"], 2300),
        (["cent", "deux", "cents"], None),
    ],
    ids=[
        "trois",
        "douze",
        "vingt_cinq",
        "quatre_vingts",
        "99",
        "deux_cents",
        "vingt_et_un",
        "mille",
        "2300",
        "bad",
    ],
)
def test_parse_number_words(words: list[str], value: int | None) -> None:
    assert parse_number_words(words) == value


@pytest.mark.parametrize(
    ("text", "year"),
    [("2018", True), ("1999", True), ("3000", False), ("250", False), ("25 000", False), ("2200", False)],
)
def test_looks_like_year(text: str, year: bool) -> None:
    assert looks_like_year(text) is year


@pytest.mark.parametrize(
    ("left", "qualifier"),
    [
        ("Il y avait plus de ", "at_least"),
        ("Plus d'", "at_least"),
        ("on compte au moins ", "at_least"),
        ("avec pas moins de ", "at_least"),
        ("soit moins de ", "at_most"),
        ("jusqu'à ", "at_most"),
        ("jusqu’à ", "at_most"),
        ("pas plus de ", "at_most"),
        ("près de ", "approx"),
        ("environ ", "approx"),
        ("quelque ", "approx"),
        ("autour de ", "approx"),
        ("entourés d'environ ", "approx"),
        ("dès ", "at_least"),
        ("à partir de ", "at_least"),
        ("en plus de ", None),
        ("les ", None),
        ("surplus de ", None),
    ],
    ids=[
        "plus_de", "plus_d", "au_moins", "pas_moins_de", "moins_de", "jusqu_a", "jusqu_a_curly",
        "pas_plus_de", "pres_de", "environ", "quelque", "autour_de", "elided_d_environ", "des",
        "a_partir_de", "en_plus_de", "none",
        "word_ending_in_plus",
    ],
)  # fmt: skip
def test_qualifier_before(left: str, qualifier: str | None) -> None:
    found = qualifier_before(left)
    assert (found[0] if found else None) == qualifier
    if found:
        assert left[len(left) - found[1] :].strip()


def test_qualifier_before_length_covers_the_phrase() -> None:
    left = "Ils étaient pas moins de "
    qualifier, length = qualifier_before(left)
    assert qualifier == "at_least"
    assert left[-length:].startswith("pas moins de")


@pytest.mark.parametrize(
    ("right", "qualifier"),
    [(" environ.", "approx"), (" au moins, ", "at_least"), (" au plus", "at_most"), (" en 2020", None)],
)
def test_qualifier_after(right: str, qualifier: str | None) -> None:
    found = qualifier_after(right)
    assert (found[0] if found else None) == qualifier


@pytest.mark.parametrize(
    ("previous", "pos", "lemma", "reflexive", "unit", "centred"),
    [
        (")", "PUNCT", ")", False, "personne", True),
        ("participants", "NOUN", "participant", False, "personne", True),
        ("articulés", "VERB", "articuler", True, "volet", True),
        ("rassemblé", "VERB", "rassembler", False, "personne", False),
        ("a", "AUX", "avoir", False, "thème", True),
        (",", "PUNCT", ",", False, "agent", False),
    ],
    ids=["after_bracket", "after_noun", "reflexive_verb", "active_verb", "topic_unit", "after_comma"],
)
def test_autour_de_is_centred(
    previous: str, pos: str, lemma: str, reflexive: bool, unit: str, centred: bool
) -> None:
    assert autour_de_is_centred(previous, pos, lemma, reflexive, unit) is centred


def test_explicit_qualifier_wins_over_the_numbers_own() -> None:
    assert combine_qualifiers("approx", "at_least") == "at_least"
    assert combine_qualifiers("approx", None) == "approx"
