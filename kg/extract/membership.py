"""IS_A rules: each function reads one way an abstract places a method in a family.

``is_a_relations`` (in ``families``) runs them all over one ``FamilyContext``; keeping every rule a
small function of the same context lets each be tested, and measured, on its own.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from kg.extract.budget import tick
from kg.extract.claims import Named
from kg.extract.vocabulary import (
    EVALUATIVE_WORDS,
    GENERIC_CLASS_HEADS,
    MEMBERSHIP_VERBS,
    NOT_CLASS_HEADS,
)
from kg.taxonomy import Taxonomy, load_taxonomy

Pair = tuple[str, str]
Phrase = tuple[int, int, str]  # (start, end, canonical family)

# families that name the kind of model a method is applied to ("… for Large Language Models"), not
# the kind of method it is
_MODEL_CLASS = re.compile(r"\b(?:models|architectures|transformers|networks|encoders|detectors)$")
_SUCH_AS = re.compile(r"(?:(?<![\w-])(?:such as|like|including|namely|especially)|\be\.g\.,?|\bi\.e\.,?)\s+", re.I)
# words that continue a list item into a longer noun phrase: "Transformer-based PLMs", "TF-IDF weights"
_ITEM_CONTINUES = re.compile(
    r"(?:-|\s+(?:architectures?|models?|based|style|family|variants?|backbones?|encoders?|layers?|modules?|"
    r"weights|features|blocks?|heads?|scores?)\b)",
    re.I,
)
_LIST_END = re.compile(r"[.;:)]|\b(?:in terms of|on|for|to|which|that|with|by|as|are|is|have|has|were|was)\b")
_WORD = re.compile(r"[A-Za-z0-9][\w\-]*")
_TOKENS = re.compile(r"[A-Za-z0-9][\w\-]*|[^\sA-Za-z0-9]")


@dataclass
class FamilyContext:
    """What every IS_A rule reads: the text, its resolved method mentions and its family phrases."""

    text: str
    named: list[Named]
    proposed: list[str]
    proposal_spans: list[tuple[int, int]]
    title_end: int
    acronyms: dict[str, str]
    families: list[Phrase]
    taxonomy: Taxonomy = field(default_factory=load_taxonomy)

    @property
    def methods(self) -> list[Named]:
        return [n for n in self.named if n.type in {"Method", "Model"}]


def class_phrase(ctx: FamilyContext, end: int) -> str | None:
    """The family a class noun phrase ending at ``end`` names, or None.

    "popular PEFT techniques" → parameter-efficient fine-tuning (a taxonomy surface, acronyms expanded);
    "different model search algorithms" → "model search algorithms" (praise and quantifiers dropped);
    "4-bit quantization methods" → itself (modifiers narrow the taxonomy family, so the text's words win);
    "retrieval augmented LLM" → "retrieval augmented large language models".
    """
    before = ctx.text[max(0, end - 120) : end]
    before = re.split(r"[\n.;:]", before)[-1].rstrip(" ,(")
    before = re.sub(r"\s*\([^()]*\)", "", before)  # "Information Retrieval (IR) methods", "models (e.g."
    words: list[str] = []
    for token in reversed(_TOKENS.findall(before)):
        low = token.lower()
        if _WORD.fullmatch(token) and low in EVALUATIVE_WORDS and _taxonomy_family([token, *words]):
            words.insert(0, token)  # "large" in "large language models" is part of the family's name
            continue
        if (
            not _WORD.fullmatch(token)
            or low in STOP_WORDS
            or low in MEMBERSHIP_VERBS
            or low in EVALUATIVE_WORDS
            or len(words) == 4
        ):
            break  # punctuation, a function word, a verb or praise ends the phrase
        words.insert(0, token)
    return _resolve_class(ctx, words) if words else None


def _resolve_class(ctx: FamilyContext, words: list[str]) -> str | None:
    """Map a class noun phrase's words to a family name (see ``class_phrase``): the longest suffix that
    is a taxonomy family (a generic head such as "techniques" may follow it) decides, and the text's own
    lower-case words are kept where they say more than the taxonomy's name."""
    expanded = [ctx.acronyms.get(w, w) for w in words]
    for i in range(len(words)):
        family = _taxonomy_family(words[i:]) or _taxonomy_family(expanded[i:])
        if not family:
            continue
        if i == 0 or _has_acronym(words[i:]):
            return family if i == 0 else " ".join([*(w.lower() for w in expanded[:i]), family])
        return " ".join(w.lower() for w in words)
    lowered = [w.lower() for w in expanded]
    if len(words) < 2 or _has_acronym(words):
        return None
    if lowered[-1] in GENERIC_CLASS_HEADS:  # "model search algorithms": a class by its (plural) generic head
        core = _without_generic_head(lowered).split()
        plural = lowered[-1].endswith("s")
        if plural and len(core) == 1 and _CLASS_ADJECTIVE.search(core[0]):
            return " ".join(lowered)  # "convolutional architectures", "data-augmented models": the head stays
        return " ".join(core) if plural and len(core) >= 2 and not core[0].endswith("ing") else None
    head = lowered[-1].split("-")[-1]
    return " ".join(lowered) if head not in NOT_CLASS_HEADS and re.search(r"[a-z]s$", head) else None


# a one-word modifier that makes a kind: "convolutional", "generative", "data-augmented"
_CLASS_ADJECTIVE = re.compile(r"(?:ional|ative|ive|-\w+ed|-based)$")


def _without_generic_head(words: list[str]) -> str:
    """ "4-bit quantization methods" → "4-bit quantization": the family, not the word for its members."""
    while len(words) > 1 and words[-1] in GENERIC_CLASS_HEADS:
        words = words[:-1]
    return " ".join(words)


def _taxonomy_family(words: list[str]) -> str | None:
    """The family ``words`` name, with or without trailing generic heads ("PEFT techniques")."""
    while words:
        family = canonical_family(" ".join(words))
        if family or len(words) == 1 or words[-1].lower() not in GENERIC_CLASS_HEADS:
            return family
        words = words[:-1]
    return None


def _has_acronym(words: list[str]) -> bool:
    return any(sum(c.isupper() for c in w) >= 2 for w in words)


def listed_members(ctx: FamilyContext) -> list[Pair]:
    """ "F such as X, Y and Z", "F (e.g., X)", "F including X": every listed method is an F."""
    pairs: list[Pair] = []
    for cue in _SUCH_AS.finditer(ctx.text):
        tick()
        family = class_phrase(ctx, cue.start())
        if not family:
            continue
        rest = ctx.text[cue.end() :]
        stop = _LIST_END.search(rest)
        list_end = cue.end() + (stop.start() if stop else len(rest))
        for n in ctx.methods:
            if cue.end() <= n.start < list_end and not _ITEM_CONTINUES.match(ctx.text, n.end):
                pairs.append((n.name, _narrowest(ctx, n.name, family)))
    return pairs


_PAREN = re.compile(r"\(([^()]{1,80})\)")
_LIST_GLUE = re.compile(r"[\s,]*(?:\band\b|\bor\b)?[\s,]*")


def parenthesized_members(ctx: FamilyContext) -> list[Pair]:
    """ "convolutional architectures (ResNet)", "dense retrievers (DPR, ColBERT and ANCE)": names listed
    in brackets right after a class are members of it; an acronym of the words before is not."""
    pairs: list[Pair] = []
    for paren in _PAREN.finditer(ctx.text):
        tick()
        inside = [n for n in ctx.methods if paren.start(1) <= n.start and n.end <= paren.end(1)]
        if not inside or inside[0].name in ctx.acronyms:
            continue
        rest, at = [], paren.start(1)
        for n in inside:
            rest.append(ctx.text[at : n.start])
            at = n.end
        rest.append(ctx.text[at : paren.end(1)])
        if not all(_LIST_GLUE.fullmatch(piece) for piece in rest):
            continue  # "(trained on ImageNet)": a remark, not a list of members
        if not re.search(r"[a-z]s\s*$", ctx.text[max(0, paren.start() - 30) : paren.start()]):
            continue  # a singular phrase before the bracket names one thing: "late interaction (ColBERT)"
        family = class_phrase(ctx, paren.start())
        if family:
            pairs.extend((n.name, _narrowest(ctx, n.name, family)) for n in inside)
    return pairs


def _narrowest(ctx: FamilyContext, name: str, family: str) -> str:
    """A curated family of ``name`` under a root class the text names is the more precise answer:
    "LMs like LLaMA 3" → large language models (but "PEFT methods like Adapter" stay PEFT)."""
    if ctx.taxonomy.families.get(family) is None or ctx.taxonomy.families[family].parents:
        return family
    for own in curated_families(ctx.taxonomy, name):
        if family in ctx.taxonomy.ancestors(own):
            return own
    return family


def curated_families(taxonomy: Taxonomy, name: str) -> tuple[str, ...]:
    """Families the taxonomy lists for ``name``, its sized checkpoint base or its unversioned name."""
    for candidate in name_variants(name):
        listed = taxonomy.members.get(candidate) or _loose_members().get(_loose_key(candidate))
        if listed:
            return listed
    return ()


@lru_cache(maxsize=1 << 14)
def canonical_family(phrase: str) -> str | None:
    """The taxonomy family a surface names, tolerant of spacing and number: "dense retriever",
    "low rank adaptation", "Pretrained Language Models"."""
    strict = load_taxonomy().family_for(phrase)
    if strict or any(c.isupper() for word in re.split(r"[\s-]+", phrase) for c in word[1:]):
        return strict  # "DETR" is a method, though "DETRs" names its family; "Late Interactions" is title case
    return _loose_families().get(_loose_key(phrase, plural=True))


@cache
def _loose_families() -> dict[str, str]:
    index: dict[str, str] = {}
    for surface, family in load_taxonomy().surfaces().items():
        index.setdefault(_loose_key(surface, plural=True), family)
    return index


@cache
def _loose_members() -> dict[str, tuple[str, ...]]:
    return {_loose_key(k): v for k, v in load_taxonomy().members.items()}


def _loose_key(name: str, plural: bool = False) -> str:
    """Separator-free key ("BM-25" = BM25); with ``plural`` a final -s/-es goes too."""
    key = re.sub(r"[\W_]+", "", name.casefold())
    return re.sub(r"(?:es|s)$", "", key) if plural and len(key) > 4 and not key.endswith("ss") else key


_SIZES = r"mini|tiny|small|base|medium|large|huge|xl|xxl|[sblh]"


def name_variants(name: str) -> list[str]:
    """ "LLaMA3.1-8B" → itself, "LLaMA3.1", "LLaMA"; "BERT-base" → "BERT": the names it is a checkpoint of."""
    base = re.sub(r"[\s\-_](?:\d+(?:\.\d+)?[BMK]|" + _SIZES + r")$", "", name, flags=re.I)
    base = re.sub(r"\s*\([^()]*\)$", "", base)  # "ZeroQuant(4+2)" is a ZeroQuant
    unversioned = re.sub(r"[\s\-]?v?\d+(?:\.\d+)*$", "", base)
    return list(dict.fromkeys([name, base, unversioned]))


_APPOSITION = re.compile(r"\s*(?:\*\*)?\s*(?:\([^)]*\)\s*)?[,:\-–]\s*(?:a|an|the)\s+([^.;,()]{0,80})", re.I)
_APPOSITION_HEAD = re.compile(
    r"\b(?:methods?|approach(?:es)?|techniques?|models?|frameworks?|architectures?|algorithms?|detectors?|"
    r"variants?|schemes?|systems?|networks?|modules?|mechanisms?|strategy|strategies)\b|\b(?:that|which|for|to|with|"
    r"based|using|by|in|of|designed|tailored|specialized)\b",
    re.I,
)


def apposition(ctx: FamilyContext) -> list[Pair]:
    """ "X, a PEFT method", "X: a novel knowledge distillation framework", "X, a retrieval augmented LLM"."""
    pairs: list[Pair] = []
    for n in ctx.methods:
        tick()
        m = _APPOSITION.match(ctx.text, n.end)
        if not m:
            continue
        head = _APPOSITION_HEAD.search(ctx.text, m.start(1), m.end(1))
        stop = head.end() if head else m.end(1)
        for start, end, family in ctx.families:
            if m.start(1) <= start < stop:
                if family in ctx.taxonomy.umbrella:
                    family = class_phrase(ctx, end) or family  # an umbrella narrowed by its modifiers
                pairs.append((n.name, family))
                break
    return pairs


_CLAUSE_END = re.compile(r"[.;]|, (?:which|that|where|and|while|whose|\w+ing)\b| (?:that|which|where)\b")
_BUILT_WITH = re.compile(
    r"\b(?:including|empowered|using|via|with|built|based|combin\w+|integrat\w+|incorporat\w+)\b", re.I
)


def proposal_family(ctx: FamilyContext) -> list[Pair]:
    """ "we propose a new F method, X": a family named in the proposal clause says what X is, unless it
    names what X is for ("… X for LLMs"), what X is built with ("… with LoRA") or is X's own name."""
    pairs: list[Pair] = []
    for s_start, s_end in ctx.proposal_spans:
        tick()
        inside = [
            n
            for n in ctx.methods
            if s_start <= n.start < s_end and n.name in ctx.proposed and not canonical_family(n.name)
        ]
        if not inside:
            continue
        clause = ctx.text[s_start:s_end]
        limit = s_start + min(
            m.start() if m else len(clause) for m in (_CLAUSE_END.search(clause), _BUILT_WITH.search(clause))
        )
        inside = [n for n in inside if n.start < limit]
        for start, end, family in ctx.families:
            if not s_start <= start < limit or not inside:
                continue
            before = ctx.text[s_start:start]
            if re.search(r"\bfor\b", before) or re.match(r"[\s-]based\b", ctx.text[end:]):
                continue  # "a method for multi-query attention", "word-embedding based": purpose or part, not kind
            if re.search(
                r"(?<!kind )(?<!type )(?<!family )(?<!class )(?<!variant )(?<!form )"
                r"\b(?:of|to|on)\s+(?:[\w-]+\s+){0,2}$",
                before,
            ):
                continue  # "tuning of vision foundation models": what X is applied to, not what X is
            pairs.append((inside[0].name, family))
    return pairs


def title_purpose(ctx: FamilyContext) -> list[Pair]:
    """ "X: … for Parameter-Efficient Fine-Tuning": the title's purpose names X's family, unless it names
    the kind of model X is applied to ("… for Large Language Models")."""
    if not ctx.proposed or not ctx.title_end:
        return []
    purpose = re.search(r"\b(?:for|in|of)\s", ctx.text[: ctx.title_end])
    return [
        (ctx.proposed[0], family)
        for start, end, family in ctx.families
        if purpose and purpose.end() <= start < ctx.title_end and not _MODEL_CLASS.search(family)
    ]


def mentioned_membership(ctx: FamilyContext, placed: Set[str] = frozenset()) -> list[Pair]:
    """A well-known method (or a sized checkpoint of one: "LLaMA 2 7B") in a paper that names its family:
    "LoRA" where the text discusses PEFT.

    The pair uses the narrowest of the curated family and its ancestors that the text itself names, so
    knowledge only picks among families the abstract brings up; a root umbrella ("fine-tuning",
    "language models") is too broad to reach through an ancestor, and a method a text pattern already
    ``placed`` keeps the text's family.
    """
    taxonomy = ctx.taxonomy
    pairs: list[Pair] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    for n in ctx.methods:
        spans.setdefault(n.name, []).append((n.start, n.end))
    for name, own in spans.items():
        tick()
        if name in placed:
            continue
        named_in_text = {
            family for start, end, family in ctx.families if (start, end) not in own and _discussed(ctx, start, end)
        }
        own_family = canonical_family(name)
        for family in curated_families(taxonomy, name) or ((own_family,) if own_family else ()):
            broader = [
                a for a in taxonomy.ancestors(family) if a not in taxonomy.umbrella or taxonomy.families[a].parents
            ]
            candidates = broader if own_family else [family, *broader]  # "adapters" names its own family
            chosen = next((c for c in candidates if c in named_in_text), None)
            if chosen:
                pairs.append((name, chosen))
    return pairs


def _discussed(ctx: FamilyContext, start: int, end: int) -> bool:
    """True for a family phrase that discusses the family at large; not one that describes a proposal
    ("X, a PEFT method"), heads a list of its members ("F such as A and B": those are the members the
    text meant) or names the rivals of a comparison ("outperforms prior F")."""
    for n in ctx.methods:
        if n.name in ctx.proposed and n.end <= start and _APPOSITION.match(ctx.text, n.end):
            if re.fullmatch(r"[^.;]{0,40}", ctx.text[n.end : start]):
                return False
    if re.match(r"\s*(?:[a-z]+\s+)?(?:\([^)]*\)\s*)?,?\s*" + _SUCH_AS.pattern, ctx.text[end:], re.I):
        return False
    return not re.search(_COMPARISON.pattern + r"(?:[\w-]+\s+){0,3}$", ctx.text[max(0, start - 80) : start], re.I)


def named_head_family(ctx: FamilyContext) -> list[Pair]:
    """A proposal or acronym whose name or expansion ends in a family: "sparse low-rank adaptation (SoRA)"
    is a low-rank adaptation method, "rotary positional encoding (RoPE)" a positional encoding."""
    pairs: list[Pair] = []
    names = dict.fromkeys([*ctx.proposed, *(n.name for n in ctx.methods if n.name in ctx.acronyms)])
    for name in names:
        forms = [name, *(long for short, long in ctx.acronyms.items() if short == name)]
        for form in forms:
            words = form.split()
            for i in range(1, len(words)):
                family = canonical_family(" ".join(words[i:])) if len(words) - i >= 2 else None
                if family and family not in ctx.taxonomy.umbrella:  # one word ("… Adapter") is too loose
                    pairs.append((name, family))
                    break
    return pairs


def first_of_kind(ctx: FamilyContext) -> list[Pair]:
    """ "this is the first Vision Mamba model designed for …": the paper's proposal is an F."""
    if not ctx.proposed:
        return []
    pairs: list[Pair] = []
    for m in re.finditer(r"\b(?:this|it|ours?)\s+is\s+the\s+first\s+", ctx.text, re.I):
        for start, _end, family in ctx.families:
            if m.end() <= start <= m.end() + 1:
                pairs.append((ctx.proposed[0], family))
    return pairs


_TITLE_KIND = re.compile(r":\s*(?:(?:a|an|the)\s+)?")


def title_kind(ctx: FamilyContext) -> list[Pair]:
    """ "LoLDU: Low-Rank Adaptation via …", "SLAB: Efficient Transformers with …": the title's phrase
    after the colon says what its name is (one leading modifier allowed: "Flexible Low Rank Adaptation")."""
    colon = ctx.text.find(":", 0, ctx.title_end)
    if not ctx.proposed or colon < 0:
        return []
    head = _TITLE_KIND.match(ctx.text, colon)
    starts = {head.end()} if head else set()
    modifier = re.match(r"[A-Z][\w-]*(?<!ing)\s+", ctx.text[head.end() :]) if head else None
    if head and modifier:
        starts.add(head.end() + modifier.end())
    return [
        (ctx.proposed[0], family)
        for start, end, family in ctx.families
        if start in starts
        and end <= ctx.title_end
        and not _is_root_umbrella(ctx.taxonomy, family)
        and not re.match(r"\s+[A-Z]", ctx.text[end : ctx.title_end])  # "LLMs Quantization": not the head
    ]


def title_family(ctx: FamilyContext) -> list[Pair]:
    """ "CorpusBrain: Pre-train a Generative Retrieval Model for …": the one family the title's own
    clause names (not one after "for", "with", "via" …, which says what it serves or uses) is what
    the named contribution is."""
    colon = ctx.text.find(":", 0, ctx.title_end)
    if not ctx.proposed or colon < 0:
        return []
    found = [
        family
        for start, end, family in ctx.families
        if colon < start < ctx.title_end
        and not _is_root_umbrella(ctx.taxonomy, family)
        and not re.search(
            r"\b(?:for|of|in|on|with|via|using|from|to|by|into|beyond|towards?)\b", ctx.text[colon:start], re.I
        )
        and re.match(
            r"\s*(?:$|[,:;(]|(?:for|of|in|on|with|via|using|and|from|to|by|through)\b)",
            ctx.text[end : ctx.title_end],
            re.I,
        )
    ]  # the family must head its phrase: "LLM Fine-tuning" is fine-tuning, not an LLM
    return [(ctx.proposed[0], found[0])] if len(set(found)) == 1 else []


def _is_root_umbrella(taxonomy: Taxonomy, family: str) -> bool:
    """ "fine-tuning", "language models": too broad to say what a method is."""
    return family in taxonomy.umbrella and not (taxonomy.families.get(family) and taxonomy.families[family].parents)


_COMPARISON = re.compile(
    r"\b(?:outperform\w*|surpass\w*|superior\w*(?: to| over)?|superiority of|better than|exceed\w*|beats?|"
    r"improves? (?:over|upon)|compared (?:to|with))\s+",
    re.I,
)


_PEER_QUALIFIERS = re.compile(
    r"^(?:(?:the|all|other|existing|previous|prior|current|popular|mainstream|conventional|competing|strong|"
    r"recent|leading|representative|several|many|state-of-the-art|sota)\s+)+",
    re.I,
)


def peer_family(winner: str, loser_phrase: str, proposed: list[str]) -> Pair | None:
    """ "X outperforms other / the state-of-the-art PEFT methods": a proposed X measured against its peers
    is one of them. Not for language-model families: a method is often measured against the models it runs on."""
    if winner not in proposed:
        return None
    stripped = _PEER_QUALIFIERS.sub("", loser_phrase.strip())
    if stripped == loser_phrase.strip():
        return None  # no word saying these are peers ("outperforms baselines" names no kind)
    family = canonical_family(stripped) or canonical_family(_without_generic_head(stripped.split()))
    if family is None or "language models" in family:
        return None
    return winner, family
