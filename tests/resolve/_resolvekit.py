"""Small builders for extraction records in resolver tests."""

from __future__ import annotations

from typing import Any

from kg.records import ExtractionRecord


def ent(name: str, *aliases: str, type: str = "Method") -> dict[str, Any]:
    return {"name": name, "aliases": list(aliases), "type": type}


def rec(paper_id: str, *entities: dict[str, Any], **fields: Any) -> ExtractionRecord:
    return ExtractionRecord.model_validate({"id": paper_id, "entities": list(entities), **fields})
