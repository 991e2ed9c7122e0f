"""Write a synthetic corpus to disk: papers JSONL (what ``kg extract``/``kg ingest`` read) and gold JSONL."""

from __future__ import annotations

import json
from pathlib import Path

from kg.synthetic.generate import generate

PAPERS_FILE = "papers.jsonl"
GOLD_FILE = "gold.jsonl"


def write_corpus(path: str | Path, n: int, seed: int = 0, start: int = 0) -> tuple[Path, Path]:
    """Stream ``n`` papers into ``path``/papers.jsonl and their gold into ``path``/gold.jsonl; returns both paths.

    ``start``: the index of the first paper ("syn-<start>"), e.g. to write the next day's feed of a corpus.

    Each paper line carries ``"synthetic": true`` so the file is never mistaken for real data.
    """
    out = Path(path)
    out.mkdir(parents=True, exist_ok=True)
    papers_path, gold_path = out / PAPERS_FILE, out / GOLD_FILE
    with papers_path.open("w", encoding="utf-8") as papers, gold_path.open("w", encoding="utf-8") as gold:
        for paper, record in generate(n, seed, start):
            line = {"id": paper.id, "title": paper.title, "abstract": paper.abstract, "synthetic": True}
            papers.write(json.dumps(line, ensure_ascii=False) + "\n")
            gold.write(record.model_dump_json() + "\n")
    return papers_path, gold_path
