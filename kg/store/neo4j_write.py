"""Transaction functions that write the graph model into Neo4j with the embedded store's semantics.

``write_batch`` is kg.store.merge.replace_papers for one batch of papers, in one transaction:
drop the papers' old claims, MERGE the nodes (one ``UNWIND $rows`` query per node kind), then
the relationships (one per type), then recompute what the vote and the spellings derive
(kg.graph.derive.refresh) for every entity and family the batch touched, then prune what no
paper supports any more (kg.graph.derive.prune, restricted to those nodes and the families
above them: nothing else can have lost support). Derived values are computed here in Python
with the resolver's own functions (``choose_type``, ``match_key``) from what the server
aggregates, so both stores agree to the byte. Each function is safe to retry as a whole.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from neo4j import ManagedTransaction

from kg.errors import StoreError
from kg.graph.model import TEXT
from kg.store.batches import Batch
from kg.store.cypher import query
from kg.store.neo4j_rows import edge_row, entity_derived, family_derived, node_row
from kg.taxonomy import Taxonomy

_NODE_QUERIES = (("paper", "merge_papers"), ("entity", "merge_entities"), ("family", "merge_families"))


def _write_rows(tx: ManagedTransaction, name: str, rows: list[dict[str, Any]]) -> None:
    """Run a ``merge_*`` query over ``rows``; every row must be written (a missing endpoint is an error)."""
    if not rows:
        return
    record = tx.run(query(name), rows=rows).single(strict=True)
    if record["written"] != len(rows):
        raise StoreError(f"{name}: wrote {record['written']} of {len(rows)} rows; an endpoint node is missing from the piece")


def drop_claims(tx: ManagedTransaction, papers: list[str]) -> tuple[set[str], set[str]]:
    """Delete the papers' claims; returns the keys of the entities and families that lost one."""
    entities: set[str] = set()
    families: set[str] = set()
    if not papers:
        return entities, families
    for record in tx.run(query("drop_claims"), papers=papers):
        (families if record["family"] else entities).add(record["key"])
    return entities, families


def write_batch(tx: ManagedTransaction, batch: Batch, taxonomy: Taxonomy) -> None:
    """Replace the claims of ``batch.papers`` with the batch's nodes and edges, then settle."""
    entities, families = drop_claims(tx, batch.papers)
    nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node, attrs in batch.nodes.items():
        kind, row = node_row(node, attrs)
        nodes[kind].append(row)
    for kind, name in _NODE_QUERIES:
        _write_rows(tx, name, nodes[kind])
    edges: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for u, v, k, attrs in batch.edges:
        rel_type, row = edge_row(u, v, k, attrs)
        edges[rel_type].append(row)
    for rel_type in sorted(edges):
        _write_rows(tx, f"merge_rel_{rel_type.lower()}", edges[rel_type])
    entities.update(row["key"] for row in nodes["entity"])
    families.update(row["key"] for row in nodes["family"])
    settle(tx, entities, families, taxonomy)


def delete_papers(tx: ManagedTransaction, papers: Iterable[str], taxonomy: Taxonomy) -> list[str]:
    """kg.store.merge.remove_papers: delete the papers that exist with their claims; returns their ids."""
    present = [p for p in dict.fromkeys(papers) if tx.run(query("paper_exists"), id=p).single(strict=True)["found"]]
    if not present:
        return []
    entities, families = drop_claims(tx, present)
    deleted = [record["id"] for record in tx.run(query("delete_papers"), papers=present)]
    settle(tx, entities, families, taxonomy)
    return deleted


def settle(tx: ManagedTransaction, entities: set[str], families: set[str], taxonomy: Taxonomy) -> None:
    """Refresh the derived properties of these entities and families, then prune the unsupported."""
    if entities:
        rows = []
        for record in tx.run(query("entity_mentions"), keys=sorted(entities)):
            row = entity_derived(record["key"], record["name"], record["groups"], record["spellings"])
            if row is not None:
                rows.append(row)
        _write_rows(tx, "set_entity_derived", rows)
    if families:
        rows = [
            family_derived(r["key"], r["name"], r["surfaces"], taxonomy)
            for r in tx.run(query("family_surfaces"), keys=sorted(families), text=TEXT)
        ]
        _write_rows(tx, "set_family_derived", rows)
    if entities:
        for record in tx.run(query("prune_entities"), keys=sorted(entities)):
            families.update(record["families"])
    if families:
        tx.run(query("prune_families"), keys=sorted(families)).consume()
