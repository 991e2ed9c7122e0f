"""Fan extraction out over processes: each worker extracts whole chunks with the same corpus names.

Extraction is a pure function of (paper, corpus names), so chunks can run anywhere in any order;
results come back in input order. A paper over the per-paper budget (kg.config.Budget) comes back
as its BudgetError and is reported, not yielded: one pathological abstract never stops the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from kg.config import Budget, default_budget
from kg.corpus import chunked
from kg.corpus.report import ReadReport
from kg.errors import BudgetError
from kg.extract.corpus_names import CorpusNames
from kg.extract.extractor import extract_paper
from kg.records import ExtractionRecord, Paper

logger = logging.getLogger(__name__)
Outcome = ExtractionRecord | BudgetError

_worker_corpus: CorpusNames | None = None
_worker_budget: Budget | None = None


def _init(corpus: CorpusNames, budget: Budget | None = None) -> None:
    global _worker_corpus, _worker_budget
    _worker_corpus, _worker_budget = corpus, budget


def extract_within_budget(paper: Paper, corpus: CorpusNames | None, budget: Budget | None = None) -> Outcome:
    """``extract_paper``, with a paper over budget returned as its BudgetError instead of raised."""
    try:
        return extract_paper(paper, corpus, budget=budget)
    except BudgetError as error:
        return error


def _extract_chunk(papers: list[Paper]) -> list[Outcome]:
    return [extract_within_budget(paper, _worker_corpus, _worker_budget) for paper in papers]


def report_skip(error: BudgetError, report: ReadReport | None) -> None:
    """Count a paper skipped for the budget in ``report``; with no report, log it so nothing vanishes."""
    if report is not None:
        report.add_error(error)
    else:
        logger.warning("skipped paper: %s", error)


def kept(outcomes: Iterable[Outcome], report: ReadReport | None) -> list[ExtractionRecord]:
    """The records among ``outcomes``; each BudgetError goes to ``report``."""
    records = []
    for outcome in outcomes:
        if isinstance(outcome, BudgetError):
            report_skip(outcome, report)
        else:
            records.append(outcome)
    return records


def extract_parallel(
    papers: Iterable[Paper],
    corpus: CorpusNames,
    workers: int = 2,
    chunk_size: int = 64,
    report: ReadReport | None = None,
    budget: Budget | None = None,
) -> Iterator[list[ExtractionRecord]]:
    """Extract chunk by chunk on ``workers`` processes (1 = in this process); yields each chunk's records.

    Papers over ``budget`` (default: this process's) are left out of their chunk and go to ``report``.
    """
    budget = budget or default_budget()
    if workers <= 1:
        for chunk in chunked(papers, chunk_size):
            yield kept((extract_within_budget(paper, corpus, budget) for paper in chunk), report)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=(corpus, budget)) as pool:
        for outcomes in pool.map(_extract_chunk, chunked(papers, chunk_size)):
            yield kept(outcomes, report)
