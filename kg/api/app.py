"""The web app: /graphql (GraphiQL for browsers), /healthz, /static."""

from __future__ import annotations

from collections.abc import Callable

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg.api.http_limits import MAX_BODY_BYTES, BodySizeLimit
from kg.api.ide import STATIC, GraphQLEndpoint
from kg.errors import KgError
from kg.graph.reads import GraphReads


def create_app(reads_factory: Callable[[], GraphReads], max_body_bytes: int = MAX_BODY_BYTES) -> Starlette:
    """The ASGI app over the store ``reads_factory`` opens (called once per request; it may cache)."""

    async def healthz(request: Request) -> JSONResponse:
        try:
            reads = reads_factory()
        except KgError as error:
            return JSONResponse({"status": "error", "error": str(error)}, status_code=503)
        return JSONResponse({"status": "ok", "store": reads.kind})

    return Starlette(
        routes=[
            Route("/graphql", GraphQLEndpoint(reads_factory), methods=["GET", "POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        middleware=[Middleware(BodySizeLimit, max_bytes=max_body_bytes)],
    )
