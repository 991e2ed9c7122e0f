"""The extraction half of the per-paper ingest budget: a cooperative deadline and a names-per-sentence cap.

A signal cannot interrupt spaCy's Cython code and a thread cannot be killed, so extraction checks the
clock itself: ``tick()`` sits in every loop whose work can grow faster than the text (pairs of names,
rivals per comparative, overlapping candidates) and raises once the paper's time is up. The deadline
lives in a context variable, so the rule functions keep their signatures and a worker process or a
thread each has its own. The size half (checked before spaCy) is ``kg.corpus.budget``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from time import monotonic

from kg.config import Budget


class DeadlineExceeded(Exception):
    """Extraction of one paper ran past its time budget (turned into a BudgetError by the extractor)."""


_deadline: ContextVar[float | None] = ContextVar("kg_extract_deadline", default=None)


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Give the code inside ``seconds`` of wall time; ``tick()`` raises DeadlineExceeded after that."""
    token = _deadline.set(monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def tick() -> None:
    """Raise DeadlineExceeded when the current paper's time is up (no deadline set: never)."""
    at = _deadline.get()
    if at is not None and monotonic() > at:
        raise DeadlineExceeded


def crowded_sentence(
    sentences: list[tuple[int, int]], spans: Iterable[tuple[int, int]], budget: Budget
) -> tuple[int, int] | None:
    """(1-based sentence number, count) of the first sentence with more distinct candidate name spans
    than ``budget.names_per_sentence``; None when every sentence is within it.

    Comparisons pair every winner with every rival and the family rules pair every name with every
    other, so names in one sentence cost their square; a real abstract names at most a few dozen.
    """
    starts = [start for start, _ in sentences]
    counts = [0] * len(sentences)
    for start, _ in set(spans):
        index = bisect_right(starts, start) - 1
        if index >= 0:
            counts[index] += 1
    for index, count in enumerate(counts):
        if count > budget.names_per_sentence:
            return index + 1, count
    return None
