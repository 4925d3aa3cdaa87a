"""Pure value logic of labs: a lab's name from a phrase read on its own (no Doc)."""

import re

# Lower-case words that open a phrase without being part of the lab's name (`le Lab X`).
_OPENING_WORDS_RE = re.compile(
    r"^(?:(?:le|la|les|du|au|aux|un|une|notre|son|sa|leur|ce|cette|de\s+la|de)\s+|(?:de\s+)?[ld]['’]\s*)+"
)
_EDGES = ' \t\n.,;:!?«»"“”'


def lab_name(text: str) -> str:
    """A lab's name as written, without a lower-case opening article and edge punctuation:
    `le laboratoire Chimie et Matière` -> `laboratoire Chimie et Matière`; `La 27e Région` is kept."""
    name = re.sub(r"\s+", " ", text).strip(_EDGES)
    return _OPENING_WORDS_RE.sub("", name, count=1).strip(_EDGES)
