"""Hand-written extraction records for graph tests, using sentences of the seed papers."""

from __future__ import annotations

from typing import Any

from kg.graph import KnowledgeGraph, build_graph
from kg.records import ExtractionRecord, Paper
from kg.resolve import Resolution, resolve


def ent(name: str, *aliases: str, type: str = "Method") -> dict[str, Any]:
    return {"name": name, "aliases": list(aliases), "type": type}


def paper(paper_id: str, title: str, abstract: str = "") -> Paper:
    return Paper(
        id=paper_id,
        title=title,
        abstract=abstract or title,
        url=f"https://example.org/{paper_id}",
        source="seed_papers.jsonl:1",
    )


PAPERS = [
    paper(
        "seed-050",
        "Initialization using Update Approximation is a Silver Bullet for Extremely Efficient Low-Rank Fine-Tuning",
        "We propose a method, LoRA Silver Bullet or LoRA-SB, that approximates full fine-tuning "
        "within low-rank subspaces.",
    ),
    paper("seed-060", "Sparse Low-rank Adaptation of Pre-trained Language Models"),
    paper("seed-007", "Scaling Sparse Fine-Tuning to Large Language Models"),
    paper("seed-087", "Introducing Neural Bag of Whole-Words with ColBERTer"),
]

RECORDS = [
    ExtractionRecord.model_validate(r)
    for r in [
        {
            "id": "seed-050",
            "title": PAPERS[0].title,
            "proposed": [
                {"name": "LoRA-SB", "aliases": ["LoRA Silver Bullet"], "families": ["parameter-efficient fine-tuning"]}
            ],
            "entities": [
                ent("LoRA-SB", "LoRA Silver Bullet"),
                ent("LoRA-XS"),
                ent("LoRA"),
                ent("full fine-tuning"),
                ent("mathematical reasoning", type="Task"),
                ent("learnable parameters", type="Metric"),
            ],
            "tasks": ["mathematical reasoning"],
            "metrics": ["learnable parameters"],
            "baselines": ["LoRA", "LoRA-XS"],
            "is_a": [["LoRA-XS", "low-rank adaptation methods"]],
            "extends": [["LoRA-SB", "LoRA-XS"]],
            "outperforms": [
                {
                    "winner": "LoRA-SB",
                    "loser": "LoRA",
                    "on": ["mathematical reasoning"],
                    "metric": "performance",
                    "evidence": "our approach exceeds the performance of standard LoRA "
                    "while using 27-90 times fewer learnable parameters",
                },
                {
                    "winner": "LoRA-SB",
                    "loser": "LoRA-XS",
                    "on": ["mathematical reasoning"],
                    "metric": "performance",
                    "evidence": "and comprehensively outperforms LoRA-XS",
                },
                {
                    "winner": "full fine-tuning",
                    "loser": "Low-rank adapters",
                    "loser_generic": True,
                    "metric": "performance",
                    "evidence": "Low-rank adapters have become standard for efficiently fine-tuning large language "
                    "models (LLMs), but they often fall short of achieving the performance of full fine-tuning",
                },
            ],
            "comparable": [
                {
                    "a": "LoRA-SB",
                    "b": "full fine-tuning",
                    "aspect": "performance",
                    "evidence": "it is possible to simulate full fine-tuning in low-rank subspaces",
                }
            ],
        },
        {
            "id": "seed-060",
            "title": PAPERS[1].title,
            "proposed": [{"name": "SoRA", "aliases": ["sparse low-rank adaptation"]}],
            "entities": [
                ent("SoRA", "sparse low-rank adaptation"),
                ent("LoRA", "low-rank adaptation"),
                ent("training time", type="Metric"),
            ],
            "metrics": ["training time"],
            "extends": [["SoRA", "LoRA"]],  # "we extend the methodology of LoRA to … SoRA"
            "outperforms": [
                {
                    "winner": "SoRA",
                    "loser": "other baselines",
                    "loser_generic": True,
                    "evidence": "SoRA can outperform other baselines "
                    "even with 70% retained parameters and 70% training time",
                }
            ],
        },
        {
            "id": "seed-007",
            "title": PAPERS[2].title,
            "proposed": [{"name": "SFT", "aliases": ["sparse fine-tuning"]}],
            "entities": [
                ent("SFT", "sparse fine-tuning"),
                ent("LoRA", "low-rank adaptation"),
                ent("instruction tuning", "instruction-tuning", type="Task"),
            ],
            "tasks": ["instruction tuning"],
            "baselines": ["LoRA"],
            "outperforms": [
                {
                    "winner": "SFT",
                    "loser": "LoRA",
                    "on": ["instruction tuning"],
                    "metric": "performance",
                    "evidence": "finding that SFT is often superior to popular parameter-efficient fine-tuning "
                    "methods like LoRA (low-rank adaptation) in terms of performance",
                }
            ],
        },
        {
            "id": "seed-087",
            "title": PAPERS[3].title,
            "proposed": [{"name": "ColBERTer"}],
            "entities": [
                ent("ColBERTer"),
                ent("ColBERT", "contextualized late interaction"),
                ent("MS MARCO", type="Dataset"),
                ent("TREC-DL", type="Benchmark"),
            ],
            "evaluated_on": ["MS MARCO", "TREC-DL"],
            "extends": [["ColBERTer", "ColBERT"]],
            "outperforms": [
                {
                    "winner": "ColBERTer",
                    "loser": "traditional retrieval baselines",
                    "loser_generic": True,
                    "evidence": "yielding statistically significant gains over traditional retrieval baselines",
                }
            ],
        },
    ]
]


def build(
    records: list[ExtractionRecord] | None = None, papers: list[Paper] | None = None
) -> tuple[KnowledgeGraph, Resolution]:
    records = RECORDS if records is None else records
    resolution = resolve(records)
    return build_graph(PAPERS if papers is None else papers, records, resolution), resolution


def edges(g: KnowledgeGraph, rel_type: str) -> list[tuple[str, str, dict[str, Any]]]:
    return sorted(
        ((u, v, d) for u, v, d in g.edges(data=True) if d["type"] == rel_type),
        key=lambda e: (e[0], e[1], str(e[2].get("paper"))),
    )
