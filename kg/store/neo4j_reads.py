"""``GraphReads`` over a Neo4j store: the API's batched reads, one named query per call.

Every method runs exactly one parameterised query from ``queries/reads_*.cypher`` in a READ
access-mode session, then finishes in Python what must match ``NetworkxReads`` to the letter:
nodes come back through ``kg.store.neo4j_rows.node_from_neo4j`` (so ids and properties are the
embedded model's), and name ranking, text matching (``kg.graph.reads.words``), sorting and
paging are Python's, so answers never depend on the server's collation or case rules.

The cost of that exactness: ``list_nodes`` and ``search`` fetch every node of the asked labels
(or of the asked ids) and filter in Python, which is right for graphs of tens of thousands of
named nodes, not millions.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from neo4j import READ_ACCESS, Driver
from neo4j.exceptions import DriverError, Neo4jError

from kg.errors import KgError, StoreError
from kg.graph.model import PAPER, TECHNIQUE_LABELS, entity_node, family_node
from kg.graph.reads import (
    NAMED_LABELS,
    CursorError,
    Direction,
    EdgeRecord,
    NodeRecord,
    _contains_all,
    _edge_order,
    _texts,
    decode_cursor,
    words,
)
from kg.resolve.keys import entity_key, match_key
from kg.store.cypher import query
from kg.store.neo4j_rows import edge_from_neo4j, node_from_neo4j
from kg.store.neo4j_settings import one_line

QUERY_MAX_HOPS = 6
"""The longest path ``reads_shortest_paths.cypher`` looks for (its pattern's fixed bound)."""

_TECHNIQUES = sorted(TECHNIQUE_LABELS)
_PREFIXES = {"Paper": "papers", "Entity": "entities", "Family": "families"}


def split_ids(ids: Iterable[str]) -> dict[str, list[str]]:
    """Graph ids as the key lists the queries seek by: paper ids, entity keys, family keys (others dropped)."""
    split: dict[str, list[str]] = {kind: [] for kind in _PREFIXES.values()}
    for node in sorted(set(ids)):
        prefix, sep, rest = node.partition(":")
        if sep and prefix in _PREFIXES:
            split[_PREFIXES[prefix]].append(rest)
    return split


def _end(node: str) -> dict[str, str | None]:
    """One path end as the shortest-path query takes it (the key under its kind, None elsewhere)."""
    split = split_ids([node])
    return {"paper": next(iter(split["papers"]), None), "entity": next(iter(split["entities"]), None),
            "family": next(iter(split["families"]), None)}


def _record(labels: Iterable[str], props: Mapping[str, Any]) -> NodeRecord:
    node, attrs = node_from_neo4j(labels, props)
    return NodeRecord(node, str(attrs["label"]), attrs)


def _edge(source: str, target: str, rel_type: str, props: Mapping[str, Any]) -> EdgeRecord:
    key, attrs = edge_from_neo4j(rel_type, props)
    return EdgeRecord(source, target, rel_type, key, attrs)


class Neo4jReads:
    """``GraphReads`` through a shared driver; cheap to make, one per request (``round_trips`` starts at 0)."""

    kind = "neo4j"

    def __init__(self, driver: Driver, database: str | None = None) -> None:
        self.driver = driver
        self.database = database
        self.round_trips = 0

    def _run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """One named query in a READ session: the one round trip a method makes."""
        self.round_trips += 1
        try:
            with self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as session:
                return [record.data() for record in session.run(query(name), params)]
        except (DriverError, Neo4jError) as error:  # shown to the caller as it is, not masked
            raise StoreError(f"Neo4j read {name} failed: {one_line(error)}") from error

    def get_nodes(self, ids: Collection[str]) -> dict[str, NodeRecord]:
        rows = self._run("reads_nodes", **split_ids(ids))
        records = (_record(row["labels"], row["props"]) for row in rows)
        return {r.id: r for r in sorted(records, key=lambda r: r.id)}

    def resolve(self, names: Collection[str], labels: Collection[str] | None = None) -> dict[str, str | None]:
        names = list(names)
        wanted = frozenset(labels or NAMED_LABELS)
        keys = sorted({entity_key(n) for n in names})
        targets = sorted({match_key(n) for n in names} - {""})
        rows = self._run("reads_resolve", keys=keys, targets=targets)
        nodes = {r.id: (r, int(row["mentions"])) for row in rows for r in [_record(row["labels"], row["props"])]}
        by_key: dict[str, list[tuple[int, int, str]]] = {}
        for node, (record, mentions) in nodes.items():
            if record.label == PAPER or record.label not in wanted:
                continue
            own = {match_key(str(record.props.get("key", ""))), match_key(record.name)}
            aliases = {match_key(str(a)) for a in record.props.get("aliases", [])} - own
            for rank, group in ((0, own), (1, aliases)):
                for key in group - {""}:
                    by_key.setdefault(key, []).append((rank, -mentions, node))

        def one(name: str) -> str | None:
            key = entity_key(name)
            for direct in (entity_node(key), family_node(key)):
                if direct in nodes and nodes[direct][0].label in wanted:
                    return direct
            candidates = by_key.get(match_key(name), [])
            return min(candidates)[2] if candidates else None

        return {name: one(name) for name in names}

    def edges(
        self, ids: Collection[str], types: Collection[str] | None = None, direction: Direction = "out"
    ) -> dict[str, list[EdgeRecord]]:
        rows = self._run(
            "reads_edges", **split_ids(ids), types=sorted(types) if types is not None else None,
            out=direction in ("out", "both"), **{"in": direction in ("in", "both"), "in_loops": direction == "in"},
        )
        result: dict[str, list[EdgeRecord]] = {node: [] for node in sorted(set(ids))}
        for row in rows:
            node, other = row["id"], row["other"]
            source, target = (node, other) if row["leaving"] else (other, node)
            result[node].append(_edge(source, target, row["type"], row["props"]))
        for found in result.values():
            found.sort(key=_edge_order)
        return result

    def _labelled(self, labels: Collection[str], ids: Collection[str] | None) -> list[NodeRecord]:
        rows = self._run("reads_labelled", labels=sorted(labels), ids=sorted(set(ids)) if ids is not None else None)
        return sorted((_record(row["labels"], row["props"]) for row in rows), key=lambda r: r.sort_key)

    def list_nodes(
        self,
        labels: Collection[str],
        text: str | None = None,
        ids: Collection[str] | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> tuple[list[NodeRecord], int]:
        start = decode_cursor(after) if after is not None else None
        if start is not None and len(start) != 3:
            raise CursorError(f"invalid cursor {after!r}: pass an endCursor or cursor this API returned")
        wanted = frozenset(labels)
        pool = [r for r in self._labelled(wanted, ids) if r.label in wanted]
        if text:
            needles = words(text)
            pool = [r for r in pool if _contains_all(" ".join(words(" ".join(_texts(r)))), needles)]
        offset = bisect_right(pool, start, key=lambda r: r.sort_key) if start is not None else 0
        return pool[offset : offset + max(first, 0)], len(pool)

    def family_members(self, family_ids: Collection[str]) -> dict[str, list[str]]:
        families = split_ids(family_ids)["families"]
        rows = self._run("reads_family_members", keys=families, techniques=_TECHNIQUES)
        found = {family_node(row["key"]): sorted(entity_node(k) for k in set(row["members"])) for row in rows}
        return {family: found.get(family, []) for family in sorted(set(family_ids))}

    def search(self, text: str, labels: Collection[str] | None = None, limit: int = 20) -> list[NodeRecord]:
        wanted = frozenset(labels or NAMED_LABELS)
        needles, exact = words(text), match_key(text)
        if not needles:
            self.round_trips += 1  # the contract counts every call, as NetworkxReads does
            return []
        hits: list[tuple[int, tuple[str, str, str], NodeRecord]] = []
        for record in self._labelled(wanted, None):
            if record.label not in wanted or not _contains_all(" ".join(words(" ".join(_texts(record)))), needles):
                continue
            names = {match_key(record.name), match_key(str(record.props.get("key", "")))}
            aliases = {match_key(str(a)) for a in record.props.get("aliases", [])}
            hits.append((0 if exact in names else 1 if exact in aliases else 2, record.sort_key, record))
        hits.sort(key=lambda h: (h[0], h[1]))
        return [h[2] for h in hits[: max(limit, 0)]]

    def shortest_paths(
        self, source_id: str, target_id: str, max_hops: int = 3, limit: int = 10
    ) -> list[list[EdgeRecord]]:
        if max_hops > QUERY_MAX_HOPS:
            raise KgError(f"max_hops {max_hops} is over {QUERY_MAX_HOPS}, the longest path the Neo4j store looks for")
        [row] = self._run("reads_shortest_paths", source=_end(source_id), target=_end(target_id), max_hops=max_hops)
        if not (row["source_found"] and row["target_found"]) or limit <= 0:
            return []
        if source_id == target_id:
            return [[]]
        # One path per node sequence, each hop by its first edge in edge order, sequences in id order
        # (Neo4j returns one path per choice among parallel edges, NetworkxReads walks nodes).
        best: dict[tuple[str, str], EdgeRecord] = {}
        sequences: set[tuple[str, ...]] = set()
        for path in row["paths"]:
            node, sequence = source_id, [source_id]
            for rel in path:
                edge = _edge(rel["source"], rel["target"], rel["type"], rel["props"])
                hop = (node, edge.other(node))
                if hop not in best or _edge_order(edge) < _edge_order(best[hop]):
                    best[hop] = edge
                node = hop[1]
                sequence.append(node)
            sequences.add(tuple(sequence))
        return [[best[(a, b)] for a, b in zip(seq, seq[1:])] for seq in sorted(sequences)[:limit]]
