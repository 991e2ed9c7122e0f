"""Node properties derived from edges, recomputed whenever a paper's claims change.

An entity's ``label`` (type) and ``aliases`` come from the MENTIONS edges of the papers that
mention it, so removing a paper removes its vote and its spellings. A Family's aliases are
its taxonomy aliases plus the phrases papers used for it. Nodes that no paper supports any
more are pruned.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from kg.graph.model import FAMILY, IS_A, MENTIONS, SUBFAMILY_OF, TEXT, KnowledgeGraph, entity_node, is_entity
from kg.names.alias_index import AliasIndex, IndexedEntity
from kg.names.canonical import choose_type
from kg.taxonomy import Taxonomy

_ENTITY_PREFIX = entity_node("")


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


def prune(g: KnowledgeGraph, nodes: Iterable[str] | None = None) -> set[str]:
    """Remove entities no paper supports and families with no member below them; returns what went.

    An entity is supported by any edge with a ``paper``; a family is kept while it, or one of
    its subfamilies, has an IS_A edge. With ``nodes`` only those entities, and the families
    among them, above them and above the removed entities, are checked: what a write touched,
    so the cost follows the write, not the graph.
    """
    candidates = list(g.nodes) if nodes is None else [n for n in set(nodes) if n in g]
    removed: set[str] = set()
    families: set[str] = set()
    for node in candidates:
        attrs = g.nodes[node]
        if attrs.get("label") == FAMILY:
            families.add(node)
        elif is_entity(attrs) and not _supported(g, node):
            families.update(v for _, v, d in g.out_edges(node, data=True) if d.get("type") == IS_A)
            removed.add(node)
    g.remove_nodes_from(removed)
    dead = _dead_families(g, _with_ancestors(g, families))
    g.remove_nodes_from(dead)
    return removed | dead


def _supported(g: KnowledgeGraph, node: str) -> bool:
    return any("paper" in d for *_, d in g.in_edges(node, data=True)) or any(
        "paper" in d for *_, d in g.out_edges(node, data=True)
    )


def _parents(g: KnowledgeGraph, family: str) -> Iterator[str]:
    return (v for _, v, d in g.out_edges(family, data=True) if d.get("type") == SUBFAMILY_OF)


def _with_ancestors(g: KnowledgeGraph, families: set[str]) -> set[str]:
    found = {f for f in families if f in g}
    frontier = list(found)
    while frontier:
        for parent in _parents(g, frontier.pop()):
            if parent not in found:
                found.add(parent)
                frontier.append(parent)
    return found


def _dead_families(g: KnowledgeGraph, families: set[str]) -> set[str]:
    """The families among ``families`` with no IS_A edge at or below them (through SUBFAMILY_OF)."""
    alive: set[str] = set()

    def lives(family: str, seen: frozenset[str]) -> bool:
        if family in alive:
            return True
        if any(d.get("type") == IS_A for *_, d in g.in_edges(family, data=True)) or any(
            d.get("type") == SUBFAMILY_OF and child not in seen and lives(child, seen | {family})
            for child, _, d in g.in_edges(family, data=True)
        ):
            alive.add(family)
            return True
        return False

    return {f for f in families if not lives(f, frozenset())}


def indexed_entity(g: KnowledgeGraph, node: str) -> IndexedEntity:
    """What the resolver needs to know about one stored entity: names used, aliases, type votes."""
    attrs = g.nodes[node]
    names = Counter(str(d["surface"]) for d in _in_edges(g, node, MENTIONS))
    return IndexedEntity(
        key=str(attrs["key"]),
        name=str(attrs["name"]),
        names=dict(sorted(names.items())),
        aliases=list(attrs.get("aliases", [])),
        votes=dict(sorted(type_votes(g, node).items())),
    )


def alias_index(g: KnowledgeGraph) -> AliasIndex:
    """What the graph knows about its entities, for resolving new papers against it."""
    return AliasIndex(indexed_entity(g, node) for node, attrs in g.nodes(data=True) if is_entity(attrs))


def update_alias_index(index: AliasIndex, g: KnowledgeGraph, nodes: Iterable[str]) -> None:
    """Bring ``index`` up to date for ``nodes`` after a write touched them (gone entities leave it)."""
    for node in nodes:
        attrs = g.nodes.get(node)
        if attrs is not None and is_entity(attrs):
            index.add(indexed_entity(g, node))
        elif node.startswith(_ENTITY_PREFIX):
            index.remove(node.removeprefix(_ENTITY_PREFIX))
