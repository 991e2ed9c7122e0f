"""The extraction half of the per-paper budget: names per sentence, a cooperative deadline, and skips
that leave the other papers alone, in this process and in worker processes (issue #12, finding 6)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from kg.config import Budget
from kg.corpus import ReadReport, read_papers
from kg.errors import BudgetError
from kg.extract import collect_names, document, extract_paper
from kg.extract.budget import DeadlineExceeded, deadline, tick
from kg.extract.parallel import extract_parallel
from kg.extract.streaming import stream_extract
from kg.records import Paper

RIVALS = ", ".join(f"RivalNet-{i:04d}-Baseline" for i in range(1, 2001))
NAMES_2000 = f"We propose M0, a new method. M0 outperforms {RIVALS} on ImageNet."  # 48 KB, the attack input
ROOMY = Budget(chars=100_000)  # lets the 48 KB abstract past the size cap, to reach the names cap


def dense_abstract(sentences: int = 20, per_sentence: int = 95) -> str:
    """Within every size and names cap, yet quadratic work for the rules: ~60 s of extraction unbounded."""
    parts, k = ["We propose M0."], 1
    for _ in range(sentences):
        parts.append(f"M{k + per_sentence} outperforms " + ", ".join(f"M{k + i}" for i in range(per_sentence)) + ".")
        k += per_sentence + 1
    return " ".join(parts)


GOOD = [
    {
        "id": "g1",
        "title": "LoRA-Q: quantised adapters",
        "abstract": "We propose LoRA-Q. LoRA-Q outperforms LoRA on GLUE.",
    },
    {"id": "g2", "title": "Dense retrieval at scale", "abstract": "We study dense retrieval on MS MARCO and BEIR."},
    {"id": "g3", "title": "Sparse fine-tuning", "abstract": "Sparse fine-tuning (SFT) beats full fine-tuning."},
]


def test_an_over_size_paper_never_reaches_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_spacy() -> None:
        raise AssertionError("spaCy saw an over-budget text")

    monkeypatch.setattr(document, "english", no_spacy)
    paper = Paper(id="p", title="Parens", abstract="(" * 50_000, source="feed.jsonl:4")
    started = time.perf_counter()
    with pytest.raises(BudgetError, match=r"^feed\.jsonl:4: over the size budget: 50,007 characters"):
        extract_paper(paper)
    with pytest.raises(BudgetError, match="50,000 characters without whitespace"):
        extract_paper(paper, budget=ROOMY)
    assert time.perf_counter() - started < 1


def test_two_thousand_rivals_in_one_sentence_are_over_the_names_budget() -> None:
    paper = Paper(id="n", title="M0: Beating Everything", abstract=NAMES_2000, source="feed.jsonl:9")
    extract_paper(Paper(id="w", title="Warm", abstract="We warm up."))  # loading spaCy is not what is timed
    started = time.perf_counter()
    with pytest.raises(BudgetError) as caught:
        extract_paper(paper, budget=ROOMY)
    assert time.perf_counter() - started < ROOMY.seconds
    assert (caught.value.source, caught.value.line) == ("feed.jsonl", 9)
    assert caught.value.reason == "over the names budget: abstract sentence 2 has 2,002 candidate names (limit 100)"


def test_a_paper_within_every_cap_still_stops_at_its_deadline() -> None:
    paper = Paper(id="d", title="Dense", abstract=dense_abstract(), source="feed.jsonl:2")
    budget = Budget(seconds=1.0)
    extract_paper(Paper(id="w", title="Warm", abstract="We warm up."))
    started = time.perf_counter()
    with pytest.raises(BudgetError) as caught:
        extract_paper(paper, budget=budget)
    assert time.perf_counter() - started < budget.seconds + 2  # one loop step past the deadline at most
    assert str(caught.value) == "feed.jsonl:2: over the time budget: extraction took more than 1 s (limit 1 s)"


def test_the_budget_does_not_change_what_a_normal_paper_gives() -> None:
    paper = Paper(id="g1", **{k: v for k, v in GOOD[0].items() if k != "id"})
    assert extract_paper(paper, budget=Budget(seconds=60)) == extract_paper(paper, budget=Budget(seconds=1e6))


def test_tick_raises_only_past_a_deadline() -> None:
    tick()  # no deadline set: nothing happens
    with deadline(60):
        tick()
    with pytest.raises(DeadlineExceeded), deadline(0):
        time.sleep(0.01)
        tick()
    tick()  # the deadline ended with its block


def test_claims_of_one_sentence_share_one_evidence_string() -> None:
    rivals = ", ".join(f"Rival{i}Net" for i in range(60))
    paper = Paper(id="e", title="M0: a method", abstract=f"We propose M0. M0 outperforms {rivals} on ImageNet.")
    claims = extract_paper(paper).outperforms
    assert len(claims) >= 60
    assert len({id(c.evidence) for c in claims}) == 1


def _feed(tmp_path: Path) -> Path:
    """Good records around a 1.25 MB abstract (line 2) and a dense one within the size caps (line 4)."""
    huge = ("We study retrieval models and compare them on many benchmarks. " * 20_000)[:1_250_000]
    records = [
        GOOD[0],
        {"id": "huge", "title": "Huge", "abstract": huge},
        GOOD[1],
        {"id": "dense", "title": "Dense", "abstract": dense_abstract()},
        GOOD[2],
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize("workers", [1, 2])
def test_streaming_skips_papers_over_budget_and_keeps_the_rest(tmp_path: Path, workers: int) -> None:
    path = _feed(tmp_path)
    report = ReadReport()
    started = time.perf_counter()
    batches = list(stream_extract([path], batch_size=2, workers=workers, report=report, budget=Budget(seconds=1.0)))
    assert time.perf_counter() - started < 60
    assert [[p.id for p, _ in b] for b in batches] == [["g1", "g2"], ["g3"]]
    assert [r.id for b in batches for _, r in b] == ["g1", "g2", "g3"]
    assert report.over_budget == 2
    assert [(e.line, e.reason.split(":")[0]) for e in report.errors] == [
        (2, "over the size budget"),
        (4, "over the time budget"),
    ]
    assert all(e.source == str(path) for e in report.errors)


@pytest.mark.parametrize("workers", [1, 2])
def test_extract_parallel_leaves_out_and_reports_papers_over_budget(workers: int) -> None:
    papers = [
        Paper(id=r["id"], title=r["title"], abstract=r["abstract"], source=f"f.jsonl:{i}")
        for i, r in enumerate(GOOD, 1)
    ]
    papers.insert(1, Paper(id="n", title="M0", abstract=NAMES_2000, source="f.jsonl:9"))
    report = ReadReport()
    chunks = list(extract_parallel(papers, collect_names(papers), workers=workers, chunk_size=2, report=report))
    assert [r.id for c in chunks for r in c] == ["g1", "g2", "g3"]
    assert [str(e) for e in report.errors] == [
        "f.jsonl:9: over the size budget: 48,058 characters of title and abstract (limit 20,000)"
    ]


def test_read_papers_then_extract_reports_each_skip_once(tmp_path: Path) -> None:
    path = _feed(tmp_path)
    report = ReadReport()
    papers = list(read_papers([path], report))
    assert [p.id for p in papers] == ["g1", "g2", "dense", "g3"]  # the huge one never left the reader
    records = [
        r
        for c in extract_parallel(papers, collect_names(papers), workers=1, report=report, budget=Budget(seconds=1.0))
        for r in c
    ]
    assert [r.id for r in records] == ["g1", "g2", "g3"]
    assert (report.read, report.over_budget) == (4, 2)
