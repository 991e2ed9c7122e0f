"""Transaction functions that write the graph model into Neo4j with the embedded store's semantics.

``write_batch`` is kg.store.merge.replace_papers for one batch of papers, in one transaction:
drop the papers' old claims, MERGE the nodes (one ``UNWIND $rows`` query per node kind), then
the relationships (one per type), then recompute what the vote and the spellings derive
(kg.graph.derive.refresh) for every entity and family the batch touched, then prune what no
paper supports any more (kg.graph.derive.prune, restricted to those nodes and the families
above them: nothing else can have lost support). Derived values are computed here in Python
with the resolver's own functions (``choose_type``, ``match_key``) from what the server
aggregates, so both stores agree to the byte. Each function is safe to retry as a whole.

Re-deriving means reading every MENTIONS of an entity, which for an entity half the corpus
mentions would make each batch cost more than the last. So a batch first reads the stored
state of its entities and families and re-derives only those it can change: an entity none
of whose claims were dropped keeps its type, name and aliases when every new mention votes for
its stored type, uses its stored name and only spellings it already has; a family likewise
keeps its aliases when the new IS_A phrases are already among them. Those are merged with
their stored values; everything else is re-derived from all its edges, and with it
every entity that shares a surface with one of them (kg.store.neo4j.names), because whether
another entity uses a surface decides a name (kg.store.naming).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from neo4j import ManagedTransaction

from kg.errors import StoreError
from kg.graph.model import IS_A, MENTIONS, TEXT, entity_node
from kg.store.batches import Batch
from kg.store.cypher import query
from kg.store.neo4j.names import renamed_rows
from kg.store.neo4j.rows import alias_props, edge_row, family_derived, node_row
from kg.taxonomy import Taxonomy

_NODE_QUERIES = (("paper", "merge_papers"), ("entity", "merge_entities"), ("family", "merge_families"))
Rows = list[dict[str, Any]]


def _write_rows(tx: ManagedTransaction, name: str, rows: Rows) -> None:
    """Run a ``merge_*``/``set_*`` query over ``rows``; every row must be written (a missing node is an error)."""
    if not rows:
        return
    record = tx.run(query(name), rows=rows).single(strict=True)
    if record["written"] != len(rows):
        raise StoreError(
            f"{name}: wrote {record['written']} of {len(rows)} rows; an endpoint node is missing from the piece"
        )


def drop_claims(tx: ManagedTransaction, papers: list[str]) -> tuple[set[str], set[str]]:
    """Delete the papers' claims; returns the keys of the entities and families that lost one."""
    entities: set[str] = set()
    families: set[str] = set()
    if not papers:
        return entities, families
    for record in tx.run(query("drop_claims"), papers=papers):
        (families if record["family"] else entities).add(record["key"])
    return entities, families


def _entity_states(tx: ManagedTransaction, keys: set[str]) -> dict[str, dict[str, Any]]:
    """The stored state (name, aliases, type labels, number of MENTIONS) of each existing entity among ``keys``."""
    return {state["key"]: dict(state) for state in tx.run(query("entity_state"), keys=sorted(keys))}


def _stable_entities(
    states: dict[str, dict[str, Any]], entities: Rows, mentions: Rows, changed: set[str]
) -> dict[str, dict[str, Any]]:
    """Entities whose derived type, name and aliases this batch cannot change: key → their stored node's row.

    The type cannot change when every new mention votes for the stored one, the aliases when every
    new spelling is already among them, and the name (most used surface first, kg.store.naming)
    when every new mention uses the stored name itself: it only gains on the others.
    """
    keys = {row["key"] for row in entities if row["key"] not in changed}
    votes: dict[str, set[str]] = defaultdict(set)
    spellings: dict[str, set[str]] = defaultdict(set)
    surfaces: dict[str, set[str]] = defaultdict(set)
    for row in mentions:
        votes[row["to"]].add(str(row["props"].get("vote")))
        surfaces[row["to"]].add(str(row["props"].get("surface")))
        spellings[row["to"]].update([str(row["props"].get("surface")), *map(str, row["props"].get("aliases", []))])
    stable = {}
    for key in sorted(keys & set(states)):
        state = states[key]
        aliases = list(state["aliases"] or [])
        if (
            state["mentions"] > 0
            and len(state["labels"]) == 1
            and votes[key] <= set(state["labels"])
            and surfaces[key] <= {state["name"]}
            and spellings[key] <= {*aliases, state["name"]}
        ):
            attrs = {"label": state["labels"][0], "key": key, "name": state["name"], "aliases": aliases}
            stable[key] = node_row(entity_node(key), attrs)[1]  # the node as stored, written instead of the piece's
    return stable


def _stable_families(
    tx: ManagedTransaction, families: Rows, is_a: Rows, changed: set[str]
) -> dict[str, dict[str, Any]]:
    """Families whose derived aliases this batch cannot change: key → the row restoring them."""
    names = {row["key"]: row["props"].get("name") for row in families if row["key"] not in changed}
    phrases: dict[str, set[str]] = defaultdict(set)
    for row in is_a:
        if row["props"].get("source") == TEXT and row["props"].get("surface") is not None:
            phrases[row["to"]].add(str(row["props"]["surface"]))
    stable = {}
    for state in tx.run(query("family_state"), keys=sorted(names)):
        key, aliases = state["key"], list(state["aliases"] or [])
        if state["name"] == names[key] and phrases[key] <= {*aliases, state["name"]}:
            stable[key] = {"key": key, **alias_props(aliases)}
    return stable


def write_batch(tx: ManagedTransaction, batch: Batch, taxonomy: Taxonomy) -> None:
    """Replace the claims of ``batch.papers`` with the batch's nodes and edges, then settle."""
    entities, families = drop_claims(tx, batch.papers)
    nodes: dict[str, Rows] = defaultdict(list)
    for node, attrs in batch.nodes.items():
        kind, row = node_row(node, attrs)
        nodes[kind].append(row)
    edges: dict[str, Rows] = defaultdict(list)
    for u, v, k, attrs in batch.edges:
        rel_type, row = edge_row(u, v, k, attrs)
        edges[rel_type].append(row)
    states = _entity_states(tx, entities | {row["key"] for row in nodes["entity"]})
    stable_entities = _stable_entities(states, nodes["entity"], edges[MENTIONS], entities)
    stable_families = _stable_families(tx, nodes["family"], edges[IS_A], families)
    nodes["entity"] = [stable_entities.get(row["key"], row) for row in nodes["entity"]]
    for node_kind, name in _NODE_QUERIES:
        _write_rows(tx, name, nodes[node_kind])
    for rel_type in sorted(edges):
        _write_rows(tx, f"merge_rel_{rel_type.lower()}", edges[rel_type])
    _write_rows(tx, "set_family_derived", list(stable_families.values()))
    entities.update(row["key"] for row in nodes["entity"])
    families.update(row["key"] for row in nodes["family"])
    _refresh(tx, entities - set(stable_entities), families - set(stable_families), taxonomy, states)
    _prune(tx, entities, families)


def delete_papers(tx: ManagedTransaction, papers: Iterable[str], taxonomy: Taxonomy) -> list[str]:
    """kg.store.merge.remove_papers: delete the papers that exist with their claims; returns their ids."""
    present = [p for p in dict.fromkeys(papers) if tx.run(query("paper_exists"), id=p).single(strict=True)["found"]]
    if not present:
        return []
    entities, families = drop_claims(tx, present)
    states = _entity_states(tx, entities)
    deleted = [record["id"] for record in tx.run(query("delete_papers"), papers=present)]
    _refresh(tx, entities, families, taxonomy, states)
    _prune(tx, entities, families)
    return deleted


def _refresh(
    tx: ManagedTransaction,
    entities: set[str],
    families: set[str],
    taxonomy: Taxonomy,
    states: dict[str, dict[str, Any]],
) -> None:
    """Re-derive type, name and aliases of these entities (and of the entities sharing a surface with them:
    kg.store.neo4j.names) from all their edges, and the aliases of these families. ``states``: the
    entities' stored state before the batch, whose names and aliases say whom they shared surfaces with."""
    if entities:
        before = {k: [str(states[k]["name"]), *map(str, states[k]["aliases"] or [])] for k in entities if k in states}
        _write_rows(tx, "set_entity_derived", renamed_rows(tx, entities, before))
    if families:
        rows = [
            family_derived(r["key"], r["name"], r["surfaces"], taxonomy)
            for r in tx.run(query("family_surfaces"), keys=sorted(families), text=TEXT)
        ]
        _write_rows(tx, "set_family_derived", rows)


def _prune(tx: ManagedTransaction, entities: set[str], families: set[str]) -> None:
    """Delete the entities among these that nothing supports, then the dead families at or above these."""
    candidates = set(families)
    if entities:
        for record in tx.run(query("prune_entities"), keys=sorted(entities)):
            candidates.update(record["families"])
    if candidates:
        tx.run(query("prune_families"), keys=sorted(candidates)).consume()
