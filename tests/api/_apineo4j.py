"""The Neo4j side of the API tests: the server at NEO4J_URI loaded with the gold graph, and a server of a test's own."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from datapaths import GOLD_DEV, SEED_PAPERS

from kg.corpus import read_papers
from kg.errors import StoreError
from kg.evaluate import load_records
from kg.pipeline import ingest
from kg.store import EmbeddedStore, Neo4jStore
from kg.store.neo4j.schema import init_db, wipe_database
from kg.store.neo4j.settings import Neo4jSettings

URI = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
DOWN_PORT = int(os.environ.get("KG_TEST_NEO4J_DOWN_PORT", "7689"))
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "neo4j"
HINT = "run scripts/neo4j start (or point NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD at a server)"


def settings(uri: str = URI) -> Neo4jSettings:
    return Neo4jSettings(uri=uri)


def load_gold(embedded_dir: Path, at: Neo4jSettings) -> None:
    """The 64 gold dev papers ingested into an embedded store and into the (wiped) Neo4j at ``at``."""
    records = load_records(GOLD_DEV)
    papers = [p for p in read_papers(SEED_PAPERS) if p.id in records]
    assert len(papers) == len(records) == 64
    try:
        init_db(at)  # the server may be a fresh one at a URI this process has seen before
        neo4j = Neo4jStore(at)
    except StoreError as error:
        pytest.fail(f"{error} -- {HINT}", pytrace=False)
    with neo4j, EmbeddedStore(embedded_dir) as embedded:
        wipe_database(neo4j._live(), at.database)
        for store in (embedded, neo4j):
            ingest(store, papers, list(records.values()))


def neo4j_script(action: str, home: Path) -> None:
    """``scripts/neo4j ACTION`` for a server of a test's own on DOWN_PORT, living in ``home``."""
    env = {**os.environ, "NEO4J_BOLT_PORT": str(DOWN_PORT), "NEO4J_HTTP_PORT": "off", "KG_NEO4J_HOME": str(home)}
    done = subprocess.run([str(SCRIPT), action], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


class OwnNeo4j:
    """A Neo4j of a test's own on DOWN_PORT; ``own("stop")`` runs ``scripts/neo4j stop`` on it."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.uri = f"bolt://127.0.0.1:{DOWN_PORT}"

    def __call__(self, action: str) -> None:
        neo4j_script(action, self.home)

    @property
    def pid(self) -> int:
        return int((self.home / "neo4j.pid").read_text(encoding="utf-8").strip())
