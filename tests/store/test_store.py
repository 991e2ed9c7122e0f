"""What every store does, run on each backend (the ``store`` fixture: embedded and Neo4j).

Idempotent re-ingest, per-paper replacement, deletes, the alias index, exports, stats, and the
answers the reference oracle reads from each store's graph.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from _storekit import HYDRA, HYDRA_RECORD, LORA_SB, SB_RECORD, SB_RECORD_V2, SORA, SORA_RECORD, MakeStore, edges_of
from graph_oracle import find_entity, methods_in_family, outperformers

from kg.corpus.hashing import content_hash
from kg.errors import StoreError
from kg.graph import KnowledgeGraph
from kg.pipeline import ingest
from kg.store import Store


def exported(store: Store, path: Path) -> bytes:
    return store.export(path, "json").read_bytes()


def test_ingesting_the_same_papers_again_changes_nothing(store: Store, tmp_path: Path) -> None:
    first = exported(store, tmp_path / "1.json")
    ingest(store, [LORA_SB, SORA], [SB_RECORD, SORA_RECORD])
    assert exported(store, tmp_path / "2.json") == first
    ingest(store, [SORA, LORA_SB], [SORA_RECORD, SB_RECORD])
    assert exported(store, tmp_path / "3.json") == first
    assert store.stats()["nodes"]["Paper"] == 2


def test_reingesting_a_changed_paper_replaces_only_its_claims(
    store: Store, make_store: MakeStore, tmp_path: Path
) -> None:
    sora_before = edges_of(store.graph(), "seed-060")
    ingest(store, [LORA_SB], [SB_RECORD_V2])
    g = store.graph()
    assert edges_of(g, "seed-060") == sora_before
    assert "Entity:lora xs" not in g  # nothing supports it any more
    assert [(u, v) for u, v, d in g.edges(data=True) if d["type"] == "OUTPERFORMS"] == [
        ("Entity:lora sb", "Entity:lora")
    ]
    assert g.nodes["Entity:full fine tuning"]["label"] == "Task"  # its only vote changed
    assert g.nodes["Entity:lora"]["aliases"] == ["low-rank adaptation", "standard LoRA"]
    assert not any(d["type"] == "EXTENDS" and d["paper"] == "seed-050" for *_, d in g.edges(data=True))
    replaced = exported(store, tmp_path / "replaced.json")
    # and the result is what ingesting the new version from scratch gives
    fresh = make_store()
    ingest(fresh, [LORA_SB, SORA], [SB_RECORD_V2, SORA_RECORD])
    assert exported(fresh, tmp_path / "fresh.json") == replaced


def test_delete_paper(store: Store) -> None:
    assert store.delete_paper("seed-060") is True
    g = store.graph()
    assert "Paper:seed-060" not in g and "Entity:sora" not in g
    assert g.nodes["Entity:lora"]["aliases"] == []  # "low-rank adaptation" was seed-060's spelling
    assert edges_of(g, "seed-060") == set()
    assert store.delete_paper("seed-060") is False
    assert store.delete_paper("never-stored") is False
    assert store.stats()["nodes"]["Paper"] == 1


def test_alias_index_round_trip_links_new_papers_to_stored_entities(store: Store) -> None:
    index = store.alias_index()
    assert index.entities["lora"].names == {"LoRA": 2}
    assert index.entities["lora"].votes == {"Method": 2}
    assert index.lookup("low-rank adaptation") == ["lora"]
    resolution = ingest(store, [HYDRA], [HYDRA_RECORD])
    assert resolution.key_for("seed-033", "low-rank adaptation") == "lora"
    g = store.graph()
    assert find_entity(store.graph(), "low-rank adaptation") == "Entity:lora"
    assert ("Entity:hydra", "Entity:lora") in {(u, v) for u, v, d in g.edges(data=True) if d["type"] == "OUTPERFORMS"}
    assert sum(1 for _, d in g.nodes(data=True) if "lora" == d.get("key")) == 1


def test_export_json_graphml_csv(store: Store, tmp_path: Path) -> None:
    g = store.graph()
    out = store.export(tmp_path / "out" / "graph.json", "json")
    data = json.loads(out.read_text(encoding="utf-8"))
    again: KnowledgeGraph = nx.node_link_graph(
        data, directed=True, multigraph=True, edges="edges", name="node_id", source="from", target="to"
    )  # type: ignore[assignment]
    assert sorted(again.edges(keys=True)) == sorted(g.edges(keys=True))
    assert again.nodes["Entity:lora"]["aliases"] == ["low-rank adaptation"]
    assert dict(again.nodes["Paper:seed-060"]) == {
        "label": "Paper",
        "id": "seed-060",
        "title": SORA.title,
        "abstract": "…",
        "authors": [],
        "url": SORA.url,
        "kind": "method",
        "content_hash": content_hash(SORA),
    }

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


def test_graph_is_read_only(store: Store) -> None:
    with pytest.raises(nx.NetworkXError):
        store.graph().add_node("Entity:intruder")


def test_stats(store: Store) -> None:
    counts = store.stats()
    assert counts["nodes"]["Paper"] == 2 and counts["nodes"]["Family"] == 3  # PEFT, fine-tuning, low-rank adaptation
    assert counts["relationships"]["OUTPERFORMS"] == 2 and counts["relationships"]["OUTPERFORMS_GENERIC"] == 1
    assert "Dataset" not in counts["nodes"]  # no zero counts


def test_empty_store(make_store: MakeStore) -> None:
    empty = make_store()
    assert empty.stats() == {"nodes": {}, "relationships": {}}
    assert empty.graph().number_of_nodes() == 0 and len(empty.alias_index()) == 0
    assert find_entity(empty.graph(), "LoRA") is None and outperformers(empty.graph(), "LoRA") == []


def test_the_stored_graph_answers_the_oracle(store: Store) -> None:
    ingest(store, [HYDRA], [HYDRA_RECORD])
    g = store.graph()
    assert find_entity(g, "Low-Rank Adaptation") == "Entity:lora"
    assert find_entity(g, "LoRA Silver Bullet") == "Entity:lora sb"
    assert find_entity(g, "no such method") is None and find_entity(g, "--") is None
    assert methods_in_family(g, "PEFT") == ["Entity:hydra", "Entity:lora", "Entity:lora sb", "Entity:sora"]
    assert methods_in_family(g, "no such family") == []
    winners = outperformers(g, "LoRA", family="PEFT")
    assert [w for w, _ in winners] == ["Entity:hydra", "Entity:lora sb"]
    claim = winners[1][1][0]
    assert (
        claim["paper"] == "seed-050"
        and claim["type"] == "OUTPERFORMS"
        and claim["key"].startswith("OUTPERFORMS|seed-050|")
    )
    assert claim["evidence"] == "our approach exceeds the performance of standard LoRA"
    assert outperformers(g, "LoRA", family="dense retrieval") == []
    assert outperformers(g, "LoRA-XS") == [("Entity:lora sb", outperformers(g, "LoRA-XS")[0][1])]
    assert outperformers(g, "nothing") == []


def test_closed_store_refuses_work(store: Store) -> None:
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.stats()
    with pytest.raises(StoreError, match="closed"):
        store.alias_index()


def test_stored_content_hashes_let_an_ingest_skip_unchanged_papers(store: Store) -> None:
    hashes = store.paper_hashes([LORA_SB.id, SORA.id, "no-such-paper"])
    assert hashes == {LORA_SB.id: content_hash(LORA_SB), SORA.id: content_hash(SORA)}
    changed = LORA_SB.model_copy(update={"abstract": LORA_SB.abstract + " More."})
    assert content_hash(changed) != hashes[LORA_SB.id]
