"""The whole gold dev set through resolve → graph: the shape a user of the seed corpus sees."""

import json
from pathlib import Path

import pytest
from datapaths import GOLD_DEV, SEED_PAPERS
from graph_oracle import find_entity, methods_in_family, outperformers

from kg.graph import KnowledgeGraph, build_graph, stats
from kg.records import ExtractionRecord, Paper
from kg.resolve import resolve


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def gold_graph() -> KnowledgeGraph:
    records = [ExtractionRecord.model_validate(r) for r in _jsonl(GOLD_DEV)]
    ids = {r.id for r in records}
    papers = [Paper.model_validate(p) for p in _jsonl(SEED_PAPERS) if p["id"] in ids]
    assert len(papers) == len(records) == 64
    return build_graph(papers, records, resolve(records))


def test_gold_graph_has_every_kind_of_node_and_claims(gold_graph: KnowledgeGraph) -> None:
    counts = stats(gold_graph)
    assert counts["nodes"]["Paper"] == 64
    for label in ("Method", "Model", "Dataset", "Benchmark", "Task", "Metric", "Family"):
        assert counts["nodes"][label] > 0, label
    for rel in ("OUTPERFORMS", "OUTPERFORMS_GENERIC", "IS_A", "SUBFAMILY_OF", "EXTENDS", "MENTIONS", "PROPOSES"):
        assert counts["relationships"][rel] > 0, rel


def test_peft_methods_beating_lora(gold_graph: KnowledgeGraph) -> None:
    winners = dict(outperformers(gold_graph, "LoRA", family="PEFT"))
    assert "Entity:lora sb" in winners
    assert any(c["paper"] == "seed-050" for c in winners["Entity:lora sb"])
    assert "Entity:lora" in methods_in_family(gold_graph, "PEFT")


def test_gold_lora_is_one_node_and_not_its_variants(gold_graph: KnowledgeGraph) -> None:
    lora, xs, sb = (find_entity(gold_graph, n) for n in ("LoRA", "LoRA-XS", "LoRA-SB"))
    assert lora == "Entity:lora" and len({lora, xs, sb}) == 3
    assert find_entity(gold_graph, "low-rank adaptation") == lora
    papers = {u for u, _, d in gold_graph.in_edges(lora, data=True) if d["type"] == "MENTIONS"}
    assert len(papers) >= 10


def test_gold_keeps_the_two_meanings_of_sft_apart(gold_graph: KnowledgeGraph) -> None:
    sparse = find_entity(gold_graph, "sparse fine-tuning")
    supervised = find_entity(gold_graph, "supervised fine-tuning")
    assert sparse and supervised and sparse != supervised
    mentioned_by = {u for u, _, d in gold_graph.in_edges(sparse, data=True) if d["type"] == "MENTIONS"}
    assert "Paper:seed-007" in mentioned_by and "Paper:seed-032" not in mentioned_by
