"""Known ML entity names by type, shipped as ``kg/data/lexicon.json`` (general knowledge)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from kg.records import ENTITY_TYPES, EntityType


@cache
def _lexicon() -> dict[EntityType, list[str]]:
    raw = json.loads(resources.files("kg").joinpath("data/lexicon.json").read_text("utf-8"))
    return {etype: raw.get(etype, []) for etype in ENTITY_TYPES}


@cache
def known_entities() -> dict[str, EntityType]:
    """Lower-cased surface form → type, for every name in the shipped lexicon (first type wins)."""
    table: dict[str, EntityType] = {}
    for etype, names in _lexicon().items():
        for name in names:
            table.setdefault(name.casefold(), etype)
    return table


@cache
def known_surfaces() -> dict[str, str]:
    """Lower-cased surface form → the lexicon's own spelling."""
    table: dict[str, str] = {}
    for names in _lexicon().values():
        for name in names:
            table.setdefault(name.casefold(), name)
    return table


@cache
def _known_keys() -> frozenset[str]:
    from kg.extract.names import surface_key

    return frozenset(surface_key(name) for name in known_surfaces().values())


def is_known(name: str) -> bool:
    """A well-known name (case, hyphen and plural insensitive): used, never proposed."""
    from kg.extract.names import surface_key

    return surface_key(name) in _known_keys()
