"""Noun-phrase candidates from part-of-speech tags: the lower-case concepts name rules miss.

"in-batch negative sampling", "kernel fusion", "dense retrieval", "latency": a run of adjectives,
participles and nouns ending in a noun, inside one sentence, trimmed of words that only say how
good, new or many something is ("novel", "existing", "several") and of a trailing head that only
says it is a method ("… strategy", "… framework"). Each chunk is one candidate; the typer
(``kg.typer``) decides whether it is an entity and of which type.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.mentions import Mention
from kg.extract.syntax import Tagged

NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS"})
INSIDE = NOUNS | {"JJ", "JJR", "JJS", "VBN", "VBG", "HYPH", "CD", "FW"}
LEADING_NOISE = frozenset({
    "novel", "new", "existing", "proposed", "various", "different", "several", "many", "multiple", "strong",
    "recent", "popular", "prior", "previous", "current", "standard", "typical", "conventional", "traditional",
    "effective", "efficient", "simple", "powerful", "robust", "significant", "substantial", "large", "small",
    "extensive", "comprehensive", "other", "such", "same", "first", "second", "third", "key", "main", "major",
    "specific", "general", "overall", "whole", "entire", "original", "additional", "further", "more", "most",
    "less", "fewer", "better", "best", "higher", "lower", "superior", "competitive", "remarkable", "promising",
    "challenging", "important", "critical", "crucial", "diverse", "wide", "broad", "great", "good", "high",
    "low", "impressive", "considerable", "notable", "improved", "enhanced", "unified", "unique", "state-of-the-art",
    "sota", "leading", "well-known", "widely-used", "widely", "commonly", "common", "underlying", "resulting",
    "corresponding", "respective", "given", "certain", "numerous", "empirical", "optional", "only", "novel",
})
TRAILING_HEADS = frozenset({
    "method", "methods", "approach", "approaches", "framework", "frameworks", "technique", "techniques",
    "strategy", "strategies", "mechanism", "mechanisms", "scheme", "schemes", "paradigm", "paradigms",
    "pipeline", "pipelines", "module", "modules", "procedure", "procedures", "process", "setting", "settings",
    "performance", "results", "result", "capabilities", "capability", "ability", "abilities", "problem", "problems",
    "component", "components",
})
GENERIC_ALONE = frozenset({
    "model", "models", "method", "methods", "data", "paper", "work", "results", "performance", "approach",
    "framework", "task", "tasks", "system", "systems", "network", "networks", "experiments", "analysis",
    "state", "art", "way", "ways", "number", "set", "use", "terms", "order", "time", "problem", "cost",
    "information", "knowledge", "example", "examples", "case", "cases", "type", "types", "form", "forms",
    "level", "levels", "range", "variety", "amount", "part", "parts", "lack", "need", "fact", "effect",
    "effects", "impact", "aspect", "aspects", "step", "steps", "stage", "stages", "process", "quality",
})
MAX_WORDS = 6
_HYPHENATED = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+")


def _trim(run: list[Tagged]) -> list[Tagged]:
    while run and (run[0].text.casefold() in LEADING_NOISE or run[0].tag in {"CD", "HYPH", "VBG", "VBN"}):
        run = run[1:]
    while run and run[-1].tag not in NOUNS:
        run = run[:-1]
    if len(run) > 1 and run[-1].text.casefold() in TRAILING_HEADS:
        run = run[:-1]
        while run and run[-1].tag not in NOUNS:
            run = run[:-1]
    return run


def hyphenated(tokens: Sequence[Tagged], text: str) -> list[Tagged]:
    """Tokens with hyphenated words joined ("in", "-", "batch" → "in-batch"), tagged as their last part."""
    out: list[Tagged] = []
    for token in tokens:
        prev = out[-1] if out else None
        if prev is not None and token.start == prev.end and (token.text == "-" or prev.text.endswith("-")):
            tag = prev.tag if token.text == "-" else token.tag
            out[-1] = Tagged(prev.start, token.end, text[prev.start : token.end], tag)
        else:
            out.append(token)
    return out


def noun_chunks(tokens: Sequence[Tagged], text: str) -> list[Mention]:
    """One candidate per noun phrase of ``tokens`` (tags of ``text``), trimmed; none that is a bare generic word."""
    found: list[Mention] = []
    run: list[Tagged] = []
    tokens = hyphenated(tokens, text)

    def close() -> None:
        chunk = _trim(run)
        if not chunk:
            return
        start, end = chunk[0].start, chunk[-1].end
        surface = text[start:end]
        words = surface.split()
        if len(words) > MAX_WORDS or "\n" in surface:
            return
        if len(words) == 1 and (surface.casefold() in GENERIC_ALONE or len(surface) < 3):
            return
        found.append(Mention(start, end, surface, "chunk"))

    for token in tokens:
        if token.tag not in INSIDE and _HYPHENATED.fullmatch(token.text):
            token = Tagged(token.start, token.end, token.text, "JJ")  # "in-batch": a modifier whatever its first part is
        if token.tag in INSIDE:
            run.append(token)
        else:
            close()
            run = []
    close()
    return found
