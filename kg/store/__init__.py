"""Store stage: persist the graph (embedded JSON file or Neo4j) behind one protocol."""

from __future__ import annotations

from pathlib import Path

from kg.errors import StoreError
from kg.store.base import EXPORT_FORMATS, ExportFormat, Store
from kg.store.embedded import EmbeddedStore
from kg.store.neo4j.schema import init_db
from kg.store.neo4j.settings import Neo4jSettings
from kg.store.neo4j.store import Neo4jStore

DEFAULT_DATA_DIR = Path("kg-data")
STORE_KINDS = ("embedded", "neo4j")


def open_store(kind: str = "embedded", data_dir: Path = DEFAULT_DATA_DIR) -> Store:
    """The store of ``kind``: "embedded" at ``data_dir``, or "neo4j" at the server the NEO4J_* environment names.

    StoreError (one line, with a hint) when the Neo4j server cannot be reached.
    """
    if kind == "embedded":
        return EmbeddedStore(Path(data_dir))
    if kind == "neo4j":
        return Neo4jStore(Neo4jSettings())
    raise StoreError(f"unknown store kind {kind!r}; use one of {', '.join(STORE_KINDS)}")


__all__ = [
    "DEFAULT_DATA_DIR",
    "EXPORT_FORMATS",
    "EmbeddedStore",
    "ExportFormat",
    "Neo4jSettings",
    "Neo4jStore",
    "Store",
    "StoreError",
    "init_db",
    "open_store",
]
