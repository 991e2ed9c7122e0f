"""Connect the tests to the real Neo4j at NEO4J_URI (a down server FAILS the test, never skips it)."""

from __future__ import annotations

import os

import pytest

from kg.errors import StoreError
from kg.store.neo4j.schema import wipe_database
from kg.store.neo4j.settings import Neo4jSettings
from kg.store.neo4j.store import Neo4jStore

URI = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
HINT = "run scripts/neo4j start (or point NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD at a server)"


def settings(**changes: object) -> Neo4jSettings:
    """Settings from the NEO4J_* environment, with the scripts/neo4j defaults."""
    return Neo4jSettings(uri=URI).model_copy(update=changes)


def fresh_store(papers_per_batch: int | None = None, **changes: object) -> Neo4jStore:
    """A store on an EMPTY database (everything wiped, schema kept); fails the test when unreachable."""
    try:
        store = (
            Neo4jStore(settings(**changes))
            if papers_per_batch is None
            else Neo4jStore(settings(**changes), papers_per_batch=papers_per_batch)
        )
    except StoreError as error:
        pytest.fail(f"{error} -- {HINT}", pytrace=False)
    wipe_database(store._live(), store.settings.database)
    return store
