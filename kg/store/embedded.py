"""The embedded store: a networkx MultiDiGraph kept in ``<data_dir>/graph.json``.

The file is plain node-link JSON (never pickle), sorted so identical content gives identical
bytes, and replaced atomically on every write. One process writes at a time.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any

from kg.errors import StoreError
from kg.graph.derive import alias_index
from kg.graph.model import KnowledgeGraph, paper_node
from kg.graph import queries
from kg.graph.queries import stats
from kg.resolve.alias_index import AliasIndex
from kg.store.base import ExportFormat
from kg.store.export import export_graph
from kg.store.merge import remove_papers, replace_papers
from kg.store.serialize import read_graph, write_graph
from kg.taxonomy import Taxonomy, load_taxonomy

GRAPH_FILE = "graph.json"


class EmbeddedStore:
    """``Store`` backed by one JSON file; changes are applied in memory, then saved atomically."""

    def __init__(self, data_dir: Path, taxonomy: Taxonomy | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / GRAPH_FILE
        self.taxonomy = taxonomy or load_taxonomy()
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create data directory {self.data_dir}: {error}") from error
        self._graph: KnowledgeGraph | None = read_graph(self.path)

    def _live(self) -> KnowledgeGraph:
        if self._graph is None:
            raise StoreError(f"store at {self.data_dir} is closed")
        return self._graph

    def _save(self) -> None:
        """Persist; on failure reload the last good file so memory and disk agree, then re-raise."""
        try:
            write_graph(self.path, self._live())
        except BaseException:
            self._graph = read_graph(self.path)
            raise

    def upsert(self, piece: KnowledgeGraph) -> None:
        replace_papers(self._live(), piece, self.taxonomy)
        self._save()

    def delete_paper(self, paper_id: str) -> bool:
        found = bool(remove_papers(self._live(), [paper_id], self.taxonomy))
        if found:
            self._save()
        return found

    def stats(self) -> dict[str, dict[str, int]]:
        return stats(self._live())

    def graph(self) -> KnowledgeGraph:
        """A read-only view of the live graph (it follows later writes; copy it for a snapshot)."""
        return self._live().copy(as_view=True)

    def alias_index(self) -> AliasIndex:
        return alias_index(self._live())

    def export(self, path: Path, format: ExportFormat) -> Path:
        return export_graph(self._live(), path, format)

    def find_entity(self, name_or_alias: str) -> str | None:
        return queries.find_entity(self._live(), name_or_alias)

    def paper_hashes(self, paper_ids: list[str]) -> dict[str, str]:
        g = self._live()
        found = {}
        for paper_id in paper_ids:
            attrs = g.nodes.get(paper_node(paper_id))
            if attrs is not None and attrs.get("content_hash"):
                found[paper_id] = str(attrs["content_hash"])
        return found

    def methods_in_family(self, family: str) -> list[str]:
        return queries.methods_in_family(self._live(), family)

    def outperformers(self, loser: str, family: str | None = None) -> list[tuple[str, list[dict[str, Any]]]]:
        return queries.outperformers(self._live(), loser, family)

    def close(self) -> None:
        self._graph = None

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
