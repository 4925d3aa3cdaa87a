"""The one place the spaCy model is loaded: once per process and profile, cached.

A profile names the model components a run uses (`--profile`). `full` runs the model as it is
trained, less the attribute ruler the extractors never read; `lean` swaps the dependency parser
for the model's own sentence segmenter (`senter`, about a tenth of the parser's cost), so the
extractors get sentences without arcs. `bench/RESULTS.md` has each component's cost and what the
development set's scores do without it. The profile is part of the pipeline version.
"""

import threading
from dataclasses import dataclass

import spacy
from spacy.language import Language

from extractors.regex_cache import compiled_regex_cache

MODEL_NAME = "fr_core_news_md"
# Longest text (in characters) handed to spaCy; longer articles are refused upstream.
MAX_TEXT_CHARS = 1_000_000


@dataclass(frozen=True)
class Profile:
    """Which of the model's components are left out and which disabled-by-default ones are run."""

    name: str
    exclude: tuple[str, ...]
    enable: tuple[str, ...] = ()


PROFILES: dict[str, Profile] = {
    # attribute_ruler: copies POS into `tag_`, which no extractor reads; senter: the parser sets sentences.
    "full": Profile("full", exclude=("attribute_ruler", "senter")),
    "lean": Profile("lean", exclude=("attribute_ruler", "parser"), enable=("senter",)),
}
DEFAULT_PROFILE = "full"


def get_profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(f"unknown profile {name!r}; choose one of {', '.join(PROFILES)}") from None


_MODELS: dict[str, Language] = {}
_MODELS_LOCK = threading.Lock()  # two threads asking at once must not load it twice
_loads = 0


def load_nlp(profile: str = DEFAULT_PROFILE) -> Language:
    """The packaged French model (never downloaded at run time) with a profile's components,
    loaded once per process and profile however the profile is passed."""
    global _loads
    chosen = get_profile(profile)
    with _MODELS_LOCK:
        if chosen.name not in _MODELS:
            _MODELS[chosen.name] = _load(chosen)
            _loads += 1
        return _MODELS[chosen.name]


def model_loads() -> int:
    """How many times this process has loaded a model (a test checks each worker loads one)."""
    return _loads


def loaded_model() -> Language:
    """A model this process has loaded already, else the default one: for readers of the
    model's lookup tables, which are the same in every profile (no second model in memory)."""
    with _MODELS_LOCK:
        if _MODELS:
            return next(iter(_MODELS.values()))
    return load_nlp()


def _load(chosen: Profile) -> Language:
    with compiled_regex_cache():  # French tokenizer exceptions: seconds of `re` compiling otherwise
        nlp = spacy.load(MODEL_NAME, exclude=list(chosen.exclude))
    for name in chosen.enable:
        nlp.enable_pipe(name)
    nlp.max_length = MAX_TEXT_CHARS
    index_as_sets(nlp)
    return nlp


def index_as_sets(nlp: Language) -> None:
    """Turn the lemmatizer's word index from lists into sets: the same lemmas, far faster.

    The French rule lemmatizer asks `form in index[pos]` for every word it has not seen yet,
    once per candidate form, and the model ships each index as a list (66,000 nouns): a linear
    scan each time. It was the costliest component on real articles, above tok2vec
    (bench/RESULTS.md). The lemmatizer only tests membership, so a set gives the same answers.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, forms in list(table.items()):
        if isinstance(forms, list):
            table[key] = frozenset(forms)


def model_version() -> str:
    """Name and version of the model, without loading it."""
    from importlib.metadata import version

    return f"{MODEL_NAME}=={version(MODEL_NAME)};spacy=={spacy.__version__}"
