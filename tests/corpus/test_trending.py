from pathlib import Path

from kg.corpus.trending import is_header, looks_like_abstract, read_trending
from kg.errors import RecordError
from kg.records import Paper

BUNDLED = Path(__file__).resolve().parents[2] / "kg" / "data" / "sample" / "hf_trending_papers.txt"
HEADER = "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\nMar 11\n\n"
ABSTRACT_A = "We propose a method that does a thing. " * 8
ABSTRACT_B = "Large models are large, and we study how large they are in practice. " * 5


def _split(results):
    papers = [r for r in results if isinstance(r, Paper)]
    errors = [r for r in results if isinstance(r, RecordError)]
    return papers, errors


def test_bundled_page_reads_all_96_papers():
    papers, errors = _split(list(read_trending(BUNDLED)))
    assert errors == []
    assert len(papers) == 96
    assert papers[0].title == "FETA: Towards Specializing Foundation Models for Expert Task Applications"
    assert papers[0].abstract.startswith("Foundation Models (FMs) have demonstrated unprecedented capabilities")
    assert papers[0].source == f"{BUNDLED}:11"
    assert papers[-1].title == (
        "RS5M and GeoRSCLIP: A Large Scale Vision-Language Dataset and A Large Vision-Language Model for Remote Sensing"
    )
    assert papers[-1].abstract.startswith("Pre-trained Vision-Language Models (VLMs)")
    assert len({p.id for p in papers}) == 96 and all(p.id.startswith("t-") for p in papers)


def test_header_and_abstract_heuristics():
    assert is_header("Mar 11") and is_header("Subscribe") and is_header("byAK and the research community")
    assert not is_header("GeAR: Generation Augmented Retrieval")
    assert looks_like_abstract(ABSTRACT_A)
    assert not looks_like_abstract("GeAR: Generation Augmented Retrieval")


def test_crlf_extra_blank_lines_and_trailing_whitespace(tmp_path):
    path = tmp_path / "page.txt"
    text = HEADER + "\n\n\nFirst Paper  \t\n\n\n" + ABSTRACT_A + "   \n\n\n\nSecond Paper\n\n" + ABSTRACT_B + "\n\n\n"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    papers, errors = _split(list(read_trending(path)))
    assert errors == []
    assert [p.title for p in papers] == ["First Paper", "Second Paper"]
    assert papers[0].abstract == ABSTRACT_A.strip()
    assert papers[1].source == f"{path}:21"


def test_final_title_without_abstract_is_an_error(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(HEADER + "First Paper\n\n" + ABSTRACT_A + "\n\nDangling Title\n", encoding="utf-8")
    papers, errors = _split(list(read_trending(path)))
    assert [p.title for p in papers] == ["First Paper"]
    assert len(errors) == 1
    assert errors[0].line == 15
    assert errors[0].reason == "missing abstract for title 'Dangling Title'"


def test_title_without_abstract_mid_file_is_an_error(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("A\n\n" + ABSTRACT_A + "\n\nLost Title\n\nMar 10\n\nB\n\n" + ABSTRACT_B + "\n", encoding="utf-8")
    papers, errors = _split(list(read_trending(path)))
    assert [p.title for p in papers] == ["A", "B"]
    assert [(e.line, e.reason) for e in errors] == [(5, "missing abstract for title 'Lost Title'")]


def test_unicode_titles_and_abstracts(tmp_path):
    path = tmp_path / "page.txt"
    abstract = "Wir lösen die Schrödinger-Gleichung für große Systeme. 我们提出了一种新的方法。" * 5
    path.write_text("Schro\u0308dinger 方程 Solver\n\n" + abstract + "\n", encoding="utf-8")
    (paper,), errors = _split(list(read_trending(path)))
    assert errors == []
    assert paper.title == "Schrödinger 方程 Solver"
    assert "我们提出了一种新的方法" in paper.abstract


def test_invalid_utf8_spoils_only_its_record(tmp_path):
    path = tmp_path / "page.txt"
    data = (
        ("A\n\n" + ABSTRACT_A + "\n\nB\n\n").encode()
        + b"Bad \xfe bytes. "
        + ABSTRACT_B.encode()
        + b"\n\nC\n\n"
        + ABSTRACT_A.encode()
    )
    path.write_bytes(data)
    papers, errors = _split(list(read_trending(path)))
    assert [p.title for p in papers] == ["A", "C"]
    assert [(e.line, e.reason) for e in errors] == [(7, "invalid UTF-8 (byte 0xfe at column 5)")]


def test_wrapped_abstract_and_title_glued_to_abstract(tmp_path):
    path = tmp_path / "page.txt"
    wrapped = "We propose a method that\ndoes a thing and we show\nthat it works well in many settings, " + ABSTRACT_A
    path.write_text("Wrapped\n\n" + wrapped + "\n\nGlued Title\n" + ABSTRACT_B + "\n", encoding="utf-8")
    papers, errors = _split(list(read_trending(path)))
    assert errors == []
    assert [p.title for p in papers] == ["Wrapped", "Glued Title"]
    assert papers[0].abstract.startswith("We propose a method that does a thing and we show that it works")
    assert papers[1].abstract == ABSTRACT_B.strip()
    assert papers[1].source == f"{path}:7"


def test_duplicate_titles_get_the_same_id(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("Same  Title\n\n" + ABSTRACT_A + "\n\nsame title\n\n" + ABSTRACT_B + "\n", encoding="utf-8")
    papers, _ = _split(list(read_trending(path)))
    assert len(papers) == 2 and papers[0].id == papers[1].id
