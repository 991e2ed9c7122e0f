"""Property tests: whatever bytes a source holds, every reader reports or skips, never crashes.

Each example writes a file, reads it through ``read_papers`` and checks the invariants: every
record is either a valid Paper or a RecordError naming the file and a line, the counts add up,
and no exception other than a whole-source SourceError escapes.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.config import Budget
from kg.corpus import ReadReport, read_papers
from kg.errors import SourceError
from kg.records import Paper

SUFFIXES = [".jsonl", ".txt", ".xml"]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_all(data: bytes, suffix: str) -> tuple[list[Paper], ReadReport, Path]:
    folder = Path(tempfile.mkdtemp(prefix="kg-fuzz-"))
    path = folder / f"src{suffix}"
    path.write_bytes(data)
    report = ReadReport()
    papers = list(read_papers([path], report))
    return papers, report, path


def check_invariants(papers: list[Paper], report: ReadReport, path: Path) -> None:
    ids = [p.id for p in papers]
    assert len(ids) == len(set(ids)), "a duplicate paper got through"
    for paper in papers:
        assert paper.title.strip() and paper.abstract.strip()
        assert all(c == "\n" or c == "\t" or ord(c) >= 32 for c in paper.title + paper.abstract)
    for error in report.errors:
        assert str(path) in str(error)
    assert report.read == len(papers)


@FUZZ
@given(data=st.binary(max_size=2048), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_crash_a_reader(data: bytes, suffix: str) -> None:
    try:
        papers, report, path = read_all(data, suffix)
    except SourceError:
        return  # a whole source that cannot be read is reported as one line; fine
    check_invariants(papers, report, path)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=30,
)
record = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.text(max_size=20), st.integers(), st.none()),
        "title": st.one_of(st.text(max_size=80), json_values),
        "abstract": st.one_of(st.text(max_size=300), json_values),
        "authors": st.one_of(st.lists(st.text(max_size=10), max_size=3), st.text(max_size=30), json_values),
        "published": st.one_of(st.text(max_size=12), st.integers()),
        "url": st.one_of(st.text(max_size=40), st.none()),
    },
)


@FUZZ
@given(records=st.lists(record, max_size=12))
def test_jsonl_records_of_any_shape_are_read_or_reported(records: list[dict]) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    papers, report, path = read_all(("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"), ".jsonl")
    check_invariants(papers, report, path)
    assert report.read + report.skipped + report.duplicates == len(records)


@FUZZ
@given(depth=st.integers(min_value=50, max_value=5000))
def test_deeply_nested_json_is_a_record_error(depth: int) -> None:
    nested = "[" * depth + "]" * depth
    line = '{"title": "Deep", "abstract": ' + nested + "}\n"
    ok = json.dumps({"id": "ok", "title": "Fine", "abstract": "A fine abstract."}) + "\n"
    papers, report, _ = read_all((line + ok).encode(), ".jsonl")
    assert [p.id for p in papers] == ["ok"]
    assert report.skipped == 1 and ":1" in str(report.errors[0])


def test_a_ten_megabyte_abstract_is_read_whole() -> None:
    abstract = "We propose HugeNet. " * 500_000  # 10 MB
    line = json.dumps({"id": "big", "title": "HugeNet: big", "abstract": abstract}) + "\n"
    papers, report, path = read_all(line.encode(), ".jsonl")
    assert papers == [] and report.over_budget == 1  # over the default size budget: skipped, not cut
    assert str(report.errors[0]).startswith(f"{path}:1: over the size budget: 10,000,012 characters")
    roomy = Budget(chars=20_000_000, sentences=1_000_000)
    papers = list(read_papers([path], ReadReport(), roomy))
    assert [p.id for p in papers] == ["big"] and len(papers[0].abstract) > 9_000_000


def test_invalid_utf8_and_control_characters_are_per_record() -> None:
    good = json.dumps({"id": "a", "title": "Good\x07 title", "abstract": "Text\x00 with controls."}).encode()
    bad = b'{"id": "b", "title": "\xff\xfe broken", "abstract": "x"}'
    papers, report, path = read_all(good + b"\n" + bad + b"\n", ".jsonl")
    assert [p.id for p in papers] == ["a"]
    assert papers[0].title == "Good title" and "\x00" not in papers[0].abstract
    assert report.skipped == 1 and f"{path}:2" in str(report.errors[0])
