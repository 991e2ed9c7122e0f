"""Store stage: persist the graph (embedded JSON file now, Neo4j later) behind one protocol."""

from __future__ import annotations

from pathlib import Path

from kg.errors import StoreError
from kg.store.base import EXPORT_FORMATS, ExportFormat, Store
from kg.store.embedded import EmbeddedStore
from kg.store.ingest import ingest

DEFAULT_DATA_DIR = Path("kg-data")
STORE_KINDS = ("embedded", "neo4j")


def open_store(kind: str = "embedded", data_dir: Path = DEFAULT_DATA_DIR) -> Store:
    """The store of ``kind`` ("embedded"; "neo4j" is not implemented yet) at ``data_dir``."""
    if kind == "embedded":
        return EmbeddedStore(Path(data_dir))
    if kind == "neo4j":
        raise StoreError("the neo4j store is not implemented yet; use KG_STORE=embedded")
    raise StoreError(f"unknown store kind {kind!r}; use one of {', '.join(STORE_KINDS)}")


__all__ = [
    "DEFAULT_DATA_DIR",
    "EXPORT_FORMATS",
    "EmbeddedStore",
    "ExportFormat",
    "Store",
    "StoreError",
    "ingest",
    "open_store",
]
