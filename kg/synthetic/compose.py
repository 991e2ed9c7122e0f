"""Compose one synthetic paper: title, a 4–8 sentence abstract, and its gold record.

Paper ``index`` depends only on (seed, index), so generation streams in constant memory.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.records import ExtractionRecord, Paper
from kg.synthetic.gold import Gold
from kg.synthetic.header import header, paper_rng
from kg.synthetic.pools import Pools
from kg.synthetic.sentences import NAMED_CLAIMS, AbstractWriter, title_case
from kg.synthetic.vocab import ADJECTIVES, TITLE_NOUNS


@dataclass(frozen=True)
class SyntheticPaper:
    paper: Paper
    record: ExtractionRecord
    templates: tuple[str, ...]


def compose(pools: Pools, seed: int, index: int) -> SyntheticPaper:
    """Paper ``index`` of the corpus fixed by ``seed``: always the same text and gold."""
    rng = paper_rng(seed, index)
    head = header(pools, rng, index)
    area = head.pools
    losers = area.methods.distinct(rng, rng.choice((2, 3, 3, 4)), exclude=(head.name, head.base))
    if index > 0 and rng.random() < 0.3:  # cite an earlier paper's proposal, early papers most often
        cited = int(index * rng.random() ** 3)
        earlier = header(pools, paper_rng(seed, cited), cited)
        if earlier.pools is area and earlier.name not in (head.name, head.base, *losers):
            losers.insert(0, earlier.name)
    datasets = area.datasets.distinct(rng, rng.choice((1, 2, 2, 3)))
    benchmark = area.benchmarks.pick(rng) if area.benchmarks.items and rng.random() < 0.5 else None
    task = area.tasks.pick(rng)
    title = f"{head.name}: {rng.choice(ADJECTIVES)} {rng.choice(TITLE_NOUNS)} for {title_case(task)}"
    pid = f"syn-{index}"
    w = AbstractWriter(rng, head, Gold(pid, title), task, area.metrics.pick(rng), datasets, benchmark, losers)

    sentences = [w.context(), w.proposal()]
    if rng.random() < 0.5:
        sentences.append(w.mechanism())
    if rng.random() < 0.6:
        sentences.append(w.evaluated_on())
    kinds = list(NAMED_CLAIMS) + ["generic_loser"] + (["family_loser"] * 3 if w.members else [])
    for kind in rng.sample(kinds, rng.choice((1, 2, 2, 3))):
        if kind in NAMED_CLAIMS and not w.losers:
            continue
        self_ref = kind not in ("comparable", "family_loser") and rng.random() < 0.25
        sentences.append(w.claim(kind, self_ref))
    while len(sentences) < 4:
        sentences.append(w.closing() if "closing" not in w.used else w.mechanism())
    if len(sentences) < 8 and rng.random() < 0.3 and "closing" not in w.used:
        sentences.append(w.closing())
    paper = Paper(id=pid, title=title, abstract=" ".join(sentences), source=f"synthetic:seed={seed}")
    return SyntheticPaper(paper, w.gold.record(), tuple(dict.fromkeys(w.used)))
