"""The strawberry schema: the Query root, every concrete node type, and the request rules."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.types import ExecutionContext

from kg.api.limits import extensions, is_internal
from kg.api.nodes import Benchmark, Dataset, Family, Method, Metric, Model, Paper, Task
from kg.api.query import Query


class KgSchema(strawberry.Schema):
    """Logs only the errors it masks: a caller's mistakes (validation, caps, unknown names) are not server faults."""

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        super().process_errors([e for e in errors if is_internal(e)], execution_context)


schema = KgSchema(
    query=Query,
    types=[Paper, Method, Model, Dataset, Benchmark, Task, Metric, Family],
    extensions=extensions(),
)
"""The one schema every transport (HTTP, ``kg query``) executes."""


def sdl() -> str:
    """The schema as SDL text, as ``schema/schema.graphql`` holds it."""
    return schema.as_str() + "\n"
