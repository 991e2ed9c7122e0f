"""Readers that turn paper sources (trending page text, JSONL, arXiv Atom, arXiv snapshot) into ``Paper``s.

Use ``read_papers(paths, report)``; malformed records are skipped and described in the report.
``iter_papers(sources)`` and ``chunked`` are what every engine streams papers with.
"""

from __future__ import annotations

from kg.corpus.dispatch import SUPPORTED_SUFFIXES, Format, detect_format, expand_paths, read_papers
from kg.corpus.ids import find_arxiv_id, normalize_arxiv_id, paper_id, title_hash_id
from kg.corpus.report import ReadReport
from kg.corpus.sources import Sources, chunked, iter_papers

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Format",
    "ReadReport",
    "Sources",
    "chunked",
    "detect_format",
    "expand_paths",
    "find_arxiv_id",
    "iter_papers",
    "normalize_arxiv_id",
    "paper_id",
    "read_papers",
    "title_hash_id",
]
