"""Overlaps between fact kinds and duplicate facts, settled in one place.

Extractors run independently, so one number may be claimed twice: `21 novembre` by dates and
counts, `5ème édition` by editions, `UMR 6249` by labs. The more specific reading wins:
a count yields to a day or month date, an edition and a lab; a year-only date yields to a count
that names its counted noun (`2000 participants` is a quantity, not the year 2000) and to a count
whose noun is left out once the counts extractor has checked that a time phrase makes the number
no year (`2 310 entrées (1890 un an plus tôt)`).
"""

from models.facts import CountFact, DateFact, Fact

COUNTS_YIELD_TO = ("dates", "editions", "labs")
"""A count inside one of these spans is a number of another kind (a day, an ordinal, a lab's number)."""

ELIDED_COUNT_RULES = "count.elided_"
"""Rule prefix of counts whose noun is left out: their number was checked not to be a year."""


def _overlaps(a: Fact, b: Fact) -> bool:
    return a.start_char < b.end_char and b.start_char < a.end_char


def _count_beats_year(count: Fact, date: Fact) -> bool:
    """A year-only date inside a count that reaches past it (the count names its noun), or exactly
    under a count whose noun is left out."""
    if not (isinstance(count, CountFact) and isinstance(date, DateFact) and date.granularity == "year"):
        return False
    if count.start_char > date.start_char or count.end_char < date.end_char:
        return False
    return count.end_char > date.end_char or (count.rule or "").startswith(ELIDED_COUNT_RULES)


def resolve(facts: dict[str, list[Fact]]) -> dict[str, list[Fact]]:
    """Drop duplicate spans within a kind and settle overlaps between counts and other kinds.

    Returns every kind sorted by offset; the input lists are left untouched.
    """
    resolved: dict[str, list[Fact]] = {}
    for kind, items in facts.items():
        unique = {(f.start_char, f.end_char): f for f in sorted(items, key=lambda f: f.start_char)}
        resolved[kind] = sorted(unique.values(), key=lambda f: (f.start_char, f.end_char))
    counts = resolved.get("counts", [])
    if not counts:
        return resolved
    if resolved.get("dates"):
        resolved["dates"] = [d for d in resolved["dates"] if not any(_count_beats_year(c, d) for c in counts)]
    blockers = [f for kind in COUNTS_YIELD_TO for f in resolved.get(kind, [])]
    resolved["counts"] = [c for c in counts if not any(_overlaps(c, b) for b in blockers)]
    return resolved
