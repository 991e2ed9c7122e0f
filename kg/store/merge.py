"""Upsert and delete on an in-memory graph: replace one paper's claims, leave every other paper's alone.

For each paper being written: drop every edge whose ``paper`` is that paper and every edge of
its Paper node, add the new piece, recompute the derived properties of the nodes it touched
(type by vote, aliases), then prune entities and families nothing supports any more.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from kg.graph.derive import prune, refresh
from kg.graph.model import PAPER, KnowledgeGraph, paper_node
from kg.taxonomy import Taxonomy


def _drop_claims(g: KnowledgeGraph, paper_ids: set[str]) -> set[str]:
    """Remove the papers' claim edges and their Paper nodes' edges; return the nodes they touched."""
    nodes = {paper_node(p) for p in paper_ids}
    doomed = [
        (u, v, k)
        for u, v, k, d in g.edges(keys=True, data=True)
        if d.get("paper") in paper_ids or u in nodes or v in nodes
    ]
    g.remove_edges_from(doomed)
    return {n for u, v, _ in doomed for n in (u, v)}


def replace_papers(g: KnowledgeGraph, piece: KnowledgeGraph, taxonomy: Taxonomy) -> None:
    """Write ``piece`` into ``g``: its papers' old claims go, its nodes' properties are replaced."""
    paper_ids = {str(d["id"]) for _, d in piece.nodes(data=True) if d.get("label") == PAPER}
    touched = _drop_claims(g, paper_ids)
    for node, attrs in piece.nodes(data=True):
        g.add_node(node)
        g.nodes[node].clear()
        g.nodes[node].update(copy.deepcopy(attrs))
    for u, v, k, attrs in piece.edges(keys=True, data=True):
        g.add_edge(u, v, key=k)
        g.edges[u, v, k].clear()
        g.edges[u, v, k].update(copy.deepcopy(attrs))
    _settle(g, touched | set(piece.nodes), taxonomy)


def remove_papers(g: KnowledgeGraph, paper_ids: Iterable[str], taxonomy: Taxonomy) -> set[str]:
    """Delete papers and their claims; returns the ids that were there."""
    present = {p for p in paper_ids if paper_node(p) in g}
    touched = _drop_claims(g, present)
    g.remove_nodes_from(paper_node(p) for p in present)
    _settle(g, touched, taxonomy)
    return present


def _settle(g: KnowledgeGraph, touched: set[str], taxonomy: Taxonomy) -> None:
    refresh(g, touched, taxonomy)
    prune(g)
