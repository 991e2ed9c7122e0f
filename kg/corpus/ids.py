"""Stable paper ids, so the same paper gets the same id whichever source it came from.

Order: an explicit id (arXiv ids normalised), else an arXiv id found in the url, else a hash of
the normalised title.
"""

from __future__ import annotations

import hashlib
import re

from kg.corpus.text import clean_field, title_key

_YYMM = r"\d{2}(?:0[1-9]|1[0-2])"
_NEW = rf"{_YYMM}\.\d{{4,5}}"  # 0704.0001, 2106.09685
_OLD = rf"[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{{2}})?/{_YYMM}\d{{3}}"  # hep-th/9901001, math.GT/0309136
_VERSION = r"(?:v\d+)?"

_ARXIV_ID = re.compile(rf"(?P<id>{_NEW}|{_OLD}){_VERSION}")
_PREFIX = re.compile(r"^(?:arxiv:|https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/)", re.IGNORECASE)
_IN_URL_NEW = re.compile(rf"(?:^|[/:=])(?P<id>{_NEW}){_VERSION}(?:\.pdf)?(?=$|[/?#&])")
_IN_URL_OLD = re.compile(rf"(?:^|[/:=])(?P<id>{_OLD}){_VERSION}(?:\.pdf)?(?=$|[/?#&])")


def normalize_arxiv_id(value: str) -> str | None:
    """The bare arXiv id ("2106.09685") if ``value`` is one (optionally "arXiv:", URL or vN), else None."""
    text = _PREFIX.sub("", value.strip())
    if text.lower().endswith(".pdf"):
        text = text[:-4]
    match = _ARXIV_ID.fullmatch(text)
    return match.group("id") if match else None


def is_arxiv_id(value: str) -> bool:
    """Whether ``value`` is arXiv-shaped (new or old style, optional prefix and version)."""
    return normalize_arxiv_id(value) is not None


def find_arxiv_id(url: str) -> str | None:
    """An arXiv id that is a whole path segment of ``url`` (arxiv.org, huggingface.co/papers, ...).

    Old-style ids (hep-th/9901001) are only trusted on arxiv.org URLs: elsewhere "cs/0112017"
    could be any path.
    """
    text = url.strip()
    match = _IN_URL_NEW.search(text)
    if match is None and "arxiv" in text.lower():
        match = _IN_URL_OLD.search(text)
    return match.group("id") if match else None


def title_hash_id(title: str) -> str:
    """ "t-" + 16 hex digits of the sha256 of the normalised title: stable across whitespace/case."""
    digest = hashlib.sha256(title_key(title).encode("utf-8")).hexdigest()
    return f"t-{digest[:16]}"


def paper_id(title: str, explicit: str | None = None, url: str | None = None) -> str:
    """The stable id of a paper from its explicit id, its url and its title (in that order)."""
    if explicit is not None and (explicit := clean_field(explicit)):
        arxiv = normalize_arxiv_id(explicit)
        if arxiv is None and "://" in explicit:
            arxiv = find_arxiv_id(explicit)
        return arxiv or explicit
    if url:
        arxiv = find_arxiv_id(url)
        if arxiv is not None:
            return arxiv
    return title_hash_id(title)
