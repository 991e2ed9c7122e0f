"""Apply ``schema/*.cypher`` (constraints, indexes) to a Neo4j database, idempotently.

Every statement says IF NOT EXISTS, so applying twice changes nothing. ``init_db`` is what
``kg init-db`` runs; ``Neo4jStore`` calls ``ensure_schema`` before its first write, which
applies the schema at most once per process and database.
"""

from __future__ import annotations

import threading

from neo4j import Driver
from neo4j.exceptions import DriverError, Neo4jError

from kg.errors import StoreError
from kg.store.cypher import query, schema_statements
from kg.store.neo4j.settings import Neo4jSettings, connect, one_line

_applied: set[tuple[str, str | None]] = set()
_lock = threading.Lock()


def apply_schema(driver: Driver, database: str | None = None) -> int:
    """Run every schema statement, then wait until the indexes are online; returns how many ran."""
    statements = schema_statements()
    try:
        for statement in statements:
            driver.execute_query(statement, database_=database)
        driver.execute_query(query("await_indexes"), database_=database)
    except (Neo4jError, DriverError) as error:
        raise StoreError(f"cannot apply the kg schema: {one_line(error)}") from error
    return len(statements)


def ensure_schema(driver: Driver, uri: str, database: str | None = None) -> None:
    """Apply the schema unless this process already did so for ``uri`` and ``database``."""
    with _lock:
        if (uri, database) in _applied:
            return
        apply_schema(driver, database)
        _applied.add((uri, database))


def init_db(settings: Neo4jSettings | None = None) -> int:
    """Connect with ``settings`` (default: the NEO4J_* environment) and apply the schema."""
    settings = settings or Neo4jSettings()
    driver = connect(settings)
    try:
        count = apply_schema(driver, settings.database)
    finally:
        driver.close()
    with _lock:
        _applied.add((settings.uri, settings.database))
    return count


def wipe_database(driver: Driver, database: str | None = None) -> None:
    """Delete every node and relationship (schema kept): for tests and benchmarks, never for users' data."""
    try:
        with driver.session(database=database) as session:
            session.run(query("wipe_relationships")).consume()
            session.run(query("wipe_nodes")).consume()
    except (Neo4jError, DriverError) as error:
        raise StoreError(f"cannot wipe the database: {one_line(error)}") from error
