"""Extract a corpus of any size in bounded batches: memory follows the batch size, not the corpus.

Pass 1 streams the sources once and keeps only the corpus-wide names (``CorpusNames``); pass 2
streams them again and yields (paper, record) batches. Nothing else outlives its batch. With
``workers > 1`` one process pool lives for the whole run, unlike calling ``extract_parallel``
per batch (which would restart workers and rebuild the phrase matchers, whose size grows with
the corpus, every batch; and one ``extract_parallel`` call over everything would submit the
whole corpus at once). The next batch is submitted before the current one is handed out, so
workers keep busy while the caller stores a batch. A paper over the per-paper budget
(kg.config.Budget) is left out of its batch and reported, whichever process extracted it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context

from kg.config import Budget, default_budget
from kg.corpus import ReadReport, Sources, chunked, iter_papers
from kg.extract.corpus_names import CorpusNames, collect_names
from kg.extract.parallel import (
    Outcome,
    _extract_chunk,
    _init,
    extract_within_budget,
    report_skip,
)
from kg.records import ExtractionRecord, Paper

Batch = list[tuple[Paper, ExtractionRecord]]


def _split(batch: list[Paper], parts: int) -> list[list[Paper]]:
    step = -(-len(batch) // parts)
    return [batch[i : i + step] for i in range(0, len(batch), step)]


def _pooled(
    batches: Iterator[list[Paper]], corpus: CorpusNames, workers: int, budget: Budget, report: ReadReport | None
) -> Iterator[Batch]:
    # forkserver: workers start from a clean interpreter, not a fork of a caller that may hold
    # threads, open stores or a tracer
    context = get_context("forkserver")
    context.set_forkserver_preload(["kg.extract.parallel"])
    initargs = (corpus, budget)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init, initargs=initargs) as pool:
        pending: tuple[list[Paper], list[Future[list[Outcome]]]] | None = None
        for batch in batches:
            submitted = (batch, [pool.submit(_extract_chunk, chunk) for chunk in _split(batch, 2 * workers)])
            if pending is not None:
                yield from _collect(*pending, report)
            pending = submitted
        if pending is not None:
            yield from _collect(*pending, report)


def _collect(batch: list[Paper], futures: list[Future[list[Outcome]]], report: ReadReport | None) -> Iterator[Batch]:
    outcomes = [outcome for future in futures for outcome in future.result()]
    kept = _kept(zip(batch, outcomes, strict=True), report)
    if kept:
        yield kept


def _kept(pairs: Iterable[tuple[Paper, Outcome]], report: ReadReport | None) -> Batch:
    """The (paper, record) pairs; a paper over budget goes to ``report`` instead."""
    kept: Batch = []
    for paper, outcome in pairs:
        if isinstance(outcome, ExtractionRecord):
            kept.append((paper, outcome))
        else:
            report_skip(outcome, report)
    return kept


def stream_extract(
    sources: Sources,
    batch_size: int = 512,
    workers: int = 1,
    report: ReadReport | None = None,
    corpus: CorpusNames | None = None,
    budget: Budget | None = None,
) -> Iterator[Batch]:
    """Yield (paper, record) batches of at most ``batch_size`` in input order, reading ``sources`` twice.

    ``sources`` is what ``read_papers`` takes (files, folders) or a zero-argument callable giving a
    fresh iterable of papers per pass. ``report`` receives pass 2's skipped records and counts, and
    every paper extraction skips for ``budget`` (default: this process's; such papers are left out
    of their batch, and a batch they empty is not yielded). Given ``corpus`` (the names to link, e.g.
    a store's lexicon plus the new papers'), pass 1 is skipped.
    """
    if batch_size < 1 or workers < 1:
        raise ValueError("batch_size and workers must be at least 1")
    budget = budget or default_budget()
    corpus = corpus if corpus is not None else collect_names(iter_papers(sources, budget=budget))
    batches = chunked(iter_papers(sources, report, budget), batch_size)
    if workers == 1:
        for batch in batches:
            kept = _kept(((paper, extract_within_budget(paper, corpus, budget)) for paper in batch), report)
            if kept:
                yield kept
        return
    yield from _pooled(batches, corpus, workers, budget, report)
