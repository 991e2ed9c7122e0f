"""Cut a graph piece into per-paper batches, so each batch can be one self-contained transaction.

A batch holds a group of papers, every edge that belongs to them (its ``paper`` is one of them,
or it touches one of their Paper nodes), the nodes at those edges' ends, and the paper-less
taxonomy edges (IS_A {source: taxonomy}, SUBFAMILY_OF) reachable from those nodes with their
families. Upserting the batches one after another gives what upserting the whole piece gives,
and after each committed batch the store is consistent: a batch never leaves a paper half
written. Taxonomy edges shared by several batches are simply written again (MERGE).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from kg.graph.model import PAPER, KnowledgeGraph

Edge = tuple[str, str, str, dict[str, Any]]


@dataclass
class Batch:
    """One transaction's worth of a piece: the papers it replaces, its nodes and edges."""

    papers: list[str] = field(default_factory=list)
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)


def _owner(g: KnowledgeGraph, u: str, v: str, attrs: dict[str, Any]) -> str | None:
    """The Paper node id an edge belongs to, or None for a taxonomy edge."""
    if attrs.get("paper") is not None:
        return f"Paper:{attrs['paper']}"
    for node in (u, v):
        if g.nodes[node].get("label") == PAPER:
            return node
    return None


def split_piece(g: KnowledgeGraph, papers_per_batch: int) -> Iterator[Batch]:
    """Batches of at most ``papers_per_batch`` papers (sorted by id); one last batch for anything unowned."""
    if papers_per_batch < 1:
        raise ValueError("papers_per_batch must be at least 1")
    papers = sorted(n for n, d in g.nodes(data=True) if d.get("label") == PAPER)
    owned: dict[str, list[Edge]] = {p: [] for p in papers}
    taxonomy_out: dict[str, list[Edge]] = {}
    for u, v, k, d in g.edges(keys=True, data=True):
        owner = _owner(g, u, v, d)
        if owner is None:
            taxonomy_out.setdefault(u, []).append((u, v, k, d))
        else:
            owned.setdefault(owner, []).append((u, v, k, d))
    seen_nodes: set[str] = set()
    for start in range(0, len(papers), papers_per_batch):
        group = papers[start : start + papers_per_batch]
        batch = Batch(papers=[str(g.nodes[p]["id"]) for p in group])
        for paper in group:
            batch.nodes[paper] = g.nodes[paper]
            for edge in owned[paper]:
                batch.edges.append(edge)
                batch.nodes.setdefault(edge[0], g.nodes[edge[0]])
                batch.nodes.setdefault(edge[1], g.nodes[edge[1]])
        _close_over_taxonomy(g, batch, taxonomy_out)
        seen_nodes.update(batch.nodes)
        yield batch
    rest = Batch()  # edges of papers not in the piece, nodes no paper reached
    for owner in sorted(set(owned) - set(papers)):
        rest.edges.extend(owned[owner])
    for u, v, _, _ in rest.edges:
        rest.nodes.setdefault(u, g.nodes[u])
        rest.nodes.setdefault(v, g.nodes[v])
    for node, attrs in g.nodes(data=True):
        if node not in seen_nodes:
            rest.nodes.setdefault(node, attrs)
    _close_over_taxonomy(g, rest, taxonomy_out)
    if rest.nodes:
        yield rest


def _close_over_taxonomy(g: KnowledgeGraph, batch: Batch, taxonomy_out: dict[str, list[Edge]]) -> None:
    """Add the taxonomy edges leaving the batch's nodes, and their targets, transitively."""
    frontier = list(batch.nodes)
    while frontier:
        node = frontier.pop()
        for edge in taxonomy_out.get(node, ()):
            batch.edges.append(edge)
            if edge[1] not in batch.nodes:
                batch.nodes[edge[1]] = g.nodes[edge[1]]
                frontier.append(edge[1])
