"""A labelled SYNTHETIC corpus for load benchmarks and fault tests: papers and their extraction records.

Nothing here is real: names are generated ("SynNet-0042", "SynSet-007"), claims are random.
Each paper proposes one new method (sometimes extending a known one) that beats one to three
baselines from a shared pool on one or two datasets, for one task and metric, and belongs to
a family of the shipped taxonomy. Pool names are drawn with a skew, so a few entities are
mentioned by many papers, as in real corpora. The same seed always gives the same corpus.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator

from kg.records import ExtractionRecord, Paper

FAMILIES = ("parameter-efficient fine-tuning", "low-rank adaptation methods", "dense retrieval", "object detection")


def _pool(prefix: str, size: int) -> list[str]:
    return [f"{prefix}-{i:04d}" for i in range(size)]


def _skewed(rng: random.Random, pool: list[str], k: int) -> list[str]:
    """``k`` distinct names, the first ones far more often (a rough Zipf)."""
    picked: list[str] = []
    while len(picked) < min(k, len(pool)):
        name = pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)]
        if name not in picked:
            picked.append(name)
    return picked


def synthetic_corpus(papers: int, seed: int = 7) -> Iterator[tuple[Paper, ExtractionRecord]]:
    """``papers`` (Paper, ExtractionRecord) pairs, deterministic for a given ``seed``."""
    rng = random.Random(seed)
    methods = _pool("SynNet", max(50, papers // 20))
    datasets = _pool("SynSet", max(20, papers // 100))
    tasks = _pool("SynTask", 40)
    metrics = _pool("SynScore", 15)
    for i in range(papers):
        pid = f"syn-{i:07d}"
        new = f"SynProp-{i:07d}"
        baselines = _skewed(rng, methods, rng.randint(1, 3))
        on = _skewed(rng, datasets, rng.randint(1, 2))
        task, metric = rng.choice(tasks), rng.choice(metrics)
        title = f"{new}: a synthetic method for {task}"
        abstract = f"We propose {new}, which outperforms {', '.join(baselines)} on {', '.join(on)} in {metric}."
        record = {
            "id": pid,
            "title": title,
            "proposed": [{"name": new, "families": [rng.choice(FAMILIES)]}],
            "entities": [
                {"name": new},
                *({"name": b} for b in baselines),
                *({"name": d, "type": "Dataset"} for d in on),
                {"name": task, "type": "Task"},
                {"name": metric, "type": "Metric"},
            ],
            "evaluated_on": on,
            "tasks": [task],
            "metrics": [metric],
            "baselines": baselines,
            "extends": [[new, baselines[0]]] if rng.random() < 0.3 else [],
            "outperforms": [
                {"winner": new, "loser": b, "on": on, "metric": metric, "evidence": abstract} for b in baselines
            ]
            + (
                [{"winner": new, "loser": "prior methods", "loser_generic": True, "evidence": abstract}]
                if rng.random() < 0.2
                else []
            ),
        }
        yield Paper(id=pid, title=title, abstract=abstract, source="synthetic"), ExtractionRecord.model_validate(record)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic corpus: papers JSONL and records JSONL.")
    parser.add_argument("papers", type=int)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    for paper, record in synthetic_corpus(args.papers, args.seed):
        sys.stdout.write(json.dumps({"paper": paper.model_dump(), "record": record.model_dump()}) + "\n")


if __name__ == "__main__":
    main()
