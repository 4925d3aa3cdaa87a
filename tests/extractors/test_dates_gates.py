"""The gates of `extractors.dates.gates` skip a rule only where it cannot match: on every segment of
the sample, held-out and test texts, a rule that matches there is one `rules_for_segment` keeps."""

from pathlib import Path

import pytest

from extractors.dates.gates import RULE_GATES, RULE_NEEDS, rules_for_segment
from extractors.dates.mentions import lowered, segments
from extractors.dates.patterns import RULES
from pipelines.io import discover, read_article
from tests.extractors import (
    test_dates,
    test_dates_agenda,
    test_dates_context,
    test_dates_fallback,
    test_dates_governing,
    test_dates_mentions,
)

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = [ROOT / "corpus", ROOT / "tests/heldout/texts", ROOT / "tests/heldout2/texts"]
# Rare forms, one per rule the texts above may lack.
EXTRA = [
    "21 & 22\nMAI 2024",
    "le 16-jun-2022 et le 3-mars-2021",
    "place du 8-Mai et fête du 1er-Mai",
    "juin 3rd 2021, June 3rd, 2021 et 12 sept 2021",
    "Juillet et août | visites, • 18/05 : atelier, LUN 06.10",
    "January 2025 – June 2026, juillet-août, VEN 3 → DIM 12 OCT, du 4 AU 7 SEPT",
    "2017 : bilan\nentre le 4 et le 8 avril, de 2015 à 2017, entre mai et juillet 2020",
    "ce mercredi, jeudi soir, lundi dernier, le mois prochain, ce mois-ci, avant-hier",
    "vendredi 3 mai ... dimanche 12, la finale de septembre, AGENDA D'AVRIL",
]


def _texts() -> list[str]:
    texts = [read_article(path, folder).text for folder in FOLDERS for path in discover(folder)]
    modules = (test_dates, test_dates_agenda, test_dates_context, test_dates_fallback, test_dates_governing)
    cases = [case for module in (*modules, test_dates_mentions) for case in module.CASES]
    negatives = [
        case for module in (test_dates, test_dates_agenda, test_dates_fallback) for case in module.NEGATIVES
    ]
    written = [case[1] for case in cases] + [case if isinstance(case, str) else case[1] for case in negatives]
    return texts + [text for text in written if isinstance(text, str)] + EXTRA


def test_every_rule_has_its_needs_and_gates():
    assert set(RULE_NEEDS) == set(RULES) == set(RULE_GATES)
    assert all(RULE_GATES[rule] for rule in RULES)


@pytest.mark.parametrize("text", _texts())
def test_a_rule_that_matches_in_a_segment_is_kept(text):
    low = lowered(text)
    for start, end in segments(low):
        kept = {rule for rule, _pattern in rules_for_segment(low, start, end)}
        matching = {rule for rule, pattern in RULES.items() if pattern.search(low, start, end)}
        assert matching <= kept, (text[start:end], matching - kept)
