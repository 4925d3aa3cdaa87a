"""Bodies a title names only by referring back to them (`extractors/officials/antecedents.py`).

A possessive ("Son directeur général par intérim"), a relative "dont" ("Le syndicat ..., dont le
président X") and a definite kind noun ("le délégué du centre") point to a body named before; the
title is public when that body is. Every name, body and place is invented for these tests. Each
case gives the officials expected as (name, title, organization).
"""

import pytest

from extractors.context import ArticleContext
from extractors.officials import extract
from models.facts import OfficialFact
from tests.conftest import assert_offsets

CTX = ArticleContext(doc_id="test")

Official = tuple[str, str, str | None]

POSITIVES: list[tuple[str, str, set[Official]]] = [
    (
        "possessive-interim-subject-of-previous-sentence",
        "L'ARS publie un nouveau bilan. Son directeur général par intérim, le Dr Marc Olivier-Dubreuil, "
        "signale 30 cas.",
        {("Marc Olivier-Dubreuil", "directeur général par intérim", "ARS")},
    ),
    (
        "possessive-interim-feminine",
        "Le rectorat a réuni les proviseurs mardi. Sa secrétaire générale par intérim, Odile Ferrand, "
        "a présenté la carte scolaire.",
        {("Odile Ferrand", "secrétaire générale par intérim", "rectorat")},
    ),
    (
        "relative-dont-water-syndicate",
        "Le syndicat intercommunal des eaux du Lomont, dont le président Gérard Poulain a été réélu en "
        "mars, promet des travaux.",
        {("Gérard Poulain", "président", "syndicat intercommunal des eaux du Lomont")},
    ),
    (
        "relative-dont-syndicate-named-by-its-service",
        "Nous avons rencontré le syndicat Les Énergies du Vercors (SEV), dont la présidente Claire "
        "Bonnard défend le projet.",
        {("Claire Bonnard", "présidente", "syndicat Les Énergies du Vercors (SEV)")},
    ),
    (
        "relative-dont-public-agency",
        "L'agence régionale de santé, dont la directrice Hélène Marty était présente, a validé le plan.",
        {("Hélène Marty", "directrice", "agence régionale de santé")},
    ),
    (
        "definite-centre-of-a-research-body",
        "Le centre Inrae de Colmar a fêté ses 50 ans.\n\n« Nous sommes prêts », a expliqué le délégué "
        "du centre, Paul Lemoine.",
        {("Paul Lemoine", "délégué du centre", "centre Inrae de Colmar")},
    ),
    (
        "definite-institute-named-by-acronym",
        "L'institut CNRS Montagne a ouvert ses portes. La directrice de l'institut, Sylvie Arnaud, "
        "a accueilli les lycéens.",
        {("Sylvie Arnaud", "directrice de l'institut", "institut CNRS Montagne")},
    ),
]

# The body referred to is not public, or the title names no body that comes back.
NEGATIVES: list[tuple[str, str]] = [
    (
        "relative-dont-trade-union",
        "Le syndicat CGT des cheminots, dont le secrétaire Paul Lemoine a été réélu, appelle à la grève.",
    ),
    (
        "relative-dont-association",
        "L'association Les Amis du Rail, dont le président Jacques Morel a été réélu, organise une fête.",
    ),
    (
        "definite-centre-that-is-private",
        "Le centre culturel Arlequin a fêté ses 50 ans. « Nous sommes prêts », a expliqué le directeur "
        "du centre, Paul Lemoine.",
    ),
    (
        "possessive-interim-of-a-club",
        "Le club de voile a repris les régates. Son président par intérim, Luc Garnier, salue les bénévoles.",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in POSITIVES], ids=[c[0] for c in POSITIVES])
def test_referred_body(nlp, text: str, expected: set[Official]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    found = {(f.name, f.title, f.organization) for f in facts if isinstance(f, OfficialFact)}
    assert found == expected


@pytest.mark.parametrize("text", [c[1] for c in NEGATIVES], ids=[c[0] for c in NEGATIVES])
def test_referred_body_not_public(nlp, text: str) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert not [f for f in facts if isinstance(f, OfficialFact)]
