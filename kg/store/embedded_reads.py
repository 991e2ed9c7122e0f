"""``GraphReads`` over the embedded store's graph: the networkx model in memory, with its indexes built once.

The contract, its records and the helpers both backends share (ordering, cursors, text matching)
are in ``kg.graph.reads``; the Neo4j backend is ``kg.store.neo4j.reads``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable

from kg.graph.model import (
    EXTENDS,
    IS_A,
    MENTIONS,
    PAPER,
    SUBFAMILY_OF,
    TECHNIQUE_LABELS,
    KnowledgeGraph,
    entity_node,
    family_node,
)
from kg.graph.reads import (
    NAMED_LABELS,
    Direction,
    EdgeRecord,
    NameRequest,
    NodeRecord,
    Related,
    contains_all,
    edge_order,
    page_start,
    texts,
    words,
)
from kg.names.keys import entity_key, match_key


class NetworkxReads:
    """``GraphReads`` over an in-memory graph model, with its indexes built once.

    The graph is read at construction and must not change afterwards: build a new
    ``NetworkxReads`` for a new graph (``kg.api.embedded_reads`` does on every file change).
    """

    kind = "embedded"

    def __init__(self, graph: KnowledgeGraph) -> None:
        self._nodes = {n: NodeRecord(n, str(d.get("label")), dict(d)) for n, d in graph.nodes(data=True)}
        self._out: dict[str, list[EdgeRecord]] = defaultdict(list)
        self._in: dict[str, list[EdgeRecord]] = defaultdict(list)
        mentions: Counter[str] = Counter()
        for u, v, k, d in graph.edges(keys=True, data=True):
            edge = EdgeRecord(u, v, str(d.get("type")), str(k), dict(d))
            self._out[u].append(edge)
            self._in[v].append(edge)
            mentions[v] += edge.type == MENTIONS
        for adjacency in (self._out, self._in):
            for edge_list in adjacency.values():
                edge_list.sort(key=edge_order)
        self._by_label: dict[str, list[NodeRecord]] = defaultdict(list)
        for record in sorted(self._nodes.values(), key=lambda r: r.sort_key):
            self._by_label[record.label].append(record)
        self._sorted: dict[frozenset[str], list[NodeRecord]] = {}
        self._haystacks = {n: " ".join(words(" ".join(texts(r)))) for n, r in self._nodes.items()}
        self._names: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for n, r in self._nodes.items():
            if r.label == PAPER:
                continue
            own = {match_key(str(r.props.get("key", ""))), match_key(r.name)}
            for rank, keys in ((0, own), (1, {match_key(str(a)) for a in r.props.get("aliases", [])} - own)):
                for key in keys - {""}:
                    self._names[key].append((rank, -mentions[n], n))

    def get_nodes(self, ids: Collection[str]) -> dict[str, NodeRecord]:
        return {n: self._nodes[n] for n in sorted(set(ids)) if n in self._nodes}

    def resolve(self, names: Collection[str], labels: Collection[str] | None = None) -> dict[str, str | None]:
        wanted = frozenset(labels or NAMED_LABELS)
        return {name: self._resolve_one(name, wanted) for name in names}

    def _resolve_one(self, name: str, wanted: frozenset[str]) -> str | None:
        key = entity_key(name)
        for direct in (entity_node(key), family_node(key)):
            if direct in self._nodes and self._nodes[direct].label in wanted:
                return direct
        candidates = [c for c in self._names.get(match_key(name), []) if self._nodes[c[2]].label in wanted]
        return min(candidates)[2] if candidates else None

    def edges(
        self, ids: Collection[str], types: Collection[str] | None = None, direction: Direction = "out"
    ) -> dict[str, list[EdgeRecord]]:
        return self._edges(ids, types, direction)

    def _edges(
        self, ids: Collection[str], types: Collection[str] | None, direction: Direction
    ) -> dict[str, list[EdgeRecord]]:
        wanted = frozenset(types) if types is not None else None
        result: dict[str, list[EdgeRecord]] = {}
        for node in sorted(set(ids)):
            found: list[EdgeRecord] = []
            if direction in ("out", "both"):
                found.extend(self._out.get(node, []))
            if direction in ("in", "both"):
                found.extend(e for e in self._in.get(node, []) if direction == "in" or e.source != node)
            if wanted is not None:
                found = [e for e in found if e.type in wanted]
            result[node] = sorted(found, key=edge_order) if direction == "both" else found
        return result

    def list_nodes(
        self,
        labels: Collection[str],
        text: str | None = None,
        ids: Collection[str] | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> tuple[list[NodeRecord], int]:
        return self._list(labels, text, ids, first, after)

    def list_related(
        self,
        labels: Collection[str],
        related: Related,
        text: str | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> tuple[list[NodeRecord], int]:
        allowed: set[str] | None = set(related.ids) if related.ids is not None else None
        if related.family is not None:
            members = set(self._members([related.family])[related.family])
            allowed = members if allowed is None else allowed & members
        for node, types, direction in related.links:
            ends = {e.other(node) for e in self._edges([node], types, direction)[node]}
            allowed = ends if allowed is None else allowed & ends
        return self._list(labels, text, allowed, first, after)

    def _list(
        self, labels: Collection[str], text: str | None, ids: Collection[str] | None, first: int, after: str | None
    ) -> tuple[list[NodeRecord], int]:
        start = page_start(after)
        wanted = frozenset(labels)
        if ids is not None:
            pool = sorted((self._nodes[n] for n in set(ids) if n in self._nodes), key=lambda r: r.sort_key)
            pool = [r for r in pool if r.label in wanted]
        else:
            pool = self._labelled(wanted)
        if text:
            needles = words(text)
            pool = [r for r in pool if contains_all(self._haystacks[r.id], needles)]
        offset = bisect_right(pool, start, key=lambda r: r.sort_key) if start is not None else 0
        return pool[offset : offset + max(first, 0)], len(pool)

    def _labelled(self, labels: frozenset[str]) -> list[NodeRecord]:
        """Every node with one of ``labels`` in sort order (cached per label set)."""
        if labels not in self._sorted:
            self._sorted[labels] = sorted(
                (r for label in labels for r in self._by_label.get(label, [])), key=lambda r: r.sort_key
            )
        return self._sorted[labels]

    def family_members(self, family_ids: Collection[str]) -> dict[str, list[str]]:
        return self._members(family_ids)

    def _members(self, family_ids: Collection[str]) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        for family in sorted(set(family_ids)):
            families = self._closure([family], SUBFAMILY_OF)
            members = {e.source for f in families for e in self._in.get(f, []) if e.type == IS_A}
            extended = self._closure(members, EXTENDS)
            result[family] = sorted(n for n in extended if self._nodes[n].label in TECHNIQUE_LABELS)
        return result

    def lookup(self, requests: Collection[NameRequest]) -> dict[NameRequest, NodeRecord | None]:
        found: dict[NameRequest, NodeRecord | None] = {}
        for name, labels in requests:
            node = self._resolve_one(name, frozenset(labels or NAMED_LABELS))
            found[(name, labels)] = self._nodes[node] if node is not None else None
        return found

    def neighbours(
        self, ids: Collection[str], types: Collection[str] | None = None, direction: Direction = "out"
    ) -> dict[str, list[str]]:
        found = self._edges(ids, types, direction)
        return {node: sorted({e.other(node) for e in edges}) for node, edges in found.items()}

    def member_pages(
        self, family_ids: Collection[str], first: int = 20, after: str | None = None
    ) -> dict[str, tuple[list[NodeRecord], int]]:
        start = page_start(after)
        members = self._members(family_ids)
        pages: dict[str, tuple[list[NodeRecord], int]] = {}
        for family, ids in members.items():
            pool = sorted((self._nodes[n] for n in ids), key=lambda r: r.sort_key)
            offset = bisect_right(pool, start, key=lambda r: r.sort_key) if start is not None else 0
            pages[family] = (pool[offset : offset + max(first, 0)], len(pool))
        return pages

    def _closure(self, start: Iterable[str], rel_type: str) -> set[str]:
        """``start`` and every node with a path of ``rel_type`` edges into one of them."""
        seen = set(start)
        frontier = list(seen)
        while frontier:
            for edge in self._in.get(frontier.pop(), []):
                if edge.type == rel_type and edge.source not in seen:
                    seen.add(edge.source)
                    frontier.append(edge.source)
        return seen

    def search(self, text: str, labels: Collection[str] | None = None, limit: int = 20) -> list[NodeRecord]:
        wanted = frozenset(labels or NAMED_LABELS)
        needles, exact = words(text), match_key(text)
        if not needles:
            return []
        hits: list[tuple[int, tuple[str, str, str], NodeRecord]] = []
        for label in sorted(wanted):
            for record in self._by_label.get(label, []):
                if not contains_all(self._haystacks[record.id], needles):
                    continue
                names = {match_key(record.name), match_key(str(record.props.get("key", "")))}
                rank = (
                    0
                    if exact in names
                    else 1
                    if exact in {match_key(str(a)) for a in record.props.get("aliases", [])}
                    else 2
                )
                hits.append((rank, record.sort_key, record))
        hits.sort(key=lambda h: (h[0], h[1]))
        return [h[2] for h in hits[: max(limit, 0)]]

    def shortest_paths(
        self, source_id: str, target_id: str, max_hops: int = 3, limit: int = 10
    ) -> list[list[EdgeRecord]]:
        if source_id not in self._nodes or target_id not in self._nodes or limit <= 0:
            return []
        if source_id == target_id:
            return [[]]
        layers = self._layers(source_id, target_id, max_hops)
        if layers is None:
            return []
        return self._paths(source_id, target_id, layers, limit)

    def _neighbours(self, node: str) -> dict[str, list[EdgeRecord]]:
        """Adjacent nodes with the edges (either direction) that join them, in edge order."""
        joined: dict[str, list[EdgeRecord]] = defaultdict(list)
        for edge in sorted((*self._out.get(node, []), *self._in.get(node, [])), key=edge_order):
            other = edge.other(node)
            if other != node:
                joined[other].append(edge)
        return joined

    def _layers(self, source: str, target: str, max_hops: int) -> dict[str, int] | None:
        """BFS distance from ``source`` of every node closer than ``target``, or None when it is over ``max_hops``."""
        depth = {source: 0}
        frontier = [source]
        for hop in range(1, max_hops + 1):
            nxt: list[str] = []
            for node in frontier:
                for edge in (*self._out.get(node, ()), *self._in.get(node, ())):
                    other = edge.other(node)
                    if other not in depth:
                        depth[other] = hop
                        nxt.append(other)
            if target in depth:
                return depth
            frontier = nxt
        return None

    def _paths(self, source: str, target: str, depth: dict[str, int], limit: int) -> list[list[EdgeRecord]]:
        """Shortest paths in order of their node ids, walked forwards over the nodes that lie on one."""
        on_path = {target}
        frontier = [target]
        while frontier:
            node = frontier.pop()
            for other in self._neighbours(node):
                if depth.get(other) == depth[node] - 1 and other not in on_path:
                    on_path.add(other)
                    frontier.append(other)
        paths: list[list[EdgeRecord]] = []

        def walk(node: str, head: list[EdgeRecord]) -> None:
            if len(paths) >= limit:
                return
            if node == target:
                paths.append(head)
                return
            for other, joined in sorted(self._neighbours(node).items()):
                if other in on_path and depth.get(other) == depth[node] + 1:
                    walk(other, [*head, joined[0]])

        walk(source, [])
        return paths
