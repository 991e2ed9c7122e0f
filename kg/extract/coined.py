"""Names a paper coins for its own contributions when they are not name-shaped.

Abstracts often introduce a contribution as a plain noun phrase ("we present cross entropy
optimization method", "the contrastive quantization and the locality-centric sampling are
introduced", "the functional equivalence caching technique, which we also present"). No
name detector sees those phrases, so the proposal cues themselves mark the spans.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from kg.extract.entities import is_generic
from kg.extract.lexicon import is_known
from kg.extract.vocabulary import (
    ARTEFACT_HEADS,
    COINED_HEAD_NOUNS,
    COINED_HEAD_TYPES,
    MODIFIER_BLOCK,
    QUANTITY_WORDS,
    REPORTING_WORDS,
)
from kg.records import EntityType

# a citation or a word dating the work marks a passive statement as about earlier work
_EARLIER = re.compile(
    r"\[\d|\bet al\b|\b(?:previous(?:ly)?|prior|existing|earlier|recent(?:ly)?|traditional(?:ly)?)\b", re.I
)
_WORDS = r"[\w\^{}][\w\-\^{}]*"
_DETERMINER = re.compile(r"^(?:the|a|an|our|this|its|their)\s+", re.I)

_PASSIVE = re.compile(
    r"\s+(?:is|are)\s+(?:(?:also|then|further|first)\s+)?"
    r"(?:proposed|introduced|presented|devised|(?:designed|developed)(?!\s+(?:to|for|by)\b))(?!\s+(?:by|in)\b)"
)
_WHICH_WE = re.compile(
    r",\s*(?:which|that)\s+we\s+(?:also\s+|further\s+|newly\s+)?(?:propose|present|introduce|develop|design|devise)\b"
)
_BARE_VERB = re.compile(
    r"\b(?i:we|and)\s+(?:\(\w\)\s+)?(?:also\s+|further\s+|then\s+)?(?:propose|present|introduce|develop|devise)\s+"
)
_ARTEFACT = re.compile(
    r"\b(?i:we|paper|work)\s+(?:also\s+)?(?:propose|present|introduce|develop|build|release|construct)s?\s+(?:a|an)\s+"
    r"((?:[a-z][\w\-]*\s+){1,3}[A-Z][\w\-]*\s+(?:" + "|".join(ARTEFACT_HEADS) + r"))\b"
)


def coined_type(phrase: str) -> EntityType | None:
    """The type a coined phrase's own head word states: "an official BEIR leaderboard" is a Benchmark."""
    words = phrase.split()
    return COINED_HEAD_TYPES.get(words[-1].lower()) if words else None


def coined_spans(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of contributions introduced by a proposal cue but not shaped like names."""
    spans: list[tuple[int, int]] = []
    for start, end in sentences[1:]:
        sentence = text[start:end]
        spans += [(start + s, start + e) for s, e in _passive_subjects(sentence)]
        spans += [(start + s, start + e) for s, e in _which_we_objects(sentence)]
        spans += [(start + s, start + e) for s, e in _bare_objects(sentence)]
        spans += [(start + s, start + e) for s, e in _known_artefacts(sentence)]
        spans += [(start + s, start + e) for s, e in _novel_objects(sentence)]
    return spans


_NOVEL = re.compile(
    r"\b(?i:we|paper|work)\s+(?:also\s+|first\s+)?(?:propose|present|introduce|develop|devise)s?\s+(?:a|an)\s+"
    r"(?:novel|new)\s+(?:(?:type|kind|class|family|form)\s+of\s+)?"
)


_NAMED_LATER = re.compile(r"\b(?:namely|called|named|dubbed|termed|coined)\b|\(\s*[A-Z]")


def _novel_objects(sentence: str) -> list[tuple[int, int]]:
    """ "we introduce a new type of deep contextualized word representation that …", "we propose a novel
    online instance classifier refinement algorithm to …": the phrase the novelty cue announces."""
    found = []
    for cue in _NOVEL.finditer(sentence):
        words = list(re.finditer(_WORDS, sentence[cue.end() :]))
        phrase: list[re.Match[str]] = []
        for w in words:
            gap = sentence[cue.end() + (phrase[-1].end() if phrase else 0) : cue.end() + w.start()]
            if (phrase and gap != " ") or (not phrase and gap) or w.group().lower() in STOP_WORDS:
                break
            phrase.append(w)
            if w.group().lower() in COINED_HEAD_NOUNS:
                break  # "… refinement algorithm to integrate …": the head ends the name
        rest = sentence[cue.end() + phrase[-1].end() :] if phrase else ""
        if _NAMED_LATER.search(rest) or (phrase and phrase[0].group().lower() in REPORTING_WORDS):
            continue  # "…, namely Co-DETR": the sentence names it; "a novel evaluation protocol" reports
        if 2 <= len(phrase) <= 7 and not any(any(c.isupper() for c in w.group()) for w in phrase):
            span = _noun_phrase(sentence, cue.end() + phrase[0].start(), cue.end() + phrase[-1].end())
            if span:
                found.append(span)
    return found


def _passive_subjects(sentence: str) -> list[tuple[int, int]]:
    """ "X and Y are introduced for …", "a Progressive Optimization framework is designed"."""
    found = []
    for verb in _PASSIVE.finditer(sentence):
        if _EARLIER.search(sentence[: verb.start()]):
            continue
        clause_start = max(sentence.rfind(c, 0, verb.start()) for c in ",:;") + 1
        for part_start, part_end in _conjuncts(sentence, clause_start, verb.start()):
            span = _noun_phrase(sentence, part_start, part_end)
            if span:
                found.append(span)
    return found


def _conjuncts(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``sentence[start:end]`` around each " and "."""
    parts, pos = [], start
    for joint in re.finditer(r"\s+and\s+", sentence[start:end]):
        parts.append((pos, start + joint.start()))
        pos = start + joint.end()
    return [*parts, (pos, end)]


def _which_we_objects(sentence: str) -> list[tuple[int, int]]:
    """ "the functional equivalence caching technique, which we also present"."""
    found = []
    for cue in _WHICH_WE.finditer(sentence):
        before = re.search(
            r"\b(?:the|a|an|our)\s+((?:" + _WORDS + r"\s+){0,5}" + _WORDS + r")\s*$", sentence[: cue.start()]
        )
        if before:
            span = _noun_phrase(sentence, before.start(1), before.end(1))
            if span:
                found.append(span)
    return found


def _bare_objects(sentence: str) -> list[tuple[int, int]]:
    """A proposal verb followed by a noun phrase with no determiner coins a name: "we propose augmented Q
    to …", "we present cross entropy optimization method to …" (a singular head without an article)."""
    found = []
    for verb in _BARE_VERB.finditer(sentence):
        words = list(re.finditer(_WORDS, sentence[verb.end() :]))
        phrase: list[re.Match[str]] = []
        for w in words:
            gap = sentence[verb.end() + (phrase[-1].end() if phrase else 0) : verb.end() + w.start()]
            if (phrase and gap != " ") or (not phrase and gap) or w.group().lower() in STOP_WORDS:
                break
            phrase.append(w)
        if not 2 <= len(phrase) <= 5 or phrase[0].group().lower().endswith("ing"):
            continue
        texts = [w.group() for w in phrase]
        if texts[0].lower() in MODIFIER_BLOCK or texts[0].lower() in QUANTITY_WORDS:
            continue
        singular_head = texts[-1].lower() in COINED_HEAD_NOUNS and not texts[-1].endswith("s")
        # "augmented Q": a plain word plus a symbol letter, which no name detector sees
        symbol = any(len(t) == 1 and t.isupper() for t in texts) and not any(
            len(t) > 1 and any(c.isupper() for c in t) for t in texts
        )
        if singular_head or symbol:
            span = _noun_phrase(sentence, verb.end() + phrase[0].start(), verb.end() + phrase[-1].end())
            if span:
                found.append(span)
    return found


def _known_artefacts(sentence: str) -> list[tuple[int, int]]:
    """ "we present an improved DETR detector", "an official BEIR leaderboard": a new artefact built
    around a known name is named by the whole phrase."""
    found = []
    for match in _ARTEFACT.finditer(sentence):
        words = match.group(1).split()
        if not is_known(words[-2]) or words[0] in STOP_WORDS or words[0] in QUANTITY_WORDS:
            continue
        found.append((match.start(1), match.end(1)))
    return found


def _noun_phrase(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """The coined name inside ``sentence[start:end]``: no determiner, quantity, novelty adjective or
    generic head noun; None when nothing specific is left."""
    phrase = sentence[start:end]
    lead = len(phrase) - len(phrase.lstrip())
    start, phrase = start + lead, phrase.strip()
    det = _DETERMINER.match(phrase)
    if det:
        start, phrase = start + det.end(), phrase[det.end() :]
    words = phrase.split()
    if any(w.lower() in QUANTITY_WORDS for w in words) or (words and words[-1].lower() in REPORTING_WORDS):
        return None
    while words and words[0].lower() in {"novel", "new", "simple"}:
        start += len(words[0]) + 1
        words = words[1:]
    while words and words[-1].lower() in COINED_HEAD_NOUNS:
        words = words[:-1]
    if not words or len(words) > 5 or any(w.lower() in STOP_WORDS or not re.fullmatch(_WORDS, w) for w in words):
        return None
    name = " ".join(words)
    if sentence[start : start + len(name)] != name:
        return None
    lower = not any(c.isupper() for c in name)
    if (lower and len(words) < 2) or words[0].lower() in MODIFIER_BLOCK or is_generic(name) or is_known(name):
        return None
    return start, start + len(name)
