"""The embedded store: a networkx MultiDiGraph kept in ``<data_dir>/graph.json``.

The file is plain node-link JSON (never pickle), sorted so identical content gives identical
bytes, and replaced atomically on every write (or once at the end of a ``deferred_writes``
block, which is how a large ingest avoids rewriting the file per batch). One process writes
at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from kg.errors import StoreError
from kg.graph.derive import alias_index, update_alias_index
from kg.graph.model import PAPER, KnowledgeGraph, paper_node, stats
from kg.names.alias_index import AliasIndex
from kg.records import Paper
from kg.store.base import ExportFormat
from kg.store.export import export_graph
from kg.store.graph_names import entity_keys, settle_names
from kg.store.merge import ClaimIndex, remove_papers_touching, replace_papers
from kg.store.serialize import read_graph, write_graph
from kg.store.text_match import PhraseFinder, paper_from_attrs
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
        self._claims: ClaimIndex | None = None  # built on the first write
        self._aliases: AliasIndex | None = None  # built on the first alias_index(), then kept up to date
        self._deferred = False

    def _live(self) -> KnowledgeGraph:
        if self._graph is None:
            raise StoreError(f"store at {self.data_dir} is closed")
        return self._graph

    def _save(self) -> None:
        """Persist (unless deferred); on failure reload the last good file so memory and disk agree, then re-raise."""
        if self._deferred:
            return
        try:
            write_graph(self.path, self._live())
        except BaseException:
            self._reload()
            raise

    def _reload(self) -> None:
        self._graph = read_graph(self.path)
        self._claims = self._aliases = None

    def _claim_index(self) -> ClaimIndex:
        if self._claims is None:
            self._claims = ClaimIndex(self._live())
        return self._claims

    @contextmanager
    def deferred_writes(self) -> Iterator[EmbeddedStore]:
        """Apply every write inside the block in memory and save the file once at its end.

        If the block raises, memory goes back to the last saved file: nothing of the block is kept.
        """
        if self._deferred:
            yield self
            return
        self._deferred = True
        try:
            yield self
        except BaseException:
            self._deferred = False
            self._reload()
            raise
        self._deferred = False
        self._save()

    def upsert(self, piece: KnowledgeGraph) -> None:
        g = self._live()
        index = self.alias_index()  # kept up to date below; what the names of the touched entities need

        def write() -> set[str]:
            return replace_papers(g, piece, self.taxonomy, self._claim_index())

        try:
            touched, before = self._touching(write, index)
            settle_names(g, index, entity_keys(touched), before)
        except BaseException:
            self._reload()  # a half-applied piece never stays in memory
            raise
        self._save()

    def delete_paper(self, paper_id: str) -> bool:
        g = self._live()
        index = self.alias_index()
        present: set[str] = set()

        def write() -> set[str]:
            found, touched = remove_papers_touching(g, [paper_id], self.taxonomy, self._claim_index())
            present.update(found)
            return touched

        try:
            touched, before = self._touching(write, index)
            settle_names(g, index, entity_keys(touched), before)
        except BaseException:
            self._reload()
            raise
        if present:
            self._save()
        return bool(present)

    def _touching(self, write: Callable[[], set[str]], index: AliasIndex) -> tuple[set[str], dict[str, list[str]]]:
        """Run ``write`` (returns the nodes it touched), bring ``index`` up to date, and return the
        touched nodes with the surfaces the touched entities' mentions used before."""
        touched: set[str] = write()
        before = {k: list(index.entities[k].names) for k in entity_keys(touched) if k in index}
        update_alias_index(index, self._live(), touched)
        return touched, before

    def stats(self) -> dict[str, dict[str, int]]:
        return stats(self._live())

    def graph(self) -> KnowledgeGraph:
        """A read-only view of the live graph (it follows later writes; copy it for a snapshot)."""
        return self._live().copy(as_view=True)

    def alias_index(self, keys: Iterable[str] | None = None) -> AliasIndex:
        """Known entities (all, or those known by ``keys``); the full index is kept up to date by later
        writes, so read it before writing."""
        if self._aliases is None:
            self._aliases = alias_index(self._live())
        return self._aliases if keys is None else self._aliases.subset(keys)

    def export(self, path: Path, format: ExportFormat) -> Path:
        return export_graph(self._live(), path, format)

    def paper_hashes(self, paper_ids: list[str]) -> dict[str, str]:
        g = self._live()
        found = {}
        for paper_id in paper_ids:
            attrs = g.nodes.get(paper_node(paper_id))
            if attrs is not None and attrs.get("content_hash"):
                found[paper_id] = str(attrs["content_hash"])
        return found

    def paper_lexicons(self) -> list[tuple[list[str], list[str]]]:
        return [
            (list(d.get("defines", [])), list(d.get("acronyms", [])))
            for _, d in self._live().nodes(data=True)
            if d.get("label") == PAPER and (d.get("defines") or d.get("acronyms"))
        ]

    def papers_mentioning(self, phrases: list[str]) -> list[Paper]:
        finder = PhraseFinder(phrases)
        if not finder:
            return []
        papers = (paper_from_attrs(d) for _, d in self._live().nodes(data=True) if d.get("label") == PAPER)
        return sorted((p for p in papers if finder.in_paper(p)), key=lambda p: p.id)

    def close(self) -> None:
        self._graph = None
        self._claims = self._aliases = None

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
