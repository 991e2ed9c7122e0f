"""A Neo4j server killed (SIGKILL) in the middle of a load: what committed is whole, a rerun completes it.

Self-contained: starts its own throw-away server (scripts/neo4j, a free port, its own home),
loads a few thousand synthetic papers in batches from a thread, kills the server once some
batches have committed, restarts it keeping its data (scripts/neo4j start-keep), checks that
every committed paper is whole, reruns the load and checks every paper is there exactly once
with no claim left pointing at a missing paper. About a minute on an idle machine (two of it a
cold server's start and restart); every wait below has a timeout.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from _neo4jkit import settings
from _storekit import synthetic
from neo4j import Driver, GraphDatabase

from kg.errors import StoreError
from kg.graph import KnowledgeGraph, build_graph, stats
from kg.resolve import resolve
from kg.store import Neo4jStore, init_db
from kg.store.neo4j.settings import Neo4jSettings

REPO = Path(__file__).resolve().parents[2]
PAPERS = 2000
PER_BATCH = 200
KILL_AFTER = 2 * PER_BATCH  # papers committed before the kill
PAPER_COUNT = "MATCH (p:Paper) RETURN count(p) AS n, count(DISTINCT p.id) AS ids"
ORPHAN_CLAIMS = (
    "MATCH ()-[r]->() WHERE r.paper IS NOT NULL AND NOT EXISTS { MATCH (:Paper {id: r.paper}) } RETURN count(r) AS n"
)
HALF_PAPERS = "MATCH (p:Paper) WHERE NOT EXISTS { MATCH (p)-[:PROPOSES]->() } RETURN count(p) AS n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A scripts/neo4j server of this test's own."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.port = _free_port()
        self.env = {
            **os.environ,
            "NEO4J_BOLT_PORT": str(self.port),
            "NEO4J_HTTP_PORT": "off",
            "KG_NEO4J_HOME": str(home),
        }
        self.env.pop("KG_NEO4J_KEEP", None)

    def run(self, command: str) -> None:
        done = subprocess.run(
            [str(REPO / "scripts" / "neo4j"), command], env=self.env, capture_output=True, text=True, timeout=150
        )
        assert done.returncode == 0, f"scripts/neo4j {command} failed:\n{done.stderr}"

    def kill(self) -> None:
        os.kill(int((self.home / "neo4j.pid").read_text().strip()), signal.SIGKILL)

    def settings(self) -> Neo4jSettings:
        return settings(uri=f"bolt://127.0.0.1:{self.port}", retry_seconds=1.0, connect_timeout=5.0)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    s = Server(tmp_path_factory.mktemp("fault") / "neo4j")
    s.run("start")
    try:
        init_db(s.settings())
        yield s
    finally:
        s.run("stop")


@pytest.fixture(scope="module")
def piece() -> KnowledgeGraph:
    pairs = list(synthetic().synthetic_corpus(PAPERS, seed=11))
    records = [r for _, r in pairs]
    return build_graph([p for p, _ in pairs], records, resolve(records))


def _one(driver: Driver, cypher: str) -> dict[str, int]:
    return dict(driver.execute_query(cypher).records[0])


def test_a_load_cut_by_a_killed_server_completes_when_rerun(server: Server, piece: KnowledgeGraph) -> None:
    started = time.monotonic()
    errors: list[BaseException] = []
    store = Neo4jStore(server.settings(), papers_per_batch=PER_BATCH)

    def load() -> None:
        try:
            store.upsert(piece)
        except BaseException as error:  # handed to the test thread
            errors.append(error)

    loader = threading.Thread(target=load, daemon=True)
    watcher = GraphDatabase.driver(server.settings().uri, auth=(server.settings().user, server.settings().password))
    loader.start()
    committed = 0
    while loader.is_alive() and committed < KILL_AFTER and time.monotonic() - started < 90:
        committed = _one(watcher, PAPER_COUNT)["n"]
        time.sleep(0.05)
    server.kill()
    watcher.close()
    assert KILL_AFTER <= committed < PAPERS, f"the kill came at {committed} papers: not in the middle of the load"
    loader.join(timeout=60)
    assert not loader.is_alive(), "the loader hangs on a dead server"
    assert len(errors) == 1 and isinstance(errors[0], StoreError), errors
    assert "Neo4j at bolt://127.0.0.1" in str(errors[0])
    store.close()

    server.run("start-keep")
    again = Neo4jStore(server.settings(), papers_per_batch=PER_BATCH)
    driver = again._live()
    after_crash = _one(driver, PAPER_COUNT)
    assert KILL_AFTER <= after_crash["n"] < PAPERS and after_crash["n"] % PER_BATCH == 0  # whole batches only
    assert _one(driver, ORPHAN_CLAIMS)["n"] == 0 and _one(driver, HALF_PAPERS)["n"] == 0

    again.upsert(piece)
    assert _one(driver, PAPER_COUNT) == {"n": PAPERS, "ids": PAPERS}
    assert _one(driver, ORPHAN_CLAIMS)["n"] == 0
    assert again.stats() == stats(piece)  # the piece loaded into an empty store: exactly its graph
    again.close()
