"""Stream a synthetic corpus: (Paper, gold ExtractionRecord) pairs, the same for the same seed."""

from __future__ import annotations

from collections.abc import Iterator

from kg.records import ExtractionRecord, Paper
from kg.synthetic.compose import SyntheticPaper, compose
from kg.synthetic.pools import build_pools


def generate_labelled(n: int, seed: int = 0, start: int = 0) -> Iterator[SyntheticPaper]:
    """Papers ``start`` … ``start + n - 1`` with their gold and the sentence templates each one used."""
    pools = build_pools(seed)
    for index in range(start, start + n):
        yield compose(pools, seed, index)


def generate(n: int, seed: int = 0, start: int = 0) -> Iterator[tuple[Paper, ExtractionRecord]]:
    """``n`` synthetic papers "syn-<start>" … and their gold records, in constant memory."""
    for item in generate_labelled(n, seed, start):
        yield item.paper, item.record
