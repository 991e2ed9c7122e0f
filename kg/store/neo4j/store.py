"""The Neo4j store: the ``Store`` protocol over a Neo4j 5.26+ server, with the embedded store's semantics.

Writes: ``upsert`` cuts the piece into batches of ``papers_per_batch`` papers
(kg.store.batches) and writes each in one managed transaction (``session.execute_write``,
which retries transient errors such as deadlocks or a leader switch for up to
``NEO4J_RETRY_SECONDS``). Inside a batch: drop the papers' old claims, ``UNWIND $rows … MERGE``
the nodes (one query per node kind), then the relationships (one query per type), then
refresh and prune what the batch touched (kg.store.neo4j.write). Every committed batch leaves a
consistent graph, and loading the same papers again changes nothing, so a load cut short (a
crash, a killed server) is completed by running it again.

Batch size: 1,000 papers per transaction (about 18,000 rows: ~2,000 nodes and ~16,500
relationships in benchmarks/synthetic.py). In benchmarks/load.py at 10,000 papers, 250, 1,000
and 2,500 papers per batch loaded within 10% of each other; 1,000 keeps the per-transaction
round trips and the per-batch reads of entity state few while a batch's transaction state
stays well inside the transaction memory of scripts/neo4j's 512 MiB heap (a transient
memory error would be retried, then reported). Pass ``papers_per_batch`` to change it.

Reads (for ingest, export and stats) run named Cypher (queries/). ``graph()`` and ``export()`` read the WHOLE
graph into memory as the networkx model: right for tests, exports and graphs of a few
hundred thousand relationships, not for huge ones. One process writes at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TypeVar

import networkx as nx
from neo4j import Driver
from neo4j.exceptions import DriverError, Neo4jError

from kg.errors import StoreError
from kg.graph.model import KnowledgeGraph
from kg.names.alias_index import AliasIndex
from kg.records import Paper
from kg.store.base import ExportFormat
from kg.store.batches import split_piece
from kg.store.export import export_graph
from kg.store.neo4j import store_reads as read
from kg.store.neo4j.schema import ensure_schema
from kg.store.neo4j.settings import Neo4jSettings, connect, one_line
from kg.store.neo4j.write import delete_papers, write_batch
from kg.taxonomy import Taxonomy, load_taxonomy

PAPERS_PER_BATCH = 1000
T = TypeVar("T")


class Neo4jStore:
    """``Store`` backed by a Neo4j database; connects on construction (StoreError if it cannot)."""

    def __init__(
        self,
        settings: Neo4jSettings | None = None,
        taxonomy: Taxonomy | None = None,
        papers_per_batch: int = PAPERS_PER_BATCH,
    ) -> None:
        self.settings = settings or Neo4jSettings()
        self.taxonomy = taxonomy or load_taxonomy()
        self.papers_per_batch = papers_per_batch
        self._driver: Driver | None = connect(self.settings)

    def _live(self) -> Driver:
        if self._driver is None:
            raise StoreError(f"store at {self.settings.uri} is closed")
        return self._driver

    def _call(self, action: Callable[[Driver], T]) -> T:
        """Run ``action`` with the driver; driver and server errors become one-line StoreErrors."""
        driver = self._live()
        try:
            return action(driver)
        except (Neo4jError, DriverError) as error:
            raise StoreError(f"Neo4j at {self.settings.uri}: {one_line(error)}") from error

    def upsert(self, piece: KnowledgeGraph) -> None:
        def run(driver: Driver) -> None:
            ensure_schema(driver, self.settings.uri, self.settings.database)
            with driver.session(database=self.settings.database) as session:
                for batch in split_piece(piece, self.papers_per_batch):
                    session.execute_write(write_batch, batch, self.taxonomy)

        self._call(run)

    def delete_paper(self, paper_id: str) -> bool:
        def run(driver: Driver) -> bool:
            # re-deriving names reads a full-text index
            ensure_schema(driver, self.settings.uri, self.settings.database)
            with driver.session(database=self.settings.database) as session:
                return bool(session.execute_write(delete_papers, [paper_id], self.taxonomy))

        return self._call(run)

    def stats(self) -> dict[str, dict[str, int]]:
        return self._call(lambda d: read.read_stats(d, self.settings.database))

    def graph(self) -> KnowledgeGraph:
        """The whole graph read into memory, frozen (read-only) like the embedded store's view."""
        g = self._call(lambda d: read.read_graph(d, self.settings.database))
        nx.freeze(g)  # in place
        return g

    def _schema(self, driver: Driver) -> Driver:
        """The driver, once the schema (whose full-text indexes some reads need) is in place."""
        ensure_schema(driver, self.settings.uri, self.settings.database)
        return driver

    def alias_index(self, keys: Iterable[str] | None = None) -> AliasIndex:
        return self._call(lambda d: read.read_alias_index(self._schema(d), self.settings.database, keys))

    def export(self, path: Path, format: ExportFormat) -> Path:
        return export_graph(self.graph(), path, format)

    def paper_hashes(self, paper_ids: list[str]) -> dict[str, str]:
        return self._call(lambda d: read.paper_hashes(d, self.settings.database, paper_ids))

    def paper_lexicons(self) -> list[tuple[list[str], list[str]]]:
        return self._call(lambda d: read.paper_lexicons(d, self.settings.database))

    def papers_mentioning(self, phrases: list[str]) -> list[Paper]:
        return self._call(lambda d: read.papers_mentioning(self._schema(d), self.settings.database, phrases))

    @contextmanager
    def deferred_writes(self) -> Iterator[Neo4jStore]:
        """Nothing to defer: every batch of an upsert commits in its own transaction."""
        yield self

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
        self._driver = None

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
