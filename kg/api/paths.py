"""How two things connect: paths of relationships, directions as stored, walked either way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.scalars import JSON

from kg.api.claims import edge_paper
from kg.api.context import Info
from kg.graph.reads import EdgeRecord

if TYPE_CHECKING:
    from kg.api.nodes import Node, Paper

NodeRef = Annotated["Node", strawberry.lazy("kg.api.nodes")]
PaperRef = Annotated["Paper", strawberry.lazy("kg.api.nodes")]


async def _nodes(info: Info, ids: list[str]) -> list[Node]:
    """Node objects for ``ids`` in that order (one batched load)."""
    from kg.api.nodes import node_object

    records = await info.context.loaders.nodes.load_many(ids)
    missing = [node_id for node_id, record in zip(ids, records, strict=True) if record is None]
    if missing:  # an edge to a node the store lacks: a broken store, not a user error
        raise LookupError(f"node {missing[0]} is missing")
    return [node_object(r) for r in records if r is not None]


@strawberry.type(description="One stored relationship with its properties.")
class Relationship:
    edge: strawberry.Private[EdgeRecord]

    @strawberry.field(description="OUTPERFORMS, MENTIONS, IS_A, …")
    def type(self) -> str:
        return self.edge.type

    @strawberry.field(name="from", description="Where the stored relationship starts.")
    async def source(self, info: Info) -> NodeRef:
        return (await _nodes(info, [self.edge.source]))[0]

    @strawberry.field(name="to", description="Where the stored relationship ends.")
    async def target(self, info: Info) -> NodeRef:
        return (await _nodes(info, [self.edge.target]))[0]

    @strawberry.field(description="The paper behind it (none for curated taxonomy links).")
    async def paper(self, info: Info) -> PaperRef | None:
        return await edge_paper(info, self.edge)

    @strawberry.field
    def evidence(self) -> str | None:
        return str(self.edge.props["evidence"]) if self.edge.props.get("evidence") else None

    @strawberry.field(description="Every stored property (type excluded).")
    def properties(self) -> JSON:
        return JSON({k: v for k, v in self.edge.props.items() if k != "type"})


@strawberry.type(description="A shortest path: nodes from start to end and the relationships between them.")
class Path:
    start: strawberry.Private[str]
    edges: strawberry.Private[list[EdgeRecord]]

    @strawberry.field
    async def nodes(self, info: Info) -> list[NodeRef]:
        ids = [self.start]
        for edge in self.edges:
            ids.append(edge.other(ids[-1]))
        return await _nodes(info, ids)

    @strawberry.field
    def relationships(self) -> list[Relationship]:
        return [Relationship(edge=e) for e in self.edges]

    @strawberry.field
    def length(self) -> int:
        return len(self.edges)
