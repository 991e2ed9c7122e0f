"""The reference oracle: plain read functions over the networkx graph model, for tests and benchmarks.

The API reads through ``kg.graph.reads.GraphReads``; these say, in the fewest lines, what its
answers must be (who beats whom, family members, which node a name means).

Names are matched like the resolver matches them (``match_key``: case, hyphens, spacing,
plurals), against an entity's key, name and aliases. Results are node ids, sorted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kg.graph.model import (
    EXTENDS,
    FAMILY,
    IS_A,
    MENTIONS,
    OUTPERFORMS,
    SUBFAMILY_OF,
    TECHNIQUE_LABELS,
    KnowledgeGraph,
    entity_node,
    family_node,
    is_entity,
)
from kg.names.keys import entity_key, match_key


def _find(g: KnowledgeGraph, text: str, direct: str, wanted: Any) -> str | None:
    """Best node matching ``text``: exact key, then key/name, then alias; ties to the most mentioned."""
    if direct in g and wanted(g.nodes[direct]):
        return direct
    target = match_key(text)
    if not target:
        return None
    best: tuple[int, int, str] | None = None
    for node, attrs in g.nodes(data=True):
        if not wanted(attrs):
            continue
        if target in (match_key(str(attrs.get("key", ""))), match_key(str(attrs.get("name", "")))):
            rank = 0
        elif any(match_key(str(a)) == target for a in attrs.get("aliases", [])):
            rank = 1
        else:
            continue
        mentions = sum(1 for _, _, d in g.in_edges(node, data=True) if d.get("type") == MENTIONS)
        candidate = (rank, -mentions, node)
        if best is None or candidate < best:
            best = candidate
    return best[2] if best else None


def find_entity(g: KnowledgeGraph, name_or_alias: str) -> str | None:
    """Node id of the entity a name or alias means ("low rank adaptation" → "Entity:lora"), else None."""
    return _find(g, name_or_alias, entity_node(entity_key(name_or_alias)), is_entity)


def find_family(g: KnowledgeGraph, name_or_alias: str) -> str | None:
    """Node id of the family a name or alias means ("PEFT" → "Family:parameter efficient fine tuning")."""
    return _find(g, name_or_alias, family_node(entity_key(name_or_alias)), lambda d: d.get("label") == FAMILY)


def _reach(g: KnowledgeGraph, start: Iterable[str], rel_type: str) -> set[str]:
    """``start`` plus every node with a path of ``rel_type`` edges into it."""
    seen = set(start)
    frontier = list(seen)
    while frontier:
        node = frontier.pop()
        for source, _, d in g.in_edges(node, data=True):
            if d.get("type") == rel_type and source not in seen:
                seen.add(source)
                frontier.append(source)
    return seen


def family_and_subfamilies(g: KnowledgeGraph, family: str) -> set[str]:
    """Node ids of a family and all families below it (SUBFAMILY_OF, transitively)."""
    node = find_family(g, family)
    return _reach(g, [node], SUBFAMILY_OF) if node else set()


def methods_in_family(g: KnowledgeGraph, family: str) -> list[str]:
    """Methods/models in a family or its subfamilies, including everything that EXTENDS a member."""
    families = family_and_subfamilies(g, family)
    members = {s for f in families for s, _, d in g.in_edges(f, data=True) if d.get("type") == IS_A}
    members = _reach(g, members, EXTENDS)
    return sorted(n for n in members if g.nodes[n].get("label") in TECHNIQUE_LABELS)


def outperformers(g: KnowledgeGraph, loser: str, family: str | None = None) -> list[tuple[str, list[dict[str, Any]]]]:
    """Who beats ``loser`` (optionally only winners in ``family``): (winner node id, its claim edges' properties)."""
    loser_node = find_entity(g, loser)
    if loser_node is None:
        return []
    allowed = set(methods_in_family(g, family)) if family is not None else None
    claims: dict[str, list[dict[str, Any]]] = {}
    for winner, _, key, d in g.in_edges(loser_node, keys=True, data=True):
        if d.get("type") == OUTPERFORMS and (allowed is None or winner in allowed):
            claims.setdefault(winner, []).append({"key": key, **d})
    return [(w, sorted(claims[w], key=lambda c: (str(c.get("paper")), c["key"]))) for w in sorted(claims)]
