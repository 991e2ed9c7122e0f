"""Hand-written papers and records shared by the store tests (sentences of the seed papers)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from kg.graph import KnowledgeGraph
from kg.records import ExtractionRecord, Paper
from kg.store import Store

LORA_SB = Paper(
    id="seed-050",
    title="Initialization using Update Approximation is a Silver Bullet for Extremely Efficient Low-Rank Fine-Tuning",
    abstract="We propose a method, LoRA Silver Bullet or LoRA-SB, that approximates full fine-tuning "
    "within low-rank subspaces.",
)
SORA = Paper(
    id="seed-060",
    title="Sparse Low-rank Adaptation of Pre-trained Language Models",
    abstract="…",
    url="https://arxiv.org/abs/2311.11696",
)
HYDRA = Paper(
    id="seed-033", title="Hydra: Multi-head Low-rank Adaptation for Parameter Efficient Fine-tuning", abstract="…"
)


def ent(name: str, *aliases: str, type: str = "Method") -> dict[str, Any]:
    return {"name": name, "aliases": list(aliases), "type": type}


def record(data: dict[str, Any]) -> ExtractionRecord:
    return ExtractionRecord.model_validate(data)


SB_RECORD = record(
    {
        "id": "seed-050",
        "proposed": [
            {"name": "LoRA-SB", "aliases": ["LoRA Silver Bullet"], "families": ["parameter-efficient fine-tuning"]}
        ],
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
        "proposed": [
            {"name": "LoRA-SB", "aliases": ["LoRA Silver Bullet"], "families": ["parameter-efficient fine-tuning"]}
        ],
        "entities": [
            ent("LoRA-SB", "LoRA Silver Bullet"),
            ent("LoRA", "standard LoRA"),
            ent("full fine-tuning", type="Task"),
        ],
        "baselines": ["LoRA"],
        "outperforms": [
            {"winner": "LoRA-SB", "loser": "LoRA", "evidence": "our approach exceeds the performance of standard LoRA"}
        ],
    }
)
SORA_RECORD = record(
    {
        "id": "seed-060",
        "proposed": [{"name": "SoRA", "aliases": ["sparse low-rank adaptation"]}],
        "entities": [ent("SoRA", "sparse low-rank adaptation"), ent("LoRA", "low-rank adaptation")],
        "extends": [["SoRA", "LoRA"]],
        "outperforms": [
            {
                "winner": "SoRA",
                "loser": "other baselines",
                "loser_generic": True,
                "evidence": "SoRA can outperform other baselines even with 70% retained parameters",
            }
        ],
    }
)
# seed-033 only ever says "low-rank adaptation", never "LoRA"
HYDRA_RECORD = record(
    {
        "id": "seed-033",
        "proposed": [{"name": "Hydra", "families": ["PEFT"]}],
        "entities": [ent("Hydra"), ent("low-rank adaptation")],
        "outperforms": [
            {
                "winner": "Hydra",
                "loser": "low-rank adaptation",
                "evidence": "more expressive than existing single branch methods",
            }
        ],
    }
)


def edges_of(g: KnowledgeGraph, paper_id: str) -> set[tuple[str, str, str]]:
    return {(u, v, k) for u, v, k, d in g.edges(keys=True, data=True) if d.get("paper") == paper_id}


MakeStore = Callable[[], Store]
"""Factory of empty stores of one kind (the ``make_store`` fixture)."""


def synthetic() -> ModuleType:
    """benchmarks/synthetic.py (the labelled synthetic corpus generator), loaded by path."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "synthetic.py"
    spec = importlib.util.spec_from_file_location("kg_bench_synthetic", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
