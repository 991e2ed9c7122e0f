"""What a paper proposes: the title's name ("MUVERA: …") and "we propose X" style statements."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from kg.extract.lexicon import is_known
from kg.extract.mentions import Mention, is_name_shaped

_TITLE_NAME = re.compile(r"^\s*([^:]{1,60}?)\s*:\s*\S")
_PROPOSE = re.compile(
    r"\b(?:we|this (?:paper|work|study)|in this (?:paper|work)|here)\b[^.;]{0,40}?\b"
    r"(?:propose|present|introduce|develop|design|devise|describe|build|contribute|release|construct|create)s?d?\b",
    re.I,
)
_CALLED = re.compile(r"\b(?:called|named|dubbed|termed|coined)\s+")
_OUR = re.compile(
    r"\b(?:our|the proposed|our proposed)(?:\s+(?:novel|new))?(?:\s+(?:method|approach|model|framework|system|"
    r"technique|algorithm|architecture|module|scheme|network))?,?\s+$",
    re.I,
)
_PURPOSE = re.compile(
    r"\b(?:for|to|on|in|with|from|over|than|by|into|(?:field|area|domain) of)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}(?:\()?$"
)
_COMPARED_BEFORE = re.compile(r"\b(?:compared (?:to|with)|than|over|against|e\.g\.|such as|unlike)\b[^.;]*$", re.I)
_OURS_AFTER = re.compile(r",\s*(?:one of |each of )?our\b", re.I)
_ALSO = re.compile(r"(?:\band|coupled with|as well as|along with|together with)\s+(?:the|a|an)?\s*(?:[\w\-]+\s+){0,2}$", re.I)
_NOT_LEAD_HEADS = {"limits", "analysis", "study", "properties", "nature", "benefits", "role", "power", "effects",
                   "lessons", "challenges", "resources", "models", "foundations", "look", "view"}
_NOT_TITLE_NAMES = {"survey", "review", "tutorial", "overview", "introduction", "position", "perspective"}


def title_names(title: str, abstract: str = "") -> list[str]:
    """Names the title puts before a colon: "MUVERA: …", "RS5M and GeoRSCLIP: …", "Sigma: …".

    A multi-word prefix without a name-shaped word ("Mamba Retriever") counts only when the
    abstract uses it too; "Transforming Image Super-Resolution:" is a headline, not a name.
    """
    match = _TITLE_NAME.match(title)
    if not match:
        return []
    prefix = match.group(1).strip()
    parts = [p.strip() for p in re.split(r"\s+(?:and|&)\s+|,\s*", prefix) if p.strip()]
    names = []
    for part in parts:
        words = part.split()
        if part.casefold() in _NOT_TITLE_NAMES or len(words) > 3 or words[0].lower().endswith("ing"):
            return []
        if any(is_name_shaped(w) for w in words) or (len(words) == 1 and part[:1].isupper()):
            names.append(part)
        elif all(w[:1].isupper() for w in words) and part in abstract:
            names.append(part)
        else:
            return []
    return names


_TITLE_LEAD = re.compile(
    r"^\s*((?:[A-Z][\w\-]*\s+){0,4}?[A-Z][\w\-]*)\s+(?i:for|in|via|with|is|are|to|of|using|through|by|on|as|from)\b"
)


def title_lead_phrase(title: str, abstract: str) -> str | None:
    """A title that opens with its contribution ("Composable Sparse Fine-Tuning for …").

    The phrase counts when the abstract repeats it; the abstract's spelling is returned.
    """
    match = _TITLE_LEAD.match(title)
    if not match or ":" in title[: match.end()]:
        return None
    words = match.group(1).split()
    if len(words) > 2 and re.fullmatch(r"[A-Z][a-z]+ly", words[0]) and words[1].endswith("ed"):
        words = words[2:]  # "Progressively Optimized Bi-Granular …": the name follows the participle
    phrase = " ".join(words)
    if len(words) == 1 and not is_name_shaped(words[0]):
        return None
    if words[0].lower().endswith("ing") or words[-1].lower() in _NOT_LEAD_HEADS or words[0].lower() in STOP_WORDS:
        return None
    found = re.search(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", abstract, re.I)
    return found.group(0) if found else phrase


def proposal_spans(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges right after a proposal verb, up to the end of that clause."""
    spans = []
    for start, end in sentences[1:]:
        sentence = text[start:end]
        for match in _PROPOSE.finditer(sentence):
            clause_end = _clause_end(sentence, match.end())
            spans.append((start + match.end(), start + clause_end))
        for match in _CALLED.finditer(sentence):
            spans.append((start + match.end(), start + min(len(sentence), match.end() + 60)))
    return spans


def _clause_end(sentence: str, pos: int) -> int:
    stop = re.compile(r"[.;]|, (?:which|that|where|and|to|while|whose)\b| that \b| which \b| to (?!\w+-)")
    m = stop.search(sentence, pos)
    return m.start() if m else len(sentence)


def proposed_mentions(text: str, sentences: list[tuple[int, int]], mentions: list[Mention]) -> list[Mention]:
    """Mentions of what the paper proposes, in the order the abstract names them."""
    chosen: list[Mention] = []
    for span_start, span_end in proposal_spans(text, sentences):
        inside = [
            m for m in mentions
            if span_start <= m.start < span_end
            and m.source in {"name", "acronym", "corpus", "title"}
            and not is_known(m.text)
            and (
                not _PURPOSE.search(text[max(span_start, m.start - 25) : m.start])
                or _ALSO.search(text[max(span_start, m.start - 40) : m.start])
            )
        ]
        window = text[span_start:span_end]
        called = _CALLED.search(window)
        if called:
            inside = [m for m in inside if m.start >= span_start + called.end()] or inside
        if inside:
            chosen.append(inside[0])
            # "X coupled with the Y metric", "X and Y": further contributions in the same clause
            for m in inside[1:]:
                if _ALSO.search(text[max(span_start, m.start - 40) : m.start]):
                    chosen.append(m)
    for m in mentions:
        if m.source in {"name", "acronym", "corpus"} and not is_known(m.text) and (
            _OUR.search(text[max(0, m.start - 40) : m.start])
            or (_OURS_AFTER.match(text, m.end) and not _COMPARED_BEFORE.search(text[max(0, m.start - 60) : m.start]))
        ):
            chosen.append(m)
    return chosen
