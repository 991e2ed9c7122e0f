import json

import pytest
from datapaths import SEED_PAPERS

from kg.corpus.jsonl import detect_jsonl_kind, is_snapshot_record, read_jsonl
from kg.errors import RecordError
from kg.records import Paper

SEED = SEED_PAPERS
needs_seed = pytest.mark.skipif(not SEED.exists(), reason=f"{SEED} not present")


def _line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def _split(results):
    papers = [r for r in results if isinstance(r, Paper)]
    errors = [r for r in results if isinstance(r, RecordError)]
    return papers, errors


def test_plain_records_with_optional_fields(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(
        _line(
            id="p1", title="One", abstract="First.", url="https://x.org/1", authors="A, B and C", published="2024-01-02"
        )
        + "\n"
        + _line(title="Two", abstract="Second.", url="https://arxiv.org/abs/2106.09685v2", authors=["D"])
        + "\n",
        encoding="utf-8",
    )
    papers, errors = _split(list(read_jsonl(path)))
    assert errors == []
    assert [(p.id, p.title, p.authors, p.source) for p in papers] == [
        ("p1", "One", ["A", "B", "C"], f"{path}:1"),
        ("2106.09685", "Two", ["D"], f"{path}:2"),
    ]
    assert papers[0].published == "2024-01-02" and papers[0].url == "https://x.org/1"


def test_bad_lines_are_reported_and_the_rest_loads(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(
        b"\n".join(
            [
                _line(title="Good one", abstract="Fine.").encode(),
                b"",  # blank line: ignored, not an error
                b"{not json",
                b"[1, 2]",
                _line(title="No abstract").encode(),
                b'{"title": "Bad \xff bytes", "abstract": "x"}',
                _line(title="Schr\u00f6dinger \u91cf\u5b50", abstract="Unicode \u2014 fine.").encode(),
                b'{"title": "Cut off", "abstr',  # truncated final record, no newline
            ]
        )
    )
    papers, errors = _split(list(read_jsonl(path)))
    assert [p.title for p in papers] == ["Good one", "Schrödinger 量子"]
    assert papers[1].source == f"{path}:7"
    assert [(e.line, e.reason.split(" (")[0]) for e in errors] == [
        (3, "invalid JSON"),
        (4, "expected a JSON object, got list"),
        (5, "missing abstract"),
        (6, "invalid UTF-8"),
        (8, "truncated final record"),
    ]
    assert all(e.source == str(path) for e in errors)


def test_crlf_file(tmp_path):
    path = tmp_path / "crlf.jsonl"
    path.write_bytes(b'{"title": "A", "abstract": "x"}\r\n{"title": "B", "abstract": "y"}\r\n')
    papers, errors = _split(list(read_jsonl(path)))
    assert [p.title for p in papers] == ["A", "B"] and errors == []


@needs_seed
def test_seed_file_reads_96_papers_with_seed_ids():
    papers, errors = _split(list(read_jsonl(SEED)))
    assert errors == []
    assert len(papers) == 96
    assert [p.id for p in papers] == [f"seed-{n:03d}" for n in range(1, 97)]
    assert papers[0].title == "FETA: Towards Specializing Foundation Models for Expert Task Applications"


SNAPSHOT = [
    {
        "id": "0704.0001",
        "submitter": "Pavel Nadolsky",
        "authors": "C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan",
        "title": "Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies",
        "comments": "37 pages",
        "categories": "hep-ph",
        "abstract": "  A fully differential calculation in perturbative quantum chromodynamics is\npresented.\n",
        "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}],
        "update_date": "2008-11-13",
        "authors_parsed": [
            ["Balázs", "C.", ""],
            ["Berger", "E. L.", ""],
            ["Nadolsky", "P. M.", ""],
            ["Yuan", "C. -P.", ""],
        ],
    },
    {
        "id": "hep-th/9901001",
        "authors": "Hongjun Pan and Mark Zhang",
        "title": "Old style",
        "categories": "hep-th",
        "abstract": "An old paper.",
        "versions": [],
        "update_date": "1999-01-04",
    },
]


def test_snapshot_is_detected_by_fields_and_arxiv_id(tmp_path):
    assert is_snapshot_record(SNAPSHOT[0])
    assert not is_snapshot_record({"id": "seed-001", "categories": "cs.CL"})
    assert not is_snapshot_record({"id": "2106.09685", "title": "t"})
    path = tmp_path / "arxiv-metadata.json"
    path.write_text("\n".join(json.dumps(r) for r in SNAPSHOT) + "\n", encoding="utf-8")
    assert detect_jsonl_kind(path) == "arxiv-snapshot"
    plain = tmp_path / "plain.jsonl"
    plain.write_text(json.dumps({"id": "seed-001", "title": "T", "abstract": "A"}) + "\n", encoding="utf-8")
    assert detect_jsonl_kind(plain) == "jsonl"


def test_snapshot_records_map_to_papers(tmp_path):
    path = tmp_path / "snap.jsonl"
    path.write_text("not json\n" + "\n".join(json.dumps(r) for r in SNAPSHOT) + "\n", encoding="utf-8")
    papers, errors = _split(list(read_jsonl(path)))
    assert [e.line for e in errors] == [1]
    first, second = papers
    assert first.id == "0704.0001"
    assert first.title == "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
    assert first.abstract == "A fully differential calculation in perturbative quantum chromodynamics is presented."
    assert first.authors == ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"]
    assert first.published == "2007-04-02"
    assert first.url == "https://arxiv.org/abs/0704.0001"
    assert (second.id, second.authors, second.published) == (
        "hep-th/9901001",
        ["Hongjun Pan", "Mark Zhang"],
        "1999-01-04",
    )
