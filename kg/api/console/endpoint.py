"""``/cypher``: the console's endpoint. POST ``{query, params}`` runs a read-only query; GET says what runs it.

Errors come back as ``{"error": {"kind", "message"}}`` with the status the error class carries
(403 refused, 400 syntax, parameters or a body that is not a JSON object, 504 timeout, 503 store
unavailable or every console slot busy), so the page can show the message as it is. Only POST
runs a query: GET and HEAD describe the console, whatever body they carry. Queries run in
``ConsoleSlots`` (threads of their own, a fixed number, a deadline each).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import Receive, Scope, Send

from kg.api.console.embedded import EmbeddedCypher
from kg.api.console.errors import CypherError
from kg.api.console.runner import CypherRunner, UnavailableRunner, read_only
from kg.api.console.slots import ConsoleSlots
from kg.api.embedded import EmbeddedReads
from kg.graph.reads import GraphReads


def runner_for(reads_factory: Callable[[], GraphReads]) -> CypherRunner:
    """The console's runner for the store behind ``reads_factory``, always behind the write guard."""
    if isinstance(reads_factory, EmbeddedReads):
        return read_only(EmbeddedCypher(reads_factory.path))
    return read_only(UnavailableRunner("the Cypher console runs on the embedded store only for now"))


def _error(kind: str, message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": {"kind": kind, "message": message}}, status_code=status)


class CypherEndpoint:
    """POST: run one query; GET: the engine, the subset it understands, the row cap and the time limit."""

    def __init__(self, runner: CypherRunner, slots: ConsoleSlots | None = None) -> None:
        self.runner = read_only(runner)
        self.slots = slots or ConsoleSlots()

    def info(self) -> dict[str, Any]:
        return {
            "engine": self.runner.engine,
            "subset": self.runner.subset,
            "rowCap": self.runner.row_cap,
            "timeoutS": self.runner.timeout_s,
            "readOnly": True,
            "slots": self.slots.slots,
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await self.respond(Request(scope, receive))
        await response(scope, receive, send)

    async def respond(self, request: Request) -> JSONResponse:
        if request.method in ("GET", "HEAD"):
            return JSONResponse(self.info())
        if request.method != "POST":
            return _error("request", "POST a query as JSON; GET describes the console", 405)
        try:
            body = json.loads(await request.body())
        except (ValueError, RecursionError):  # not UTF-8, not JSON, or nested past the parser's stack
            return _error("request", 'the body must be JSON in UTF-8: {"query": "MATCH …", "params": {…}}', 400)
        if not isinstance(body, dict):
            return _error("request", 'the body must be a JSON object: {"query": "MATCH …", "params": {…}}', 400)
        query, params = body.get("query"), body.get("params") or {}
        if not isinstance(query, str) or not query.strip():
            return _error("request", "no query: send a Cypher query as the string field `query`", 400)
        if not isinstance(params, dict):
            return _error("params", 'params must be a JSON object, e.g. {"name": "LoRA"}', 400)
        started = time.perf_counter()
        try:
            result = await self.slots.run(lambda: self.runner.run(query, params), self.runner.deadline_s)
        except CypherError as error:
            return _error(error.kind, str(error), error.status)
        elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
        return JSONResponse({**result.to_json(), "rowCap": self.runner.row_cap, "elapsedMs": elapsed_ms})
