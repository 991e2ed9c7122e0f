"""The embedded store's ``CypherRunner``: grand-cypher over networkx, in a worker process with a time limit.

A Python thread cannot be stopped, so the query runs in a child process (``python -m
kg.api.console.worker``) that keeps the graph between queries; a query past ``timeout_s`` gets
the child killed, and the next query starts a new one. One query runs at a time; a request that
waits longer than ``timeout_s`` for its turn is told the console is busy. The child is a fresh
interpreter talking over an inherited socket: it shares nothing with the server's threads and,
unlike multiprocessing's spawn, never re-imports the server's main script.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import weakref
from collections.abc import Mapping
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from kg.api.console.dialect import SUBSET, to_grand_cypher
from kg.api.console.errors import (
    CypherBusy,
    CypherError,
    CypherMemory,
    CypherParamsError,
    CypherRefused,
    CypherSyntaxError,
    CypherTimeout,
    CypherUnavailable,
)
from kg.api.console.runner import ROW_CAP, TIMEOUT_S, CypherResult

PACKAGE_ROOT = Path(__file__).resolve().parents[3]
LOAD_TIMEOUT_S = 300.0
"""How long the worker may take to start and read graph.json (not counted in the query's time)."""
MEMORY_ENV = "KG_CONSOLE_MEMORY_MB"


def memory_cap_mb(graph_path: Path) -> int:
    """The worker's address-space cap: ``KG_CONSOLE_MEMORY_MB``, else 2 GB or room for 25 copies of the file."""
    if os.environ.get(MEMORY_ENV):
        return int(os.environ[MEMORY_ENV])
    try:
        size_mb = graph_path.stat().st_size // (1024 * 1024)
    except OSError:
        size_mb = 0
    return max(2048, 1024 + 25 * size_mb)


_ERRORS: dict[str, type[CypherError]] = {
    cls.kind: cls
    for cls in (
        CypherRefused,
        CypherSyntaxError,
        CypherParamsError,
        CypherTimeout,
        CypherUnavailable,
        CypherMemory,
        CypherBusy,
    )
}


class _Worker:
    """One child process and the server's end of the socket it listens on."""

    def __init__(self, memory_mb: int) -> None:
        ours, theirs = socket.socketpair()
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(PACKAGE_ROOT), os.environ.get("PYTHONPATH")])),
        }
        with theirs:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "kg.api.console.worker", str(theirs.fileno()), str(memory_mb)],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                env=env,
            )
        self.conn = Connection(ours.detach())
        # stopped when dropped or when the server exits, so no worker outlives it
        self._finalizer = weakref.finalize(self, _stop, self.process, self.conn)

    def alive(self) -> bool:
        return self.process.poll() is None

    def ask(self, request: tuple[str, str, int], timeout_s: float) -> tuple[Any, ...]:
        """Send one query; its reply, or ``CypherTimeout`` when it took longer than ``timeout_s`` to run."""
        self.conn.send(request)
        first = self._receive(self.conn, LOAD_TIMEOUT_S, "reading the graph took too long")
        if first[0] != "loaded":
            return first
        return self._receive(self.conn, timeout_s, f"the query ran longer than {timeout_s:g} s and was stopped")

    @staticmethod
    def _receive(conn: Connection, timeout_s: float, message: str) -> tuple[Any, ...]:
        try:
            if conn.poll(timeout_s):
                reply: tuple[Any, ...] = conn.recv()
                return reply
        except (EOFError, OSError):
            raise CypherUnavailable("the Cypher worker stopped unexpectedly; run the query again") from None
        raise CypherTimeout(message + "; add a LIMIT or narrow the MATCH")

    def stop(self) -> None:
        self._finalizer()


def _stop(process: subprocess.Popen[bytes], conn: Connection) -> None:
    conn.close()
    if process.poll() is None:
        process.kill()
    process.wait(timeout=10)


class EmbeddedCypher:
    """Read-only Cypher over the embedded store's graph.json, as far as grand-cypher understands it."""

    engine = "grand-cypher over networkx (embedded store)"
    subset = SUBSET

    def __init__(self, graph_path: Path, row_cap: int = ROW_CAP, timeout_s: float = TIMEOUT_S) -> None:
        self.graph_path = Path(graph_path)
        self.row_cap = row_cap
        self.timeout_s = timeout_s
        self.deadline_s = 2 * timeout_s + LOAD_TIMEOUT_S + 10  # its turn, the graph's load, the query, the kill
        self._lock = threading.Lock()
        self._worker: _Worker | None = None

    def run(self, query: str, params: Mapping[str, Any]) -> CypherResult:
        text = to_grand_cypher(query, params)
        if not self._lock.acquire(timeout=self.timeout_s):
            raise CypherTimeout(f"the console was busy with another query for {self.timeout_s:g} s; try again")
        try:
            if self._worker is None or not self._worker.alive():
                self._worker = _Worker(memory_cap_mb(self.graph_path))
            try:
                reply = self._worker.ask((str(self.graph_path), text, self.row_cap), self.timeout_s)
            except CypherError:
                self._worker.stop()  # it may still be running the query: kill it, start afresh next time
                self._worker = None
                raise
            if reply[0] == "error" and reply[1] == CypherMemory.kind:
                self._worker.stop()  # it ends itself after running out of memory; reap it now
                self._worker = None
        finally:
            self._lock.release()
        if reply[0] == "ok":
            body = reply[1]
            return CypherResult(
                columns=body["columns"],
                rows=body["rows"],
                nodes=body["graph"]["nodes"],
                edges=body["graph"]["edges"],
                truncated=body["truncated"],
            )
        _, kind, message = reply
        raise _ERRORS.get(kind, CypherError)(message)

    def close(self) -> None:
        """Stop the worker (a later query starts a new one)."""
        with self._lock:
            if self._worker is not None:
                self._worker.stop()
                self._worker = None
