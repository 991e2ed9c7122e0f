"""Invented names and skewed sampling: the parts of the synthetic corpus that recur across papers.

Method names come from a bijection over Prefix × Infix × Core (an affine shuffle of the index, a
version suffix once the space is used up), so pool names and every paper's own proposal are
distinct by construction and any paper's proposal can be recomputed from its index alone.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Sequence
from typing import Generic, TypeVar

from kg.extract.lexicon import is_known
from kg.synthetic.vocab import CORES, DATASET_SUFFIXES, INFIXES, LONG_HEADS, LONG_WORDS, PREFIXES
from kg.taxonomy import load_taxonomy

T = TypeVar("T")

_SPACE = len(PREFIXES) * len(INFIXES) * len(CORES)
_STRIDE = 7919  # prime, coprime to the space size: k -> (k * stride + offset) mod space is a bijection
_RESERVED = {
    "AI",
    "ML",
    "NLP",
    "CV",
    "QA",
    "FM",
    "DL",
    "ID",
    "US",
    "UK",
    "OK",
    "TB",
    "GB",
    "MB",
    "KB",
    "XL",
    "HD",
    "OOD",
    "API",
    "GPU",
    "CPU",
    "TPU",
    "PDF",
    "URL",
    "FPS",
    "SOTA",
    "RQ",
    "IV",
    "VI",
    "II",
    "III",
}


def method_name(k: int, offset: int = 0) -> str:
    """The ``k``-th invented method name: "FlashMix", "NovaTokenFuse", "OptiGate-3" (distinct for distinct k)."""
    generation, index = divmod(k, _SPACE)
    index = (index * _STRIDE + offset) % _SPACE
    index, p = divmod(index, len(PREFIXES))
    c, i = divmod(index, len(INFIXES))
    name = PREFIXES[p] + INFIXES[i] + CORES[c]
    return name if generation == 0 else f"{name}-{generation + 1}"


class Zipf(Generic[T]):
    """Rank-skewed picks from a fixed list: item r is chosen with weight 1 / (r + 1) ** s."""

    def __init__(self, items: Sequence[T], s: float = 1.1) -> None:
        self.items = list(items)
        self._cum = list(itertools.accumulate(1.0 / (r + 1) ** s for r in range(len(self.items))))

    def pick(self, rng: random.Random) -> T:
        return self.items[bisect.bisect_left(self._cum, rng.random() * self._cum[-1])]

    def distinct(self, rng: random.Random, k: int, exclude: Sequence[T] = ()) -> list[T]:
        """Up to ``k`` distinct picks not in ``exclude`` (bounded tries: rare items may be skipped)."""
        out: list[T] = []
        for _ in range(20 * k):
            if len(out) >= k:
                break
            item = self.pick(rng)
            if item not in out and item not in exclude:
                out.append(item)
        return out


def dataset_name(rng: random.Random, stem: str) -> str:
    """An invented dataset whose name reads as one: "LegalQA", "Drone-DB", "MolSet-20k"."""
    return stem + rng.choice(DATASET_SUFFIXES)


def benchmark_name(stem: str) -> str:
    return f"{stem}Bench"


def acronym_definition(rng: random.Random) -> tuple[str, str]:
    """(long form, acronym): "Gated Sparse Routing Network", "GSRN"; never a known name or a family alias."""
    taxonomy = load_taxonomy()
    while True:
        words = [*rng.sample(LONG_WORDS, rng.choice((2, 3))), rng.choice(LONG_HEADS)]
        acronym = "".join(w[0] for w in words)
        if acronym not in _RESERVED and not is_known(acronym) and taxonomy.family_for(acronym) is None:
            return " ".join(words), acronym
