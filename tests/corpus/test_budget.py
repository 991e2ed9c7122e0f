"""The size half of the per-paper budget: over-size papers are skipped when read, with file, line and reason.

Attack inputs of issue #12: a 1.25 MB abstract among good records, 50,000 "(" in one abstract, a
2,000-name comparison abstract (48 KB). Each is skipped by a linear scan before spaCy ever sees it.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from kg.config import MAX_NAMES_PER_SENTENCE, MAX_PAPER_CHARS, MAX_RUN_CHARS, MAX_SENTENCES, PAPER_SECONDS, Budget
from kg.corpus import ReadReport, read_papers
from kg.corpus.budget import check_size, longest_run, sentence_count, size_problem
from kg.errors import BudgetError, RecordError
from kg.records import Paper

GOOD = [
    {
        "id": "g1",
        "title": "LoRA-Q: quantised adapters",
        "abstract": "We propose LoRA-Q. LoRA-Q outperforms LoRA on GLUE.",
    },
    {"id": "g2", "title": "Dense retrieval at scale", "abstract": "We study dense retrieval on MS MARCO and BEIR."},
    {"id": "g3", "title": "Sparse fine-tuning", "abstract": "Sparse fine-tuning (SFT) beats full fine-tuning."},
]
HUGE = ("We study retrieval models and compare them on many benchmarks. " * 20_000)[:1_250_000]
PARENS = "(" * 50_000
RIVALS = ", ".join(f"RivalNet-{i:04d}-Baseline" for i in range(1, 2001))
NAMES_2000 = f"We propose M0, a new method. M0 outperforms {RIVALS} on ImageNet."


def _jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_the_limits_are_named_constants_and_the_default_budget() -> None:
    budget = Budget()
    assert (budget.chars, budget.sentences, budget.run_chars) == (MAX_PAPER_CHARS, MAX_SENTENCES, MAX_RUN_CHARS)
    assert (budget.names_per_sentence, budget.seconds) == (MAX_NAMES_PER_SENTENCE, PAPER_SECONDS)


def test_a_limit_can_be_changed_through_the_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KG_BUDGET_CHARS", "500")
    monkeypatch.setenv("KG_BUDGET_SECONDS", "0.5")
    assert (Budget().chars, Budget().seconds) == (500, 0.5)


def test_a_huge_abstract_among_good_records_is_skipped_with_file_line_and_reason(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "feed.jsonl", [GOOD[0], {"id": "huge", "title": "Huge", "abstract": HUGE}, *GOOD[1:]])
    report = ReadReport()
    started = time.perf_counter()
    papers = list(read_papers([path], report))
    assert time.perf_counter() - started < 5
    assert [p.id for p in papers] == ["g1", "g2", "g3"]
    assert (report.read, report.skipped, report.over_budget) == (3, 0, 1)
    (error,) = report.errors
    assert isinstance(error, BudgetError) and isinstance(error, RecordError)
    assert (error.source, error.line) == (str(path), 2)
    assert str(error) == f"{path}:2: over the size budget: 1,250,005 characters of title and abstract (limit 20,000)"
    assert report.summary() == "read 3 papers, skipped 1 over budget (see errors)"


def test_fifty_thousand_parentheses_never_reach_the_tokenizer(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "p.jsonl", [{"id": "p", "title": "Parens", "abstract": PARENS}])
    report = ReadReport()
    assert list(read_papers([path], report)) == []
    assert "50,007 characters of title and abstract" in str(report.errors[0])
    # with room for the characters, the whitespace-free run is what skips it
    roomy = Budget(chars=100_000)
    report = ReadReport()
    assert list(read_papers([path], report, roomy)) == []
    assert str(report.errors[0]) == f"{path}:1: over the size budget: 50,000 characters without whitespace (limit 300)"


def test_the_two_thousand_name_abstract_is_over_the_size_budget() -> None:
    paper = Paper(id="n", title="M0: Beating Everything", abstract=NAMES_2000, source="feed.jsonl:7")
    error = check_size(paper)
    assert error is not None and (error.source, error.line) == ("feed.jsonl", 7)
    assert "48,078 characters" in error.reason


def test_too_many_sentences() -> None:
    abstract = "We test it. " * 300
    assert size_problem("Title", abstract) == "over the size budget: 301 sentences (limit 200)"
    assert size_problem("Title", abstract, Budget(sentences=400)) is None


def test_the_size_scans() -> None:
    assert longest_run("ab  cdef\ng") == 4
    assert longest_run("") == 0
    # abbreviations, decimals and domains end no sentence; the title line counts as one
    assert sentence_count("Title\nWe do this, e.g. that. It is 3.5 times faster!Next, see arxiv.org") == 4
    assert sentence_count("Title\n" + "。" * 3 + " x") == 2


def test_a_malformed_and_an_over_budget_record_are_counted_apart(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps(GOOD[0]) + "\nnot json\n" + json.dumps({"id": "x", "title": "P", "abstract": PARENS}) + "\n"
    )
    report = ReadReport()
    assert [p.id for p in read_papers([path], report)] == ["g1"]
    assert (report.skipped, report.over_budget) == (1, 1)
    assert report.summary() == "read 1 paper, skipped 1 malformed and 1 over budget (see errors)"


def test_over_budget_errors_survive_pickling() -> None:
    import pickle

    error = BudgetError("feed.jsonl", 3, "over the time budget")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is BudgetError and (copy.source, copy.line, copy.reason, str(copy)) == (
        "feed.jsonl",
        3,
        "over the time budget",
        "feed.jsonl:3: over the time budget",
    )
