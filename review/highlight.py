"""Cut an article's text into runs so every fact can be highlighted in place from its offsets.

Facts may nest or overlap; the text is split at every fact boundary, and each run knows all the
facts covering it and its primary one (the shortest, so a click picks the innermost fact).
"""

from dataclasses import dataclass

from models.facts import Fact


@dataclass(frozen=True)
class Run:
    text: str
    start: int
    facts: tuple[Fact, ...] = ()
    opens: tuple[str, ...] = ()

    @property
    def primary(self) -> Fact | None:
        return (
            min(self.facts, key=lambda f: (f.end_char - f.start_char, f.start_char)) if self.facts else None
        )


def runs(text: str, facts: list[Fact]) -> list[Run]:
    """Consecutive runs covering `text` exactly; `opens` lists the facts starting at a run."""
    spans = [f for f in facts if 0 <= f.start_char < f.end_char <= len(text)]
    cuts = sorted({0, len(text), *(f.start_char for f in spans), *(f.end_char for f in spans)})
    out: list[Run] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = tuple(f for f in spans if f.start_char <= start and end <= f.end_char)
        opens = tuple(f.id for f in covering if f.start_char == start)
        out.append(Run(text[start:end], start, covering, opens))
    return out
