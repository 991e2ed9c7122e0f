"""The model ↔ Neo4j row mapping, without a server: round trips, derived properties, refusals."""

from __future__ import annotations

import pytest

from kg.errors import StoreError
from kg.store.neo4j.rows import (
    edge_from_neo4j,
    edge_row,
    entity_derived,
    family_derived,
    indexed_entity,
    node_from_neo4j,
    node_row,
)
from kg.taxonomy import load_taxonomy

LORA = {"label": "Method", "key": "lora", "name": "LoRA", "aliases": ["Low-Rank Adaptation"]}


def test_entity_row_and_back() -> None:
    kind, row = node_row("Entity:lora", LORA)
    assert kind == "entity" and row["key"] == "lora" and row["label"] == "Method"
    props = row["props"]
    assert props["aliases_text"] == "Low-Rank Adaptation" and props["match_aliases"] == ["lowrankadaptation"]
    assert props["match_name"] == "lora" and "label" not in props
    assert node_from_neo4j(["Entity", "Method"], props) == ("Entity:lora", LORA)


def test_paper_with_none_and_tuple_values_round_trips() -> None:
    attrs = {"label": "Paper", "id": "p'1", "title": "T", "authors": ("A", "B"), "url": None}
    kind, row = node_row("Paper:p'1", attrs)
    assert kind == "paper" and row["props"]["null_props"] == ["url"] and "url" not in row["props"]
    assert node_from_neo4j(["Paper"], row["props"]) == ("Paper:p'1", {**attrs, "authors": ["A", "B"]})


def test_edge_row_and_back() -> None:
    attrs = {"type": "OUTPERFORMS", "paper": "p1", "on": ["GLUE"], "metric": "", "confidence": 1.0}
    rel_type, row = edge_row("Entity:a", "Entity:b", "OUTPERFORMS|p1|abc", attrs)
    assert rel_type == "OUTPERFORMS" and (row["from"], row["to"], row["key"]) == ("a", "b", "OUTPERFORMS|p1|abc")
    assert edge_from_neo4j(rel_type, row["props"]) == ("OUTPERFORMS|p1|abc", attrs)


@pytest.mark.parametrize(
    ("node", "attrs", "message"),
    [
        ("Entity:lora", {**LORA, "label": "Person"}, "label 'Person'"),
        ("Family:lora", LORA, "does not match"),
        ("Entity:other", LORA, "does not match"),
        ("Entity:lora", {**LORA, "aliases_text": "x"}, "reserved"),
        ("lora", LORA, "not Paper"),
    ],
)
def test_bad_nodes_are_refused(node: str, attrs: dict[str, object], message: str) -> None:
    with pytest.raises(StoreError, match=message):
        node_row(node, attrs)


@pytest.mark.parametrize(
    ("u", "v", "attrs", "message"),
    [
        ("Entity:a", "Entity:b", {"type": "LIKES"}, "does not know"),
        ("Paper:a", "Entity:b", {"type": "OUTPERFORMS"}, "joins a paper to a entity"),
        ("Entity:a", "Entity:b", {"type": "EXTENDS", "key": "x"}, "clashes"),
    ],
)
def test_bad_edges_are_refused(u: str, v: str, attrs: dict[str, object], message: str) -> None:
    with pytest.raises(StoreError, match=message):
        edge_row(u, v, "k", attrs)


def test_derived_entity_follows_declared_votes_and_spellings() -> None:
    groups = [
        {"surface": "LoRA", "vote": "Model", "declared": False, "n": 5},
        {"surface": "LoRA", "vote": "Method", "declared": True, "n": 1},
        {"surface": "low-rank adaptation", "vote": "Task", "declared": True, "n": 1},
    ]
    row = entity_derived("lora", groups, ["LoRA adapters"])
    assert row is not None and row["label"] == "Method"  # declared votes only; tie → priority
    assert (row["name"], row["match_name"]) == ("LoRA", "lora")  # the most used surface
    assert row["aliases"] == ["LoRA adapters", "low-rank adaptation"]
    assert entity_derived("lora", [], []) is None
    only_inferred = [{"surface": "X", "vote": "Dataset", "declared": False, "n": 2}]
    assert entity_derived("x", only_inferred, [])["label"] == "Dataset"  # type: ignore[index]
    # a surface another entity's mentions use too is the name only when nothing else is left
    assert entity_derived("lora", groups, [], shared={"lora"})["name"] == "low-rank adaptation"  # type: ignore[index]
    entry = indexed_entity("lora", "LoRA", ["low-rank adaptation"], groups)
    assert entry.names == {"LoRA": 6, "low-rank adaptation": 1} and entry.votes == {"Method": 1, "Task": 1}


def test_derived_family_joins_taxonomy_aliases_and_phrases() -> None:
    row = family_derived("k", "parameter-efficient fine-tuning", ["PEFT approaches"], load_taxonomy())
    assert "PEFT" in row["aliases"] and "PEFT approaches" in row["aliases"]
    assert row["aliases"] == sorted(row["aliases"]) and "parameter-efficient fine-tuning" not in row["aliases"]
    assert family_derived("k", "made up", [], load_taxonomy())["aliases"] == []
