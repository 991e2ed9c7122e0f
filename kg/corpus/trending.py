"""The trending-papers web page pasted as text: header lines, then title / abstract paragraphs.

Layout (blank lines between blocks): a few short header lines ("new", "Subscribe", "Mar 11"),
then for each paper a one-line title followed by an abstract paragraph. Headers are told apart
from titles because no paragraph follows them; a title with no abstract after the first paper
is reported as "missing abstract".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.corpus.lines import Line, iter_lines
from kg.corpus.record import build_paper
from kg.errors import RecordError
from kg.records import Paper

_HEADER = re.compile(
    r"^(?:new|subscribe|get trending papers in your email inbox!?|by\s*ak and the research community"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:, \d{4})?)$",
    re.IGNORECASE,
)
_ABSTRACT_MIN_CHARS = 250  # longer than any plausible title
_ABSTRACT_MIN_WORDS = 10  # a shorter paragraph counts when it ends like a sentence


def is_header(text: str) -> bool:
    """A known page-chrome line (menu items, the date) that is never a paper title."""
    return bool(_HEADER.match(text.strip()))


def looks_like_abstract(text: str) -> bool:
    """Long, or several words ending like a sentence: an abstract rather than a title."""
    text = text.strip()
    if len(text) >= _ABSTRACT_MIN_CHARS:
        return True
    return len(text.split()) >= _ABSTRACT_MIN_WORDS and text.endswith(".")


@dataclass
class _Block:
    """Consecutive non-blank lines: where they start, their text, and the first undecodable line."""

    line: int
    lines: list[str] = field(default_factory=list)
    bad_line: int | None = None
    bad_reason: str | None = None

    @property
    def text(self) -> str:
        return " ".join(part.strip() for part in self.lines)

    def add(self, line: Line) -> None:
        self.lines.append(line.text)
        if line.decode_error is not None and self.bad_line is None:
            self.bad_line, self.bad_reason = line.number, line.decode_error


def _blocks(path: Path) -> Iterator[_Block]:
    block: _Block | None = None
    for line in iter_lines(path):
        if line.text.strip():
            if block is None:
                block = _Block(line.number)
            block.add(line)
        elif block is not None:
            yield block
            block = None
    if block is not None:
        yield block


def _split(block: _Block, expecting_abstract: bool) -> Iterator[tuple[str, _Block]]:
    """Label a block "title" (a short line) or "paragraph"; multi-line blocks may hold both."""
    if len(block.lines) == 1:
        yield ("paragraph" if looks_like_abstract(block.text) else "title"), block
        return
    first, rest = block.lines[0], block.lines[1:]
    rest_text = " ".join(rest)
    if not expecting_abstract and not looks_like_abstract(first) and looks_like_abstract(rest_text):
        yield "title", _sub_block(block, 0, [first])  # title and abstract with no blank line
        yield "paragraph", _sub_block(block, 1, rest)
    elif looks_like_abstract(block.text):
        yield "paragraph", block  # an abstract wrapped over several lines
    else:
        for offset, text in enumerate(block.lines):  # several short lines: each its own candidate
            yield "title", _sub_block(block, offset, [text])


def _sub_block(block: _Block, offset: int, lines: list[str]) -> _Block:
    start = block.line + offset
    end = start + len(lines) - 1
    sub = _Block(start, list(lines))
    if block.bad_line is not None and start <= block.bad_line <= end:
        sub.bad_line, sub.bad_reason = block.bad_line, block.bad_reason
    return sub


def _paper(title: _Block, paragraphs: list[_Block], source: str) -> Paper | RecordError:
    for part in (title, *paragraphs):
        if part.bad_line is not None:
            return RecordError(source, part.bad_line, part.bad_reason or "invalid UTF-8")
    fields = {"title": title.text, "abstract": " ".join(p.text for p in paragraphs)}
    try:
        return build_paper(fields, source, title.line)
    except RecordError as error:
        return error


def _missing_abstract(title: _Block, source: str) -> RecordError:
    return RecordError(source, title.line, f"missing abstract for title {title.text[:80]!r}")


def read_trending(path: Path) -> Iterator[Paper | RecordError]:
    """Papers (or RecordErrors) from a pasted trending-papers page, each sourced at its title line."""
    source = str(path)
    pending: _Block | None = None  # a short line that may be a title (or a header)
    current: tuple[_Block, list[_Block]] | None = None  # title + abstract paragraphs so far
    seen_paper = False
    for block in _blocks(path):
        for kind, part in _split(block, expecting_abstract=pending is not None):
            if kind == "title":
                if current is not None:
                    yield _paper(*current, source)
                    current = None
                if pending is not None and seen_paper and not is_header(pending.text):
                    yield _missing_abstract(pending, source)
                pending = part
            elif pending is not None:
                current, pending, seen_paper = (pending, [part]), None, True
            elif current is not None:
                current[1].append(part)  # a second paragraph of the same abstract
            else:
                yield RecordError(source, part.line, "paragraph without a title line")
    if current is not None:
        yield _paper(*current, source)
    if pending is not None and not is_header(pending.text):
        yield _missing_abstract(pending, source)
