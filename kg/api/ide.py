"""The GraphQL endpoint: strawberry's ASGI app with kg's context, local GraphiQL, checked bodies and a time budget."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable
from itertools import accumulate
from pathlib import Path
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData
from strawberry.http.parse_content_type import parse_content_type
from strawberry.types import ExecutionResult

from kg.api.context import Context
from kg.api.counting import off_loop
from kg.api.schema import schema
from kg.errors import KgError
from kg.graph.reads import GraphReads

WEB = Path(__file__).resolve().parent.parent / "web"
STATIC = WEB / "static"
GRAPHIQL_PAGE = WEB / "graphiql.html"

TIME_BUDGET_S = 10.0  # read on every request
MAX_JSON_DEPTH = 64

# A JSON string, or an unterminated one up to the end: every match attempt succeeds, so the scan stays linear.
_JSON_STRING = re.compile(r'"(?:[^"\\]++|\\(?:.|\Z))*+(?:"|\Z)', re.DOTALL)
_NESTING = [0] * 256  # per byte: +1 opens a level, -1 closes one
for _opener, _closer in (b"[]", b"{}"):
    _NESTING[_opener], _NESTING[_closer] = 1, -1


def json_depth(text: str) -> int:
    """How deep ``[`` and ``{`` nest in JSON text, strings left out; linear and without recursion.

    Python's JSON parser recurses once per level and strawberry lets the RecursionError become
    a 500, so the depth is checked before parsing.
    """
    brackets = _JSON_STRING.sub("", text).encode("utf-8")
    return max(accumulate(map(_NESTING.__getitem__, brackets)), default=0)


def decode_json(data: str | bytes) -> Any:
    """JSON from a request body or a query parameter, or an HTTP 400 that says in one line what is wrong with it."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise HTTPException(
                400, f"request body is not valid UTF-8 (byte 0x{error.object[error.start]:02x} at offset {error.start})"
            ) from None
    if json_depth(data) > MAX_JSON_DEPTH:
        raise HTTPException(400, f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        return json.loads(data)
    except json.JSONDecodeError as error:
        raise HTTPException(400, f"invalid JSON: {error}") from None


def _kind(value: object) -> str:
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    return "a number"


class GraphQLEndpoint(GraphQL[Context, None]):
    """``/graphql``: queries by GET or POST; a browser's GET gets GraphiQL, whose scripts are all under /static."""

    def __init__(self, reads_factory: Callable[[], GraphReads]) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True)
        self.reads_factory = reads_factory

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        try:  # opening the reads may wait on the store (Neo4j's connectivity check): off the event loop
            return Context.over(await off_loop(self.reads_factory))
        except KgError as error:  # the store cannot be opened: the service is unavailable, say why
            raise HTTPException(503, str(error)) from error

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(GRAPHIQL_PAGE.read_text(encoding="utf-8"))

    def parse_json(self, data: str | bytes) -> Any:
        """Bodies and the ``variables`` parameter: invalid UTF-8 or JSON nested too deep would otherwise be a 500."""
        return decode_json(data)

    async def parse_http_body(self, request: AsyncHTTPRequestAdapter) -> GraphQLRequestData | list[GraphQLRequestData]:
        """strawberry calls ``.get`` on whatever JSON the body holds, so a string or a number would be a 500.

        The body is parsed again by strawberry; at 64 KB at most that costs well under a millisecond.
        """
        content_type, _ = parse_content_type(request.content_type or "")
        if request.method == "POST" and "application/json" in content_type:
            body = self.parse_json(await request.get_body())
            if not isinstance(body, (dict, list)):  # a list is a batch, which strawberry refuses with a 400
                raise HTTPException(
                    400,
                    f'request body must be a JSON object ({{"query": "...", "variables": {{}}}}), not {_kind(body)}',
                )
        return await super().parse_http_body(request)

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """One operation within ``TIME_BUDGET_S``: past it the request is cancelled at its next await and told why.

        Store reads run on threads (``kg.api.counting``): a request past its budget is answered at once, and
        a read already sent finishes on its thread with no one waiting for it.
        """
        budget = TIME_BUDGET_S
        deadline = asyncio.timeout(budget)
        try:
            async with deadline:
                return await super().execute_single(
                    request, request_adapter, sub_response, context, root_value, request_data
                )
        except TimeoutError:
            if not deadline.expired():  # raised by something else, not by the budget
                raise
            message = (
                f"the request ran over its {budget:g} s time budget and was stopped; "
                f"ask for less (a smaller first, fewer levels)"
            )
            return ExecutionResult(data=None, errors=[GraphQLError(message)])
