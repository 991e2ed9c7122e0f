"""Find entity mentions in one paper's text: name-shaped tokens, known names and task phrases.

Each detector returns ``Mention``s with character offsets; ``select_mentions`` keeps the
longest non-overlapping ones, preferring the more reliable detectors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.extract.budget import tick
from kg.extract.lexicon import is_known, known_entities
from kg.extract.vocabulary import (
    ED_MODIFIERS,
    ING_NOUNS,
    MODIFIER_BLOCK,
    NAME_HEADS,
    NOT_NAMES,
    S_NOT_PLURAL,
    SCORE_SUFFIXES,
    TASK_HEADS,
)
from kg.records import EntityType

# detector priority: lower wins when spans overlap with equal length
PRIORITY = {
    "acronym": 0,
    "title": 1,
    "corpus": 2,
    "lexicon": 3,
    "name": 4,
    "task": 5,
    "metric": 6,
    "ner": 7,
    "chunk": 8,
}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    source: str
    type_hint: EntityType | None = None


# --- name-shaped tokens -------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z0-9][\w\-\.\^{}+*@/]*(?:[\w}+]|\^\*)|[A-Za-z0-9]")
_URL = re.compile(r"(?:https?|www\.|\.(?:com|org|io|net|edu|ai)\b|github|gitee)", re.I)
_ADJECTIVE_SUFFIX = re.compile(
    r"-(?:(?i:like|based|style|free|aware|specific|driven|guided|oriented|centric|selected|only)|[a-z]+ed)$"
)
# sizes and versions ("7B", "v2", "3.5"), not scores: "41.8" or "3.65" after a name is what it reached
_SIZE = re.compile(r"^(?:\d+(?:\.\d+)?[BMKbmk]|v\d+(?:\.\d+)?|\d+|\d\.\d)$")


def _known_apart(name: str, following: str) -> bool:
    """Two well-known names of different kinds side by side are two mentions: "MS-MARCO MRR@10"."""
    known = known_entities()
    first, second = known.get(name.casefold()), known.get(following.casefold())
    return first is not None and second is not None and first != second


@lru_cache(maxsize=1 << 16)
def is_name_shaped(token: str) -> bool:
    """True for tokens that only a name would look like: LoRA, GeAR, S2FT, RAF-DB, BERT."""
    core = token.strip(".-")
    if core in NOT_NAMES or len(core) < 2:
        return False
    if re.fullmatch(r"[A-Za-z]_\w{1,2}", core) or re.search(r"[a-z]\.[A-Z]", core):  # W_Q; "latency.Codes"
        return False
    if re.fullmatch(r"[\d\W_]+", core):
        return False
    if re.fullmatch(r"\d+(?:\.\d+)?[A-Za-z]{1,2}", core):  # 7B, 13B, 16ms, 2x
        return False
    upper = sum(c.isupper() for c in core)
    if upper >= 2:
        return True
    if upper == 1 and not core[0].isupper():  # iPhone, mBERT, wav2vec? (mixed case)
        return True
    if upper == 1 and any(c.isdigit() for c in core) and core[0].isalpha():  # T5, Flickr30k
        return True
    return "^{" in core


def name_mentions(text: str, sentence_starts: set[int], title_end: int = 0) -> list[Mention]:
    """Name-shaped tokens, extended over version/size suffixes ("LLaMA 2 7B") and title-case runs.

    Inside the title (the first ``title_end`` characters) every word is capitalised, so there a
    name never extends over capitalised words.
    """
    found: list[Mention] = []
    tokens = list(_TOKEN.finditer(text))
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        word = tok.group()
        if word.islower() and "-" not in word and "^" not in word:
            i += 1  # a plain lower-case word starts no name: the common case, decided cheaply
            continue
        if (
            _URL.search(word)
            or text[max(0, tok.start() - 3) : tok.start()] in {"://", "ww."}
            or word.startswith("non-")
        ):
            i += 1
            continue
        adjective = _ADJECTIVE_SUFFIX.search(word)
        if adjective and (is_name_shaped(word[: adjective.start()]) or is_known(word[: adjective.start()])):
            # "DETR-like models", "CNN-based schemes": a mention of the base name
            found.append(Mention(tok.start(), tok.start() + adjective.start(), word[: adjective.start()], "name"))
            i += 1
            continue
        if tok.start() < title_end and re.fullmatch(
            r"[A-Z][a-z]+(?:-(?:[A-Z][a-z]+|to|of|and|the|in|for|a|vs))+", word
        ):
            i += 1  # "Plan-Guided", "Next-Gen", "Coarse-to-Fine" in a title are title case, not names
            continue
        if is_name_shaped(word):
            start, end = tok.start(), tok.end()
            # a preceding capitalised word that is not sentence-initial ("Stable Diffusion", "Swin Transformer")
            j = i + 1
            while (
                j < len(tokens)
                and text[tokens[j - 1].end() : tokens[j].start()] == " "
                and not (
                    # "On CIFAR-100 ELUs networks …": a numbered name ends before another name
                    re.search(r"\d$", tokens[j - 1].group())
                    and is_name_shaped(tokens[j].group())
                    and not _SIZE.match(tokens[j].group())
                    and tokens[j].group() not in SCORE_SUFFIXES
                )
                and not _known_apart(text[start : tokens[j - 1].end()], tokens[j].group())
                and (
                    _SIZE.match(tokens[j].group())
                    or is_name_shaped(tokens[j].group())
                    or (
                        tokens[j].start() >= title_end
                        and tokens[j].group()[:1].isupper()
                        and tokens[j].group().lower() not in STOP_WORDS
                    )
                    or tokens[j].group() in NAME_HEADS
                )
            ):
                end = tokens[j].end()
                j += 1
            name = text[start:end].rstrip(".")
            found.append(Mention(start, end, name, "name"))
            # "LLaMA 2 7B and 13B": the second size names a second checkpoint of the same model
            sized = re.match(r"^(.*\S)\s+\d+(?:\.\d+)?[BM]$", name)
            also = re.match(r" and (\d+(?:\.\d+)?[BM])\b", text[end:])
            if sized and also:
                found.append(
                    Mention(end + 5, end + 5 + len(also.group(1)), f"{sized.group(1)} {also.group(1)}", "name")
                )
            i = j
            continue
        if re.search(
            r"\b(?:called|named|dubbed|termed|coined as)\s$", text[max(0, tok.start() - 12) : tok.start()]
        ) and (word[:1].isupper() and word.lower() not in STOP_WORDS):
            j = i + 1  # "an agent called Reactor", "an algorithm called Distributional Retrace"
            while (
                j < len(tokens)
                and text[tokens[j - 1].end() : tokens[j].start()] == " "
                and tokens[j].group()[:1].isupper()
            ):
                j += 1
            end = tokens[j - 1].end()
            found.append(Mention(tok.start(), end, text[tok.start() : end].rstrip("."), "name"))
            i = j
            continue
        # Title-Case runs of two or more capitalised words mid-sentence: "Natural Questions"
        if (
            word[:1].isupper()
            and tok.start() >= title_end
            and tok.start() not in sentence_starts
            and word.lower() not in STOP_WORDS
        ):
            j = i + 1
            while (
                j < len(tokens)
                and text[tokens[j - 1].end() : tokens[j].start()] == " "
                and tokens[j].group()[:1].isupper()
                and not _known_apart(text[tok.start() : tokens[j - 1].end()], tokens[j].group())
            ):
                j += 1
            while i < j and tokens[i].group() in NOT_NAMES:
                i += 1
            while j > i and tokens[j - 1].group().lower() in STOP_WORDS:
                j -= 1  # "Abstract For …": a run does not end in a function word
            if j - i >= 2 and all(len(t.group()) > 1 for t in tokens[i:j]):
                start, end = tokens[i].start(), tokens[j - 1].end()
                found.append(Mention(start, end, text[start:end].rstrip("."), "name"))
                i = j
                continue
        i += 1
    return found


# --- phrase lexicons (shipped lexicon, corpus-wide names) ---------------------------------


def phrase_mentions(doc: Doc, matcher: PhraseMatcher, source: str, types: dict[str, EntityType]) -> list[Mention]:
    found = []
    for _match_id, start, end in matcher(doc):
        span = doc[start:end]
        # never start or end inside a token of the text
        found.append(Mention(span.start_char, span.end_char, span.text, source, types.get(span.text.casefold())))
    return found


# --- task phrases -------------------------------------------------------------------------

# a task phrase right before one of these is the modifier of a system class: "neural retrieval models"
_SYSTEM_AFTER = re.compile(
    r"\s+(?:models?|methods?|systems?|approaches|architectures?|frameworks?|pipelines?|retrievers?|encoders?)\b"
)
_TASK = re.compile(
    r"\b((?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*\s){0,3}?)(" + "|".join(re.escape(h) for h in TASK_HEADS) + r")\b"
)


def _not_task_word(word: str) -> bool:
    """A word that cannot open a task phrase: a verb in -s ("fuses": English noun modifiers are
    singular, "image retrieval"), a verb in -ing ("performing code retrieval"), or an adverb compound
    ("widely-adopted")."""
    if word.endswith("s") and not word.endswith(S_NOT_PLURAL) and "-" not in word:
        return True
    if word.endswith("ing") and not word.endswith(("string", "thing")) and word not in ING_NOUNS and "-" not in word:
        return True
    if word.endswith(("ize", "ise", "izes", "ises")) and "-" not in word:
        return True  # "maximize modeling": a verb
    if word.endswith("ed") and "-" not in word and word not in ED_MODIFIERS:
        return True  # "demonstrated code generation": a verb or its participle
    return bool(re.match(r"[a-z]+ly-", word))


def task_mentions(text: str) -> list[Mention]:
    """Lower-case noun phrases headed by a task word: "facial expression recognition"."""
    found = []
    for match in _TASK.finditer(text):
        words = match.group(1).split()
        while words and (
            words[0] in STOP_WORDS or words[0] in MODIFIER_BLOCK or words[0].endswith("ly") or _not_task_word(words[0])
        ):
            words.pop(0)
        blocked = [
            i
            for i, w in enumerate(words)
            if w in STOP_WORDS or w in MODIFIER_BLOCK or (_not_task_word(w) and not w.endswith("ed"))
        ]  # inside a phrase a participle is a modifier: "zero-shot composed image retrieval"
        if blocked:
            words = words[blocked[-1] + 1 :]  # keep only the words after the last blocked one
        if not words:
            continue
        phrase = " ".join([*words, match.group(2)])
        start = match.end() - len(phrase)
        if text[start : match.end()] != phrase or _SYSTEM_AFTER.match(text, match.end()):
            continue
        found.append(Mention(start, match.end(), phrase, "task", "Task"))
    return found


# --- lower-case method phrases --------------------------------------------------------------

_METHOD_PHRASE = re.compile(
    r"\b((?:full|full-parameter|partial|standard|vanilla|conventional|sparse|selective)\s+"
    r"(?:fine-tuning|finetuning|FT|tuning|backpropagation))\b"
)


def method_mentions(text: str) -> list[Mention]:
    """Training regimes named in lower case: "full fine-tuning", "full-parameter finetuning"."""
    return [Mention(m.start(1), m.end(1), m.group(1), "task", "Method") for m in _METHOD_PHRASE.finditer(text)]


# --- overlap resolution -------------------------------------------------------------------


def select_mentions(candidates: Iterable[Mention]) -> list[Mention]:
    """Longest non-overlapping mentions; ties go to the more reliable detector."""
    ordered = sorted(candidates, key=lambda m: (-(m.end - m.start), PRIORITY.get(m.source, 9), m.start))
    taken: list[Mention] = []
    occupied: list[tuple[int, int]] = []
    for m in ordered:
        tick()
        if any(m.start < e and s < m.end for s, e in occupied):
            continue
        taken.append(m)
        occupied.append((m.start, m.end))
    return sorted(taken, key=lambda m: m.start)
