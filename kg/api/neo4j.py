"""The API's reads factory for a Neo4j store: one shared driver, a fresh ``Neo4jReads`` per request.

The driver (and its connection pool) lives as long as the factory; each call checks the
server answers, so a request made while Neo4j is down fails at once with a one-line
``StoreError`` (the app turns it into a 503), and the next request after Neo4j is back
simply succeeds: nothing is cached that a restart would make stale.
"""

from __future__ import annotations

import threading

from neo4j import Driver
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from kg.api.console.runner import CypherRunner
from kg.errors import StoreError
from kg.graph.reads import GraphReads
from kg.store.neo4j.reads import Neo4jReads
from kg.store.neo4j.settings import START_HINT, Neo4jSettings, connect, one_line


class Neo4jReadsFactory:
    """Callable reads factory over the Neo4j server of ``settings``; connects on first use."""

    def __init__(self, settings: Neo4jSettings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._driver: Driver | None = None

    def driver(self) -> Driver:
        """The shared driver, after checking the server answers now (StoreError in one line if not)."""
        with self._lock:
            if self._driver is None:
                self._driver = connect(self.settings)  # StoreError with a hint when unreachable
                return self._driver
            driver = self._driver
        try:
            driver.verify_connectivity()
        except AuthError as error:
            raise StoreError(
                f"Neo4j at {self.settings.uri} refused user {self.settings.user!r}: {one_line(error)}"
            ) from error
        except (DriverError, Neo4jError, OSError) as error:
            raise StoreError(f"cannot reach Neo4j at {self.settings.uri}: {one_line(error)}; {START_HINT}") from error
        return driver

    def __call__(self) -> GraphReads:
        return Neo4jReads(self.driver(), self.settings.database)

    def cypher_runner(self) -> CypherRunner:
        """The console's runner over the same server (``create_app`` picks it up)."""
        from kg.api.console.neo4j import Neo4jCypher

        return Neo4jCypher(self.driver, self.settings.database)

    def close(self) -> None:
        with self._lock:
            if self._driver is not None:
                self._driver.close()
            self._driver = None


def neo4j_reads(settings: Neo4jSettings | None = None) -> Neo4jReadsFactory:
    """The reads factory for the Neo4j store at ``settings`` (default: the ``NEO4J_*`` environment)."""
    return Neo4jReadsFactory(settings or Neo4jSettings())
