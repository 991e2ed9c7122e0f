"""Family membership (IS_A) and derivation (EXTENDS) from text patterns and name structure."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from kg.extract import membership
from kg.extract.acronyms import find_definitions
from kg.extract.alternation import prefix_tree_pattern
from kg.extract.budget import tick
from kg.extract.claims import Named
from kg.extract.membership import FamilyContext, canonical_family
from kg.extract.names import surface_key
from kg.extract.vocabulary import SAME_THING_HEADS
from kg.records import Outperforms
from kg.taxonomy import load_taxonomy

_EXTEND_CUES = re.compile(
    r"\b(?:variant of|extension of|extends?|extending|generali[sz]es|generali[sz]ation of|built (?:up)?on(?: top of)?|"
    r"based on|builds? (?:up)?on|improves?(?: the performance of| upon)?|enhances?|modif(?:y|ies|ication of))\s+",
    re.I,
)


@cache
def _family_pattern() -> re.Pattern[str]:
    """Every taxonomy surface in one prefix-tree pattern, hyphen/space insensitive: separators are
    optional ("pre trained" matches "pretrained"), and a multi-word surface matches in either
    number ("dense retrievers" matches "dense retriever"; "a DETR variant" is one variant, not the
    family "DETR variants")."""
    phrases: list[str] = []
    for surface in load_taxonomy().surfaces():
        if len(surface) < 3:
            continue
        phrases.append(surface)
        if " " in surface and _plural(surface) and not surface.endswith(" variants"):
            phrases.append(surface[:-1])
    body = prefix_tree_pattern(phrases, _char_regex, _plural_tail)
    return re.compile(r"(?<![\w-])" + body + r"(?![\w-])", re.I)


def _plural(surface: str) -> bool:
    return surface.endswith("s") and not surface.endswith("ss")


def _char_regex(char: str) -> str:
    return r"[\s\-]*" if char == " " else re.escape(char)


def _plural_tail(surface: str) -> str:
    return "s?" if " " in surface and not _plural(surface) else ""


def family_phrases(text: str, acronyms: dict[str, str] | None = None) -> list[tuple[int, int, str]]:
    """Taxonomy family surfaces in ``text``: (start, end, canonical family), longest first per place.

    An acronym the paper defines counts through its expansion ("a RLFT method" → RL fine-tuning).
    """
    found: list[tuple[int, int, str]] = []
    for short, long_form in (acronyms or {}).items():
        family = canonical_family(long_form)
        if family:
            for m in re.finditer(r"(?<![\w-])" + re.escape(short) + r"(?![\w-])", text):
                found.append((m.start(), m.end(), family))
    for m in _family_pattern().finditer(text):
        found.append((m.start(), m.end(), canonical_family(m.group()) or m.group()))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, str]] = []
    for f in found:
        if out and f[0] < out[-1][1]:
            continue
        out.append(f)
    return out


IS_A_RULES: dict[str, Callable[[FamilyContext], list[tuple[str, str]]]] = {
    "apposition": membership.apposition,
    "listed": membership.listed_members,
    "parenthesized": membership.parenthesized_members,
    "proposal": membership.proposal_family,
    "title": membership.title_purpose,
    "named_head": membership.named_head_family,
    "first_of_kind": membership.first_of_kind,
    "title_kind": membership.title_kind,
    "title_family": membership.title_family,
}


def family_context(
    text: str,
    named: list[Named],
    proposed: list[str],
    proposal_spans: list[tuple[int, int]],
    title_end: int,
    acronyms: dict[str, str] | None = None,
) -> FamilyContext:
    """The shared input of every IS_A rule."""
    acronyms = acronyms or {}
    return FamilyContext(text, named, proposed, proposal_spans, title_end, acronyms, family_phrases(text, acronyms))


def is_a_relations(
    text: str,
    named: list[Named],
    proposed: list[str],
    proposal_spans: list[tuple[int, int]],
    title_end: int,
    acronyms: dict[str, str] | None = None,
) -> list[tuple[str, str]]:
    """(method, family) pairs the text states or clearly implies (one rule per way of saying it, see
    ``membership``), plus the families a name-derived variant shares with its base: LoRA-XS is a
    low-rank adaptation method because LoRA is."""
    ctx = family_context(text, named, proposed, proposal_spans, title_end, acronyms)
    pairs = [pair for rule in IS_A_RULES.values() for pair in rule(ctx)]
    pairs += membership.mentioned_membership(ctx, {name for name, _ in pairs})
    return _unique(pairs + inherited_families(ctx, pairs))


def inherited_families(ctx: FamilyContext, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A variant named after one base (Focus-DETR ← DETR, GeoRSCLIP ← CLIP, DiMR-XL ← DiMR) is of the
    base's family; not a name whose head noun changes the kind ("Mamba Retriever") or that mixes two
    bases ("FER-YOLO-Mamba"), nor a family's own name ("Vision Mamba")."""
    names = list(dict.fromkeys(n.name for n in ctx.methods))
    out: list[tuple[str, str]] = []
    for new in names:
        tick()
        if membership.canonical_family(new) or membership.curated_families(ctx.taxonomy, new):
            continue  # a family's own name, or a well-known method whose families are curated
        bases = [b for b in names if built_from(new, b) and not membership.canonical_family(b)]
        if not bases:  # a sized checkpoint of a method named in the paper
            bases = [v for v in membership.name_variants(new)[1:] if v in names][:1]
        if len(bases) != 1 or re.search(re.escape(bases[0]) + r"[\s-]+[A-Z][a-z]{3,}", new):
            continue
        known = [f for m, f in pairs if m == bases[0]] or list(membership.curated_families(ctx.taxonomy, bases[0]))
        out.extend((new, family) for family in known)
    return out


@lru_cache(maxsize=1 << 16)
def built_from(new: str, base: str) -> bool:
    """True when ``new``'s name is made from ``base``'s: LoRA-SB ← LoRA, Co-DETR ← DETR, PrFlashAttention ←
    FlashAttention, GeoRSCLIP ← CLIP; not LLaMA 2 ← LLaMA (a version) or LoRA ← LoRA-XS."""
    if new.startswith(base) and new[len(base) :] in ("+", "++"):
        return True  # "DefSent+", "C++"-style: a plus version of the base
    if base == new or surface_key(base) == surface_key(new) or len(base) < 3 or base.islower() or new.islower():
        return False
    parts = [p for p in re.split(r"[-_\s]+", new) if p]
    base_parts = [p for p in re.split(r"[-_\s]+", base) if p]
    n = len(base_parts)
    if len(parts) > n and any(parts[i : i + n] == base_parts for i in range(len(parts) - n + 1)):
        rest = [
            p
            for i, p in enumerate(parts)
            if not any(i in range(j, j + n) for j in range(len(parts)) if parts[j : j + n] == base_parts)
        ]
        # a version or a size ("LLaMA 2", "BERT-Large") is the same method, not a variant of it
        return not all(re.fullmatch(r"v?\d+(?:\.\d+)?[BMK]?|" + _SIZES + "|" + _STAGES, p, re.I) for p in rest)
    if " " in new or " " in base or not any(c.isupper() for c in base[1:] + base[:1]):
        return False
    if new.endswith(base) and len(new) - len(base) >= 2 and new[: -len(base)][-1:].isalpha():
        return sum(c.isupper() for c in base) >= 2  # CamelCase or acronym suffix
    return False


_SIZES = r"mini|tiny|small|base|medium|large|huge|xl|xxl|[sblh]"
_STAGES = r"sft|rlhf|dpo|instruct|chat|it"  # "Tulu3-SFT", "Llama-2-Chat": a training stage of the same model
_VARIANT_OF = re.compile(
    r"[*\"')\]]*\s*,?\s*(?:a|an)\s+(?:novel\s+|new\s+|simple\s+|improved\s+|efficient\s+)*(?P<base>[\w\-]+)\s+"
    r"(?:method|framework|variant|approach|model|architecture|technique|algorithm|extension)\b"
)
_EXTEND_TO = re.compile(r"\bextend(?:s|ed|ing)?\s+(?:the\s+\w+\s+of\s+)?(?P<base>[\w\-]+)\s+(?:to|into)\b", re.I)
# "we extend the foundational GAR framework and propose … ReCo": what the sentence proposes builds on the base
_EXTEND_AND_PROPOSE = re.compile(
    r"\bextend(?:s|ed)?\s+(?:the\s+)?(?:[\w-]+\s+)?(?P<base>[\w\-]+)\s+(?:[a-z]+\s+)?and\s+(?:then\s+)?propose", re.I
)
_TITLE_USES = re.compile(r"\b(?:Utilizing|Using|Combined|Combining|with|via|Based on|Built on)\b", re.I)


def extends_relations(text: str, named: list[Named], proposed: list[str], title_end: int = 0) -> list[tuple[str, str]]:
    """(new, base) pairs: names built from a base's name ("LoRA-SB" ← LoRA, for every named method, not
    only proposed ones), "P, a novel X framework", "X-based" inside a proposal, "we extend X to P",
    "P: … Utilizing X …" in the title, and "a variant of X" style cues near the proposal."""
    pairs: list[tuple[str, str]] = []
    methods = [n for n in named if n.type in {"Method", "Model"}]
    names = list(dict.fromkeys(n.name for n in methods))
    for new in names:
        tick()
        # any named method built from another's name (a bare suffix match only for what is proposed);
        # of nested bases keep the root: DINO-Deformable-DETR ← DETR, not ← Deformable-DETR
        bases = [b for b in names if built_from(new, b) and (new in proposed or re.search(r"[-_\s]", new))]
        if new not in proposed:
            bases = [b for b in bases if not any(built_from(b, other) for other in bases)]
        pairs.extend((new, base) for base in bases)
    by_name: dict[str, Named] = {}
    for n in methods:
        by_name.setdefault(n.name, n)
    for p in proposed:
        for at in (n for n in methods if n.name == p):
            m = _VARIANT_OF.match(text, at.end)
            if m and m.group("base") in by_name and m.group("base") not in proposed:
                pairs.append((p, m.group("base")))
            # "the ConvFormer-based Super-Resolution network (CFSR)": an X-based adjective right before P
            window = text[max(0, at.start - 60) : at.end]
            for based in re.finditer(r"([\w]+)-based\b", window):
                if (
                    based.group(1) in by_name
                    and based.group(1) != p
                    and not re.search(r"[,.;:]", window[based.end() :])
                ):
                    pairs.append((p, based.group(1)))
    for m in [*_EXTEND_TO.finditer(text), *_EXTEND_AND_PROPOSE.finditer(text)]:
        sentence_end = text.find(". ", m.end())
        reach = m.end() + 80 if m.re is _EXTEND_TO else (sentence_end if sentence_end > 0 else len(text))
        after = [n for n in methods if m.end() <= n.start < reach and n.name in proposed]
        if after and m.group("base") in by_name:
            pairs.append((after[0].name, m.group("base")))
    if proposed and title_end:
        uses = _TITLE_USES.search(text, 0, title_end)
        if uses:
            for n in methods:
                if uses.end() <= n.start < title_end and n.name not in proposed:
                    pairs.append((proposed[0], n.name))
    if proposed:
        for cue in _EXTEND_CUES.finditer(text):
            sentence_start = max(text.rfind(". ", 0, cue.start()), text.rfind("\n", 0, cue.start())) + 1
            sentence_end = text.find(". ", cue.end())
            sentence = text[sentence_start : sentence_end if sentence_end > 0 else len(text)]
            subject = next((p for p in proposed if p in sentence), None)
            strong = re.match(r"(?:variant|extension|generali[sz]ation) of", cue.group(), re.I)
            if subject is None and not strong and not re.search(r"\b(?:we|our)\b", sentence, re.I):
                continue  # a plain "variant of X" still describes the paper's method; weaker cues need "we"
            lead = _BASE_LEAD.match(text, cue.end())
            base_at = lead.end() if lead else cue.end()
            following = [n for n in named if base_at <= n.start < base_at + 4 and n.type in {"Method", "Model"}]
            if following and following[0].name not in proposed:
                pairs.append((subject or proposed[0], following[0].name))
    pairs += _new_versions(named, proposed)
    pairs += expansion_bases(text, methods, proposed, title_end)
    pairs += built_with(text, methods, proposed)
    return _unique([pair for pair in pairs if _plausible_extension(*pair) and not _used_as_class(text, pair[1])])


_CLASS_AFTER = re.compile(
    r"\s+(?:models|methods|approaches|policies|systems|agents|algorithms|architectures|frameworks|"
    r"paradigms?|techniques|learning|generation)\b"
)
_CLASS_LONG = re.compile(r"\b(?:models|learning|reality|generation|networks|systems|agents|intelligence)$", re.I)


def _used_as_class(text: str, base: str) -> bool:
    """An acronym the paper defines for a category or a field, not for one method: "reinforcement learning
    (RL)", "Vision-Language-Action (VLA) models", "multi-modal large language models (MLLMs)". "HiF-VLA"
    names a VLA model; it does not extend a method called VLA. Well-known names the paper does not define
    ("CLIP models", "Mamba") and acronyms of one method ("low-rank adaptation (LoRA)") stay bases."""
    long_form = next((d.long for d in find_definitions(text) if d.short == base), None)
    if long_form is None:
        return False
    if _CLASS_LONG.search(long_form):
        return True
    return any(_CLASS_AFTER.match(text, at.end()) for at in re.finditer(rf"(?<![\w-]){re.escape(base)}(?![\w-])", text))


def _new_versions(named: list[Named], proposed: list[str]) -> list[tuple[str, str]]:
    """A proposal named as a new version of a named method or model ("ConspEmoLLM-v2" ← ConspEmoLLM,
    "FlyAwareV2" ← FlyAware): the paper builds on its earlier one. Versions the paper does not propose
    ("LLaMA 2" beside LLaMA) stay the same model, as ``built_from`` says."""
    kinds = {n.name: n.type for n in named}
    pairs = []
    for new in proposed:
        for base, kind in kinds.items():
            if (
                len(base) >= 3
                and kind in {"Method", "Model"}
                and kinds.get(new) in {"Method", "Model"}
                and re.fullmatch(re.escape(base) + r"[-_ ]?[vV]?\d+(?:\.\d+)?", new)
            ):
                pairs.append((new, base))
    return pairs


_BASE_LEAD = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:(?:simple|generali[sz]ed|modified|improved|novel|new|lightweight|sparse)\s+)?"
    r"(?:(?:variant|version|extension|generali[sz]ation) of\s+(?:the\s+)?)?",
    re.I,
)
_BUILT_WITH = re.compile(
    r"\s(?:using|leverag\w+|exploit\w+|built (?:up)?on|on top of)\s+(?:the\s+)?(?:added\s+)?", re.I
)


def built_with(text: str, methods: list[Named], proposed: list[str]) -> list[tuple[str, str]]:
    """ "an EMEF method for quantized models using LoRA", "an LREC method that exploits the added LoRA
    layers": a named method the proposal's own clause says it is made with."""
    pairs: list[tuple[str, str]] = []
    for p in (n for n in methods if n.name in proposed):
        clause = re.match(r"[^.;]{0,60}", text[p.end :])
        window_end = p.end + (clause.end() if clause else 0)
        for cue in _BUILT_WITH.finditer(text, p.end, window_end):
            # the base right after the cue, or the acronym closing a description of it: "using
            # contextualized late interaction (ColBERT)"
            base = next(
                (
                    n
                    for n in methods
                    if n.start == cue.end()
                    or (
                        n.start > cue.end()
                        and text[n.start - 1] == "("
                        and re.fullmatch(r"[\w -]{3,60} ", text[cue.end() : n.start - 1])
                    )
                ),
                None,
            )
            if base and base.name not in proposed:
                pairs.append((p.name, base.name))
    return pairs


def _plausible_extension(new: str, base: str) -> bool:
    """Drop pairs that name a family rather than a method ("DiMR" ← "diffusion models", "Vision Mamba" ←
    Mamba), a training stage ("Tulu3-SFT" ← SFT) or the same thing described ("ANN search" ← ANN)."""
    if membership.canonical_family(new) or (load_taxonomy().family_for(base) and not base[:1].isupper()):
        return False
    if re.fullmatch(_STAGES, base, re.I) and re.search(r"[-_\s]" + re.escape(base) + r"$", new):
        return False
    rest = [w for w in re.split(r"[-_\s]+", new.replace(base, " ")) if w]
    if rest and base in new and all(w.lower() in SAME_THING_HEADS for w in rest):
        return False
    # "INT2 Large Language Model"
    return not (base in new and len(rest) > 1 and membership.canonical_family(" ".join(rest)))


def expansion_bases(text: str, methods: list[Named], proposed: list[str], title_end: int) -> list[tuple[str, str]]:
    """A proposal whose spelled-out name contains another method's name is built on it: "Convolutional
    Transformer layer (ConvFormer)" ← Transformer, "Double-Layer MoE RM (DMoERM)" ← MoE, and a title
    "LoLDU: Low-Rank Adaptation via …" ← LoRA (whose expansion the abstract gives)."""
    definitions = {d.short: d.long for d in find_definitions(text)}
    surfaces: dict[str, set[str]] = {}
    for n in methods:
        forms = surfaces.setdefault(n.name, {n.name})
        forms.add(text[n.start : n.end])
        if n.name in definitions:
            forms.add(definitions[n.name])
    pairs: list[tuple[str, str]] = []
    for p in proposed:
        spelled = [definitions[p]] if p in definitions else []
        spelled += [text[n.start : n.end] for n in methods if n.name == p and " " in text[n.start : n.end]]
        colon = text.find(":", 0, title_end)
        title = ""
        if colon > 0 and text[:colon].strip() == p and "?" not in text[colon:title_end]:
            title = re.split(r"\s+(?:via|for|with|by|using|through|in|of|on)\s+", text[colon + 1 : title_end].strip())[
                0
            ]
        for base, forms in surfaces.items():
            if base == p or base in proposed:
                continue
            # a spelled-out name must say more than the base ("… Adaptation" alone may be an alias of P)
            if any(_contains_words(s, f) for s in spelled for f in forms if 3 <= len(f) < 0.7 * len(s)) or any(
                _contains_words(title, f)
                for f in forms
                if (" " in f or sum(c.isupper() for c in f) >= 2) and (f != base or len(f) < 0.7 * len(title))
            ):
                pairs.append((p, base))
    return pairs


def _contains_words(phrase: str, part: str) -> bool:
    return _word_pattern(part).search(phrase) is not None


@lru_cache(maxsize=4096)
def _word_pattern(part: str) -> re.Pattern[str]:
    """``part`` as a whole word or phrase, any case (compiled once: names repeat across papers)."""
    return re.compile(r"(?<![\w-])" + re.escape(part) + r"(?![\w-])", re.I)


def _unique(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    out = []
    for p in pairs:
        if p not in seen and p[0] != p[1]:
            seen.add(p)
            out.append(p)
    return out


_CLASS_OF = re.compile(
    r"\b(?:other|existing|previous|prior|popular|mainstream|regular|standard|current|conventional|"
    r"state-of-the-art|sota|all)\b|\b(?:methods|approaches|techniques|models|variants|baselines)\b",
    re.I,
)


def expand_family_claims(
    claims: list[Outperforms], is_a: list[tuple[str, str]], extends: list[tuple[str, str]]
) -> list[Outperforms]:
    """A claim against a family ("outperforms other PEFT methods") also holds against each member
    the paper itself places in that family ("PEFT techniques including QLoRA, LoRA …"); a member
    known only from the curated taxonomy is not enough to say the paper compared against it."""
    taxonomy = load_taxonomy()
    families_of: dict[str, set[str]] = {}
    for name, family in is_a:
        families_of.setdefault(name, set()).add(family)
    for fams in families_of.values():
        for fam in list(fams):
            fams.update(taxonomy.ancestors(fam))
    out = list(claims)
    seen = {(c.winner, c.loser) for c in claims}
    for claim in claims:
        tick()
        if not claim.loser_generic:
            continue
        if not _CLASS_OF.search(claim.loser) and load_taxonomy().family_for(claim.loser) is None:
            continue  # "the full fine-tuning" names one method, not a class of them
        for _, _, family in family_phrases(claim.loser):
            for name, fams in families_of.items():
                if (claim.winner, name) in extends:
                    continue  # "Focus-DETR beats DETR-like detectors" is about DETR's variants, not DETR
                if name.islower():
                    continue  # "adapters", "prompt tuning": a kind of method, not one the paper ran
                if family in fams and name != claim.winner and (claim.winner, name) not in seen:
                    seen.add((claim.winner, name))
                    out.append(
                        claim.model_copy(
                            update={
                                "loser": name,
                                "loser_generic": False,
                                "confidence": round(claim.confidence - 0.1, 2),
                            }
                        )
                    )
    return out
