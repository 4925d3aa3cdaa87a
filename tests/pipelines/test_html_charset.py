"""Reading a page's bytes: byte order mark, valid UTF-8, the declared charset, else detection."""

import pytest

from bench.html_pages import wrap
from pipelines.html import declared_charset, decode_html, read_html
from tests.pipelines.html_articles import KITES

ACCENTED = "Fête à l'hôtel de ville : « œuvre », 3 € la séance ; déjà 120 élèves inscrits."


def page_bytes(encoding: str, declaration: str = "", text: str = ACCENTED) -> bytes:
    html = f"{declaration}<html><head>{{meta}}<title>t</title></head><body><p>{text}</p></body></html>"
    return html.encode(encoding)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(b'<meta charset="windows-1252">', "cp1252", id="meta-charset"),
        pytest.param(b"<meta charset=UTF-8>", "utf_8", id="meta-charset-unquoted"),
        pytest.param(
            b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
            "cp1252",  # browsers read latin-1 labels as windows-1252
            id="http-equiv-latin1",
        ),
        pytest.param(
            b'<?xml version="1.0" encoding="ISO-8859-15"?><html>', "iso8859_15", id="xml-declaration"
        ),
        pytest.param(b'<meta charset="klingon-7">', None, id="unknown-label"),
        pytest.param(b"<html><head><title>t</title></head></html>", None, id="none"),
    ],
)
def test_declared_charset(head: bytes, expected: str | None) -> None:
    assert declared_charset(head) == expected


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        pytest.param(
            page_bytes("utf-8").replace(b"{meta}", b'<meta charset="utf-8">'), None, id="utf8-declared"
        ),
        pytest.param(page_bytes("utf-8").replace(b"{meta}", b""), None, id="utf8-undeclared"),
        pytest.param(
            page_bytes("cp1252").replace(b"{meta}", b'<meta charset="windows-1252">'),
            "decoded as cp1252, the charset the page declares",
            id="cp1252-declared",
        ),
        pytest.param(
            page_bytes("cp1252").replace(
                b"{meta}", b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
            ),
            "decoded as cp1252, the charset the page declares",
            id="cp1252-bytes-declared-latin1",
        ),
        pytest.param(
            page_bytes("iso8859_15", '<?xml version="1.0" encoding="iso-8859-15"?>\n').replace(
                b"{meta}", b""
            ),
            "decoded as iso8859_15, the charset the page declares",
            id="xml-declaration-latin9",
        ),
        pytest.param(
            page_bytes("utf-8").replace(b"{meta}", b'<meta charset="iso-8859-1">'),
            "page declares charset cp1252 but its bytes are valid UTF-8: decoded as UTF-8",
            id="utf8-wrongly-declared-latin1",
        ),
        pytest.param(
            page_bytes("cp1252").replace(b"{meta}", b""),
            "no charset declared and not valid UTF-8 (first bad byte at offset",
            id="cp1252-undeclared-detected",
        ),
        pytest.param(
            page_bytes("cp1252").replace(b"{meta}", b'<meta charset="utf-8">'),
            "declared UTF-8 but not valid UTF-8",
            id="cp1252-wrongly-declared-utf8",
        ),
        pytest.param(
            b"\xef\xbb\xbf" + page_bytes("utf-8").replace(b"{meta}", b'<meta charset="windows-1252">'),
            None,
            id="utf8-bom-beats-declaration",
        ),
        pytest.param(
            page_bytes("utf-16").replace("{meta}".encode("utf-16")[2:], b""), "utf-16", id="utf16-bom"
        ),
    ],
)
def test_decode_html_gives_the_text_and_says_what_was_used(data: bytes, warning: str | None) -> None:
    text, warnings = decode_html(data)
    assert ACCENTED in text
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and warning in warnings[0]
    if "detected" in (warning or "") or "declared UTF-8" in (warning or ""):
        assert "detected cp1252" in warnings[0]


def test_pure_ascii_page_declaring_latin1_has_no_warning() -> None:
    data = b'<html><head><meta charset="iso-8859-1"></head><body><p>Le 3 mai, 40 exposants.</p></body></html>'
    assert decode_html(data) == (data.decode("ascii"), [])


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8"])
def test_a_page_and_its_article_read_the_same_in_any_declared_charset(encoding: str) -> None:
    utf8_page = wrap(KITES, "news")
    page = utf8_page.replace('<meta charset="utf-8">', f'<meta charset="{encoding}">')
    read = read_html(page.encode(encoding))
    assert read.text == KITES
    assert bool(read.warnings) == (encoding != "utf-8")
