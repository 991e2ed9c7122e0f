"""Text cleaning shared by every reader, so the same paper reads the same from any source."""

from __future__ import annotations

import re
import unicodedata

# Whitespace-like control characters become a space so the words they separated stay apart.
_SPACE_CONTROLS = re.compile("[\x0b\x0c\r\x1c-\x1f\x85]")
# Other C0/C1 controls (not newline or tab), lone surrogates (from JSON "\\ud800", which cannot be
# encoded later) and invisibles that break title matching: BOM, zero-width space, soft hyphen.
_DROPPED = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\u200b\u00ad]")


def strip_controls(text: str) -> str:
    """Drop control characters (keeping newline and tab), lone surrogates and a few invisibles."""
    return _DROPPED.sub("", _SPACE_CONTROLS.sub(" ", text))


def clean_text(text: str) -> str:
    """NFC-normalise and strip control characters; keeps line breaks and non-ASCII letters."""
    return strip_controls(unicodedata.normalize("NFC", text))


def collapse_whitespace(text: str) -> str:
    """Collapse every whitespace run (incl. newlines, NBSP) to one space and trim the ends."""
    return " ".join(text.split())


# A LaTeX tie ("MS~MARCO", "Table~2") is a non-breaking space written in ASCII; arXiv abstracts keep them.
_LATEX_TIE = re.compile(r"(?<=\w)~(?=\w)")


def clean_field(text: str) -> str:
    """Clean a one-line field (title, abstract, author): cleaned text on a single line, LaTeX ties as
    spaces like every other non-breaking space."""
    return collapse_whitespace(_LATEX_TIE.sub(" ", clean_text(text)))


def title_key(title: str) -> str:
    """Normalise a title for identity: NFKC, casefold, punctuation removed, whitespace collapsed.

    Two copies of one title that differ only in case, spacing, quotes or dashes get the same key.
    """
    text = unicodedata.normalize("NFKC", strip_controls(title)).casefold()
    text = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)
    return collapse_whitespace(text)
