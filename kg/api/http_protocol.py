"""uvicorn's HTTP/1.1 protocol with deadlines on the client's side of each request.

uvicorn closes a connection idle between requests (``timeout_keep_alive``), but one that opens
and then sends its headers a byte at a time, or its body slower still, is kept as long as the
client likes; a few hundred of those hold every connection the server has. Here a request's
headers must arrive within ``HEADERS_S`` of the connection opening (or of the previous
response), and its body within ``BODY_S`` of the headers, or the connection is closed.
"""

from __future__ import annotations

import asyncio

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADERS_S = 10.0
BODY_S = 30.0


class DeadlineH11Protocol(H11Protocol):
    """``H11Protocol`` that closes connections whose request arrives too slowly."""

    _deadline: asyncio.TimerHandle | None = None
    _waiting_for: object = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm(h11.IDLE, HEADERS_S)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._follow()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._follow()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _follow(self) -> None:
        """Re-arm for the part of the request the client owes now (headers, body) or disarm when it owes nothing."""
        state = self.conn.their_state
        if state is h11.IDLE and self.cycle is not None and self.cycle.response_complete:
            self._arm(h11.IDLE, HEADERS_S)  # the next request on a kept-alive connection
        elif state is h11.SEND_BODY:
            self._arm(h11.SEND_BODY, BODY_S)
        elif state is not h11.IDLE:
            self._disarm()

    def _arm(self, state: object, seconds: float) -> None:
        if self._waiting_for is state and self._deadline is not None:
            return
        self._disarm()
        self._waiting_for = state
        self._deadline = self.loop.call_later(seconds, self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline, self._waiting_for = None, None

    def _expired(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()
