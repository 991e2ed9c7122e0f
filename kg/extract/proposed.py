"""What a paper proposes: the title's name ("MUVERA: …") and "we propose X" style statements."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from kg.extract.lexicon import is_known
from kg.extract.mentions import Mention, is_name_shaped
from kg.extract.vocabulary import NOT_LEAD_HEADS, NOT_TITLE_NAMES

_TITLE_NAME = re.compile(r"^\s*([^:]{1,60}?)\s*:\s*\S")
_PROPOSE = re.compile(
    r"\b(?:we|this (?:paper|work|study)|in this (?:paper|work)|here)\b[^.;]{0,60}?\b"
    r"(?:propose|present|introduce|develop|design|devise|describe|build|contribute|release|construct|create|raise)s?d?\b",
    re.I,
)
# "we establish … by constructing a Description Detection Dataset (D^3)"
_BY_DOING = re.compile(
    r"\bby\s+(?:propos|introduc|present|construct|build|creat|develop|design|devis|curat|collect)ing\b", re.I
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
# "we introduced the idea of Mixture-of-Experts (MoE) into the field of RM": an idea carried into a new field
_IDEA_OF = re.compile(r"\b(?:idea|concept|notion|use|paradigm|principle)s?\s+of\s+(?:the\s+)?$", re.I)
_INTO_AFTER = re.compile(r"\s*\)?\s*(?:\([^()]{1,40}\)\s*)?into\b")
# "we release the code for SFT": what the released code implements is the paper's own
_RELEASED_FOR = re.compile(r"\b(?:code|implementation|weights|checkpoints)\s+(?:for|of)\s+$", re.I)
# "rotary positional encoding (RoPE) [32]", "BM25 (Robertson et al., 2009)": a citation marks earlier work
_CITATION = re.compile(
    r"\s*\)?\s*(?:\([^()]{1,30}\)\s*)?(?:\[\d+(?:\s*[,\-\u2013]\s*\d+)*\]|\([A-Z][^()]{0,60}\bet al\.?,?\s*\d{4}\w?\))"
)
_COMPARED_BEFORE = re.compile(r"\b(?:compared (?:to|with)|than|over|against|e\.g\.|such as|unlike)\b[^.;]*$", re.I)
_OURS_AFTER = re.compile(
    r",\s*(?:(?:one of |each of )?our\b|(?:another|the|a|one of the)\s+(?:newly\s+)?proposed\s+(?:[a-z\-]+\s+)?"
    r"(?:models?|methods?|variants?|approach|architectures?|framework|networks?|datasets?|benchmark|algorithm)\s*,)",
    re.I,
)
# "The derived token mixer, FFNified attention, …": an appositive naming what the paper built
_RESULT_BEFORE = re.compile(
    r"\b(?:the|our)\s+(?:derived|resulting|proposed|new|novel)\s+(?:[a-z\-]+\s+){0,2}[a-z\-]+,\s*$", re.I
)
_ALSO = re.compile(
    r"(?:\band|coupled with|as well as|along with|together with)\s+(?:the|a|an)?\s*(?:[\w\-]+\s+){0,2}$", re.I
)


def title_names(title: str, abstract: str = "") -> list[str]:
    """Names the title puts before a colon: "MUVERA: …", "RS5M and GeoRSCLIP: …", "Sigma: …".

    A multi-word prefix without a name-shaped word ("Mamba Retriever") counts only when the
    abstract uses it too; "Transforming Image Super-Resolution:" is a headline, not a name.
    """
    match = _TITLE_NAME.match(title)
    if not match:
        return []
    prefix = re.sub(r"^(?:The|A|An)\s+(?=[A-Z])", "", match.group(1).strip())  # "The Reactor: …" names Reactor
    parts = [p.strip() for p in re.split(r"\s+(?:and|&)\s+|,\s*", prefix) if p.strip()]
    if len(parts) > 1 and all(re.fullmatch(r"[A-Z][a-z]+", p) for p in parts):
        return []  # "Look, Listen and Learn: …": a slogan of plain words, not names
    names = []
    for part in parts:
        words = part.split()
        if part.casefold() in NOT_TITLE_NAMES or len(words) > 3 or words[0].lower().endswith("ing"):
            return []
        if any(is_name_shaped(w) for w in words) or (len(words) == 1 and part[:1].isupper()):
            names.append(part)
        elif all(w[:1].isupper() for w in words) and part in abstract:
            names.append(part)
        else:
            return []
    return names


_TITLE_LEAD = re.compile(
    r"^\s*((?:[A-Z][\w\-]*\s+){0,4}?[A-Z][\w\-]*)\s+(?i:(?:based\s+on|built\s+on)|for|in|via|with|is|are|to|of|using|"
    r"through|by|on|as|from)\b"
)


# "Adding Gradient Noise Improves Learning …": a gerund subject of a claim verb is the technique studied
_TITLE_CLAIM = re.compile(
    r"^\s*([A-Z][a-z]+ing(?:\s+[A-Z][\w\-]*){1,3})\s+(?:Improves|Enables|Boosts|Helps|Yields|Beats|Outperforms"
    r"|Reduces|Prevents|Mitigates|Accelerates|Stabili[sz]es)\b"
)


def title_lead_phrase(title: str, abstract: str) -> str | None:
    """A title that opens with its contribution ("Composable Sparse Fine-Tuning for …").

    The phrase counts when the abstract repeats it; the abstract's spelling is returned.
    """
    claim = _TITLE_CLAIM.match(title)
    if claim:
        found = re.search(r"(?<![\w-])" + re.escape(claim.group(1)) + r"(?![\w-])", abstract, re.I)
        return found.group(0) if found else None
    match = _TITLE_LEAD.match(title)
    if not match or ":" in title[: match.end()]:
        return None
    words = match.group(1).split()
    if len(words) > 2 and re.fullmatch(r"[A-Z][a-z]+ly", words[0]) and words[1].endswith("ed"):
        words = words[2:]  # "Progressively Optimized Bi-Granular …": the name follows the participle
    phrase = " ".join(words)
    if len(words) == 1 and not is_name_shaped(words[0]):
        return None
    if words[0].lower().endswith("ing") or words[-1].lower() in NOT_LEAD_HEADS or words[0].lower() in STOP_WORDS:
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
        for match in _BY_DOING.finditer(sentence):
            spans.append((start + match.end(), start + _clause_end(sentence, match.end())))
        for match in _CALLED.finditer(sentence):
            spans.append((start + match.end(), start + min(len(sentence), match.end() + 60)))
    return spans


def _clause_end(sentence: str, pos: int) -> int:
    # "a framework that includes X": a relative clause listing the parts continues the proposal
    parts = r"(?!(?:includes|comprises|contains|consists)\b)"
    stop = re.compile(
        r"[.;]|, (?:which|that|where|and|to|while|whose)\b"
        + parts
        + r"| that \b"
        + parts
        + r"| which \b"
        + parts
        + r"| to (?!\w+-)"
    )
    m = stop.search(sentence, pos)
    return m.start() if m else len(sentence)


def proposed_mentions(text: str, sentences: list[tuple[int, int]], mentions: list[Mention]) -> list[Mention]:
    """Mentions of what the paper proposes, in the order the abstract names them."""
    chosen: list[Mention] = []
    for span_start, span_end in proposal_spans(text, sentences):
        inside = [
            m
            for m in mentions
            if span_start <= m.start < span_end
            and m.source in {"name", "acronym", "corpus", "title"}
            and not is_known(m.text)
            and _introduced_here(text, span_start, _context_start(text, m, mentions))
            and not _carried_into(text, m, _context_start(text, m, mentions))
            and not _EXAMPLES.search(text, span_start, m.start)  # "introduce algorithms such as MCTS"
            and not _EARLIER.search(text, span_start, m.start)  # "an improvement on the previous paper known as X"
        ]
        window = text[span_start:span_end]
        called = _CALLED.search(window)
        if called:
            inside = [m for m in inside if m.start >= span_start + called.end()] or inside
        if not inside:
            # "propose a method that additionally Rewrites the Code (ReCo)": the acronym the proposal
            # sentence goes on to define names what it proposes
            inside = _defined_after(text, span_start, _sentence_end(text, sentences, span_start), mentions)[:1]
        if inside:
            chosen.append(inside[0])
            # "X coupled with the Y metric", "X and Y": further contributions in the same clause
            for m in inside[1:]:
                if _ALSO.search(text[max(span_start, m.start - 40) : m.start]):
                    chosen.append(m)
    for start, end in sentences[1:]:
        for parts in _PARTS_OF_OURS.finditer(text, start, end):
            chosen.extend(_defined_after(text, parts.end(), end, mentions))
    for m in mentions:
        if (
            _is_name_source(m)
            and not is_known(m.text)
            and (
                _OUR.search(text[max(0, m.start - 40) : m.start])
                or _RESULT_BEFORE.search(text[max(0, m.start - 50) : m.start])
                or (
                    _OURS_AFTER.match(text, m.end) and not _COMPARED_BEFORE.search(text[max(0, m.start - 60) : m.start])
                )
            )
        ):
            chosen.append(m)
    return chosen


# "our framework consists of a Multi-modal Feature Pool (MFP) module and a …": the parts are the paper's too
_PARTS_OF_OURS = re.compile(
    r"\b(?:our|the proposed)\s+(?:[\w-]+\s+){0,2}(?:framework|method|model|approach|system|architecture|pipeline|"
    r"network)\s+(?:mainly\s+)?(?:consists of|comprises|is composed of|contains|includes)\b",
    re.I,
)


def _defined_after(text: str, start: int, end: int, mentions: list[Mention]) -> list[Mention]:
    """Acronyms defined between ``start`` and ``end`` ("Long Form (SHORT)") that are neither well
    known nor cited, nor the object of a purpose word ("for …")."""
    return [
        m
        for m in mentions
        if start <= m.start < end
        and m.source == "acronym"
        and text[m.start - 1 : m.start] == "("
        and not is_known(m.text)
        and not is_cited(text, m.end)
        and _introduced_here(text, start, _context_start(text, m, mentions))
        and not _carried_into(text, m, _context_start(text, m, mentions))
        and not _EXAMPLES.search(text, start, m.start)
    ]


# "introduce search algorithms such as MCTS": examples of a kind, not the contribution ("namely X" and
# "an architecture including X" do name the contribution or its parts)
_EARLIER = re.compile(r"\b(?:previous|prior|earlier|existing|original|conventional)\b[^,.;]{0,40}$")
_EXAMPLES = re.compile(r"(?<![\w-])(?:such as|like|e\.g\.)\s")


def _sentence_end(text: str, sentences: list[tuple[int, int]], at: int) -> int:
    return next((end for start, end in sentences if start <= at < end), len(text))


def _introduced_here(text: str, span_start: int, at: int) -> bool:
    """False when the words before ``at`` make the name a purpose or a setting ("for X", "on X") rather
    than the object of the proposal verb; "and X" and "the code for X" keep it an object."""
    return (
        not _PURPOSE.search(text[max(span_start, at - 25) : at])
        or _ALSO.search(text[max(span_start, at - 40) : at]) is not None
        or _RELEASED_FOR.search(text[max(span_start, at - 25) : at]) is not None
    )


def _carried_into(text: str, m: Mention, at: int) -> bool:
    """ "the idea of X (X') into Y": X is borrowed from elsewhere, not introduced by the paper."""
    return _IDEA_OF.search(text[max(0, at - 30) : at]) is not None and _INTO_AFTER.match(text, m.end) is not None


def _context_start(text: str, m: Mention, mentions: list[Mention]) -> int:
    """Where the words that govern ``m`` end: for "Mixture-of-Experts (MoE)" the acronym reads in the
    context of its expansion."""
    before = text[: m.start].rstrip()
    if not before.endswith("("):
        return m.start
    paren = len(before) - 1
    for other in mentions:
        if other.end <= paren and not text[other.end : paren].strip():
            return other.start
    return m.start


def _is_name_source(m: Mention) -> bool:
    """Detectors whose mentions can be a contribution's name; "our partial backpropagation algorithm"
    makes a lower-case training-regime phrase one too."""
    return m.source in {"name", "acronym", "corpus", "coined"} or (m.source == "task" and m.type_hint == "Method")


def is_cited(text: str, end: int) -> bool:
    """True when a citation follows the name ending at ``end``: "ALiBi [23]", "(ALiBi) [23]"."""
    return _CITATION.match(text, end) is not None
