"""Claims as GraphQL types: who beats whom, who is comparable, who extends whom; each with its paper and evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from kg.api.context import Info, Loaders
from kg.graph.model import OUTPERFORMS, OUTPERFORMS_GENERIC, paper_node
from kg.graph.reads import EdgeRecord

if TYPE_CHECKING:
    from kg.api.nodes import Entity, Paper

CLAIM_TYPES = (OUTPERFORMS, OUTPERFORMS_GENERIC)

EntityRef = Annotated["Entity", strawberry.lazy("kg.api.nodes")]
PaperRef = Annotated["Paper", strawberry.lazy("kg.api.nodes")]


async def _entity(info: Info, node_id: str) -> Entity | None:
    from kg.api.nodes import entity

    record = await info.context.loaders.node(node_id)
    return entity(record) if record is not None else None


async def edge_paper(info: Info, edge: EdgeRecord) -> Paper | None:
    from kg.api.nodes import Paper

    paper_id = edge.props.get("paper")
    record = await info.context.loaders.node(paper_node(str(paper_id))) if paper_id else None
    return Paper(record=record) if record is not None else None


async def standing(loaders: Loaders, edges: list[EdgeRecord]) -> list[EdgeRecord]:
    """The claim edges whose winner (and named loser) still exist.

    Under Neo4j's read-committed isolation a request reads in several statements; a re-ingest
    committing between them can remove a claim's end after the claim was read. Such a claim is
    gone, as if read a moment later. The end nodes and the claims' papers are loaded here in one
    batch, the one the ``winner``, ``loser`` and ``paper`` fields would have made: they then find
    them in the loader's cache.
    """
    ends = {e.source for e in edges} | {e.target for e in edges if e.type == OUTPERFORMS}
    papers = {paper_node(str(e.props["paper"])) for e in edges if e.props.get("paper")}
    wanted = sorted(ends | papers)
    found = dict(zip(wanted, await loaders.nodes.load_many(wanted), strict=True))
    return [
        e
        for e in edges
        if found.get(e.source) is not None and (e.type != OUTPERFORMS or found.get(e.target) is not None)
    ]


async def _required(info: Info, node_id: str) -> Entity:
    found = await _entity(info, node_id)
    if found is None:  # the graph has an edge to a node it lacks: a broken store, not a user error
        raise LookupError(f"node {node_id} is missing")
    return found


def _confidence(edge: EdgeRecord) -> float | None:
    value = edge.props.get("confidence")
    return float(value) if isinstance(value, (int, float)) else None


@strawberry.type(description="An OUTPERFORMS claim: `winner` beats `loser` (or an unnamed, generic loser) per `paper`.")
class Claim:
    edge: strawberry.Private[EdgeRecord]

    @strawberry.field
    async def winner(self, info: Info) -> EntityRef:
        return await _required(info, self.edge.source)

    @strawberry.field(description="The named loser; null for a generic one (see loserText).")
    async def loser(self, info: Info) -> EntityRef | None:
        return None if self.edge.type == OUTPERFORMS_GENERIC else await _entity(info, self.edge.target)

    @strawberry.field(description="The loser as the paper names it (e.g. 'existing dense retriever methods').")
    async def loser_text(self, info: Info) -> str:
        if self.edge.type == OUTPERFORMS_GENERIC:
            return str(self.edge.props.get("loser", ""))
        loser = await _entity(info, self.edge.target)
        return loser.record.name if loser is not None else self.edge.target

    @strawberry.field(description="Whether the loser is an unnamed group rather than an entity.")
    def generic(self) -> bool:
        return self.edge.type == OUTPERFORMS_GENERIC

    @strawberry.field(description="The paper that makes the claim.")
    async def paper(self, info: Info) -> PaperRef | None:
        return await edge_paper(info, self.edge)

    @strawberry.field(description="Datasets or benchmarks the claim is about, as the paper names them.")
    def on(self) -> list[str]:
        return [str(x) for x in self.edge.props.get("on", [])]

    @strawberry.field(
        description="True when the sentence names no dataset: `on` is then what the paper evaluates on, inferred."
    )
    def on_inferred(self) -> bool:
        return bool(self.edge.props.get("on_inferred", False))

    @strawberry.field
    def metric(self) -> str | None:
        return str(self.edge.props["metric"]) if self.edge.props.get("metric") else None

    @strawberry.field(description="The size of the win as the sentence gives it ('by 44%', '2.3 points'), if it does.")
    def margin(self) -> str | None:
        return str(self.edge.props["margin"]) if self.edge.props.get("margin") else None

    @strawberry.field(description="The sentence that says so.")
    def evidence(self) -> str:
        return str(self.edge.props.get("evidence", ""))

    @strawberry.field(description="How sure the extractor was (0–1).")
    def confidence(self) -> float | None:
        return _confidence(self.edge)


@strawberry.type(description="A COMPARABLE_TO claim: `a` and `b` perform on par (in `aspect`) per `paper`.")
class Comparison:
    edge: strawberry.Private[EdgeRecord]
    viewer: strawberry.Private[str | None] = None

    @strawberry.field
    async def a(self, info: Info) -> EntityRef:
        return await _required(info, self.edge.source)

    @strawberry.field
    async def b(self, info: Info) -> EntityRef:
        return await _required(info, self.edge.target)

    @strawberry.field(description="The side that is not the entity this was reached from (b otherwise).")
    async def other(self, info: Info) -> EntityRef:
        return await _required(info, self.edge.other(self.viewer) if self.viewer else self.edge.target)

    @strawberry.field
    def aspect(self) -> str | None:
        return str(self.edge.props.get("aspect")) if self.edge.props.get("aspect") else None

    @strawberry.field
    async def paper(self, info: Info) -> PaperRef | None:
        return await edge_paper(info, self.edge)

    @strawberry.field
    def evidence(self) -> str:
        return str(self.edge.props.get("evidence", ""))

    @strawberry.field
    def confidence(self) -> float | None:
        return _confidence(self.edge)


@strawberry.type(description="An EXTENDS claim: `extension` builds on `base` per `paper`.")
class Extension:
    edge: strawberry.Private[EdgeRecord]

    @strawberry.field
    async def extension(self, info: Info) -> EntityRef:
        return await _required(info, self.edge.source)

    @strawberry.field
    async def base(self, info: Info) -> EntityRef:
        return await _required(info, self.edge.target)

    @strawberry.field
    async def paper(self, info: Info) -> PaperRef | None:
        return await edge_paper(info, self.edge)

    @strawberry.field
    def evidence(self) -> str | None:
        return str(self.edge.props.get("evidence")) if self.edge.props.get("evidence") else None
