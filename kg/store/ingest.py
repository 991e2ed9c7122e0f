"""Resolve, build and load in one call: the path every new batch of papers takes into a store."""

from __future__ import annotations

from collections.abc import Iterable

from kg.graph.builder import build_graph
from kg.resolve.resolution import Resolution
from kg.resolve.resolver import Resolver, lookup_keys
from kg.store.base import Store
from kg.taxonomy import Taxonomy, load_taxonomy
from kg.records import ExtractionRecord, Paper


def ingest(
    store: Store,
    papers: Iterable[Paper],
    records: Iterable[ExtractionRecord],
    taxonomy: Taxonomy | None = None,
) -> Resolution:
    """Resolve ``records`` against what ``store`` already knows, build their graph piece, upsert it.

    Returns the resolution (which key each paper's names became).
    """
    taxonomy = taxonomy or load_taxonomy()
    records = list(records)
    resolution = Resolver(store.alias_index(lookup_keys(records)), taxonomy).resolve(records)
    store.upsert(build_graph(papers, records, resolution, taxonomy))
    return resolution
