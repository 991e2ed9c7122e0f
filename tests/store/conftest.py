"""One ``make_store`` / ``store`` fixture over both backends, so every behaviour test runs on each.

The Neo4j variant writes one paper per transaction, so the multi-batch path is what the
shared tests exercise; each Neo4j test starts from a wiped database.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _neo4jkit import fresh_store
from _storekit import LORA_SB, SB_RECORD, SORA, SORA_RECORD, MakeStore

from kg.pipeline import ingest
from kg.store import EmbeddedStore, Store

STORE_KINDS = ("embedded", "neo4j")


@pytest.fixture(params=STORE_KINDS)
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[MakeStore]:
    """Factory of empty stores of one kind (a new one wipes the database for Neo4j)."""
    opened: list[Store] = []

    def make() -> Store:
        store: Store
        if request.param == "embedded":
            store = EmbeddedStore(tmp_path / f"kg-data-{len(opened)}")
        else:
            store = fresh_store(papers_per_batch=1)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(make_store: MakeStore) -> Store:
    """A store holding the LoRA-SB and SoRA papers."""
    s = make_store()
    ingest(s, [LORA_SB, SORA], [SB_RECORD, SORA_RECORD])
    return s
