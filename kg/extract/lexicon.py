"""Known ML entity names by type, shipped as ``kg/data/lexicon.json`` (general knowledge)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from kg.types import ENTITY_TYPES, EntityType


@cache
def known_entities() -> dict[str, EntityType]:
    """Lower-cased surface form → type, for every name in the shipped lexicon."""
    raw = json.loads(resources.files("kg").joinpath("data/lexicon.json").read_text("utf-8"))
    table: dict[str, EntityType] = {}
    for etype in ENTITY_TYPES:
        for name in raw.get(etype, []):
            table.setdefault(name.casefold(), etype)
    return table


@cache
def known_surfaces() -> dict[str, str]:
    """Lower-cased surface form → the lexicon's own spelling."""
    raw = json.loads(resources.files("kg").joinpath("data/lexicon.json").read_text("utf-8"))
    table: dict[str, str] = {}
    for etype in ENTITY_TYPES:
        for name in raw.get(etype, []):
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
