"""Read extraction records from JSONL, failing loudly at the exact file:line that is wrong."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from kg.corpus.jsonl import json_problem
from kg.errors import RecordError, SourceError
from kg.records import ExtractionRecord


def _reason(err: ValidationError) -> str:
    first = err.errors()[0]
    loc = ".".join(str(p) for p in first["loc"]) or "record"
    more = f" (+{err.error_count() - 1} more)" if err.error_count() > 1 else ""
    return f"{loc}: {first['msg']}{more}"


def load_records(path: str | Path) -> dict[str, ExtractionRecord]:
    """Load a JSONL file of records keyed by id; blank lines are skipped, duplicate ids are an error."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: cannot read: {exc}") from exc
    records: dict[str, ExtractionRecord] = {}
    first_line: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RecordError(str(path), lineno, f"invalid JSON: {json_problem(exc)}") from exc
        except RecursionError:
            raise RecordError(str(path), lineno, "JSON nested too deeply to read") from None
        if not isinstance(data, dict):
            raise RecordError(str(path), lineno, f"expected a JSON object, got {type(data).__name__}")
        try:
            record = ExtractionRecord.model_validate(data)
        except ValidationError as exc:
            raise RecordError(str(path), lineno, _reason(exc)) from exc
        if record.id in records:
            raise RecordError(str(path), lineno, f"duplicate id {record.id!r} (first on line {first_line[record.id]})")
        records[record.id] = record
        first_line[record.id] = lineno
    return records
