"""EmbeddedStore: atomic saves, idempotent upserts, per-paper replacement, deletes, exports, alias index."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.errors import StoreError
from kg.graph import KnowledgeGraph, build_graph, find_entity
from kg.resolve import resolve
from kg.store import EmbeddedStore, Store, ingest, open_store
from kg.types import ExtractionRecord, Paper

LORA_SB = Paper(
    id="seed-050",
    title="Initialization using Update Approximation is a Silver Bullet for Extremely Efficient Low-Rank Fine-Tuning",
    abstract="We propose a method, LoRA Silver Bullet or LoRA-SB, that approximates full fine-tuning within low-rank subspaces.",
)
SORA = Paper(id="seed-060", title="Sparse Low-rank Adaptation of Pre-trained Language Models", abstract="…", url="https://arxiv.org/abs/2311.11696")
HYDRA = Paper(id="seed-033", title="Hydra: Multi-head Low-rank Adaptation for Parameter Efficient Fine-tuning", abstract="…")


def ent(name: str, *aliases: str, type: str = "Method") -> dict[str, Any]:
    return {"name": name, "aliases": list(aliases), "type": type}


def record(data: dict[str, Any]) -> ExtractionRecord:
    return ExtractionRecord.model_validate(data)


SB_RECORD = record(
    {
        "id": "seed-050",
        "proposed": [{"name": "LoRA-SB", "aliases": ["LoRA Silver Bullet"], "families": ["parameter-efficient fine-tuning"]}],
        "entities": [ent("LoRA-SB", "LoRA Silver Bullet"), ent("LoRA-XS"), ent("LoRA"), ent("full fine-tuning")],
        "baselines": ["LoRA", "LoRA-XS"],
        "extends": [["LoRA-SB", "LoRA-XS"]],
        "outperforms": [
            {"winner": "LoRA-SB", "loser": "LoRA", "evidence": "our approach exceeds the performance of standard LoRA"},
            {"winner": "LoRA-SB", "loser": "LoRA-XS", "evidence": "and comprehensively outperforms LoRA-XS"},
        ],
    }
)
# The same paper after a better extraction: LoRA-XS dropped, full fine-tuning retyped, a spelling added.
SB_RECORD_V2 = record(
    {
        "id": "seed-050",
        "proposed": [{"name": "LoRA-SB", "aliases": ["LoRA Silver Bullet"], "families": ["parameter-efficient fine-tuning"]}],
        "entities": [ent("LoRA-SB", "LoRA Silver Bullet"), ent("LoRA", "standard LoRA"), ent("full fine-tuning", type="Task")],
        "baselines": ["LoRA"],
        "outperforms": [{"winner": "LoRA-SB", "loser": "LoRA", "evidence": "our approach exceeds the performance of standard LoRA"}],
    }
)
SORA_RECORD = record(
    {
        "id": "seed-060",
        "proposed": [{"name": "SoRA", "aliases": ["sparse low-rank adaptation"]}],
        "entities": [ent("SoRA", "sparse low-rank adaptation"), ent("LoRA", "low-rank adaptation")],
        "extends": [["SoRA", "LoRA"]],
        "outperforms": [{"winner": "SoRA", "loser": "other baselines", "loser_generic": True,
                         "evidence": "SoRA can outperform other baselines even with 70% retained parameters"}],
    }
)
# seed-033 only ever says "low-rank adaptation", never "LoRA"
HYDRA_RECORD = record(
    {
        "id": "seed-033",
        "proposed": [{"name": "Hydra", "families": ["PEFT"]}],
        "entities": [ent("Hydra"), ent("low-rank adaptation")],
        "outperforms": [{"winner": "Hydra", "loser": "low-rank adaptation", "evidence": "more expressive than existing single branch methods"}],
    }
)


def edges_of(g: KnowledgeGraph, paper_id: str) -> set[tuple[str, str, str]]:
    return {(u, v, k) for u, v, k, d in g.edges(keys=True, data=True) if d.get("paper") == paper_id}


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
        "label": "Paper", "id": "seed-060", "title": SORA.title, "abstract": "…", "authors": [], "url": SORA.url, "kind": "method",
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


def test_reingesting_a_changed_paper_replaces_only_its_claims(store: EmbeddedStore) -> None:
    sora_before = edges_of(store.graph(), "seed-060")
    ingest(store, [LORA_SB], [SB_RECORD_V2])
    g = store.graph()
    assert edges_of(g, "seed-060") == sora_before
    assert "Entity:lora xs" not in g  # nothing supports it any more
    assert [(u, v) for u, v, d in g.edges(data=True) if d["type"] == "OUTPERFORMS"] == [("Entity:lora sb", "Entity:lora")]
    assert g.nodes["Entity:full fine tuning"]["label"] == "Task"  # its only vote changed
    assert g.nodes["Entity:lora"]["aliases"] == ["low-rank adaptation", "standard LoRA"]
    assert not any(d["type"] == "EXTENDS" and d["paper"] == "seed-050" for *_, d in g.edges(data=True))
    # and the result is what ingesting the new version from scratch gives
    fresh = EmbeddedStore(store.path.parent.parent / "fresh")
    ingest(fresh, [LORA_SB, SORA], [SB_RECORD_V2, SORA_RECORD])
    assert fresh.path.read_bytes() == store.path.read_bytes()


def test_delete_paper(store: EmbeddedStore) -> None:
    assert store.delete_paper("seed-060") is True
    g = store.graph()
    assert "Paper:seed-060" not in g and "Entity:sora" not in g
    assert g.nodes["Entity:lora"]["aliases"] == []  # "low-rank adaptation" was seed-060's spelling
    assert edges_of(g, "seed-060") == set()
    assert store.delete_paper("seed-060") is False
    store.close()
    assert "Paper:seed-060" not in EmbeddedStore(store.path.parent).graph()


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


def test_alias_index_round_trip_links_new_papers_to_stored_entities(store: EmbeddedStore) -> None:
    store.close()
    reopened = EmbeddedStore(store.path.parent)
    index = reopened.alias_index()
    assert index.entities["lora"].names == {"LoRA": 2}
    assert index.lookup("low-rank adaptation") == ["lora"]
    resolution = ingest(reopened, [HYDRA], [HYDRA_RECORD])
    assert resolution.key_for("seed-033", "low-rank adaptation") == "lora"
    g = reopened.graph()
    assert find_entity(g, "low-rank adaptation") == "Entity:lora"
    assert ("Entity:hydra", "Entity:lora") in {(u, v) for u, v, d in g.edges(data=True) if d["type"] == "OUTPERFORMS"}
    assert sum(1 for _, d in g.nodes(data=True) if "lora" == d.get("key")) == 1


def test_export_json_graphml_csv(store: EmbeddedStore, tmp_path: Path) -> None:
    g = store.graph()
    out = store.export(tmp_path / "out" / "graph.json", "json")
    data = json.loads(out.read_text(encoding="utf-8"))
    again: KnowledgeGraph = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges", name="node_id", source="from", target="to")  # type: ignore[assignment]
    assert sorted(again.edges(keys=True)) == sorted(g.edges(keys=True))
    assert again.nodes["Entity:lora"]["aliases"] == ["low-rank adaptation"]

    out = store.export(tmp_path / "out" / "graph.graphml", "graphml")
    ml = nx.read_graphml(out, force_multigraph=True, edge_key_type=str)
    assert set(ml.nodes) == set(g.nodes) and ml.number_of_edges() == g.number_of_edges()
    assert json.loads(ml.nodes["Entity:lora"]["aliases"]) == ["low-rank adaptation"]
    assert ml.nodes["Entity:lora"]["label"] == "Method"

    out = store.export(tmp_path / "out" / "csv", "csv")
    with (out / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        nodes = list(csv.DictReader(handle))
    with (out / "relationships.csv").open(encoding="utf-8", newline="") as handle:
        rels = list(csv.DictReader(handle))
    assert len(nodes) == g.number_of_nodes() and len(rels) == g.number_of_edges()
    lora = next(n for n in nodes if n["node_id"] == "Entity:lora")
    assert lora["label"] == "Method" and json.loads(lora["aliases"]) == ["low-rank adaptation"]
    assert {"from", "to", "type", "key", "paper", "evidence", "source"} <= set().union(*rels)
    with pytest.raises(StoreError, match="unknown export format"):
        store.export(tmp_path / "x", "yaml")  # type: ignore[arg-type]


def test_graph_is_read_only(store: EmbeddedStore) -> None:
    with pytest.raises(nx.NetworkXError):
        store.graph().add_node("Entity:intruder")


def test_stats(store: EmbeddedStore) -> None:
    counts = store.stats()
    assert counts["nodes"]["Paper"] == 2 and counts["nodes"]["Family"] == 3  # PEFT, fine-tuning, low-rank adaptation
    assert counts["relationships"]["OUTPERFORMS"] == 2 and counts["relationships"]["OUTPERFORMS_GENERIC"] == 1


def test_closed_store_refuses_work(store: EmbeddedStore) -> None:
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.stats()


def test_unreadable_graph_file_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "graph.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreError, match="graph.json"):
        EmbeddedStore(tmp_path)


def test_open_store(tmp_path: Path) -> None:
    with open_store("embedded", tmp_path / "d") as s:  # type: ignore[attr-defined]
        assert isinstance(s, Store) and isinstance(s, EmbeddedStore)
        assert s.stats() == {"nodes": {}, "relationships": {}}
    with pytest.raises(StoreError, match="not implemented"):
        open_store("neo4j", tmp_path)
    with pytest.raises(StoreError, match="unknown store kind"):
        open_store("sqlite", tmp_path)
