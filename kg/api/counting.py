"""A ``GraphReads`` wrapper that counts one request's round trips, so concurrent requests never mix counts."""

from __future__ import annotations

from collections.abc import Collection

from kg.graph.reads import Direction, EdgeRecord, GraphReads, NameRequest, NodeRecord, Related


class CountingReads:
    """Forwards every call to ``inner`` and counts it in ``round_trips``."""

    def __init__(self, inner: GraphReads) -> None:
        self.inner = inner
        self.kind = inner.kind
        self.round_trips = 0

    def get_nodes(self, ids: Collection[str]) -> dict[str, NodeRecord]:
        self.round_trips += 1
        return self.inner.get_nodes(ids)

    def resolve(self, names: Collection[str], labels: Collection[str] | None = None) -> dict[str, str | None]:
        self.round_trips += 1
        return self.inner.resolve(names, labels)

    def edges(
        self, ids: Collection[str], types: Collection[str] | None = None, direction: Direction = "out"
    ) -> dict[str, list[EdgeRecord]]:
        self.round_trips += 1
        return self.inner.edges(ids, types, direction)

    def list_nodes(
        self,
        labels: Collection[str],
        text: str | None = None,
        ids: Collection[str] | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> tuple[list[NodeRecord], int]:
        self.round_trips += 1
        return self.inner.list_nodes(labels, text, ids, first, after)

    def family_members(self, family_ids: Collection[str]) -> dict[str, list[str]]:
        self.round_trips += 1
        return self.inner.family_members(family_ids)

    def list_related(
        self,
        labels: Collection[str],
        related: Related,
        text: str | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> tuple[list[NodeRecord], int]:
        self.round_trips += 1
        return self.inner.list_related(labels, related, text, first, after)

    def lookup(self, requests: Collection[NameRequest]) -> dict[NameRequest, NodeRecord | None]:
        self.round_trips += 1
        return self.inner.lookup(requests)

    def neighbours(
        self, ids: Collection[str], types: Collection[str] | None = None, direction: Direction = "out"
    ) -> dict[str, list[str]]:
        self.round_trips += 1
        return self.inner.neighbours(ids, types, direction)

    def member_pages(
        self, family_ids: Collection[str], first: int = 20, after: str | None = None
    ) -> dict[str, tuple[list[NodeRecord], int]]:
        self.round_trips += 1
        return self.inner.member_pages(family_ids, first, after)

    def search(self, text: str, labels: Collection[str] | None = None, limit: int = 20) -> list[NodeRecord]:
        self.round_trips += 1
        return self.inner.search(text, labels, limit)

    def shortest_paths(
        self, source_id: str, target_id: str, max_hops: int = 3, limit: int = 10
    ) -> list[list[EdgeRecord]]:
        self.round_trips += 1
        return self.inner.shortest_paths(source_id, target_id, max_hops, limit)
