"""The model's profiles and the lemmatizer's index: what each profile runs, and the same lemmas."""

import pytest
from spacy.language import Language

from extractors.nlp import PROFILES, get_profile, index_as_sets, load_nlp

SENTENCES = [
    "Les vingt-deux bénévoles étaient arrivés dès l'aube pour installer les stands du marché.",
    "Elle a été nommée directrice adjointe après avoir dirigé plusieurs équipes régionales.",
    "Quarante exposants seront présents ; les visiteurs pourront goûter des fromages affinés.",
    "Nous avions prévu trois ateliers, mais seuls deux ont pu se tenir à cause des intempéries.",
]


@pytest.mark.parametrize(
    ("profile", "runs", "skips"),
    [
        pytest.param(
            "full", {"tok2vec", "morphologizer", "parser", "lemmatizer", "ner"}, {"senter"}, id="full"
        ),
        pytest.param(
            "lean", {"tok2vec", "morphologizer", "senter", "lemmatizer", "ner"}, {"parser"}, id="lean"
        ),
    ],
)
def test_profile_components(profile: str, runs: set[str], skips: set[str]) -> None:
    chosen = get_profile(profile)
    assert "attribute_ruler" in chosen.exclude  # never read by an extractor
    assert all(name in chosen.exclude for name in skips)
    assert not runs & set(chosen.exclude)


def test_unknown_profile_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown profile 'tiny'"):
        get_profile("tiny")
    with pytest.raises(ValueError, match="choose one of full, lean"):
        load_nlp("tiny")


def test_every_profile_is_described() -> None:
    assert set(PROFILES) == {"full", "lean"}
    assert all(PROFILES[name].name == name for name in PROFILES)


def test_index_as_sets_gives_the_lemmas_of_the_list_index(nlp: Language) -> None:
    """The fast index answers as the model's list index does, word for word."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index")
    docs = list(nlp.pipe(SENTENCES))
    fast = [[token.lemma_ for token in doc] for doc in docs]
    original = {key: forms for key, forms in table.items()}
    try:
        for key, forms in original.items():
            table[key] = sorted(forms)  # back to lists, as the model ships them
        lemmatizer.cache.clear()
        slow = [[lemmatizer.rule_lemmatize(token)[0] for token in doc] for doc in docs]
        index_as_sets(nlp)
        assert all(isinstance(forms, frozenset) for _, forms in table.items())
    finally:
        for key, forms in original.items():
            table[key] = forms
        lemmatizer.cache.clear()
    assert fast == slow
    assert "être" in fast[1] and "arriver" in fast[0]  # the rule lemmatizer at work (AUX, VERB)


def test_the_model_is_loaded_once_however_its_profile_is_named(nlp: Language) -> None:
    """`load_nlp()` and `load_nlp("full")` are one model: a second copy cost seconds and memory."""
    from extractors import nlp as nlp_module

    loads = nlp_module.model_loads()
    assert load_nlp() is nlp and load_nlp("full") is nlp and load_nlp(profile="full") is nlp
    assert nlp_module.loaded_model() is nlp
    assert nlp_module.model_loads() == loads


def test_readers_of_lookup_tables_use_the_model_already_loaded(nlp: Language) -> None:
    from extractors import nlp as nlp_module
    from extractors.counts import nouns

    loads = nlp_module.model_loads()
    nouns.known_nouns.cache_clear()
    assert "école" in nouns.known_nouns()
    assert nlp_module.model_loads() == loads
