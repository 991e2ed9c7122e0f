"""Turn one raw record (a dict of fields) into a ``Paper``, or say exactly why it cannot be one.

Every reader funnels through ``build_paper`` so validation, cleaning and ids are identical for all
formats.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kg.corpus.ids import paper_id
from kg.corpus.text import clean_field
from kg.errors import RecordError
from kg.records import Paper

_AUTHOR_SPLIT = re.compile(r"\s*,\s*|\s*;\s*|\s+and\s+")


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


def split_authors(text: str) -> list[str]:
    """Split "A. One, B. Two and C. Three" into names (commas, semicolons and "and")."""
    names = (clean_field(part) for part in _AUTHOR_SPLIT.split(text))
    return [name for name in names if name]


def _required_text(fields: Mapping[str, object], key: str, source: str, line: int) -> str:
    value = fields.get(key)
    if value is None:
        raise RecordError(source, line, f"missing {key}")
    if not isinstance(value, str):
        raise RecordError(source, line, f"{key} must be a string, got {_type_name(value)}")
    text = clean_field(value)
    if not text:
        raise RecordError(source, line, f"empty {key}")
    return text


def _optional_text(
    fields: Mapping[str, object], key: str, source: str, line: int, allow_int: bool = False
) -> str | None:
    value = fields.get(key)
    if value is None:
        return None
    if allow_int and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise RecordError(source, line, f"{key} must be a string, got {_type_name(value)}")
    return clean_field(value) or None


def _authors(fields: Mapping[str, object], source: str, line: int) -> list[str]:
    value = fields.get("authors")
    if value is None:
        return []
    if isinstance(value, str):
        return split_authors(value)
    if isinstance(value, list):
        if not all(isinstance(name, str) for name in value):
            raise RecordError(source, line, "authors must be a list of strings")
        return [name for name in (clean_field(str(n)) for n in value) if name]
    raise RecordError(source, line, f"authors must be a list or a string, got {_type_name(value)}")


def build_paper(fields: Mapping[str, object], source: str, line: int) -> Paper:
    """A clean ``Paper`` from ``title``, ``abstract`` and optional ``id``/``url``/``authors``/``published``.

    Raises RecordError (naming ``source`` and ``line``) for a missing or empty title or abstract or
    a field of the wrong type.
    """
    title = _required_text(fields, "title", source, line)
    abstract = _required_text(fields, "abstract", source, line)
    explicit = _optional_text(fields, "id", source, line, allow_int=True)
    url = _optional_text(fields, "url", source, line)
    published = _optional_text(fields, "published", source, line, allow_int=True)
    authors = _authors(fields, source, line)
    return Paper(
        id=paper_id(title, explicit=explicit, url=url),
        title=title,
        abstract=abstract,
        url=url,
        authors=authors,
        published=published,
        source=f"{source}:{line}",
    )
