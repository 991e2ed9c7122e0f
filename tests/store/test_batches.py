"""split_piece: batches that together are the piece, each owning its papers' edges and their taxonomy."""

from __future__ import annotations

import pytest
from _storekit import HYDRA, HYDRA_RECORD, LORA_SB, SB_RECORD, SORA, SORA_RECORD

from kg.graph import KnowledgeGraph, build_graph
from kg.resolve import resolve
from kg.store.batches import split_piece


@pytest.fixture
def piece() -> KnowledgeGraph:
    records = [SB_RECORD, SORA_RECORD, HYDRA_RECORD]
    return build_graph([LORA_SB, SORA, HYDRA], records, resolve(records))


@pytest.mark.parametrize("size", [1, 2, 3, 10])
def test_batches_cover_the_piece(piece: KnowledgeGraph, size: int) -> None:
    batches = list(split_piece(piece, size))
    assert [len(b.papers) for b in batches] == [min(size, 3 - i) for i in range(0, 3, size)]
    assert sorted(p for b in batches for p in b.papers) == ["seed-033", "seed-050", "seed-060"]
    assert set().union(*(b.nodes for b in batches)) == set(piece.nodes)
    assert {(u, v, k) for b in batches for u, v, k, _ in b.edges} == set(piece.edges(keys=True))
    for batch in batches:
        for u, v, _, d in batch.edges:
            assert u in batch.nodes and v in batch.nodes
            assert d.get("paper") in (*batch.papers, None)


def test_each_batch_carries_the_taxonomy_above_its_nodes(piece: KnowledgeGraph) -> None:
    sora = next(b for b in split_piece(piece, 1) if b.papers == ["seed-060"])
    assert "Family:parameter efficient fine tuning" in sora.nodes  # LoRA IS_A (taxonomy) … SUBFAMILY_OF
    assert any(d["type"] == "SUBFAMILY_OF" for *_, d in sora.edges)
    assert all(d["type"] in ("IS_A", "SUBFAMILY_OF") for *_, d in sora.edges if "paper" not in d)


def test_edges_of_papers_outside_the_piece_and_lonely_nodes_go_last(piece: KnowledgeGraph) -> None:
    piece.add_node("Entity:orphan", label="Method", key="orphan", name="orphan", aliases=[])
    piece.add_edge(
        "Entity:orphan", "Entity:lora", key="EXTENDS|elsewhere|x", type="EXTENDS", paper="elsewhere", evidence=""
    )
    *_, last = split_piece(piece, 10)
    assert last.papers == [] and "Entity:orphan" in last.nodes and "Entity:lora" in last.nodes
    assert [k for _, _, k, _ in last.edges if k.startswith("EXTENDS")] == ["EXTENDS|elsewhere|x"]


def test_batch_size_must_be_positive(piece: KnowledgeGraph) -> None:
    with pytest.raises(ValueError):
        list(split_piece(piece, 0))
