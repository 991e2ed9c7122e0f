"""Feature strings of a candidate: sparse, readable, cheap (a few dozen per candidate)."""

from __future__ import annotations

import re

from kg.typer import gazetteer
from kg.typer.candidate import Candidate

_WORD = re.compile(r"[A-Za-z]+|\d+")
_SIZE = re.compile(r"\d+(?:\.\d+)?\s?[BMK]\b|\b(?:base|large|small|tiny|mini|xl|xxl|huge|instruct|chat)\b", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d|['’]\d\d\b")


def shape(text: str) -> str:
    """Letters as X/x, digits as d, runs collapsed: "LoRA" → "XxX", "GPT-4" → "X-d", "dense retrieval" → "x x"."""
    out: list[str] = []
    for ch in text:
        s = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)[:12]


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def features(c: Candidate) -> list[str]:
    """Every feature of ``c`` as a string ("head=retrieval", "l1=on", "src=acronym", …)."""
    low = c.name.casefold()
    words = _words(c.name)
    out = [
        "bias",
        f"name={low}",
        f"shape={shape(c.name)}",
        f"nwords={min(len(c.name.split()), 5)}",
        f"rule={c.rule_type}",
        f"lex={c.known_type or '-'}",
    ]
    out += [f"surf={s.casefold()}" for s in c.surfaces if s.casefold() != low]
    out += [f"w={w}" for w in words]
    if words:
        out += [f"head={words[-1]}", f"first={words[0]}"]
    flags = {
        "lower": c.name.islower(),
        "caps": c.name.isupper(),
        "digit": any(ch.isdigit() for ch in c.name),
        "hyphen": "-" in c.name,
        "mixed": any(ch.isupper() for ch in c.name[1:]) and any(ch.islower() for ch in c.name),
        "upper1": c.name[:1].isupper(),
        "markup": "^" in c.name or "{" in c.name or "\\" in c.name,
        "size": bool(_SIZE.search(c.name)),
        "year": bool(_YEAR.search(c.name)),
        "title": c.in_title,
        "long": bool(c.long_form),
        "short": len(c.name) <= 3,
        "many": len(c.contexts) >= 3,
    }
    out += [f"flag={k}" for k, v in flags.items() if v]
    padded = f"<{low}>"
    out += [f"c3={padded[i : i + 3]}" for i in range(len(padded) - 2)]
    if c.long_form:
        long_words = _words(c.long_form)
        out += [f"lw={w}" for w in long_words]
        if long_words:
            out.append(f"lhead={long_words[-1]}")
    out += [f"src={s}" for s in sorted(set(c.sources))]
    for before, after in c.contexts:
        left, right = _words(before)[-2:], _words(after)[:2]
        if left:
            out.append(f"l1={left[-1]}")
        if len(left) == 2:
            out.append(f"l2={left[0]}_{left[1]}")
        if right:
            out.append(f"r1={right[0]}")
        if len(right) == 2:
            out.append(f"r2={right[0]}_{right[1]}")
        if before.rstrip().endswith("("):
            out.append("ctx=in_brackets")
        out += [f"lx={w}" for w in _words(before)[-6:-2]]
        out += [f"rx={w}" for w in _words(after)[2:6]]
    out += gazetteer.features([c.name, *c.surfaces, c.long_form] if c.long_form else [c.name, *c.surfaces])
    return sorted(set(out))
