"""Acronym definitions: "Low-Rank Adaptation (LoRA)" and "LoRA (Low-Rank Adaptation)".

The long form is found with the Schwartz & Hearst (2003) letter-matching algorithm, so
definitions are recognised without any list of known acronyms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.vocabulary import LONG_FORM_STOP_WORDS

_SHORT = r"[A-Za-z0-9][\w\-\.\^{}+*&/]*[\w}*+]|[A-Z]"
_PAREN = re.compile(r"\(\s*(" + _SHORT + r")\s*(?:[,;][^)]*)?\)")
_WORD = re.compile(r"[\w\-\^{}&]+|[^\w\s]")
_POWER = re.compile(r"(\w)\^\{?(\d)\}?")


@dataclass(frozen=True)
class AcronymDefinition:
    short: str
    long: str
    long_start: int  # char offset of the long form
    short_start: int  # char offset of the short form


def _looks_like_short_form(text: str) -> bool:
    if not 2 <= len(text) <= 15 or " " in text:
        return False
    if not any(c.isupper() for c in text):
        return False
    letters = sum(c.isalpha() for c in text)
    return letters >= 2 and not text.isdigit()


def _initials_long_form(s_chars: list[str], candidate: str) -> str | None:
    """Each word, right to left, takes the short form's letters it contains; its first letter must be one.

    "LoRA" ← "Low-Rank Adaptation": Adaptation→a, Rank→r, Low→o (inside) then l (initial).
    Small function words ("of", "for") may be skipped.
    """
    words = list(re.finditer(r"[A-Za-z0-9]+", candidate))
    i = len(s_chars) - 1
    start = None
    for w in reversed(words):
        if i < 0:
            break
        word = w.group().lower()
        if word[0] == s_chars[i]:
            i -= 1
            start = w.start()
            continue
        j, inner = i, len(word) - 1
        while j > 0 and inner > 0:  # letters from inside this word, right to left
            pos = word.rfind(s_chars[j], 1, inner + 1)
            if pos < 1:
                break
            inner, j = pos - 1, j - 1
            if word[0] == s_chars[j]:
                break
        if j < i and word[0] == s_chars[j]:
            i = j - 1
            start = w.start()
        elif word in {"of", "for", "and", "the", "in", "on", "to", "with", "via", "a"}:
            continue
        else:
            return None
    if i >= 0 or start is None:
        return None
    return candidate[start:].strip()


def best_long_form(short: str, candidate: str) -> str | None:
    """Word initials first; else Schwartz–Hearst: the short form's characters right to left."""
    expanded = _POWER.sub(lambda m: m.group(1) * int(m.group(2)), short)  # S^{2}FT → SSFT
    s_chars = [c.lower() for c in expanded if c.isalpha()] or [c.lower() for c in expanded if c.isalnum()]
    if not s_chars:
        return None
    by_initials = _initials_long_form([c for c in s_chars if c.isalpha()] or s_chars, candidate)
    if by_initials:
        return by_initials
    long_lower = candidate.lower()
    s_idx = len(s_chars) - 1
    l_idx = len(long_lower) - 1
    while s_idx >= 0:
        c = s_chars[s_idx]
        while l_idx >= 0 and (long_lower[l_idx] != c or (s_idx == 0 and l_idx > 0 and long_lower[l_idx - 1].isalnum())):
            l_idx -= 1
        if l_idx < 0:
            return None
        l_idx -= 1
        s_idx -= 1
    start = long_lower.rfind(" ", 0, l_idx + 1) + 1
    long_form = candidate[start:].strip()
    return long_form or None


def find_definitions(text: str) -> list[AcronymDefinition]:
    """Every "long form (SHORT)" definition in ``text``, in order."""
    found: list[AcronymDefinition] = []
    for match in _PAREN.finditer(text):
        short = match.group(1)
        if not _looks_like_short_form(short):
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[: match.start()].rstrip()
        if line_start:
            before = " " * line_start + before[line_start:]
        # candidate window: at most min(|A| + 5, |A| * 2) words before the parenthesis
        words = list(_WORD.finditer(before))
        limit = min(len(short) + 5, len(short) * 2)
        window = words[-limit:] if words else []
        # stop the window at a clause boundary
        cut = 0
        for i, w in enumerate(window):
            if w.group() in {",", ";", ":", ".", "(", ")"}:
                cut = i + 1
        window = window[cut:]
        if not window:
            continue
        candidate = before[window[0].start() :]
        long_form = best_long_form(short, candidate)
        if long_form is None or long_form.lower() == short.lower():
            continue
        long_words = long_form.split()
        while long_words and long_words[0].lower() in LONG_FORM_STOP_WORDS:
            long_words.pop(0)
        if not long_words or len(long_words) > len(short) + 3:
            continue
        long_form = " ".join(long_words)
        if len(long_form) <= len(short):
            continue
        start = before.rfind(long_form)
        found.append(AcronymDefinition(short, long_form, long_start=start, short_start=match.start(1)))
    found.extend(_reverse_definitions(text))
    return found


_REVERSE = re.compile(r"\b(" + _SHORT + r")\s+\(([A-Za-z][^()]{6,160})\)")


def _reverse_definitions(text: str) -> list[AcronymDefinition]:
    """ "IF-WRANER (Instruction Finetuned Word-embedding based ...)": name first, expansion after."""
    found = []
    for match in _REVERSE.finditer(text):
        short, long_form = match.group(1), match.group(2).strip()
        if not _looks_like_short_form(short) or len(long_form.split()) < 2:
            continue
        initials = "".join(w[0].lower() for w in re.split(r"[\s\-]+", long_form) if w)
        letters = [c.lower() for c in short if c.isalpha()]
        if not letters or letters[0] != initials[0]:
            continue
        if sum(c in initials for c in letters) < 0.6 * len(letters):
            continue
        found.append(AcronymDefinition(short, long_form, long_start=match.start(2), short_start=match.start(1)))
    return found
