"""A synthetic corpus of N distinct articles built from a folder of sample articles.

Article `i` is sample `i % len(samples)` with one closing line that carries `i`, so every file
has its own content hash (the incremental refresh cannot skip it on the first run) while the
text spaCy parses stays realistic. Any prefix of the corpus keeps the samples' mix when its
length is a multiple of the number of samples.
"""

import os
from dataclasses import dataclass
from pathlib import Path

from pipelines.io import discover, read_article

FILE_PATTERN = "bench_{index:06d}.txt"
# The varying line: placed last so the first line stays the article's title.
UNIQUE_LINE = "\nDiffusion BENCH-{index:06d}.\n"


@dataclass(frozen=True)
class CorpusInfo:
    """What was generated: enough to turn seconds into articles/s and words/s."""

    folder: str
    articles: int
    words: int
    characters: int
    samples: int


def load_samples(source_dir: Path) -> list[str]:
    """The sample articles' texts, decoded as the pipeline decodes them, in a stable order."""
    texts = [read_article(path, source_dir).text for path in discover(source_dir)]
    texts = [text for text in texts if text.strip()]
    if not texts:
        raise ValueError(f"no sample articles in {source_dir}")
    return texts


def article_text(samples: list[str], index: int) -> str:
    """The text of generated article `index`."""
    return samples[index % len(samples)].rstrip("\n") + "\n" + UNIQUE_LINE.format(index=index)


def _write(path: Path, content: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(content, encoding="utf-8")
    os.replace(tmp, path)


def make_corpus(source_dir: Path, dest_dir: Path, n: int) -> CorpusInfo:
    """Write `n` distinct articles into `dest_dir` (created; must hold no article yet)."""
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    samples = load_samples(source_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    if any(discover(dest_dir)):
        raise FileExistsError(f"{dest_dir} already holds articles")
    words = characters = 0
    for index in range(n):
        text = article_text(samples, index)
        _write(dest_dir / FILE_PATTERN.format(index=index), text)
        words += len(text.split())
        characters += len(text)
    return CorpusInfo(str(dest_dir), n, words, characters, len(samples))
