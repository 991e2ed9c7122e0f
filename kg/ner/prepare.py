"""Choose the training documents: SciERC train, a held-out slice of it, and a SciREX sample.

The held-out slice (not SciERC dev) picks spaCy's best checkpoint, so the SciERC dev score
reported afterwards was never looked at during training. SciREX (full papers, about 25 times
SciERC's size) is sampled down to a word budget: it brings Dataset and Metric names SciERC
rarely has, without drowning SciERC's annotation style or the CPU time budget.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

from kg.ner.corpus import AnnotatedDoc, read_scierc, read_scirex

SCIERC_TRAIN = Path("scierc/train.json")
SCIERC_DEV = Path("scierc/dev.json")
SCIREX = Path("scirex/scirex_dev.jsonl")


def default_data_dir() -> Path:
    """$KG_NER_DATA, else the shared/data folder beside this checkout."""
    env = os.environ.get("KG_NER_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "shared" / "data"


@dataclass(frozen=True)
class TrainingSets:
    train: list[AnnotatedDoc]
    holdout: list[AnnotatedDoc]
    scierc_docs: int
    scirex_chunks: int

    @property
    def train_words(self) -> int:
        return sum(doc.n_words for doc in self.train)


def sample_scirex(chunks: list[AnnotatedDoc], max_words: int, rng: random.Random) -> list[AnnotatedDoc]:
    """Random chunks that hold at least one entity, until ``max_words`` tokens are taken."""
    pool = [chunk for chunk in chunks if chunk.spans]
    rng.shuffle(pool)
    taken: list[AnnotatedDoc] = []
    words = 0
    for chunk in pool:
        if words + chunk.n_words > max_words:
            continue
        taken.append(chunk)
        words += chunk.n_words
    return taken


def training_sets(
    data_dir: Path, seed: int, max_docs: int | None = None, scirex_words: int = 0, holdout: float = 0.1
) -> TrainingSets:
    """SciERC train (first ``max_docs``), shuffled and split, plus ``scirex_words`` of SciREX."""
    rng = random.Random(seed)
    scierc = list(read_scierc(data_dir / SCIERC_TRAIN))[:max_docs]
    if len(scierc) < 2:
        raise ValueError(f"need at least 2 SciERC training documents, found {len(scierc)}")
    rng.shuffle(scierc)
    cut = max(1, round(len(scierc) * holdout))
    scirex = sample_scirex(list(read_scirex(data_dir / SCIREX)), scirex_words, rng) if scirex_words > 0 else []
    train = scierc[cut:] + scirex
    rng.shuffle(train)
    return TrainingSets(train=train, holdout=scierc[:cut], scierc_docs=len(scierc) - cut, scirex_chunks=len(scirex))
