"""A page's bytes to text: byte order mark, valid UTF-8, the declared charset, else detection."""

import codecs
import re

from charset_normalizer import from_bytes

# Where a page declares its charset: XML declaration, <meta charset>, http-equiv Content-Type.
_XML_DECLARATION = re.compile(rb"""\A\s*<\?xml[^>]*?encoding\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
DECLARATION_BYTES = 4096  # browsers look for the declaration in the first 1024 bytes; be lenient
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Labels browsers read as windows-1252 (WHATWG Encoding): a page that says latin-1 means cp1252.
_CP1252_LABELS = frozenset({"latin_1", "ascii", "cp1252"})
# Encodings French text is written in, for detection when the page declares none: detecting
# among all of charset-normalizer's encodings picks cp1250 or cp1257 for short French pages.
FRENCH_ENCODINGS = ("cp1252", "iso8859_15", "mac_roman", "cp850")


def _codec_name(label: bytes) -> str | None:
    """Python's codec name for a declared charset label, or None when unknown."""
    try:
        name = codecs.lookup(label.decode("ascii", "replace")).name.replace("-", "_")
    except LookupError:
        return None
    return "cp1252" if name in _CP1252_LABELS or name == "iso8859_1" else name


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares (XML declaration, then <meta>), as a Python codec name."""
    head = data[:DECLARATION_BYTES]
    found = _XML_DECLARATION.search(head) or _META_CHARSET.search(head)
    return _codec_name(found.group(1)) if found else None


def _detect(data: bytes) -> str:
    """The most plausible French encoding of bytes that declare none and are not UTF-8."""
    matches = from_bytes(data, cp_isolation=list(FRENCH_ENCODINGS))
    french = [m for m in matches if m.language == "French"]
    if french:
        return french[0].encoding
    # No language evidence (a short page): the candidates tie, and cp1252 is by far the commonest.
    encodings = [m.encoding for m in matches]
    return "cp1252" if "cp1252" in encodings or not encodings else encodings[0]


def decode_html(data: bytes) -> tuple[str, list[str]]:
    """Decode a page's bytes: byte order mark, then UTF-8, then the declared charset, then detection.

    Valid UTF-8 wins over a declared single-byte charset (bytes in cp1252 or latin-1 with accents
    are practically never valid UTF-8, so such a declaration is the page's mistake). Returns the
    text and the warnings for the record, which name the encoding used whenever it is not UTF-8.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            return text, ([] if encoding == "utf-8-sig" else [f"decoded as {encoding} (byte order mark)"])
    declared = declared_charset(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        if declared not in (None, "utf_8") and not data.isascii():
            return text, [f"page declares charset {declared} but its bytes are valid UTF-8: decoded as UTF-8"]
        return text, []
    if declared not in (None, "utf_8"):
        try:
            return data.decode(declared), [f"decoded as {declared}, the charset the page declares"]
        except (UnicodeDecodeError, LookupError):
            pass
    detected = _detect(data)
    what = "declared UTF-8 but" if declared == "utf_8" else "no charset declared and"
    if declared not in (None, "utf_8"):
        what = f"not valid in the declared charset {declared} nor"
    warning = f"{what} not valid UTF-8 (first bad byte at offset {first_bad}): detected {detected}"
    return data.decode(detected, errors="replace"), [warning]
