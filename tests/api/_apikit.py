"""The HTTP client side of the API tests: a running server, the graph it serves, and query helpers."""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from kg.api.run import server_config
from kg.graph.model import KnowledgeGraph
from kg.graph.reads import GraphReads
from kg.store.serialize import read_graph


class Served:
    """A real uvicorn server with the settings ``kg serve`` uses, on a free port, running ``app``, with a client."""

    def __init__(self, app: Any) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as uvicorn does for sockets it opens itself
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(server_config(app, log_level="warning"))  # in a thread it leaves signals alone
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        self.client = httpx.Client(base_url=self.url, timeout=60)

    def close(self) -> None:
        self.client.close()
        self.server.should_exit = True
        self.thread.join(timeout=10)


@dataclass
class Api:
    """A running server and the graph it serves."""

    url: str
    data_dir: Path
    reads: GraphReads
    client: httpx.Client

    @property
    def graph(self) -> KnowledgeGraph:
        return read_graph(self.data_dir / "graph.json")

    def post(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self.client.post("/graphql", json={"query": query, "variables": variables or {}})
        assert response.status_code == 200, response.text
        return dict(response.json())

    def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The data of a query that must succeed."""
        body = self.post(query, variables)
        assert "errors" not in body, json.dumps(body["errors"], indent=1)
        return dict(body["data"])

    def errors(self, query: str, variables: dict[str, Any] | None = None) -> list[str]:
        """The error messages of a query that must fail."""
        body = self.post(query, variables)
        assert body.get("errors"), body
        return [str(e["message"]) for e in body["errors"]]


def eventually(check: Any, timeout_s: float = 10.0) -> Any:
    """``check()``'s first truthy result, retried until ``timeout_s`` (for state the server takes up in the
    background)."""
    deadline = time.monotonic() + timeout_s
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.05)
