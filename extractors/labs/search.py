"""Finding a literal that stands as a word of its own, without a regular expression.

`re.finditer(rf"(?<![\\w-]){re.escape(x)}(?![\\w-])", text)` tries its lookbehind at every offset of
the article, for every name or acronym looked up (once per lab, per place entity): `str.find` jumps
to the few places where the literal is written, and only those are checked.
"""

import re


def _free(char: str, joiners: str) -> bool:
    """No character there (the text's edge), or one that `[\\w{joiners}]` does not match."""
    return not char or not (char.isalnum() or char == "_" or char in joiners)


def standalone_starts(text: str, literal: str, before: str = "", after: str = "") -> list[int]:
    """Offsets where `literal` is written with no word character (nor one of `before`) just before it
    and none (nor one of `after`) just after it, left to right and not overlapping: the starts of
    `re.finditer(rf"(?<![\\w{before}]){re.escape(literal)}(?![\\w{after}])", text)`."""
    if not literal:  # an empty literal matches between characters: leave that to `re`
        pattern = rf"(?<![\w{re.escape(before)}])(?![\w{re.escape(after)}])"
        return [m.start() for m in re.finditer(pattern, text)]
    starts: list[int] = []
    size, at = len(literal), text.find(literal)
    while at != -1:
        end = at + size
        if _free(text[at - 1 : at], before) and _free(text[end : end + 1], after):
            starts.append(at)
            at = text.find(literal, end)
        else:
            at = text.find(literal, at + 1)
    return starts


def is_standalone_in(text: str, literal: str, before: str = "", after: str = "") -> bool:
    """Whether `standalone_starts` finds anything (stopping at the first)."""
    if not literal:
        return bool(standalone_starts(text, literal, before, after))
    size, at = len(literal), text.find(literal)
    while at != -1:
        if _free(text[at - 1 : at], before) and _free(text[at + size : at + size + 1], after):
            return True
        at = text.find(literal, at + 1)
    return False
