"""JSON-lines readers: plain paper records and the arXiv metadata snapshot (Kaggle).

Streams line by line so multi-gigabyte snapshots never sit in memory; a bad line becomes a
RecordError and the rest of the file still loads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Literal

from kg.corpus.ids import is_arxiv_id, normalize_arxiv_id
from kg.corpus.lines import Line, iter_lines
from kg.corpus.record import build_paper
from kg.errors import RecordError
from kg.records import Paper

JsonlKind = Literal["jsonl", "arxiv-snapshot"]
_SNAPSHOT_FIELDS = ("categories", "versions", "update_date")


def is_snapshot_record(record: Mapping[str, object]) -> bool:
    """Whether a record looks like the arXiv metadata snapshot: snapshot fields and an arXiv id."""
    record_id = record.get("id")
    return any(key in record for key in _SNAPSHOT_FIELDS) and isinstance(record_id, str) and is_arxiv_id(record_id)


def json_problem(exc: json.JSONDecodeError) -> str:
    """What is wrong and where: ``exc.msg`` without the position, so a message that ends in "at"
    ("Unterminated string starting at") takes the column directly, never "at at column"."""
    return f"{exc.msg.removesuffix(' at')} at column {exc.colno}"


def _parse(line: Line, source: str) -> dict[str, object] | RecordError | None:
    """The JSON object on ``line``, None for a blank line, or the RecordError that explains why not."""
    if line.decode_error is not None:
        return RecordError(source, line.number, line.decode_error)
    if not line.text.strip():
        return None
    try:
        value = json.loads(line.text)
    except json.JSONDecodeError as exc:
        if not line.complete:
            return RecordError(source, line.number, f"truncated final record ({json_problem(exc)})")
        return RecordError(source, line.number, f"invalid JSON ({json_problem(exc)})")
    except RecursionError:
        return RecordError(source, line.number, "JSON nested too deeply to read")
    if not isinstance(value, dict):
        return RecordError(source, line.number, f"expected a JSON object, got {type(value).__name__}")
    return value


def iter_records(path: Path) -> Iterator[tuple[int, dict[str, object] | RecordError]]:
    """(line number, object or RecordError) for every non-blank line of a JSON-lines file."""
    source = str(path)
    for line in iter_lines(path):
        parsed = _parse(line, source)
        if parsed is not None:
            yield line.number, parsed


def detect_jsonl_kind(path: Path) -> JsonlKind:
    """Plain or snapshot, decided by the first valid record (plain when there is none)."""
    for _, record in iter_records(path):
        if isinstance(record, dict):
            return "arxiv-snapshot" if is_snapshot_record(record) else "jsonl"
    return "jsonl"


def _snapshot_authors(record: Mapping[str, object]) -> object:
    """Authors as "First Last" from ``authors_parsed`` when well-formed, else the raw string."""
    parsed = record.get("authors_parsed")
    if isinstance(parsed, list) and parsed:
        names: list[str] = []
        for entry in parsed:
            if not (isinstance(entry, list) and entry and all(isinstance(p, str) for p in entry)):
                return record.get("authors")
            last, first, *rest = [*entry, ""]
            name = " ".join(part for part in (first, last, *rest) if part.strip())
            names.append(name)
        return names
    return record.get("authors")


def _snapshot_published(record: Mapping[str, object]) -> str | None:
    """ISO date of the first version ("Mon, 2 Apr 2007 19:18:42 GMT"), else ``update_date``."""
    versions = record.get("versions")
    if isinstance(versions, list) and versions and isinstance(versions[0], dict):
        created = versions[0].get("created")
        if isinstance(created, str):
            try:
                return parsedate_to_datetime(created).date().isoformat()
            except (TypeError, ValueError):
                pass
    update = record.get("update_date")
    return update if isinstance(update, str) else None


def snapshot_fields(record: Mapping[str, object]) -> dict[str, object]:
    """Map a snapshot record onto ``build_paper`` fields (arXiv id, abs url, authors, date)."""
    raw_id = record.get("id")
    arxiv = normalize_arxiv_id(raw_id) if isinstance(raw_id, str) else None
    return {
        "id": arxiv if arxiv is not None else raw_id,
        "title": record.get("title"),
        "abstract": record.get("abstract"),
        "url": f"https://arxiv.org/abs/{arxiv}" if arxiv else None,
        "authors": _snapshot_authors(record),
        "published": _snapshot_published(record),
    }


def read_jsonl(path: Path, kind: JsonlKind | None = None) -> Iterator[Paper | RecordError]:
    """Papers (or RecordErrors for bad lines) from a JSON-lines file, plain or snapshot.

    ``kind`` None means: decide from the first valid record.
    """
    source = str(path)
    for number, record in iter_records(path):
        if isinstance(record, RecordError):
            yield record
            continue
        if kind is None:
            kind = "arxiv-snapshot" if is_snapshot_record(record) else "jsonl"
        fields = snapshot_fields(record) if kind == "arxiv-snapshot" else record
        try:
            yield build_paper(fields, source, number)
        except RecordError as error:
            yield error
