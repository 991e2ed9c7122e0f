"""Extraction speed on real abstracts, next to spaCy's own tokenizer and sentencizer on the same text.

    .venv/bin/python benchmarks/real_abstracts.py [--shared ../shared]

Corpora: the seed trending-papers page (``corpus/seed_papers.jsonl``, long abstracts) and SciERC
train + dev (``data/scierc``, tokens re-joined into text). For each: the corpus-name pass, then
``extract_paper`` on every abstract after warming up on the first ``--warm-up`` ones (the rate of
a long run, where word-level caches are full), in one process on one core. The baseline is a blank
spaCy English pipeline with a sentencizer over the same texts: the floor any spaCy-based extractor
pays. Synthetic abstracts (benchmarks/scale.py) are shorter than real ones; this is the real rate.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import spacy

from kg.extract.corpus_names import collect_names
from kg.extract.extractor import MODE_ENV, extract_paper
from kg.records import Paper

SHARED = Path(__file__).resolve().parents[2] / "shared"


def seed_papers(shared: Path) -> list[Paper]:
    lines = (shared / "corpus" / "seed_papers.jsonl").read_text(encoding="utf-8").splitlines()
    return [Paper(**json.loads(line)) for line in lines if line.strip()]


def scierc_papers(shared: Path) -> list[Paper]:
    papers = []
    for split in ("train", "dev"):
        for i, line in enumerate(
            (shared / "data" / "scierc" / f"{split}.json").read_text(encoding="utf-8").splitlines()
        ):
            text = " ".join(" ".join(sentence) for sentence in json.loads(line)["sentences"])
            text = re.sub(r" ([.,;:)])", r"\1", text.replace("-LRB- ", "(").replace(" -RRB-", ")")).replace("( ", "(")
            papers.append(Paper(id=f"scierc-{split}-{i}", title="", abstract=text))
    return papers


def _rate(papers: list[Paper], run: Callable[[Paper], object], warm_up: int) -> float:
    for paper in papers[:warm_up]:
        run(paper)
    timed = papers[warm_up:] or papers
    start = time.perf_counter()
    for paper in timed:
        run(paper)
    return len(timed) / (time.perf_counter() - start)


def measure(name: str, papers: list[Paper], warm_up: int) -> dict[str, float | str]:
    words = sum(len(f"{p.title} {p.abstract}".split()) for p in papers) / len(papers)
    start = time.perf_counter()
    corpus = collect_names(papers)
    names_rate = len(papers) / (time.perf_counter() - start)
    corpus.matchers()
    os.environ[MODE_ENV] = "fast"
    fast = _rate(papers, lambda p: extract_paper(p, corpus), warm_up)
    os.environ[MODE_ENV] = "full"
    ours = _rate(papers, lambda p: extract_paper(p, corpus), warm_up)
    baseline_nlp = spacy.blank("en")
    baseline_nlp.add_pipe("sentencizer")
    baseline = _rate(papers, lambda p: baseline_nlp(f"{p.title}\n{p.abstract}"), warm_up)
    return {
        "corpus": name,
        "papers": len(papers),
        "words": words,
        "names": names_rate,
        "ours": ours,
        "fast": fast,
        "baseline": baseline,
    }


def render(rows: Iterable[dict[str, float | str]]) -> str:
    lines = [
        "corpus | abstracts | words each | names pass /s | default /s | --fast /s | words/s (default) | "
        "spaCy blank+sentencizer /s | ratio (default)",
        "--- | --- | --- | --- | --- | --- | --- | --- | ---",
    ]
    for r in rows:
        ours, fast, base, words = float(r["ours"]), float(r["fast"]), float(r["baseline"]), float(r["words"])
        lines.append(
            f"{r['corpus']} | {r['papers']} | {words:.0f} | {float(r['names']):,.0f} | {ours:.0f} | {fast:.0f} | "
            f"{ours * words:,.0f} | {base:.0f} | {base / ours:.1f}x"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared/ folder (corpus/, data/scierc/)")
    parser.add_argument("--warm-up", type=int, default=50, help="abstracts run before timing")
    args = parser.parse_args()
    rows = [
        measure("seed trending page", seed_papers(args.shared), args.warm_up),
        measure("SciERC train+dev", scierc_papers(args.shared), args.warm_up),
    ]
    print("one process, one core; extraction rate after the warm-up abstracts")
    print(render(rows))


if __name__ == "__main__":
    main()
