from kg.corpus.arxiv_atom import read_atom
from kg.errors import RecordError
from kg.records import Paper

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title type="html">ArXiv Query: search_query=all:lora</title>
  <id>http://arxiv.org/api/cHxbiOdZaP56ODnBPIenZhzg5f8</id>
  <entry>
    <id>http://arxiv.org/abs/2106.09685v2</id>
    <updated>2021-10-16T18:47:27Z</updated>
    <published>2021-06-17T17:37:18Z</published>
    <title>LoRA: Low-Rank Adaptation of Large
  Language Models</title>
    <summary>  An important paradigm of natural language processing consists of
large-scale pre-training on general domain data.
</summary>
    <author><name>Edward J. Hu</name></author>
    <author><name>Yelong Shen</name></author>
    <link href="http://arxiv.org/abs/2106.09685v2" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/2106.09685v2" rel="related" type="application/pdf"/>
    <arxiv:primary_category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
  <entry>
    <id>http://arxiv.org/abs/hep-th/9901001v1</id>
    <published>1999-01-04T00:00:00Z</published>
    <title>Schrödinger operators — an old-style id</title>
    <author><name>A. Author</name></author>
  </entry>
  <entry>
    <id>http://arxiv.org/abs/1706.03762v7</id>
    <published>2017-06-12T17:57:34Z</published>
    <title>Attention Is All You Need</title>
    <summary>The dominant sequence transduction models are based on recurrent networks.</summary>
    <author><name>Ashish Vaswani</name></author>
  </entry>
</feed>
"""


def _split(results):
    papers = [r for r in results if isinstance(r, Paper)]
    errors = [r for r in results if isinstance(r, RecordError)]
    return papers, errors


def test_atom_entries_become_papers(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(FEED, encoding="utf-8")
    papers, errors = _split(list(read_atom(path)))
    assert [p.id for p in papers] == ["2106.09685", "1706.03762"]
    lora = papers[0]
    assert lora.title == "LoRA: Low-Rank Adaptation of Large Language Models"
    assert lora.abstract == (
        "An important paradigm of natural language processing consists of "
        "large-scale pre-training on general domain data."
    )
    assert lora.authors == ["Edward J. Hu", "Yelong Shen"]
    assert lora.published == "2021-06-17"
    assert lora.url == "http://arxiv.org/abs/2106.09685v2"
    assert lora.source == f"{path}:5"
    assert papers[1].source == f"{path}:26"
    assert [(e.line, e.reason) for e in errors] == [(20, "missing abstract")]


def test_atom_crlf_and_no_namespace(tmp_path):
    path = tmp_path / "feed.atom"
    text = "<feed>\n<entry><id>https://arxiv.org/abs/2403.05530v1</id><title>T</title><summary>S.</summary></entry>\n</feed>\n"
    path.write_bytes(text.replace("\n", "\r\n").encode())
    papers, errors = _split(list(read_atom(path)))
    assert errors == [] and [(p.id, p.url, p.source) for p in papers] == [
        ("2403.05530", "https://arxiv.org/abs/2403.05530v1", f"{path}:2")
    ]


def test_atom_api_error_entry_is_reported(tmp_path):
    path = tmp_path / "err.xml"
    path.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>'
        "<title>Error</title><summary>incorrect id format for 1234</summary></entry>\n</feed>\n",
        encoding="utf-8",
    )
    papers, errors = _split(list(read_atom(path)))
    assert papers == []
    assert [(e.line, e.reason) for e in errors] == [(2, "arXiv API error: incorrect id format for 1234")]


def test_atom_broken_xml_keeps_entries_before_the_error(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text(
        "<feed>\n<entry><id>1706.03762</id><title>A</title><summary>S.</summary></entry>\n"
        "<entry><title>B</oops></entry>\n</feed>\n",
        encoding="utf-8",
    )
    papers, errors = _split(list(read_atom(path)))
    assert [p.id for p in papers] == ["1706.03762"]
    assert len(errors) == 1 and errors[0].line == 3 and errors[0].reason.startswith("invalid XML")


def test_atom_truncated_feed_is_reported(tmp_path):
    path = tmp_path / "cut.xml"
    path.write_text(
        "<feed>\n<entry><id>1706.03762</id><title>A</title><summary>S.</summary></entry>\n<entry><ti", encoding="utf-8"
    )
    papers, errors = _split(list(read_atom(path)))
    assert [p.id for p in papers] == ["1706.03762"]
    assert len(errors) == 1 and errors[0].reason.startswith("invalid XML: feed ends early")
