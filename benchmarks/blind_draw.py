"""Draw blind evaluation sets from the blind pool: stratified by theme, seeded, never overlapping earlier draws.

    .venv/bin/python benchmarks/blind_draw.py --name blind_a --per-theme 5 --seed 20261207

Writes ``benchmarks/data/<name>_papers.jsonl`` (the drawn abstracts as the pool has them, sorted by
id). Papers already in another ``*_papers.jsonl`` draw there are left out, so each round's set
is fresh. A drawn set is annotated blind (only the guideline and the abstracts) into
``<name>_gold.jsonl`` and scored with ``kg eval``; never tune extraction on a drawn set.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POOL = ROOT.parent / "shared" / "corpus" / "blind_pool.jsonl"
DATA = ROOT / "benchmarks" / "data"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--name", required=True)
    parser.add_argument("--per-theme", type=int, default=5)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--pool", type=Path, default=POOL)
    args = parser.parse_args(argv)
    drawn = {json.loads(line)["id"] for path in DATA.glob("*_papers.jsonl") for line in path.open(encoding="utf-8")}
    by_theme: dict[str, list[dict[str, object]]] = defaultdict(list)
    for line in args.pool.open(encoding="utf-8"):
        paper = json.loads(line)
        if paper["id"] not in drawn:
            by_theme[str(paper["theme"])].append(paper)
    rng = random.Random(args.seed)
    chosen = [
        p for theme in sorted(by_theme) for p in rng.sample(by_theme[theme], min(args.per_theme, len(by_theme[theme])))
    ]
    out = DATA / f"{args.name}_papers.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for paper in sorted(chosen, key=lambda p: str(p["id"])):
            handle.write(json.dumps(paper, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} papers -> {out}")


if __name__ == "__main__":
    main()
