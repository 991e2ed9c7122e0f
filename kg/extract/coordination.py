"""Slash coordinations name two entities: "Prompt/Prefix Tuning" is Prompt Tuning and Prefix Tuning."""

from __future__ import annotations

import re

from kg.records import Entity, ExtractionRecord

_SLASHED = re.compile(r"^([A-Za-z][\w\-]*)/([A-Za-z][\w\-]*)(\s+.+)$")


def split_name(name: str) -> list[str]:
    """ "Prompt/Prefix Tuning" → ["Prompt Tuning", "Prefix Tuning"]; any other name → [name]."""
    m = _SLASHED.match(name)
    if not m:
        return [name]
    return [m.group(1) + m.group(3), m.group(2) + m.group(3)]


def split_coordinations(record: ExtractionRecord) -> ExtractionRecord:
    """The record with every slash-coordinated name replaced by its members everywhere it is used."""
    if not any("/" in e.name for e in record.entities):
        return record

    def names(items: list[str]) -> list[str]:
        return list(dict.fromkeys(n for item in items for n in split_name(item)))

    def pairs(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return list(dict.fromkeys((a, b) for x, y in items for a in split_name(x) for b in split_name(y)))

    entities: list[Entity] = []
    for e in record.entities:
        parts = split_name(e.name)
        entities += [e.model_copy(update={"name": p, "aliases": [] if len(parts) > 1 else e.aliases}) for p in parts]
    return record.model_copy(
        update={
            "entities": entities,
            "evaluated_on": names(record.evaluated_on),
            "tasks": names(record.tasks),
            "metrics": names(record.metrics),
            "baselines": names(record.baselines),
            "is_a": pairs(record.is_a),
            "extends": pairs(record.extends),
            "outperforms": [
                c.model_copy(update={"winner": winner, "loser": loser})
                for c in record.outperforms
                for winner in (split_name(c.winner) if not c.loser_generic else [c.winner])
                for loser in (split_name(c.loser) if not c.loser_generic else [c.loser])
            ],
            "comparable": [
                c.model_copy(update={"a": a, "b": b})
                for c in record.comparable
                for a in split_name(c.a)
                for b in split_name(c.b)
            ],
        }
    )
