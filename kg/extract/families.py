"""Family membership (IS_A) and derivation (EXTENDS) from text patterns and name structure."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.claims import Named
from kg.extract.names import surface_key
from kg.taxonomy import load_taxonomy
from kg.types import Outperforms

_HEADS = r"(?:methods?|approach(?:es)?|techniques?|models?|frameworks?|architectures?|algorithms?|detectors?|variants?)"
_SUCH_AS = re.compile(r"(?:\b(?:such as|like|including|namely)|\be\.g\.,?|\bi\.e\.,?)\s+", re.I)
_APPOSITION = re.compile(r"^\s*,?\s*(?:a|an|the)\s+((?:[\w\-]+\s+){0,6}?[\w\-]+)(?:\s*\([^)]*\))?\s*(?:" + _HEADS + r")?\b", re.I)
_EXTEND_CUES = re.compile(
    r"\b(?:variant of|extension of|extends?|extending|generali[sz]es|generali[sz]ation of|built (?:up)?on(?: top of)?|"
    r"based on|builds? (?:up)?on|improves?(?: the performance of| upon)?|enhances?|modif(?:y|ies|ication of))\s+",
    re.I,
)


@cache
def _family_pattern() -> re.Pattern[str]:
    """One alternation over every taxonomy surface, longest first, hyphen/space insensitive."""
    surfaces = sorted((s for s in load_taxonomy().surfaces() if len(s) >= 3), key=len, reverse=True)
    body = "|".join(re.escape(s).replace(r"\ ", r"[\s\-]+") for s in surfaces)
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.I)


def family_phrases(text: str, acronyms: dict[str, str] | None = None) -> list[tuple[int, int, str]]:
    """Taxonomy family surfaces in ``text``: (start, end, canonical family), longest first per place.

    An acronym the paper defines counts through its expansion ("a RLFT method" → RL fine-tuning).
    """
    taxonomy = load_taxonomy()
    found: list[tuple[int, int, str]] = []
    for short, long_form in (acronyms or {}).items():
        family = taxonomy.family_for(long_form)
        if family:
            for m in re.finditer(r"(?<![\w-])" + re.escape(short) + r"(?![\w-])", text):
                found.append((m.start(), m.end(), family))
    for m in _family_pattern().finditer(text):
        found.append((m.start(), m.end(), taxonomy.family_for(m.group()) or m.group()))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, str]] = []
    for f in found:
        if out and f[0] < out[-1][1]:
            continue
        out.append(f)
    return out


def is_a_relations(
    text: str,
    named: list[Named],
    proposed: list[str],
    proposal_spans: list[tuple[int, int]],
    title_end: int,
    acronyms: dict[str, str] | None = None,
) -> list[tuple[str, str]]:
    """(method, family) pairs the text states or clearly implies.

    "X, a PEFT method"; "PEFT methods such as X and Y"; "we propose X, a … F approach" (a family
    named in the proposal clause); "… for Parameter-Efficient Fine-Tuning" in a title that names X;
    and sized checkpoints of curated family members ("LLaMA 2 7B" is a large language model). Plain
    curated membership (LoRA is a low-rank adaptation method) is added by the graph, not claimed here.
    """
    families = family_phrases(text, acronyms or {})
    taxonomy = load_taxonomy()
    pairs: list[tuple[str, str]] = []
    methods = [n for n in named if n.type in {"Method", "Model"}]
    for n in methods:
        m = _APPOSITION.match(text, n.end)
        if m:
            for start, end, family in families:
                if m.start() <= start < m.end() + 2:
                    pairs.append((n.name, family))
                    break
    for start, end, family in families:
        after = text[end : end + 30]
        such = None
        for lead_pattern in (r"\s*(?:" + _HEADS + r")?\s*[,(]?\s*", r"\s*(?:" + _HEADS + r")?\s*(?:\([^)]*\))?\s*,?\s*"):
            lead = re.match(lead_pattern, after)
            such = _SUCH_AS.match(text, end + (lead.end() if lead else 0))
            if such:
                break
        if not such:
            continue
        list_end = re.search(r"[.;:)]|\b(?:in terms of|on|for|to|which|that|with|by)\b", text[such.end() :])
        stop = such.end() + (list_end.start() if list_end else len(text) - such.end())
        for n in methods:
            if such.end() <= n.start < stop:
                pairs.append((n.name, family))
    for s_start, s_end in proposal_spans:
        inside = [n.name for n in methods if s_start <= n.start < s_end and n.name in proposed]
        for start, end, family in families:
            if s_start <= start < s_end:
                for name in inside[:1]:
                    pairs.append((name, family))
    if proposed and title_end:
        purpose = re.search(r"\b(?:for|in|of)\s", text[:title_end])
        for start, end, family in families:
            if purpose and purpose.end() <= start < title_end:
                pairs.append((proposed[0], family))
    for n in methods:
        base = _without_size(n.name)
        if base != n.name:  # a sized checkpoint of a curated member: "LLaMA 2 7B", "Qwen2.5-7B" are LLMs
            unversioned = re.sub(r"[\s\-]?v?\d+(?:\.\d+)*$", "", base)
            families = taxonomy.families_of(base) or taxonomy.families_of(unversioned)
            pairs.extend((n.name, family) for family in families)
    return _unique(pairs)


def _without_size(name: str) -> str:
    """ "LLaMA 2 7B" → "LLaMA 2", "BERT-base" → "BERT": the family member a checkpoint belongs to."""
    return re.sub(r"[\s\-_](?:\d+(?:\.\d+)?[BMK]|" + _SIZES + r")$", "", name, flags=re.I)


def built_from(new: str, base: str) -> bool:
    """True when ``new``'s name is made from ``base``'s: LoRA-SB ← LoRA, Co-DETR ← DETR, PrFlashAttention ←
    FlashAttention, GeoRSCLIP ← CLIP; not LLaMA 2 ← LLaMA (a version) or LoRA ← LoRA-XS."""
    if base == new or surface_key(base) == surface_key(new) or len(base) < 3 or base.islower() or new.islower():
        return False
    parts = [p for p in re.split(r"[-_\s]+", new) if p]
    base_parts = [p for p in re.split(r"[-_\s]+", base) if p]
    n = len(base_parts)
    if len(parts) > n and any(parts[i : i + n] == base_parts for i in range(len(parts) - n + 1)):
        rest = [p for i, p in enumerate(parts) if not any(i in range(j, j + n) for j in range(len(parts)) if parts[j : j + n] == base_parts)]
        # a version or a size ("LLaMA 2", "BERT-Large") is the same method, not a variant of it
        return not all(re.fullmatch(r"v?\d+(?:\.\d+)?[BMK]?|" + _SIZES, p, re.I) for p in rest)
    if " " in new or " " in base or not any(c.isupper() for c in base[1:] + base[:1]):
        return False
    if new.endswith(base) and len(new) - len(base) >= 2 and new[: -len(base)][-1:].isalpha():
        return sum(c.isupper() for c in base) >= 2  # CamelCase or acronym suffix
    return False


_SIZES = r"mini|tiny|small|base|medium|large|huge|xl|xxl|[sblh]"
_VARIANT_OF = re.compile(
    r"^[*\"')\]]*\s*,?\s*(?:a|an)\s+(?:novel\s+|new\s+|simple\s+|improved\s+|efficient\s+)*(?P<base>[\w\-]+)\s+"
    r"(?:method|framework|variant|approach|model|architecture|technique|algorithm|extension)\b"
)
_EXTEND_TO = re.compile(r"\bextend(?:s|ed|ing)?\s+(?:the\s+\w+\s+of\s+)?(?P<base>[\w\-]+)\s+(?:to|into)\b", re.I)
_TITLE_USES = re.compile(r"\b(?:Utilizing|Using|Combined|Combining|with|via|Based on|Built on)\b", re.I)


def extends_relations(
    text: str, named: list[Named], proposed: list[str], title_end: int = 0
) -> list[tuple[str, str]]:
    """(new, base) pairs: names built from a base's name ("LoRA-SB" ← LoRA, for every named method, not
    only proposed ones), "P, a novel X framework", "X-based" inside a proposal, "we extend X to P",
    "P: … Utilizing X …" in the title, and "a variant of X" style cues near the proposal."""
    pairs: list[tuple[str, str]] = []
    methods = [n for n in named if n.type in {"Method", "Model"}]
    names = list(dict.fromkeys(n.name for n in methods))
    for new in names:
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
            for based in re.finditer(r"([\w]+)-based\b", text[max(0, at.start - 60) : at.end]):
                if based.group(1) in by_name and based.group(1) != p:
                    pairs.append((p, based.group(1)))
    for m in _EXTEND_TO.finditer(text):
        after = [n for n in methods if m.end() <= n.start < m.end() + 80 and n.name in proposed]
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
            if subject is None and not re.search(r"\b(?:we|our)\b", sentence, re.I):
                continue
            following = [n for n in named if cue.end() <= n.start < cue.end() + 4 and n.type in {"Method", "Model"}]
            if following and following[0].name not in proposed:
                pairs.append((subject or proposed[0], following[0].name))
    return _unique(pairs)


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
    for name, fams in families_of.items():
        for fam in list(fams):
            fams.update(taxonomy.ancestors(fam))
    out = list(claims)
    seen = {(c.winner, c.loser) for c in claims}
    for claim in claims:
        if not claim.loser_generic:
            continue
        if not _CLASS_OF.search(claim.loser) and load_taxonomy().family_for(claim.loser) is None:
            continue  # "the full fine-tuning" names one method, not a class of them
        for _, _, family in family_phrases(claim.loser):
            for name, fams in families_of.items():
                if (claim.winner, name) in extends:
                    continue  # "Focus-DETR beats DETR-like detectors" is about DETR's variants, not DETR
                if family in fams and name != claim.winner and (claim.winner, name) not in seen:
                    seen.add((claim.winner, name))
                    out.append(claim.model_copy(update={"loser": name, "loser_generic": False,
                                                         "confidence": round(claim.confidence - 0.1, 2)}))
    return out
