"""arXiv API Atom feeds (``export.arxiv.org/api/query``) into papers.

Fed line by line to an ``XMLPullParser`` so each ``<entry>`` is handled (and freed) as soon as it
closes and errors can name the line. XML is one document: after a syntax error (or undecodable
bytes) nothing further can be parsed, so that error ends the file, keeping the entries before it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from kg.corpus.ids import find_arxiv_id, normalize_arxiv_id
from kg.corpus.record import build_paper
from kg.errors import RecordError
from kg.records import Paper


def _local(tag: str) -> str:
    """Tag name without its namespace, so Atom with or without xmlns reads the same."""
    return tag.rsplit("}", 1)[-1]


def _child_text(entry: ET.Element, name: str) -> str | None:
    for child in entry:
        if _local(child.tag) == name:
            return "".join(child.itertext())
    return None


def _entry_url(entry: ET.Element, entry_id: str | None) -> str | None:
    """The abstract page: ``<link rel="alternate">``, else the first link, else the entry id."""
    links = [child for child in entry if _local(child.tag) == "link" and child.get("href")]
    for link in links:
        if link.get("rel", "alternate") == "alternate":
            return link.get("href")
    if links:
        return links[0].get("href")
    return entry_id.strip() if entry_id else None


def _entry_fields(entry: ET.Element) -> dict[str, object]:
    entry_id = _child_text(entry, "id")
    arxiv = (normalize_arxiv_id(entry_id) or find_arxiv_id(entry_id)) if entry_id else None
    authors = [text for author in entry if _local(author.tag) == "author" and (text := _child_text(author, "name"))]
    published = _child_text(entry, "published") or _child_text(entry, "updated")
    return {
        "id": arxiv or entry_id,
        "title": _child_text(entry, "title"),
        "abstract": _child_text(entry, "summary"),
        "url": _entry_url(entry, entry_id),
        "authors": authors,
        "published": published.strip()[:10] if published and published.strip() else None,
    }


def _entry_result(entry: ET.Element, source: str, line: int) -> Paper | RecordError:
    fields = _entry_fields(entry)
    entry_id = str(fields["id"] or "")
    if "api/errors" in entry_id:  # the API reports bad queries as a single "Error" entry
        return RecordError(source, line, f"arXiv API error: {fields['abstract'] or 'unknown'}")
    try:
        return build_paper(fields, source, line)
    except RecordError as error:
        return error


def _element_events(parser: ET.XMLPullParser[ET.Element]) -> list[tuple[str, ET.Element]]:
    """The (event, element) pairs parsed so far. Only start and end events are asked for, and each
    carries its element; namespace events, which carry none, never come."""
    pairs: list[tuple[str, ET.Element]] = []
    for event in parser.read_events():
        if len(event) == 2 and isinstance(event[1], ET.Element):
            pairs.append((event[0], event[1]))
    return pairs


def read_atom(path: Path) -> Iterator[Paper | RecordError]:
    """Papers (or RecordErrors) for every ``<entry>`` of an Atom feed, with its start line."""
    source = str(path)
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    root: ET.Element | None = None
    entry_lines: list[int] = []  # start lines of the open <entry> elements (nesting-safe)
    number = 0
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                parser.feed(raw)
                events = _element_events(parser)
            except ET.ParseError as exc:
                yield RecordError(source, number, f"invalid XML, rest of file skipped ({exc})")
                return
            for event, element in events:
                if root is None:
                    root = element
                if _local(element.tag) != "entry":
                    continue
                if event == "start":
                    entry_lines.append(number)
                    continue
                line = entry_lines.pop() if entry_lines else number
                yield _entry_result(element, source, line)
                if element is not root and element in root:
                    root.remove(element)  # keep memory flat on large feeds
        try:
            parser.close()
        except ET.ParseError as exc:
            yield RecordError(source, number or None, f"invalid XML: feed ends early ({exc})")
