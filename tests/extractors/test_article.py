"""Both spaCy profiles give valid records through the one-article path (`extract_records`)."""

from pathlib import Path

import pytest

from extractors.article import extract_records
from extractors.nlp import PROFILES, load_nlp
from extractors.version import pipeline_version
from models.record import KINDS, ArticleRecord
from pipelines.io import discover, read_article

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_each_profile_makes_valid_records(profile: str) -> None:
    articles = [read_article(path, CORPUS) for path in discover(CORPUS)]
    extractions = list(extract_records(articles, load_nlp(profile), batch_size=4, profile=profile))
    assert [e.error for e in extractions] == [None] * len(articles)
    found = {kind: 0 for kind in KINDS}
    for extraction in extractions:
        record = ArticleRecord.model_validate_json(extraction.record.model_dump_json())
        assert record.pipeline_version == pipeline_version(profile)
        assert record.offset_errors(extraction.article.text) == []
        for kind in KINDS:
            found[kind] += len(getattr(record, kind))
    assert all(found.values()), found  # every kind is still found with this profile's Docs


def test_profiles_have_their_own_pipeline_version() -> None:
    versions = {profile: pipeline_version(profile) for profile in PROFILES}
    assert len(set(versions.values())) == len(PROFILES)
    assert all(len(v) == 16 and int(v, 16) >= 0 for v in versions.values())
    with pytest.raises(ValueError, match="unknown profile"):
        pipeline_version("tiny")
