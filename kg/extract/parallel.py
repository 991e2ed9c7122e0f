"""Fan extraction out over processes: each worker extracts whole chunks with the same corpus names.

Extraction is a pure function of (paper, corpus names), so chunks can run anywhere in any order;
results come back in input order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

from kg.extract.corpus_names import CorpusNames
from kg.extract.extractor import extract_paper
from kg.types import ExtractionRecord, Paper

_worker_corpus: CorpusNames | None = None


def _init(corpus: CorpusNames) -> None:
    global _worker_corpus
    _worker_corpus = corpus


def _extract_chunk(papers: list[Paper]) -> list[ExtractionRecord]:
    return [extract_paper(paper, _worker_corpus) for paper in papers]


def _chunks(papers: Iterable[Paper], size: int) -> Iterator[list[Paper]]:
    it = iter(papers)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_parallel(
    papers: Iterable[Paper], corpus: CorpusNames, workers: int = 2, chunk_size: int = 64
) -> Iterator[list[ExtractionRecord]]:
    """Extract chunk by chunk on ``workers`` processes (1 = in this process); yields each chunk's records."""
    if workers <= 1:
        for chunk in _chunks(papers, chunk_size):
            yield [extract_paper(paper, corpus) for paper in chunk]
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=(corpus,)) as pool:
        yield from pool.map(_extract_chunk, _chunks(papers, chunk_size))
