"""Upsert and delete on an in-memory graph: replace one paper's claims, leave every other paper's alone.

For each paper being written: drop every edge whose ``paper`` is that paper and every edge of
its Paper node, add the new piece, recompute the derived properties of the nodes it touched
(type by vote, aliases), then prune the entities and families among them nothing supports any
more. A ``ClaimIndex`` (paper → its claim edges) lets all of this cost what the write touches,
not the size of the graph, so loading N papers in batches stays linear in N.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from kg.graph.derive import prune, refresh
from kg.graph.model import PAPER, KnowledgeGraph, paper_node
from kg.taxonomy import Taxonomy

EdgeId = tuple[str, str, str]


class ClaimIndex:
    """Paper id → the (u, v, key) of every edge carrying that ``paper``; built once, kept up to date by the
    writes here."""

    def __init__(self, g: KnowledgeGraph) -> None:
        self._edges: dict[str, set[EdgeId]] = {}
        paper: object  # the edge's "paper" property, None on edges that have none
        for u, v, k, paper in g.edges(keys=True, data="paper"):
            if paper is not None:
                self._edges.setdefault(str(paper), set()).add((u, v, k))

    def add(self, paper: str, edge: EdgeId) -> None:
        self._edges.setdefault(paper, set()).add(edge)

    def pop(self, paper: str) -> set[EdgeId]:
        return self._edges.pop(paper, set())


def _drop_claims(g: KnowledgeGraph, paper_ids: set[str], index: ClaimIndex) -> set[str]:
    """Remove the papers' claim edges and their Paper nodes' edges; return the nodes they touched."""
    doomed: set[EdgeId] = set()
    for paper in paper_ids:
        doomed.update(e for e in index.pop(paper) if g.has_edge(*e))
        node = paper_node(paper)
        if node in g:
            doomed.update(g.in_edges(node, keys=True))
            doomed.update(g.out_edges(node, keys=True))
    # (u, v, key) edges: networkx's MultiGraph takes them, types-networkx knows only (u, v[, data])
    g.remove_edges_from(doomed)  # type: ignore[arg-type]
    return {n for u, v, _ in doomed for n in (u, v)}


def replace_papers(
    g: KnowledgeGraph, piece: KnowledgeGraph, taxonomy: Taxonomy, index: ClaimIndex | None = None
) -> set[str]:
    """Write ``piece`` into ``g``: its papers' old claims go, its nodes' properties are replaced.

    Returns the nodes whose edges changed (some may have been pruned). Pass the same ``index``
    to every write on ``g`` (none: one is built from ``g``, which costs a pass over it).
    """
    index = index if index is not None else ClaimIndex(g)
    paper_ids = {str(d["id"]) for _, d in piece.nodes(data=True) if d.get("label") == PAPER}
    touched = _drop_claims(g, paper_ids, index)
    for node, attrs in piece.nodes(data=True):
        g.add_node(node)
        g.nodes[node].clear()
        g.nodes[node].update(copy.deepcopy(attrs))
    for u, v, k, attrs in piece.edges(keys=True, data=True):
        g.add_edge(u, v, key=k)
        g.edges[u, v, k].clear()
        g.edges[u, v, k].update(copy.deepcopy(attrs))
        if "paper" in attrs:
            index.add(str(attrs["paper"]), (u, v, k))
    touched |= set(piece.nodes)
    _settle(g, touched, taxonomy)
    return touched


def remove_papers(
    g: KnowledgeGraph, paper_ids: Iterable[str], taxonomy: Taxonomy, index: ClaimIndex | None = None
) -> set[str]:
    """Delete papers and their claims; returns the ids that were there."""
    return remove_papers_touching(g, paper_ids, taxonomy, index)[0]


def remove_papers_touching(
    g: KnowledgeGraph, paper_ids: Iterable[str], taxonomy: Taxonomy, index: ClaimIndex | None = None
) -> tuple[set[str], set[str]]:
    """``remove_papers``, also returning the nodes whose edges changed (some may have been pruned)."""
    index = index if index is not None else ClaimIndex(g)
    present = {p for p in paper_ids if paper_node(p) in g}
    touched = _drop_claims(g, present, index)
    g.remove_nodes_from(paper_node(p) for p in present)
    _settle(g, touched, taxonomy)
    return present, touched | {paper_node(p) for p in present}


def _settle(g: KnowledgeGraph, touched: set[str], taxonomy: Taxonomy) -> None:
    refresh(g, touched, taxonomy)
    prune(g, touched)
