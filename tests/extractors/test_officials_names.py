"""Names spaCy cuts or misses (`extractors/officials/names.py`), on sentences written for these tests.

Every name, body and place here is invented. spaCy splits a hyphenated surname into three tokens and
often ends its PER entity at the hyphen, stops before the "h" of a Breton "c'h", or starts the entity
at a capitalised particle ("Le ...") and leaves the first name out. Each case gives the officials
expected as (text, name, title); offsets of every fact are checked against the text.
"""

import pytest
from spacy.tokens import Doc

from extractors.context import ArticleContext
from extractors.officials import extract
from models.facts import OfficialFact, PersonFact
from tests.conftest import assert_offsets

CTX = ArticleContext(doc_id="test")

Official = tuple[str, str, str | None]


def _with_cut_entity(doc: Doc, *cuts: str) -> Doc:
    """The Doc with `cuts` (substrings of its text, found in order) as its only PER entities, as
    spaCy leaves them in longer articles: the same sentence parsed alone is often labelled whole."""
    spans, offset = [], 0
    for cut in cuts:
        start = doc.text.index(cut, offset)
        span = doc.char_span(start, start + len(cut), label="PER")
        assert span is not None, cut
        spans.append(span)
        offset = start + len(cut)
    others = [
        e
        for e in doc.ents
        if e.label_ != "PER" and not any(e.start < s.end and s.start < e.end for s in spans)
    ]
    doc.ents = sorted([*others, *spans], key=lambda e: e.start)
    return doc


# (id, sentence, the PER entity as spaCy cut it, expected officials as (text, name, title))
CUT_NAMES: list[tuple[str, str, str, set[Official]]] = [
    (
        "hyphenated-surname-in-capitals",
        "« Le chantier avance », a rappelé Bérénice MARCHAL-TOUZET, présidente de la région.",
        "Bérénice MARCHAL",
        {("Bérénice MARCHAL-TOUZET", "Bérénice MARCHAL-TOUZET", "présidente de la région")},
    ),
    (
        "hyphenated-surname-after-courtesy-title",
        "Mme Octavie RENAUD-PICHET, inspectrice d'académie, est nommée rectrice de l'académie de Dijon.",
        "Mme Octavie",
        {("Octavie RENAUD-PICHET", "Octavie RENAUD-PICHET", "rectrice de l'académie de Dijon")},
    ),
    (
        "hyphenated-surname-mixed-case",
        "Table ronde : Mme Isaure Dalmas-Vernier, vice-présidente de la région Bretagne.",
        "Mme Isaure Dalmas",
        {("Isaure Dalmas-Vernier", "Isaure Dalmas-Vernier", "vice-présidente de la région Bretagne")},
    ),
    (
        "hyphenated-surname-reported-speech",
        "« Nous restons vigilants », explique Annick Bellanger-Roy, préfète de l'Orne.",
        "Annick Bellanger",
        {("Annick Bellanger-Roy", "Annick Bellanger-Roy", "préfète de l'Orne")},
    ),
    (
        "breton-ch-inside-the-surname",
        "La réunion se tiendra en présence de Soizic Morvarc'h, conseillère départementale du canton "
        "de Carhaix.",
        "Soizic Morvarc'",
        {
            (
                "Soizic Morvarc'h",
                "Soizic Morvarc'h",
                "conseillère départementale du canton de Carhaix",
            )
        },
    ),
    (
        "breton-ch-opening-the-surname",
        "en présence de Morgane Ar C'hoz, conseillère départementale du canton de Brest",
        "Morgane Ar",
        {("Morgane Ar C'hoz", "Morgane Ar C'hoz", "conseillère départementale du canton de Brest")},
    ),
    (
        "first-name-before-a-capitalised-particle",
        "Des coureuses ont fait leurs débuts ici. Gwendoline Le Scouarnec, maire de Pont-Aven, "
        "remettra le prix.",
        "Le Scouarnec",
        {("Gwendoline Le Scouarnec", "Gwendoline Le Scouarnec", "maire de Pont-Aven")},
    ),
    (
        "hyphenated-first-name-and-surname",
        "Le préfet Jean-Luc MORIN-DESAIX a reçu les élus.",
        "Jean-Luc MORIN",
        {("Jean-Luc MORIN-DESAIX", "Jean-Luc MORIN-DESAIX", "préfet")},
    ),
]


@pytest.mark.parametrize(
    ("text", "cut", "expected"), [c[1:] for c in CUT_NAMES], ids=[c[0] for c in CUT_NAMES]
)
def test_cut_names_are_read_whole(nlp, text: str, cut: str, expected: set[Official]) -> None:
    facts = extract(_with_cut_entity(nlp(text), cut), CTX)
    assert_offsets(text, facts)
    assert {(f.text, f.name, f.title) for f in facts if isinstance(f, OfficialFact)} == expected


def test_a_later_mention_of_a_cut_name_joins_the_person(nlp) -> None:
    text = (
        "Héloïse Carrel-Vidal, directrice de l'hôpital, a ouvert la journée.\n\n"
        "« Le service est prêt », précise Héloïse Carrel-Vidal."
    )
    doc = _with_cut_entity(nlp(text), "Héloïse Carrel-Vidal", "Héloïse Carrel")
    facts = extract(doc, CTX)
    assert_offsets(text, facts)
    assert [(f.text, f.name) for f in facts] == [
        ("Héloïse Carrel-Vidal", "Héloïse Carrel-Vidal"),
        ("Héloïse Carrel-Vidal", "Héloïse Carrel-Vidal"),
    ]
    assert all(isinstance(f, OfficialFact) for f in facts)


# (id, sentence, the PER entity as spaCy gave it, the people expected)
NOT_EXTENDED: list[tuple[str, str, str, set[str]]] = [
    (
        "spaced-dash-ends-the-name",
        "Rencontre avec Léopold Sarrazin - Éditions du Phare",
        "Léopold Sarrazin",
        {"Léopold Sarrazin"},
    ),
    (
        "preposition-is-not-a-first-name",
        "Selon Le Guennec, la route sera rouverte.",
        "Le Guennec",
        {"Le Guennec"},
    ),
    (
        "word-in-capitals-is-not-a-first-name",
        "Départ de BREST Le Goarant en tête.",
        "Le Goarant",
        {"Le Goarant"},
    ),
]


@pytest.mark.parametrize(
    ("text", "cut", "names"), [c[1:] for c in NOT_EXTENDED], ids=[c[0] for c in NOT_EXTENDED]
)
def test_names_are_not_extended_over_other_words(nlp, text: str, cut: str, names: set[str]) -> None:
    facts = extract(_with_cut_entity(nlp(text), cut), CTX)
    assert_offsets(text, facts)
    assert not [f for f in facts if isinstance(f, OfficialFact)]
    assert {f.name for f in facts if isinstance(f, PersonFact)} == names


# Names with several particles: the particles do not count towards a name's length.
PARTICLE_NAMES: list[tuple[str, str, set[tuple[str, str]]]] = [
    (
        "particles-and-an-elided-de",
        "M. Pierre-Yves de La Tour d'Aigues, sous-préfet de Montbrison, a présidé la cérémonie.",
        {("Pierre-Yves de La Tour d'Aigues", "sous-préfet de Montbrison")},
    ),
    (
        "two-particles-and-a-compound-first-name",
        "Marie-Laure de La Motte du Breuil, conseillère régionale, a visité le chantier.",
        {("Marie-Laure de La Motte du Breuil", "conseillère régionale")},
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in PARTICLE_NAMES], ids=[c[0] for c in PARTICLE_NAMES]
)
def test_names_with_several_particles(nlp, text: str, expected: set[tuple[str, str]]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert {(f.name, f.title) for f in facts if isinstance(f, OfficialFact)} == expected


# A name after a title's comma that spaCy labels as a place (the labels are set here, as spaCy gives
# them in some sentences): read as the name only when it is two written words closed by punctuation.
def _as_place(doc: Doc, text: str) -> Doc:
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text), label="LOC")
    assert span is not None, text
    doc.ents = [e for e in doc.ents if e.end <= span.start or e.start >= span.end] + [span]
    doc.ents = sorted(doc.ents, key=lambda e: e.start)
    return doc


PLACE_LABELLED: list[tuple[str, str, str, set[tuple[str, str]]]] = [
    (
        "name-labelled-a-place-after-a-title-comma",
        "« Le collège ouvrira », promet la conseillère départementale du canton de Vayrac, Agnès Py-Lanel.",
        "Agnès Py-Lanel",
        {("Agnès Py-Lanel", "conseillère départementale du canton de Vayrac")},
    ),
    (
        "place-after-a-title-without-a-comma",
        "Le préfet de région Haute-Brenne a signé l'arrêté.",
        "Haute-Brenne",
        set(),
    ),
    (
        "one-written-word-after-a-title-comma",
        "Le maire de la commune, Saint-Aubin-des-Prés, a signé l'arrêté.",
        "Saint-Aubin-des-Prés",
        set(),
    ),
]


@pytest.mark.parametrize(
    ("text", "place", "expected"), [c[1:] for c in PLACE_LABELLED], ids=[c[0] for c in PLACE_LABELLED]
)
def test_name_labelled_a_place_after_a_title(
    nlp, text: str, place: str, expected: set[tuple[str, str]]
) -> None:
    facts = extract(_as_place(nlp(text), place), CTX)
    assert_offsets(text, facts)
    assert {(f.name, f.title) for f in facts if isinstance(f, OfficialFact)} == expected
    if not expected:
        assert not [f for f in facts if f.text == place]  # the place is no person either
