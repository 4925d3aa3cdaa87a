"""`standalone_starts` finds what the bounded regex it replaces finds, on every edge case."""

import random
import re

import pytest

from extractors.labs.search import is_standalone_in, standalone_starts


def _regex_starts(text: str, literal: str, before: str, after: str) -> list[int]:
    pattern = rf"(?<![\w{re.escape(before)}]){re.escape(literal)}(?![\w{re.escape(after)}])"
    return [m.start() for m in re.finditer(pattern, text)]


@pytest.mark.parametrize(
    ("text", "literal", "before", "after", "expected"),
    [
        ("Lyon, Grand Lyon et lyonnais", "Lyon", "-", "-", [0, 12]),
        ("Saint-Lyon Lyon-Est Lyon_1 Lyon", "Lyon", "-", "-", [27]),
        ("l'LIP6 LIP6", "LIP6", "'", "", [7]),
        ("aaaa", "aa", "", "", []),
        (" aa aa", "aa", "", "", [1, 4]),
        ("", "x", "", "", []),
    ],
)
def test_examples(text: str, literal: str, before: str, after: str, expected: list[int]) -> None:
    assert standalone_starts(text, literal, before, after) == expected
    assert _regex_starts(text, literal, before, after) == expected
    assert is_standalone_in(text, literal, before, after) == bool(expected)


def test_same_starts_as_the_regex_on_random_texts() -> None:
    rng = random.Random(18)
    alphabet = "ab-_ é'’\n1A"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        literal = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3)))
        before, after = rng.choice(["", "-", "'’-"]), rng.choice(["", "-"])
        expected = _regex_starts(text, literal, before, after)
        assert standalone_starts(text, literal, before, after) == expected, (text, literal)
        assert is_standalone_in(text, literal, before, after) == bool(expected)
