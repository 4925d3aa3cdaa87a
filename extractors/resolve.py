"""Overlaps between fact kinds and duplicate facts, settled in one place."""

from models.facts import Fact

# A count inside one of these spans is a number of another kind (a day, an ordinal...).
COUNTS_YIELD_TO = ("dates", "editions")


def _overlaps(a: Fact, b: Fact) -> bool:
    return a.start_char < b.end_char and b.start_char < a.end_char


def resolve(facts: dict[str, list[Fact]]) -> dict[str, list[Fact]]:
    """Drop duplicate spans within a kind and counts that overlap a date or an edition; sort by offset."""
    resolved: dict[str, list[Fact]] = {}
    for kind, items in facts.items():
        unique = {(f.start_char, f.end_char): f for f in sorted(items, key=lambda f: f.start_char)}
        resolved[kind] = sorted(unique.values(), key=lambda f: (f.start_char, f.end_char))
    blockers = [f for kind in COUNTS_YIELD_TO for f in resolved.get(kind, [])]
    if "counts" in resolved and blockers:
        resolved["counts"] = [c for c in resolved["counts"] if not any(_overlaps(c, b) for b in blockers)]
    return resolved
