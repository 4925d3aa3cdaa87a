"""Whether a piece of text names a public body: the cues a head title or an antecedent is judged by.

A kind of public body or a public field (`public_body_cues`), a public body's acronym
(`public_acronyms`; `public_acronyms_cased` only in capitals, being common words lower-cased),
"du Grand X" (an intercommunal body), a capitalised "Département", or a public syndicate (a
syndicate of communes for water, energy, waste or transport, unlike a trade union).
"""

import re
from functools import cache

from extractors.lexicons import load_list
from extractors.officials.normalize import fold, word_regex

# Nouns that begin the name of a public body inside a title ("président du conseil départemental").
BODY_NOUNS = frozenset(
    {
        "conseil",
        "ville",
        "mairie",
        "prefecture",
        "agence",
        "direction",
        "commune",
        "ministere",
        "metropole",
        "commission",
        "caisse",
        "office",
        "etablissement",
        "universite",
        "chambre",
        "groupement",
        "eurometropole",
        "ecole",
        "syndicat",
        "parc",
        "iut",
        "hopital",
        "centre",
        "communaute",
        "institut",
        "autorite",
        "tribunal",
        "cour",
        "assemblee",
        "senat",
        "rectorat",
        "academie",
        "departement",
    }
)


@cache
def public_acronyms() -> frozenset[str]:
    """Folded acronyms of public bodies, for a word read on its own ("du CNRS")."""
    return frozenset(fold(a) for a in load_list("public_acronyms"))


@cache
def public_cue_regex() -> re.Pattern[str]:
    """Kinds of public body, public fields and the common acronyms of French public bodies (folded text)."""
    return word_regex([*load_list("public_body_cues"), *load_list("public_acronyms")])


@cache
def _cased_acronym_regex() -> re.Pattern[str]:
    words = sorted(load_list("public_acronyms_cased"), key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, words))})(?![\w-])")


# "Grand" + place, the usual name of an intercommunal body ("président du Grand Dijon").
INTERCOMMUNAL_RE = re.compile(r"(?<!\w)(?:du|de|au) Grand[ -](?!Prix\b|Orient\b)[A-ZÀ-Þ]")
# A capitalised "Département" is the collectivity ("vice-président du Département"); a lower-case
# one may be a division of anything ("directeur du département des ventes").
COLLECTIVITY_RE = re.compile(r"(?<!\w)(?:du|au|le) Département\b")
# Acronyms shaped like a State directorate's: direction générale (DGxx), régionale (DRxx),
# départementale (DDxx), interrégionale or interdépartementale (DIRx). "DGA" or "DRH" (one letter
# after the prefix) name a post or a company department, not a directorate.
DIRECTORATE_RE = re.compile(r"^(?:DG[A-Z]{2,5}|DR[A-Z]{2,5}|DD[A-Z]{1,5}|DIR[A-Z]{1,5})$")
# A syndicate of communes is named by the public service it runs or by its legal form ("syndicat
# intercommunal des eaux", "syndicat Les Eaux de X", "syndicat d'énergie de Y"); a trade union by its
# trade or its confederation ("syndicat des enseignants", "syndicat CGT"). Folded text.
PUBLIC_SYNDICATE_RE = re.compile(
    r"(?<![\w-])syndicats?(?:[ \t]+[\w'-]+){0,2}?[ \t]+(?:d'|des?[ \t]+|du[ \t]+|les?[ \t]+|l')?"
    r"(?:eaux?|assainissement|energies?|electricite|dechets|ordures|intercommuna(?:l|le|ux)"
    r"|mixtes?|de communes)(?![\w-])"
)


def names_public_body(text: str) -> bool:
    """The text names a public body or field by any of the cues above."""
    folded = fold(text)
    return bool(
        public_cue_regex().search(folded)
        or _cased_acronym_regex().search(text)
        or INTERCOMMUNAL_RE.search(text)
        or COLLECTIVITY_RE.search(text)
        or PUBLIC_SYNDICATE_RE.search(folded)
    )
