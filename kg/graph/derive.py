"""Node properties derived from edges, recomputed whenever a paper's claims change.

An entity's ``label`` (type) and ``aliases`` come from the MENTIONS edges of the papers that
mention it, so removing a paper removes its vote and its spellings. A Family's aliases are
its taxonomy aliases plus the phrases papers used for it. Nodes that no paper supports any
more are pruned.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from kg.graph.model import FAMILY, IS_A, MENTIONS, SUBFAMILY_OF, TEXT, KnowledgeGraph, is_entity
from kg.resolve.alias_index import AliasIndex, IndexedEntity
from kg.resolve.canonical import choose_type
from kg.taxonomy import Taxonomy


def _in_edges(g: KnowledgeGraph, node: str, rel_type: str) -> list[dict[str, object]]:
    return [d for _, _, d in g.in_edges(node, data=True) if d.get("type") == rel_type]


def type_votes(g: KnowledgeGraph, node: str) -> Counter[str]:
    """Declared type votes of an entity's MENTIONS edges (role-inferred ones when none is declared)."""
    mentions = _in_edges(g, node, MENTIONS)
    declared = Counter(str(d["vote"]) for d in mentions if d.get("declared", True))
    return declared or Counter(str(d["vote"]) for d in mentions)


def refresh_entity(g: KnowledgeGraph, node: str) -> None:
    """Recompute ``label`` by vote and ``aliases`` from the surfaces of the MENTIONS edges."""
    attrs = g.nodes[node]
    mentions = _in_edges(g, node, MENTIONS)
    if not mentions:
        return
    attrs["label"] = choose_type(type_votes(g, node))
    surfaces: set[str] = set()
    for d in mentions:
        surfaces.add(str(d["surface"]))
        surfaces.update(str(a) for a in d.get("aliases", []))  # type: ignore[attr-defined]
    attrs["aliases"] = sorted(surfaces - {attrs.get("name")})


def refresh_family(g: KnowledgeGraph, node: str, taxonomy: Taxonomy) -> None:
    """Recompute a Family's ``aliases``: taxonomy aliases plus the phrases IS_A claims used."""
    attrs = g.nodes[node]
    name = str(attrs.get("name", ""))
    aliases = set(taxonomy.families[name].aliases) if name in taxonomy.families else set()
    aliases.update(str(d["surface"]) for d in _in_edges(g, node, IS_A) if d.get("source") == TEXT and "surface" in d)
    attrs["aliases"] = sorted(aliases - {name})


def refresh(g: KnowledgeGraph, nodes: Iterable[str], taxonomy: Taxonomy) -> None:
    """Refresh every entity and family among ``nodes`` that is still in the graph."""
    for node in sorted(set(nodes)):
        if node not in g:
            continue
        if is_entity(g.nodes[node]):
            refresh_entity(g, node)
        elif g.nodes[node].get("label") == FAMILY:
            refresh_family(g, node, taxonomy)


def prune(g: KnowledgeGraph) -> set[str]:
    """Remove entities no paper supports and families with no member below them; returns what went.

    An entity is supported by any edge with a ``paper``; a family is kept while it, or one of
    its subfamilies, has an IS_A edge.
    """
    removed: set[str] = set()
    for node in list(g.nodes):
        if is_entity(g.nodes[node]) and not any(
            "paper" in d for _, _, d in (*g.in_edges(node, data=True), *g.out_edges(node, data=True))
        ):
            removed.add(node)
    g.remove_nodes_from(removed)
    families = {n for n, d in g.nodes(data=True) if d.get("label") == FAMILY}
    alive = {n for n in families if _in_edges(g, n, IS_A)}
    frontier = list(alive)
    while frontier:
        node = frontier.pop()
        for _, parent, d in g.out_edges(node, data=True):
            if d.get("type") == SUBFAMILY_OF and parent not in alive:
                alive.add(parent)
                frontier.append(parent)
    dead = families - alive
    g.remove_nodes_from(dead)
    return removed | dead


def alias_index(g: KnowledgeGraph) -> AliasIndex:
    """What the graph knows about its entities, for resolving new papers against it."""
    entities = []
    for node, attrs in g.nodes(data=True):
        if not is_entity(attrs):
            continue
        names = Counter(str(d["surface"]) for d in _in_edges(g, node, MENTIONS))
        entities.append(
            IndexedEntity(
                key=str(attrs["key"]),
                name=str(attrs["name"]),
                names=dict(sorted(names.items())),
                aliases=list(attrs.get("aliases", [])),
                votes=dict(sorted(type_votes(g, node).items())),
            )
        )
    return AliasIndex(entities)
