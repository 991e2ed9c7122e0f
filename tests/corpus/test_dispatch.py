import json
import logging
from pathlib import Path

import pytest
from datapaths import SEED_PAPERS

from kg.corpus import ReadReport, detect_format, expand_paths, read_papers
from kg.errors import SourceError

BUNDLED = Path(__file__).resolve().parents[2] / "kg" / "data" / "sample" / "hf_trending_papers.txt"
ABSTRACT = "We propose a method that does a thing and show that it works. " * 5


def _jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_detect_format_by_extension_and_fields(tmp_path):
    assert detect_format(SEED_PAPERS) == "jsonl"
    assert detect_format(BUNDLED) == "trending"
    snap = _jsonl(tmp_path / "s.jsonl", {"id": "2106.09685", "title": "T", "abstract": "A", "categories": "cs.CL"})
    assert detect_format(snap) == "arxiv-snapshot"
    (tmp_path / "f.atom").write_text("<feed/>", encoding="utf-8")
    assert detect_format(tmp_path / "f.atom") == "arxiv-atom"


def test_unknown_extension_and_missing_file_raise_source_error(tmp_path):
    (tmp_path / "papers.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"papers\.csv: unknown file type '\.csv'"):
        list(read_papers([tmp_path / "papers.csv"]))
    with pytest.raises(SourceError, match=r"nope\.jsonl: no such file or directory"):
        list(read_papers([tmp_path / "nope.jsonl"]))
    with pytest.raises(SourceError, match="no such file"):
        detect_format(tmp_path / "missing.txt")


def test_missing_path_fails_before_any_paper_is_read(tmp_path):
    good = _jsonl(tmp_path / "a.jsonl", {"title": "T", "abstract": "A"})
    stream = read_papers([good, tmp_path / "missing.jsonl"])
    with pytest.raises(SourceError):
        next(stream)


def test_single_path_string_is_one_source():
    papers = list(read_papers(str(SEED_PAPERS)))
    assert len(papers) == 96


def test_shared_corpus_files_and_report():
    report = ReadReport()
    papers = list(read_papers([SEED_PAPERS, BUNDLED], report))
    assert len(papers) == 192  # seed ids differ from the trending title-hash ids
    assert (report.read, report.skipped, report.duplicates) == (192, 0, 0)
    assert report.summary() == "read 192 papers"


def test_directory_reads_supported_files_sorted(tmp_path):
    _jsonl(tmp_path / "b.jsonl", {"id": "b1", "title": "B", "abstract": "x"})
    _jsonl(tmp_path / "a.jsonl", {"id": "a1", "title": "A", "abstract": "x"})
    (tmp_path / "c.txt").write_text("C title\n\n" + ABSTRACT + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    _jsonl(tmp_path / "sub" / "d.jsonl", {"id": "d1", "title": "D", "abstract": "x"})
    assert [p.name for p in expand_paths([tmp_path])] == ["a.jsonl", "b.jsonl", "c.txt"]
    assert [p.title for p in read_papers([tmp_path])] == ["A", "B", "C title"]


def test_duplicates_are_skipped_counted_and_noted(tmp_path):
    first = _jsonl(
        tmp_path / "a.jsonl",
        {"id": "arXiv:2106.09685v1", "title": "LoRA", "abstract": "x"},
        {"title": "Same Title", "abstract": "x"},
        {"url": "https://arxiv.org/abs/2106.09685v2", "title": "LoRA again", "abstract": "y"},
        {"title": "same   title", "abstract": "z"},
    )
    second = _jsonl(tmp_path / "b.jsonl", {"id": "2106.09685", "title": "LoRA", "abstract": "x"})
    report = ReadReport()
    papers = list(read_papers([first, second], report))
    assert [p.title for p in papers] == ["LoRA", "Same Title"]
    assert (report.read, report.skipped, report.duplicates) == (2, 0, 3)
    assert [(e.source, e.line, e.reason.split(" (id")[0]) for e in report.errors] == [
        (str(first), 3, "duplicate of line 1"),
        (str(first), 4, "duplicate of line 2"),
        (str(second), 1, f"duplicate of {first}:1"),
    ]
    assert report.summary() == "read 2 papers, 3 duplicates"


def test_bad_records_are_reported_and_rest_loads(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"title": "Good", "abstract": "x"}\n\xff\xfe\n{"title": "", "abstract": "x"}\n{"title": "Cut')
    report = ReadReport()
    papers = list(read_papers([path], report))
    assert [p.title for p in papers] == ["Good"]
    assert report.skipped == 3 and report.duplicates == 0
    assert [e.line for e in report.errors] == [2, 3, 4]
    assert report.summary() == "read 1 paper, skipped 3 (see errors)"


def test_without_report_errors_are_logged(tmp_path, caplog):
    path = tmp_path / "x.jsonl"
    path.write_text('{"title": "Good", "abstract": "x"}\nnot json\n', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kg.corpus.dispatch"):
        papers = list(read_papers([path]))
    assert len(papers) == 1
    assert any("x.jsonl:2: invalid JSON" in message for message in caplog.messages)


def test_mixed_formats_in_one_read(tmp_path):
    atom = tmp_path / "feed.xml"
    atom.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2106.09685v2</id>'
        "<title>LoRA</title><summary>Adapters.</summary></entry></feed>",
        encoding="utf-8",
    )
    snap = _jsonl(
        tmp_path / "snap.jsonl",
        {
            "id": "2106.09685",
            "title": "LoRA",
            "abstract": "Adapters.",
            "categories": "cs.CL",
            "update_date": "2021-10-16",
        },
        {"id": "1706.03762", "title": "Attention", "abstract": "Transformers.", "categories": "cs.CL"},
    )
    report = ReadReport()
    papers = list(read_papers([atom, snap], report))
    assert [(p.id, p.title) for p in papers] == [("2106.09685", "LoRA"), ("1706.03762", "Attention")]
    assert report.duplicates == 1


def test_a_file_with_no_records_is_noted_by_name(tmp_path, caplog):
    empty, blank = tmp_path / "empty.jsonl", tmp_path / "blank.txt"
    empty.write_text("", encoding="utf-8")
    blank.write_text("\n  \n", encoding="utf-8")
    good = _jsonl(tmp_path / "good.jsonl", {"title": "Good", "abstract": ABSTRACT})
    report = ReadReport()
    assert [p.title for p in read_papers([empty, good, blank], report)] == ["Good"]
    assert report.empty == [str(empty), str(blank)] and report.read == 1
    with caplog.at_level(logging.WARNING, logger="kg.corpus.dispatch"):
        assert list(read_papers([empty])) == []
    assert caplog.messages == [f"no records in {empty}"]


def test_an_unterminated_string_says_where_it_starts(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"title": "Good\n{"title": "Cut', encoding="utf-8")
    report = ReadReport()
    assert list(read_papers([path], report)) == []
    assert [e.reason for e in report.errors] == [
        "invalid JSON (Unterminated string starting at column 11)",
        "truncated final record (Unterminated string starting at column 11)",
    ]
