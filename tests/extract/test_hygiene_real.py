"""Node hygiene on real text: 150 arXiv abstracts no rule was written on give no node of a junk shape.

The abstracts (``benchmarks/data/hygiene_papers.jsonl``, a random slice of arXiv metadata outside
the training set) run through the default extraction; no entity may be a language pair, a tool
used as one, hardware, LaTeX residue, a cut word, a lone adjective or a name with a score on it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.corpus import read_papers
from kg.extract import extract_corpus
from kg.extract.hygiene import TOOL, junk_reason
from kg.records import ExtractionRecord

PAPERS = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "hygiene_papers.jsonl"
LATEX = re.compile(r"\\[a-zA-Z]|(?:emph|textbf|textit|mathrm)\{")


@pytest.fixture(scope="module")
def records() -> list[ExtractionRecord]:
    papers = list(read_papers([PAPERS]))
    assert len(papers) == 150
    return list(extract_corpus(papers))


def test_no_entity_has_a_junk_shape(records: list[ExtractionRecord]) -> None:
    bad = []
    for record in records:
        claimed = {c.winner for c in record.outperforms} | {c.loser for c in record.outperforms}
        for entity in record.entities:
            reason = junk_reason(entity.name)
            if reason == TOOL and entity.name in claimed:
                continue  # a tool compared against is a baseline system there
            if reason is not None or LATEX.search(entity.name):
                bad.append(f"{record.id}: {entity.name!r} ({reason or 'LaTeX'})")
    assert bad == []


def test_the_slice_still_gives_a_graph_worth_having(records: list[ExtractionRecord]) -> None:
    entities = sum(len(r.entities) for r in records)
    typed = {e.type for r in records for e in r.entities}
    assert entities > 5 * len(records) and typed == {"Method", "Model", "Dataset", "Benchmark", "Task", "Metric"}
