import pytest

from kg.corpus.ids import title_hash_id
from kg.corpus.record import build_paper, split_authors
from kg.errors import RecordError


def test_build_paper_cleans_fields_and_sets_source():
    paper = build_paper(
        {
            "title": "  Schrödinger\n  Bridges ",
            "abstract": "We  study\tthings.\x00",
            "url": "https://arxiv.org/abs/2106.09685v2",
            "authors": ["Ada  Lovelace", " 李 明 "],
            "published": 2021,
        },
        "f.jsonl",
        7,
    )
    assert paper.id == "2106.09685"
    assert paper.title == "Schrödinger Bridges"
    assert paper.abstract == "We study things."
    assert paper.authors == ["Ada Lovelace", "李 明"]
    assert paper.published == "2021"
    assert paper.source == "f.jsonl:7"


def test_build_paper_without_id_or_url_hashes_the_title():
    paper = build_paper({"title": "A Title", "abstract": "Text."}, "f", 1)
    assert paper.id == title_hash_id("a title")
    assert paper.url is None and paper.authors == [] and paper.published is None


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"abstract": "x"}, "missing title"),
        ({"title": "  ", "abstract": "x"}, "empty title"),
        ({"title": "T"}, "missing abstract"),
        ({"title": "T", "abstract": "\x00\x01"}, "empty abstract"),
        ({"title": 5, "abstract": "x"}, "title must be a string, got int"),
        ({"title": "T", "abstract": ["x"]}, "abstract must be a string, got list"),
        ({"title": "T", "abstract": "x", "authors": 3}, "authors must be a list or a string, got int"),
        ({"title": "T", "abstract": "x", "authors": ["a", 1]}, "authors must be a list of strings"),
        ({"title": "T", "abstract": "x", "url": 1}, "url must be a string, got int"),
        ({"title": "T", "abstract": "x", "id": [1]}, "id must be a string, got list"),
    ],
)
def test_build_paper_rejects_bad_fields(fields, reason):
    with pytest.raises(RecordError) as info:
        build_paper(fields, "f.jsonl", 3)
    assert (info.value.source, info.value.line, info.value.reason) == ("f.jsonl", 3, reason)


def test_split_authors_on_commas_semicolons_and_and():
    assert split_authors("A. One, B. Two and C. Three; D. Four") == ["A. One", "B. Two", "C. Three", "D. Four"]
    assert split_authors("Sandra Anderson") == ["Sandra Anderson"]
