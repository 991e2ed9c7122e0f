"""The store protocol every backend implements (embedded networkx file now, Neo4j later).

Writes take graph pieces built by ``kg.graph.build_graph``: each Paper node in a piece marks a
paper whose claims the piece replaces. The reads here serve ingest, export and ``kg stats``
(the whole graph, counts, aliases, hashes, lexicons); the API reads through the ``GraphReads``
contract of ``kg.graph.reads`` alone, whose backends sit beside the stores.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

from kg.graph.model import KnowledgeGraph
from kg.names.alias_index import AliasIndex
from kg.records import Paper

ExportFormat = Literal["json", "graphml", "csv"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("json", "graphml", "csv")


@runtime_checkable
class Store(Protocol):
    """Persistent knowledge graph: upsert per paper, delete per paper, read, export."""

    def upsert(self, piece: KnowledgeGraph) -> None:
        """Replace the claims of every paper in ``piece`` (each Paper node) with the piece's; idempotent.

        Other papers' claims stay; entity labels and aliases are re-derived from all MENTIONS;
        entities and families nothing supports any more are removed.
        """

    def delete_paper(self, paper_id: str) -> bool:
        """Remove a paper and its claims; False when the store did not have it."""

    def stats(self) -> dict[str, dict[str, int]]:
        """{"nodes": {label: n}, "relationships": {type: n}}."""

    def graph(self) -> KnowledgeGraph:
        """The whole graph, read-only: for export, the console's embedded worker and resolving against it."""

    def alias_index(self, keys: Iterable[str] | None = None) -> AliasIndex:
        """Known entities, so resolving new papers links them to existing nodes.

        With ``keys`` (``kg.resolve.resolver.lookup_keys`` of a batch) only the entities known by one of
        those match keys: what resolving that batch needs, at a cost that follows the batch.
        """

    def export(self, path: Path, format: ExportFormat) -> Path:
        """Write the graph as node-link JSON, GraphML, or a directory of CSV files; returns what was written."""

    def paper_hashes(self, paper_ids: list[str]) -> dict[str, str]:
        """Stored content hash of each paper it has (``kg.corpus.hashing``), for skipping unchanged papers."""

    def paper_lexicons(self) -> list[tuple[list[str], list[str]]]:
        """(defines, acronyms) of every stored paper that has some: its part of the corpus-wide name pass."""

    def papers_mentioning(self, phrases: list[str]) -> list[Paper]:
        """Stored papers whose title or abstract contains any phrase (``kg.store.text_match``), sorted by id."""

    def deferred_writes(self) -> AbstractContextManager[Any]:
        """A block whose writes may be saved together at its end (embedded: one file write; Neo4j: each batch
        commits)."""

    def close(self) -> None:
        """Release the store; later calls fail with StoreError."""
