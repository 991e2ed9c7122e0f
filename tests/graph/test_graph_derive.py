"""Derived node properties and pruning: what a store relies on after replacing a paper."""

from _graphkit import build, ent

from kg.graph import KnowledgeGraph, alias_index, prune, refresh
from kg.records import ExtractionRecord
from kg.resolve import Resolver
from kg.taxonomy import load_taxonomy


def _drop_paper_edges(g: KnowledgeGraph, paper_id: str) -> set[str]:
    doomed = [(u, v, k) for u, v, k, d in g.edges(keys=True, data=True) if d.get("paper") == paper_id]
    g.remove_edges_from(doomed)
    return {n for u, v, _ in doomed for n in (u, v)}


def test_label_follows_the_vote_of_remaining_mentions() -> None:
    records = [
        ExtractionRecord.model_validate({"id": "a", "entities": [ent("MS MARCO", type="Dataset")]}),
        ExtractionRecord.model_validate(
            {"id": "b", "entities": [ent("MS MARCO", "MS MARCO passage ranking", type="Task")]}
        ),
        ExtractionRecord.model_validate({"id": "c", "entities": [ent("MS MARCO", type="Task")]}),
    ]
    g, _ = build(records, papers=[])
    assert g.nodes["Entity:ms marco"]["label"] == "Task"
    assert g.nodes["Entity:ms marco"]["aliases"] == ["MS MARCO passage ranking"]
    touched = _drop_paper_edges(g, "b")
    refresh(g, touched, load_taxonomy())
    assert g.nodes["Entity:ms marco"]["label"] == "Dataset"  # 1:1, and Dataset comes first in the priority
    assert g.nodes["Entity:ms marco"]["aliases"] == []


def test_prune_removes_unsupported_entities_and_empty_families() -> None:
    g, _ = build()
    _drop_paper_edges(g, "seed-087")
    removed = prune(g)
    assert {"Entity:colberter", "Entity:colbert", "Entity:ms marco"} <= removed
    gone = {"Family:multi vector retrieval", "Family:dense retrieval", "Family:information retrieval method"}
    assert gone <= removed and not gone & set(g.nodes)
    assert "Entity:lora" in g and "Family:fine tuning" in g
    assert "Paper:seed-087" in g  # papers go only when deleted


def test_alias_index_from_the_graph_links_new_papers() -> None:
    g, _ = build()
    index = alias_index(g)
    lora = index.entities["lora"]
    assert lora.names == {"LoRA": 3} and lora.votes == {"Method": 3}
    assert index.lookup("low rank adaptation") == ["lora"]
    later = ExtractionRecord.model_validate(
        {"id": "seed-026", "entities": [ent("low-rank adaptation"), ent("LoRA-SB")]}
    )
    res = Resolver(index).resolve([later])
    assert res.key_for("seed-026", "low-rank adaptation") == "lora"
    assert res.key_for("seed-026", "LoRA-SB") == "lora sb"
