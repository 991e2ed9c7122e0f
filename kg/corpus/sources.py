"""Where papers come from, as every engine takes it: files and folders through the readers, or a callable.

``Sources`` is what ``kg ingest`` / ``kg extract`` and the local, parallel and Dask engines accept;
``iter_papers`` makes one fresh pass over it; ``chunked`` cuts any stream into lists of a size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import TypeVar

from kg.config import Budget
from kg.corpus.dispatch import read_papers
from kg.corpus.report import ReadReport
from kg.records import Paper

T = TypeVar("T")

Sources = Sequence[Paper] | Iterable[str | Path] | str | Path | Callable[[], Iterable[Paper]]


def iter_papers(sources: Sources, report: ReadReport | None = None, budget: Budget | None = None) -> Iterable[Paper]:
    """One fresh pass over the sources: files/folders through the readers (problems to ``report``), a callable's
    iterable, or a list of papers as it is."""
    if callable(sources):
        return sources()
    if isinstance(sources, Sequence) and not isinstance(sources, str) and sources and isinstance(sources[0], Paper):
        return sources  # type: ignore[return-value]
    return read_papers(sources, report if report is not None else ReadReport(), budget)  # type: ignore[arg-type]


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
