"""Running the API: ``serve`` over HTTP (uvicorn), ``run_query`` in process (``kg query``)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import uvicorn
from strawberry.types import ExecutionResult

from kg.api.app import create_app
from kg.api.context import Context
from kg.api.errors import ApiError
from kg.api.http_protocol import DeadlineH11Protocol
from kg.api.schema import schema
from kg.graph.reads import GraphReads

MAX_CONNECTIONS = 512
"""Connections and requests in flight; past it uvicorn answers 503 at once."""


def server_config(app: Any, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info") -> uvicorn.Config:
    """uvicorn settings kg serves with: deadlines for slow clients, a cap on connections, idle ones closed after 5 s."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        ws="none",
        lifespan="off",
        http=DeadlineH11Protocol,
        timeout_keep_alive=5,
        limit_concurrency=MAX_CONNECTIONS,
        timeout_graceful_shutdown=10,
    )


def serve(host: str, port: int, reads_factory: Callable[[], GraphReads]) -> None:
    """Serve the app until interrupted."""
    uvicorn.Server(server_config(create_app(reads_factory), host, port)).run()


def parse_variables(pairs: Iterable[str]) -> dict[str, Any]:
    """``NAME=VALUE`` pairs (``kg query --var``) as GraphQL variables; VALUE is JSON when it parses, else a string."""
    variables: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ApiError(f"--var needs NAME=VALUE, got {pair!r}")
        try:
            variables[name.strip()] = json.loads(value)
        except ValueError:
            variables[name.strip()] = value
    return variables


def run_query(query: str, variables: Mapping[str, Any] | None, reads: GraphReads) -> dict[str, Any]:
    """Execute one GraphQL document against ``reads``; the response as it would go over HTTP."""

    async def execute() -> ExecutionResult:
        return await schema.execute(query, variable_values=dict(variables or {}), context_value=Context.over(reads))

    result = asyncio.run(execute())
    response: dict[str, Any] = {"data": result.data}
    if result.errors:
        response["errors"] = [error.formatted for error in result.errors]
    if result.extensions:
        response["extensions"] = result.extensions
    return response
