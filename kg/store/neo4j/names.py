"""``kg.store.naming`` inside a Neo4j write transaction: the same names the embedded store derives.

After a batch is merged, the entities whose mentions it changed (``seeds``) and every entity known by
one of their surfaces, before or after the batch (found through the ``entity_match_keys`` full-text
index), are re-derived from their aggregated MENTIONS: type by vote, name, aliases. Whether another
entity's mentions use a surface too is read the same way, so the name never depends on which batch
brought which paper.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction

from kg.names.keys import match_key
from kg.store.cypher import query
from kg.store.neo4j.rows import entity_derived, mention_counts
from kg.store.neo4j.store_reads import ALIAS_CHUNK, match_key_queries

Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Mentioned:
    """What the MENTIONS of one stored entity say, and what the node holds now."""

    name: str
    aliases: list[str]
    counts: dict[str, int]  # surface → papers using it
    spellings: list[str]  # aliases the mentions give
    groups: list[dict[str, Any]]


def read_mentioned(tx: ManagedTransaction, keys: Iterable[str]) -> dict[str, Mentioned]:
    """The MENTIONS state of each entity among ``keys`` that exists."""
    wanted = sorted(set(keys))
    found: dict[str, Mentioned] = {}
    for start in range(0, len(wanted), ALIAS_CHUNK):
        for r in tx.run(query("entity_mentions"), keys=wanted[start : start + ALIAS_CHUNK]):
            groups = [dict(g) for g in r["groups"] or []]
            counts, spellings = dict(mention_counts(groups)), list(r["spellings"] or [])
            found[r["key"]] = Mentioned(str(r["name"]), list(r["aliases"] or []), counts, spellings, groups)
    return found


def keys_known_by(tx: ManagedTransaction, surfaces: Iterable[str]) -> set[str]:
    """Keys of the entities whose key, name or an alias has the match key of one of ``surfaces``."""
    found: set[str] = set()
    for text in match_key_queries({match_key(s) for s in surfaces}):
        params = {"query": text, "limit": 10_000_000}  # a dict: "query" is also run()'s own argument
        found.update(r["key"] for r in tx.run(query("entities_by_match_key"), params))
    return found


def renamed_rows(tx: ManagedTransaction, seeds: set[str], before: Mapping[str, Iterable[str]]) -> Rows:
    """``set_entity_derived`` rows re-deriving the seeds and every entity sharing a surface with them, now or
    ``before`` (key → surfaces it was known by before the batch); neighbours only where something changed."""
    state = read_mentioned(tx, seeds)
    surfaces = {s for k in seeds for s in [*before.get(k, ()), *(state[k].counts if k in state else ())]}
    neighbours = keys_known_by(tx, surfaces) - seeds
    state.update(read_mentioned(tx, neighbours))
    used = {s for m in state.values() for s in m.counts}
    others = read_mentioned(tx, keys_known_by(tx, used) - set(state))
    users: dict[str, set[str]] = {}  # match key → entities whose mentions use it
    for key, m in [*state.items(), *others.items()]:
        for surface in m.counts:
            users.setdefault(match_key(surface), set()).add(key)
    rows = []
    for key in sorted(state):
        m = state[key]
        shared = {k for s in m.counts if len(users.get(k := match_key(s), ())) > 1}
        row = entity_derived(key, m.groups, m.spellings, shared)
        if row is not None and (key in seeds or (row["name"], row["aliases"]) != (m.name, m.aliases)):
            rows.append(row)  # a neighbour is only written when its name changed
    return rows
