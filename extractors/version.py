"""The pipeline version: changes whenever the extraction could give another result.

It hashes the source and data files of `extractors/` and `models/` (code, lexicons, patterns)
and the HTML reader (`pipelines/html/` and the versions of the libraries it uses) with the
model's name and version and the spaCy profile (`extractors.nlp.PROFILES`: which components
run), so an incremental refresh never serves a record made by older rules, or by another
profile, as if it were current.
"""

import hashlib
from functools import lru_cache
from pathlib import Path

from extractors.nlp import DEFAULT_PROFILE, get_profile, model_version

PACKAGE_ROOTS = (Path(__file__).resolve().parent, Path(__file__).resolve().parent.parent / "models")
HASHED_SUFFIXES = {".py", ".txt", ".toml", ".json"}
# What turns an HTML page into the kept text, its title and its publication date.
HTML_READER = Path(__file__).resolve().parent.parent / "pipelines" / "html"
HTML_LIBRARIES = ("trafilatura", "htmldate", "lxml", "charset-normalizer")


@lru_cache(maxsize=4)
def pipeline_version(profile: str = DEFAULT_PROFILE) -> str:
    """The version of the records made with `profile`: 16 hex digits."""
    from importlib.metadata import version

    chosen = get_profile(profile)
    digest = hashlib.sha256()
    digest.update(model_version().encode())
    digest.update(";".join(f"{name}=={version(name)}" for name in HTML_LIBRARIES).encode())
    for path in sorted(HTML_READER.glob("*.py")):
        digest.update(path.read_bytes())
    digest.update(
        f"profile={chosen.name};exclude={','.join(chosen.exclude)};enable={','.join(chosen.enable)}".encode()
    )
    for root in PACKAGE_ROOTS:
        for path in sorted(root.rglob("*")):
            if path.suffix in HASHED_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root.parent)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
