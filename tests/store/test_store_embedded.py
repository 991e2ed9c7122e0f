"""EmbeddedStore only: the file on disk (sorted, byte-stable, atomic), reopening, open_store.

Behaviour every store shares (per-paper replacement, deletes, exports, alias index, queries)
is tested once for both stores in test_store.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from _storekit import HYDRA, HYDRA_RECORD, LORA_SB, SB_RECORD, SORA, SORA_RECORD

from kg.corpus.hashing import content_hash
from kg.errors import StoreError
from kg.graph import build_graph
from kg.pipeline import ingest
from kg.resolve import resolve
from kg.store import EmbeddedStore, Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> EmbeddedStore:
    s = EmbeddedStore(tmp_path / "kg-data")
    ingest(s, [LORA_SB, SORA], [SB_RECORD, SORA_RECORD])
    return s


def test_saved_graph_reopens_identically(store: EmbeddedStore) -> None:
    path = store.path
    before = nx.to_dict_of_dicts(store.graph())
    store.close()
    again = EmbeddedStore(path.parent)
    assert nx.to_dict_of_dicts(again.graph()) == before
    assert dict(again.graph().nodes["Paper:seed-060"]) == {
        "label": "Paper",
        "id": "seed-060",
        "title": SORA.title,
        "abstract": "…",
        "authors": [],
        "url": SORA.url,
        "kind": "method",
        "content_hash": content_hash(SORA),
    }
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [n["node_id"] for n in data["nodes"]] == sorted(n["node_id"] for n in data["nodes"])


def test_ingesting_the_same_papers_again_changes_no_byte(store: EmbeddedStore) -> None:
    first = store.path.read_bytes()
    ingest(store, [LORA_SB, SORA], [SB_RECORD, SORA_RECORD])
    assert store.path.read_bytes() == first
    store.close()
    reopened = EmbeddedStore(store.path.parent)
    ingest(reopened, [SORA, LORA_SB], [SORA_RECORD, SB_RECORD])
    assert reopened.path.read_bytes() == first


def test_a_failed_write_leaves_the_previous_file_intact(store: EmbeddedStore) -> None:
    before = store.path.read_bytes()
    resolution = resolve([HYDRA_RECORD])
    piece = build_graph([HYDRA], [HYDRA_RECORD], resolution)
    piece.nodes["Entity:hydra"]["broken"] = object()  # json cannot encode it: the serialiser fails midway
    with pytest.raises(StoreError, match="cannot write"):
        store.upsert(piece)
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in store.path.parent.iterdir()) == ["graph.json"]  # no temp file left
    assert "Paper:seed-033" not in store.graph()  # memory went back to the saved graph
    assert "Paper:seed-033" not in EmbeddedStore(store.path.parent).graph()


def test_unreadable_graph_file_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "graph.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreError, match=r"graph\.json"):
        EmbeddedStore(tmp_path)


def test_open_store(tmp_path: Path) -> None:
    with open_store("embedded", tmp_path / "d") as s:  # type: ignore[attr-defined]
        assert isinstance(s, Store) and isinstance(s, EmbeddedStore)
        assert s.stats() == {"nodes": {}, "relationships": {}}
    with pytest.raises(StoreError, match="unknown store kind"):
        open_store("sqlite", tmp_path)
