"""``kg.store.naming`` on the in-memory graph of the embedded store.

After a write, the entities it touched and every entity sharing a surface with one of them (before
or after the write) get their name re-derived from their MENTIONS; the store's live alias index
(surface → entities, with the surfaces each entity's mentions use) finds who shares what.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from kg.graph.derive import update_alias_index
from kg.graph.model import MENTIONS, KnowledgeGraph, entity_node, is_entity
from kg.names.alias_index import AliasIndex
from kg.names.keys import match_key
from kg.store.naming import aliases_for, derive_name

_PREFIX = entity_node("")


def entity_keys(nodes: Iterable[str]) -> set[str]:
    """The entity keys among graph node ids."""
    return {n.removeprefix(_PREFIX) for n in nodes if n.startswith(_PREFIX)}


def mention_surfaces(g: KnowledgeGraph, node: str) -> tuple[Counter[str], set[str]]:
    """(surface → number of MENTIONS using it, aliases those MENTIONS give) of one entity."""
    counts: Counter[str] = Counter()
    spellings: set[str] = set()
    for _, _, d in g.in_edges(node, data=True):
        if d.get("type") == MENTIONS:
            counts[str(d["surface"])] += 1
            spellings.update(str(a) for a in d.get("aliases", []))
    return counts, spellings


def _shared(index: AliasIndex, key: str, surfaces: Iterable[str]) -> set[str]:
    """Match keys of ``surfaces`` that another stored entity's mentions use too."""
    found: set[str] = set()
    for surface in surfaces:
        wanted = match_key(surface)
        for other in index.lookup(surface):
            if other != key and wanted in {match_key(n) for n in index.entities[other].names}:
                found.add(wanted)
                break
    return found


def settle_names(
    g: KnowledgeGraph, index: AliasIndex, seeds: Iterable[str], before: Mapping[str, Iterable[str]]
) -> set[str]:
    """Re-derive the names of the entities ``seeds`` (keys whose mentions a write changed) and of those
    sharing a surface with them, now or in ``before`` (key → the surfaces its mentions used before the
    write). ``index`` must already reflect the write; it is kept up to date. Returns the renamed nodes."""
    seeds = set(seeds)
    surfaces: set[str] = set()
    for key in seeds:
        surfaces.update(before.get(key, ()))
        if key in index:
            surfaces.update(index.entities[key].names)
    keys = seeds | {k for s in surfaces for k in index.lookup(s)}
    renamed: set[str] = set()
    for key in sorted(keys):
        node = entity_node(key)
        attrs = g.nodes.get(node)
        if attrs is None or not is_entity(attrs):
            continue
        counts, spellings = mention_surfaces(g, node)
        if not counts:
            continue  # nothing mentions it: kg.graph.derive leaves such a node alone too
        name = derive_name(counts, spellings, _shared(index, key, counts))
        aliases = aliases_for(name, counts, spellings)
        if name != attrs.get("name") or aliases != attrs.get("aliases"):
            attrs["name"], attrs["aliases"] = name, aliases
            renamed.add(node)
    update_alias_index(index, g, renamed)
    return renamed
