"""Pick the reader for each source and merge them into one stream of unique papers.

Readers only parse (yielding papers or RecordErrors); counting, logging and de-duplication live
here so every format behaves the same.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Literal

from kg.config import Budget, default_budget
from kg.corpus.arxiv_atom import read_atom
from kg.corpus.budget import check_size
from kg.corpus.jsonl import detect_jsonl_kind, read_jsonl
from kg.corpus.report import ReadReport
from kg.corpus.trending import read_trending
from kg.errors import RecordError, SourceError
from kg.records import Paper

logger = logging.getLogger(__name__)

Format = Literal["jsonl", "arxiv-snapshot", "arxiv-atom", "trending"]
_BY_SUFFIX: dict[str, Literal["jsonl", "arxiv-atom", "trending"]] = {
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".xml": "arxiv-atom",
    ".atom": "arxiv-atom",
    ".txt": "trending",
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_BY_SUFFIX)


def _check_file(path: Path) -> Literal["jsonl", "arxiv-atom", "trending"]:
    if not path.exists():
        raise SourceError(f"{path}: no such file or directory")
    if not path.is_file():
        raise SourceError(f"{path}: not a regular file")
    suffix = path.suffix.lower()
    if suffix not in _BY_SUFFIX:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise SourceError(f"{path}: unknown file type {suffix or '(no extension)'!r}; supported: {supported}")
    return _BY_SUFFIX[suffix]


def detect_format(path: str | Path) -> Format:
    """The format of one file: by extension, and for JSON lines by its first valid record."""
    path = Path(path)
    kind = _check_file(path)
    if kind == "jsonl":
        return detect_jsonl_kind(path)
    return kind


def expand_paths(paths: Iterable[str | Path] | str | Path) -> list[Path]:
    """Files to read: each file as given, each directory's supported files (sorted, not recursive).

    Raises SourceError for a missing path or a file of unknown type, before anything is read.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            files.extend(
                child
                for child in sorted(path.iterdir())
                if child.is_file() and not child.name.startswith(".") and child.suffix.lower() in _BY_SUFFIX
            )
        else:
            _check_file(path)
            files.append(path)
    return files


def _reader(path: Path) -> Callable[[], Iterator[Paper | RecordError]]:
    kind = _check_file(path)
    if kind == "jsonl":
        return lambda: read_jsonl(path)
    if kind == "arxiv-atom":
        return lambda: read_atom(path)
    return lambda: read_trending(path)


def _duplicate_note(paper: Paper, first: str) -> RecordError:
    source, _, line = (paper.source or "").rpartition(":")
    first_source, _, first_line = first.rpartition(":")
    where = f"line {first_line}" if first_source == source else first
    return RecordError(source, int(line) if line.isdigit() else None, f"duplicate of {where} (id {paper.id})")


def read_papers(
    paths: Iterable[str | Path] | str | Path, report: ReadReport | None = None, budget: Budget | None = None
) -> Iterator[Paper]:
    """Stream unique papers from files and directories, skipping (and reporting) bad records.

    Bad records, papers over the size half of ``budget`` (default: ``kg.config.default_budget()``)
    and duplicates (same id already yielded in this call) go to ``report``; with no report they are
    logged as warnings so nothing vanishes silently; so is a file that holds no record at all. A paper
    over budget never leaves this function, so no later stage (spaCy above all) sees its text.
    """
    files = expand_paths(paths)
    budget = budget or default_budget()
    seen: dict[str, str] = {}  # paper id -> "path:line" where it was first read
    for path in files:
        items = 0
        for item in _reader(path)():
            items += 1
            if isinstance(item, Paper) and (over := check_size(item, budget)) is not None:
                item = over
            if isinstance(item, RecordError):
                if report is not None:
                    report.add_error(item)
                else:
                    logger.warning("skipped record: %s", item)
                continue
            first = seen.get(item.id)
            if first is not None:
                note = _duplicate_note(item, first)
                if report is not None:
                    report.add_duplicate(note)
                else:
                    logger.warning("skipped duplicate: %s", note)
                continue
            seen[item.id] = item.source or str(path)
            if report is not None:
                report.add_paper()
            yield item
        if not items:
            if report is not None:
                report.add_empty(str(path))
            else:
                logger.warning("no records in %s", path)
