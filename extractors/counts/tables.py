"""Counts in a flattened table row (`Séances de soins | 1 240 | 1 315`): the row's first cell is a
label, read like a `label : value` one (`labels`), and every other cell holding a bare number
counts it, one count per cell."""

from extractors.counts.labels import LABEL_MAX_TOKENS, label_tokens_unit
from extractors.counts.numbers import Number
from extractors.counts.passage import Passage

CELL_SEPARATORS = ("|", "\t")
"""What joins the cells of a table once the page is reduced to text."""


def table_row_unit(passage: Passage, number: Number) -> str | bool | None:
    """The unit of a number standing alone in a cell of a row whose first cell is a label of
    counted things (`Naissances`, `Nombre de lits`) holding no number; False when that label
    names a measure (`Budget`, `Taux d'occupation`): the number is no count; None when the number
    stands in no such cell."""
    text = passage.text
    start = text.rfind("\n", 0, number.start_char) + 1
    end = text.find("\n", number.end_char)
    line = text[start : end if end >= 0 else len(text)]
    sep = next((s for s in CELL_SEPARATORS if s in line), None)
    if sep is None:
        return None
    cell_start = line.rfind(sep, 0, number.start_char - start) + 1
    cell_end = line.find(sep, number.end_char - start)
    cell = line[cell_start : cell_end if cell_end >= 0 else len(line)]
    first = line.split(sep, 1)[0]
    if cell_start == 0 or cell.strip() != text[number.start_char : number.end_char]:
        return None  # the number shares its cell with words, or is the row's label
    if not first.strip() or any(ch.isdigit() for ch in first):
        return None
    offset = start + len(first) - len(first.lstrip())
    span = passage.doc.char_span(offset, offset + len(first.strip()), alignment_mode="expand")
    if span is None or not 0 < len(span) <= LABEL_MAX_TOKENS:
        return None
    unit = label_tokens_unit(passage.doc, [t.i for t in span])
    return unit
