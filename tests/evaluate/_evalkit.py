"""Shared builders for the evaluation tests (a plain module, so tests import it by name)."""

from __future__ import annotations

from typing import Any

from datapaths import GOLD_DEV, SEED_PAPERS  # noqa: F401  (re-exported for the evaluation tests)

from kg.records import ExtractionRecord


def make_record(pid: str = "p1", **fields: Any) -> ExtractionRecord:
    """A record with only the given fields set (entities may be given as (name, aliases[, type]) tuples)."""
    ents = fields.pop("entities", [])
    fields["entities"] = [
        {"name": e[0], "aliases": list(e[1]), "type": e[2] if len(e) > 2 else "Method"} if isinstance(e, tuple) else e
        for e in ents
    ]
    return ExtractionRecord.model_validate({"id": pid, **fields})
