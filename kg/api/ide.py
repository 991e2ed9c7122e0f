"""The GraphQL endpoint: strawberry's ASGI app with kg's request context and a GraphiQL page from local files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.websockets import WebSocket
from cross_web import HTTPException
from strawberry.asgi import GraphQL

from kg.api.context import Context
from kg.api.schema import schema
from kg.errors import KgError
from kg.graph.reads import GraphReads

WEB = Path(__file__).resolve().parent.parent / "web"
STATIC = WEB / "static"
GRAPHIQL_PAGE = WEB / "graphiql.html"


class GraphQLEndpoint(GraphQL[Context, None]):
    """``/graphql``: queries by GET or POST; a browser's GET gets GraphiQL, whose scripts are all under /static."""

    def __init__(self, reads_factory: Callable[[], GraphReads]) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True)
        self.reads_factory = reads_factory

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        try:
            return Context.over(self.reads_factory())
        except KgError as error:  # the store cannot be opened: the service is unavailable, say why
            raise HTTPException(503, str(error)) from error

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(GRAPHIQL_PAGE.read_text(encoding="utf-8"))
