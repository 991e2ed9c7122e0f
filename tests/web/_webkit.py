"""What the browser tests stand on: a real ``kg`` CLI (ingest, serve) in subprocesses, and where artifacts go.

Each server runs on one of two stores: ``embedded`` (a graph.json data dir) or ``neo4j`` (the real
server at NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD; a down server FAILS the tests, never skips them).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

REPO = Path(__file__).resolve().parents[2]
STORE_KINDS = ("embedded", "neo4j")
NEO4J_URI = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
NEO4J_HINT = "run scripts/neo4j start (or point NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD at a server)"
CHROMIUM = Path(os.environ.get("KG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


def artifacts_dir() -> Path:
    """Where screenshots go: ``$KG_TEST_ARTIFACTS`` or ``test-artifacts/`` at the repository root, then ``web/``."""
    root = Path(os.environ.get("KG_TEST_ARTIFACTS") or REPO / "test-artifacts")
    folder = root / "web"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def store_env(store: str) -> dict[str, str]:
    """The environment for a kg subprocess on ``store``: NEO4J_URI pinned to the one these tests use."""
    env = dict(os.environ)
    env.pop("KG_STORE", None)  # the --store option says which store
    if store == "neo4j":
        env["NEO4J_URI"] = NEO4J_URI
    return env


def kg(*args: str, timeout: float = 600, store: str = "embedded") -> str:
    """Run the kg CLI (``python -m kg``) on ``store``; its stdout, or an assertion error carrying its output."""
    command = [sys.executable, "-m", "kg", *args] + (["--store", "neo4j"] if store == "neo4j" else [])
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=REPO, env=store_env(store))
    assert done.returncode == 0, f"kg {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A ``kg serve`` subprocess on ``store``: the embedded data dir it serves, or the Neo4j at NEO4J_URI."""

    url: str
    data_dir: Path
    process: subprocess.Popen[bytes]
    log: Path
    store: str = "embedded"

    @property
    def graph_file(self) -> Path:
        assert self.store == "embedded", "only the embedded store has a graph file"
        return self.data_dir / "graph.json"

    def snapshot(self) -> object:
        """What a write would change: graph.json's bytes (embedded), or Neo4j's node and relationship counts."""
        if self.store == "embedded":
            return self.graph_file.read_bytes()
        return neo4j_counts()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)


def neo4j_driver() -> Any:
    """A driver to the Neo4j at NEO4J_URI whose server answered; fails the test (with a hint) when it does not."""
    import pytest

    from kg.errors import StoreError
    from kg.store.neo4j.settings import Neo4jSettings, connect

    try:
        return connect(Neo4jSettings(uri=NEO4J_URI))
    except StoreError as error:
        pytest.fail(f"{error} -- {NEO4J_HINT}", pytrace=False)


def neo4j_counts() -> tuple[int, int]:
    """How many nodes and relationships the Neo4j at NEO4J_URI holds."""
    from kg.store.neo4j.settings import Neo4jSettings

    database = Neo4jSettings(uri=NEO4J_URI).database
    driver = neo4j_driver()
    try:
        nodes = driver.execute_query("MATCH (n) RETURN count(n) AS c", database_=database).records[0]["c"]
        rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c", database_=database).records[0]["c"]
    finally:
        driver.close()
    return int(nodes), int(rels)


def wipe_neo4j() -> None:
    """Delete every node and relationship of the Neo4j at NEO4J_URI (schema kept)."""
    from kg.store.neo4j.schema import wipe_database
    from kg.store.neo4j.settings import Neo4jSettings

    driver = neo4j_driver()
    try:
        wipe_database(driver, Neo4jSettings(uri=NEO4J_URI).database)
    finally:
        driver.close()


def start_server(data_dir: Path, log: Path, store: str = "embedded") -> Server:
    """``kg serve`` on a free port over ``data_dir`` (embedded) or the Neo4j at NEO4J_URI, once /healthz answers."""
    port = free_port()
    source = ["--data-dir", str(data_dir)] if store == "embedded" else ["--store", "neo4j"]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", *source, "--host", "127.0.0.1", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=REPO,
            env=store_env(store),
        )
    server = Server(url=f"http://127.0.0.1:{port}", data_dir=data_dir, process=process, log=log, store=store)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"kg serve exited ({process.returncode}):\n{log.read_text(errors='replace')}")
        try:
            if httpx.get(f"{server.url}/healthz", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server.stop()
    raise AssertionError(f"kg serve did not answer within 60 s:\n{log.read_text(errors='replace')}")


class Offline:
    """Requests to anything but localhost: aborted and remembered."""

    def __init__(self) -> None:
        self.blocked: list[str] = []

    def __call__(self, route: Any) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or (parts.hostname or "") in LOCAL_HOSTS:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()
