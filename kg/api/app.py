"""The web app: the explorer (/), the Cypher console (/console, /cypher), /graphql (GraphiQL for browsers),
/healthz, /static."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg.api.auth import BearerToken
from kg.api.console.endpoint import CypherEndpoint, runner_for
from kg.api.console.runner import CypherRunner
from kg.api.health import StoreHealth
from kg.api.http_limits import MAX_BODY_BYTES, BodySizeLimit
from kg.api.ide import STATIC, WEB, GraphQLEndpoint
from kg.graph.reads import GraphReads


def html_page(path: Path) -> Callable[[Request], Awaitable[HTMLResponse]]:
    """An endpoint serving one of kg/web's pages (read on each request, so edits show on reload)."""

    async def page(request: Request) -> HTMLResponse:
        return HTMLResponse(path.read_text(encoding="utf-8"))

    return page


def create_app(
    reads_factory: Callable[[], GraphReads],
    max_body_bytes: int = MAX_BODY_BYTES,
    cypher: CypherRunner | None = None,
) -> Starlette:
    """The ASGI app over the store ``reads_factory`` opens (called once per request; it may cache).

    ``cypher`` runs the console's queries; by default the factory's own ``cypher_runner()`` when
    it has one (the Neo4j factory does), else the runner for that store (``runner_for``).
    """
    if cypher is None:
        make_runner = getattr(reads_factory, "cypher_runner", None)
        cypher = make_runner() if callable(make_runner) else runner_for(reads_factory)

    health = StoreHealth(reads_factory)

    async def healthz(request: Request) -> JSONResponse:
        found = await health.check()
        return JSONResponse(found.to_json(), status_code=200 if found.ok else 503)

    return Starlette(
        routes=[
            Route("/", html_page(WEB / "explorer.html"), methods=["GET"]),
            Route("/console", html_page(WEB / "console.html"), methods=["GET"]),
            Route("/cypher", CypherEndpoint(cypher), methods=["GET", "POST"]),
            Route("/graphql", GraphQLEndpoint(reads_factory), methods=["GET", "POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        middleware=[Middleware(BearerToken), Middleware(BodySizeLimit, max_bytes=max_body_bytes)],
    )
