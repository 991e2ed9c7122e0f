"""Spellings of one dataset or technique that name no new thing: editions, publisher prefixes, spelled-out parts.

- An edition or year of a data set is that data set: "COCO 2015", "PASCAL VOC 2007" join COCO
  and PASCAL VOC, and keep their own spelling as an alias (``fold_edition``). Versions are not
  editions ("SQuAD 2.0" stays apart from SQuAD), nor are the years of a shared-task venue, which
  name different data each year: CoNLL-2003 is not CoNLL-2012. A venue's year is only spelled
  one way: "WMT'14" and "WMT14" are WMT 2014.
- A publisher's prefix adds nothing when the rest is a name in its own right: "MS COCO" is COCO
  where COCO is an entity (``fold_publisher``); "MS MARCO" stays, there being no MARCO.
- An acronym spelled out around an acronym: "Stanford NLI" is SNLI (``spelled_acronym``).
- A well-known abbreviation inside a name: "full FT" is full fine-tuning (``expand_abbreviations``).
"""

from __future__ import annotations

import re

_EDITION = re.compile(r"^(?P<base>.*?[A-Za-z].*?)(?:[\s\-_]*(?P<year>(?:19|20)\d\d)|\s*['’](?P<short>\d\d))$")
_VENUE_YEAR = re.compile(r"^(?P<base>.*?[A-Za-z])[\s\-_]*['’]?(?P<year>(?:19|20)?\d\d)$")
VENUES = frozenset(
    {
        "conll",
        "semeval",
        "trec",
        "wmt",
        "iwslt",
        "icdar",
        "kdd cup",
        "clef",
        "bioasq",
        "ntcir",
        "mirex",
        "dcase",
        "senseval",
        "muc",
        "ace",
        "tac",
        "duc",
        "fever",
        "bea",
        "wnut",
        "sigmorphon",
        "imageclef",
        "mediaeval",
    }
)
"""Shared-task venues whose every year is a different data set."""
_PUBLISHER = re.compile(r"^(?:MS|Microsoft)\s+(?P<rest>\S.*)$")
ABBREVIATIONS = {
    "ft": "fine-tuning",
    "nli": "natural language inference",
    "qa": "question answering",
    "mt": "machine translation",
    "rl": "reinforcement learning",
    "kd": "knowledge distillation",
    "ner": "named entity recognition",
    "asr": "automatic speech recognition",
    "peft": "parameter-efficient fine-tuning",
}
"""Abbreviations whose expansion is unambiguous in ML writing (SFT, LM, IR are not: each has two)."""


def fold_edition(name: str) -> str | None:
    """The name an edition of a data set goes by: "COCO 2015" → "COCO", "WMT'14" → "WMT 2014"; None if unchanged."""
    venue = _VENUE_YEAR.match(name.strip())
    if venue is not None and venue.group("base").strip(" -_").casefold() in VENUES:
        year = venue.group("year")
        full = year if len(year) == 4 else ("20" if int(year) <= 40 else "19") + year
        canonical = f"{venue.group('base').strip(' -_')} {full}"
        return canonical if canonical != name.strip() else None
    match = _EDITION.match(name.strip())
    if match is None:
        return None
    base = match.group("base").strip(" -_")
    return base if len(base) >= 2 and not base.isdigit() else None


def fold_publisher(name: str) -> str | None:
    """ "MS COCO" → "COCO"; None without a publisher's prefix."""
    match = _PUBLISHER.match(name.strip())
    return match.group("rest") if match else None


def spelled_acronym(name: str) -> str | None:
    """The acronym a name spells with an acronym at its end: "Stanford NLI" → "SNLI"; None otherwise."""
    words = name.split()
    if len(words) < 2 or not re.fullmatch(r"[A-Z]{2,}", words[-1]) or not all(w[:1].isupper() for w in words[:-1]):
        return None
    return "".join(w[0] for w in words[:-1]) + words[-1]


def expand_abbreviations(name: str) -> str | None:
    """``name`` with its well-known abbreviated words spelled out ("full FT" → "full fine-tuning"); None if none."""
    words = name.split()
    if len(words) < 2:
        return None
    expanded = [ABBREVIATIONS.get(w.casefold(), w) if w.isupper() else w for w in words]
    return " ".join(expanded) if expanded != words else None
