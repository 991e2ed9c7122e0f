"""Relay-style connections: ``edges { node cursor }``, ``pageInfo``, ``totalCount``, for every list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import strawberry

from kg.graph.reads import decode_cursor, encode_cursor

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_PAGE = 20
MAX_PAGE = 100


@strawberry.type(description="Where a page stands: whether more follow and the cursor to ask for them with.")
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type(description="One item of a page and the cursor that points just after it.")
class Edge(Generic[T]):
    node: T
    cursor: str


@strawberry.type(description="A page of a sorted list: pass pageInfo.endCursor as `after` for the next one.")
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int


def connection(items: Sequence[tuple[T, Sequence[str]]], total: int, has_next: bool) -> Connection[T]:
    """A connection from (node, sort key) pairs already cut to one page."""
    edges = [Edge(node=node, cursor=encode_cursor(key)) for node, key in items]
    return Connection(
        edges=edges,
        page_info=PageInfo(has_next_page=has_next, end_cursor=edges[-1].cursor if edges else None),
        total_count=total,
    )


def page(
    items: Sequence[R], key: Callable[[R], Sequence[str]], wrap: Callable[[R], T], first: int, after: str | None
) -> Connection[T]:
    """One page of ``items`` (sorted by ``key``) after the cursor ``after``, cut in memory."""
    start = decode_cursor(after) if after is not None else None
    rest = [item for item in items if start is None or tuple(key(item)) > start]
    chosen = rest[: max(first, 0)]
    return connection([(wrap(item), key(item)) for item in chosen], len(items), len(rest) > len(chosen))
