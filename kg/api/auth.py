"""Bearer-token protection for the console and admin endpoints on a shared server.

With ``KG_API_TOKEN`` set, every request to a path in ``PROTECTED`` (/cypher, whatever the
method: HEAD and GET included, so no route that shares the path can run a query unchecked)
needs ``Authorization: Bearer <token>``; without it the server is open, as on a laptop. The
GraphQL API stays readable either way. Tokens are compared in constant time.
"""

from __future__ import annotations

import hmac
import os

from starlette.types import ASGIApp, Receive, Scope, Send

PROTECTED = ("/cypher",)
TOKEN_ENV = "KG_API_TOKEN"


class BearerToken:
    """ASGI middleware: 401 with a readable JSON error when a protected path lacks the token."""

    def __init__(self, app: ASGIApp, token: str | None = None) -> None:
        self.app = app
        self.token = token if token is not None else os.environ.get(TOKEN_ENV) or None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.token or not self._protected(scope):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        given = headers.get(b"authorization", b"").decode("latin-1")
        scheme, _, value = given.partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), self.token.encode()):
            await self.app(scope, receive, send)
            return
        body = (
            b'{"error": {"kind": "unauthorized", "message": "this kg server needs a token for the console: '
            b'send Authorization: Bearer <KG_API_TOKEN>"}}'
        )
        await send(
            {
                "type": "http.response.start",
                "status": 401,
                "headers": [(b"content-type", b"application/json"), (b"www-authenticate", b"Bearer")],
            }
        )
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    def _protected(scope: Scope) -> bool:
        path = str(scope.get("path", "")).rstrip("/") or "/"
        return path in PROTECTED
