"""Comparative and parity claims: "X outperforms Y on Z", "compared to Y, X …", "X matches Y"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from kg.extract.budget import tick
from kg.extract.vocabulary import MODIFIER_BLOCK
from kg.records import Comparable, EntityType, Outperforms

_STRONG = (
    r"(?:improve[sd]?|advance[sd]?|push(?:es)?)\s+(?:upon\s+|over\s+|on\s+)?"
    r"(?=the\s+(?:previous\s+|current\s+)?state[- ]of[- ]the[- ]art)|"
    r"improvements?\s+(?:on|over|upon)\s+(?=the\s+(?:previous\s+|current\s+)?state[- ]of[- ]the[- ]art)|"
    r"outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|better than|superior to|"
    r"exceed(?:s|ed|ing)?|outstrip(?:s|ped)?|"
    r"(?:improve[sd]?|improving) (?:over|upon)|superiority\b[^.;]{0,60}?\bover|"
    r"(?:better|higher|lower|fewer|less|faster|stronger|more \w+)\b[^.;,]{0,40}?\bthan"
)
_GAIN = (
    r"(?:improvements?|gains?|reductions?|advantages?|speed-?ups?|speeds? up|accelerat(?:es|ing)|"
    r"increas(?:es|ed|ing)|boost(?:s|ed|ing))\b"
    r"(?:[^.;]|\.\d){0,60}?"
    r"\b(?:over|upon|against)"
)
_COMPARED = r"compared (?:to|with)|in comparison (?:to|with)|relative to|against"
_PASSIVE = (
    r"(?:can be|could be|is|are|was|were) (?:further |significantly |substantially )?"
    r"(?:improved|boosted|enhanced) (?:from|by)"
)
_TRIGGER = re.compile(
    rf"\b(?:(?P<strong>{_STRONG})|(?P<gain>{_GAIN})|(?P<passive>{_PASSIVE})|(?P<compared>{_COMPARED}))\b", re.I
)
_POSITIVE = re.compile(
    r"\b(?:better|higher|superior|improv\w*|gains?|outperform\w*|advanced|faster|fewer|less|lower|"
    r"reduc\w*|best|state-of-the-art|sota|significant\w*|boost\w*)\b",
    re.I,
)
_NEGATIVE = re.compile(
    r"(?<!without )(?<!no )(?<!not )(?<!never )"
    r"\b(?:suffers?|drops?|degrad\w*|worse|inferior|lags?|lagging|falls? short|gaps?|underperform\w*|"
    r"suboptimal|fails?)\b",
    re.I,
)
_NEGATED = re.compile(
    r"\b(?:not|never|cannot|unable to|fail(?:s|ed)? to|no longer)\s+(?:(?:always|consistently|significantly|"
    r"necessarily|yet|be|been)\s+)?$|n't\s+$",
    re.I,
)
"""A negation right before a comparative verb: the sentence denies the win it names."""
_PARITY = re.compile(
    r"\b(?:comparabl[ey]|on par with|competitive (?:[\w-]+ ){0,2}?with|"
    r"rival(?:s|ing)?(?= (?:the|its|(?-i:[A-Z])|[\w-]+ ))|"
    r"match(?:es|ing)?(?= (?:the|its|their|or|that|those|(?-i:[A-Z])))|similar \w+ (?:to|as)|as good as|"
    r"catch(?:es)? up with)\b",
    re.I,
)
_LOSER_STOP = re.compile(
    r"\b(?:on|in terms of|by|across|at|while|when|under|in|for|with(?!out)|using|"
    r"and (?:achiev|obtain|reach|show|demonstrat|enabl|allow|provid|lead|yield|offer|requir|reduc|improv|maintain|"
    r"preserv|exhibit|remain|retain|generali[sz]|scal|runs?|perform)\w*|"
    r"which|whereas|thus|thereby)\b|[;:]|"
    r", (?:while|which|and|but|achiev|demonstrat|show|with|thus|resulting|(?!including)\w+ing\b)",
    re.I,
)
_SELF = re.compile(
    r"\b(?:we|our|ours|the proposed|"
    r"(?:this|such an?)\s+(?:[\w-]+\s+){0,2}?(?:method|approach|model|framework|network))\b",
    re.I,
)
_CLAUSE_OPENS = re.compile(r"(?:\bthat|,)\s*$", re.I)
"""Left of "compared to": the comparison opens a clause ("… demonstrate that, compared to Y, X …")."""
_ASPECT = re.compile(r"\bin terms of ([^,.;]+)", re.I)
_CLAIM_TYPES: set[str] = {"Method", "Model"}


@dataclass(frozen=True)
class Named:
    """A mention resolved to its entity: name, type and character span."""

    name: str
    type: EntityType
    start: int
    end: int


def _entities_in(named: list[Named], start: int, end: int, types: set[str]) -> list[Named]:
    seen: set[str] = set()
    out = []
    for n in named:
        if start <= n.start and n.end <= end and n.type in types and n.name not in seen:
            seen.add(n.name)
            out.append(n)
    return out


def _losers_end(sentence: str, start: int, local: list[Named]) -> int:
    """Where the rivals after a comparative end: at the first clause boundary, but a ", and" that
    joins one more named system ("including A, B, and C") continues the list."""
    at = start
    while stop := _LOSER_STOP.search(sentence, at):
        resume = stop.end()
        if stop.group().lower() == "by":
            # "outperform BM25 by 44%, a plainly trained DR by 19%, docT5query by 11%": a list of margins
            margin = _MARGIN.match(sentence, stop.end())
            resume = margin.end() if margin else -1
        if (
            resume >= 0
            and (stop.group().startswith(", and") or stop.group().lower() == "by")
            and any(n.type in _CLAIM_TYPES and resume <= n.start <= resume + 40 for n in local)
        ):
            at = resume
            continue
        return stop.start()
    return len(sentence)


_MARGIN = re.compile(r"\s*(?:up to\s+)?[\d.]+\s*(?:%|x|×|times|points?|pp)?\s*,\s*(?:and\s+)?")


def _generic_phrase(text: str) -> str:
    # brackets are asides: "the prior best method (a sliding-window network)", "IR (information retrieval) models"
    phrase = re.sub(r"\s*\([^()]*\)", "", text).split("(")[0].strip(" ,")
    stop = _LOSER_STOP.search(phrase)
    if stop:
        phrase = phrase[: stop.start()]
    words = phrase.strip(" ,.").split()[:10]
    while words and (words[-1].lower() in STOP_WORDS or words[-1].lower() in _NOT_HEADS):
        words.pop()  # "other baselines even", "over the original": a rival class ends in its noun
    phrase = " ".join(words)
    if not phrase[:1].isalpha() or phrase.count(")") > phrase.count("(") or _QUANTITY.match(phrase):
        return ""  # "less than 10K) instruction data", "less than a day of training": a quantity, not rivals
    return phrase


_QUANTITY = re.compile(
    r"(?:a|an|one|two|three|half|a few|several)\s+(?:(?:single|full|fraction|half|third|quarter)\s+)?"
    r"(?:of\s+(?:a|an)\s+)?"
    r"(?:day|hour|minute|second|week|month|year|epoch|step|iteration|fraction|half|third|quarter|percent|order)s?\b",
    re.I,
)
_NOT_HEADS = MODIFIER_BLOCK | {"original", "prior", "vanilla"}


_CLASS_HEAD = re.compile(
    r"^(?:-like|-based)?\s+(?:approaches|methods|models|detectors|baselines|techniques|architectures|networks|systems)\b"
)


def _named_losers(sentence: str, candidates: list[Named]) -> list[Named]:
    """Drop mentions that name a class, not a system: "DETR-like detectors", "SOTA NER approaches"."""
    return [n for n in candidates if not _CLASS_HEAD.match(sentence[n.end : n.end + 20])]


def sentence_claims(
    sentence: str, offset: int, named: list[Named], proposed_names: list[str]
) -> tuple[list[Outperforms], list[Comparable]]:
    """Claims stated in one sentence; ``offset`` is the sentence's start in the paper text.

    Every claim of the sentence holds the same ``evidence`` string object, so a sentence naming many
    rivals costs one copy of its text, not one per claim (nor per claim in the graph built from them).
    """
    evidence = sentence.strip()
    claims: list[Outperforms] = []
    in_sentence = {n.name for n in named if offset <= n.start < offset + len(sentence)}
    # a comparison's subject is a system: a proposed method or model before a proposed benchmark
    kinds = {n.name: n.type for n in named}
    ranked = sorted(proposed_names, key=lambda p: kinds.get(p) not in _CLAIM_TYPES)
    proposed = next((p for p in ranked if p in in_sentence), ranked[0] if ranked else None)
    local = [
        Named(n.name, n.type, n.start - offset, n.end - offset)
        for n in named
        if offset <= n.start < offset + len(sentence)
    ]
    on_all = [n.name for n in _entities_in(local, 0, len(sentence), {"Dataset", "Benchmark"})]
    metric = next((n.name for n in _entities_in(local, 0, len(sentence), {"Metric"})), "")
    previous_winner: str | None = None
    earlier_losers: set[str] = set()
    winner: str | None
    for trigger in _TRIGGER.finditer(sentence):
        tick()
        kind = next(k for k in ("strong", "gain", "passive", "compared") if trigger.group(k))
        negative = kind == "compared" and bool(_NEGATIVE.search(sentence[: trigger.start()]))
        if kind == "compared" and not negative and not _POSITIVE.search(sentence):
            continue
        left, right_start = sentence[: trigger.start()], trigger.end()
        if kind == "strong" and _NEGATED.search(left):
            continue  # "X does not outperform Y", "X fails to surpass Y": no win is claimed
        if kind == "passive":
            # "The state-of-the-art X can be improved from 58.5% to 59.5% AP": our method beats X
            if not proposed:
                continue
            winner = proposed
            losers = [n for n in _entities_in(local, 0, trigger.start(), _CLAIM_TYPES) if n.name not in proposed_names][
                :1
            ]
            loser_text = ""
            right_start = trigger.start()
        elif kind == "compared" and (len(left.split()) <= 2 or _CLAUSE_OPENS.search(left)):
            # "Compared to Y, X achieves …": losers up to the main clause's subject
            subject = next(
                (n for n in _entities_in(local, right_start, len(sentence), _CLAIM_TYPES) if n.name in proposed_names),
                None,
            )
            self_ref = _SELF.search(sentence, right_start)
            main_at = subject.start if subject else (self_ref.start() if self_ref else None)
            winner = subject.name if subject else proposed
            if main_at is None or winner is None:
                continue  # "compared to Y, our …" in a paper that proposes nothing names no winner
            losers = _entities_in(local, right_start, main_at, _CLAIM_TYPES)
            loser_text = sentence[right_start:main_at]
        else:
            winner = _winner(left, trigger.group(), local, proposed, proposed_names, earlier_losers, previous_winner)
            if winner is None:
                continue
            loser_end = _losers_end(sentence, right_start, local)
            losers = _entities_in(local, right_start, loser_end, _CLAIM_TYPES)
            loser_text = sentence[right_start:loser_end]
        previous_winner = winner
        earlier_losers |= {n.name for n in losers}
        on = on_all + [n.name for n in _entities_in(local, right_start, len(sentence), {"Task"})]
        confidence = {"strong": 0.9, "gain": 0.8, "passive": 0.75, "compared": 0.7}[kind]
        if negative and winner and len(losers) == 1:
            # "X …, which suffers an accuracy drop compared to Y": Y is better than the clause's subject X
            relative = left.rfind(", which")
            subjects = _entities_in(local, 0, trigger.start(), _CLAIM_TYPES)
            attached = [n for n in subjects if relative > 0 and 0 <= relative - n.end <= 2]
            subject_name = (attached or subjects or [Named(winner, "Method", -1, -1)])[0].name
            losers, winner = [Named(subject_name, "Method", -1, -1)], losers[0].name
        for w in [winner, *_co_winners(sentence, local, winner, trigger.start())]:
            named_losers = [n for n in _named_losers(sentence, losers) if n.name != w]
            if named_losers:
                for loser in named_losers:
                    claims.append(
                        Outperforms(
                            winner=w, loser=loser.name, on=on, metric=metric, evidence=evidence, confidence=confidence
                        )
                    )
                last_end = max(n.end for n in named_losers)
                if (
                    kind != "compared"
                    and right_start <= last_end
                    and (phrase := _coordinated_class(sentence[last_end : right_start + len(loser_text)]))
                ):
                    claims.append(
                        Outperforms(
                            winner=w,
                            loser=phrase,
                            on=on,
                            metric=metric,
                            loser_generic=True,
                            evidence=evidence,
                            confidence=confidence - 0.1,
                        )
                    )
            else:
                # the rivals end where the winner itself is named again ("… over the existing baselines,
                # indicating the effectiveness of our X"); "improved compared to X" by X says nothing
                self_at = min((n.start for n in losers if n.name == w), default=right_start + len(loser_text))
                phrase = _generic_phrase(sentence[right_start : max(right_start, self_at)])
                if phrase.split()[-1:] in (["datasets"], ["benchmarks"], ["corpora"]):
                    # "training on our D improves … compared with other datasets": the winner is a dataset
                    data = _entities_in(local, 0, trigger.start(), {"Dataset", "Benchmark"})
                    w = data[-1].name if data else w
                if phrase and len(phrase) > 2:
                    claims.append(
                        Outperforms(
                            winner=w,
                            loser=phrase,
                            on=on,
                            metric=metric,
                            loser_generic=True,
                            evidence=evidence,
                            confidence=confidence - 0.1,
                        )
                    )
    claims += _behind_claims(sentence, local, evidence)
    return _dedupe(claims), _parity(sentence, local, proposed, claims, evidence)


_BEHIND = re.compile(
    r"\b(?:lags?|lagged|lagging|falls?|fell|trails?|trailed)\s+(?:far\s+|significantly\s+|well\s+|still\s+)?"
    r"(?:behind|short of)\b|\bunderperform(?:s|ed|ing)?\b|\bis\s+(?:outperformed|surpassed|beaten)\s+by\b",
    re.I,
)


def _behind_claims(sentence: str, local: list[Named], evidence: str) -> list[Outperforms]:
    """ "X still lags behind Y", "X underperforms Y", "X is outperformed by Y": the named rivals after
    the verb beat the named subject before it."""
    claims: list[Outperforms] = []
    for cue in _BEHIND.finditer(sentence):
        clause_start = max(
            sentence.rfind(";", 0, cue.start()),
            sentence.rfind(",", 0, cue.start())
            if re.search(r",\s*(?:while|whereas|but)\b", sentence[: cue.start()])
            else -1,
        )
        subjects = [n for n in _entities_in(local, clause_start + 1, cue.start(), _CLAIM_TYPES)]
        if not subjects:
            continue
        end = _losers_end(sentence, cue.end(), local)
        winners = _named_losers(sentence, _entities_in(local, cue.end(), end, _CLAIM_TYPES))
        on = [n.name for n in _entities_in(local, 0, len(sentence), {"Dataset", "Benchmark"})]
        for winner in winners:
            if winner.name != subjects[-1].name:
                claims.append(
                    Outperforms(winner=winner.name, loser=subjects[-1].name, on=on, evidence=evidence, confidence=0.8)
                )
    return claims


_COORDINATED_CLASS = re.compile(
    r"^\s*,?\s*(?:and|as well as)\s+((?:the\s+|all\s+|other\s+)?(?:[\w-]+\s+){0,4}"
    r"(?:approaches|methods|models|baselines|techniques|architectures|systems|detectors|retrievers))\b"
)


def _coordinated_class(tail: str) -> str | None:
    """ "surpassing X and the state-of-the-art PEFT methods": a class of losers joined to the named ones."""
    found = _COORDINATED_CLASS.match(tail)
    return found.group(1) if found else None


def _co_winners(sentence: str, local: list[Named], winner: str, trigger_at: int) -> list[str]:
    """ "MCTS and SMBO outperform …": every subject joined to the winner by "and" or commas."""
    before = [n for n in _entities_in(local, 0, trigger_at, _CLAIM_TYPES)]
    names = [n.name for n in before]
    if winner not in names:
        return []
    i = names.index(winner)
    out: list[str] = []
    j = i
    while j > 0 and re.fullmatch(r"\s*(?:,|and|, and)\s*", sentence[before[j - 1].end : before[j].start]):
        out.append(before[j - 1].name)
        j -= 1
    return out


def _winner(
    left: str,
    trigger: str,
    local: list[Named],
    proposed: str | None,
    proposed_names: list[str],
    earlier_losers: set[str],
    previous_winner: str | None,
) -> str | None:
    """The subject of a comparative: the proposed method when the clause names it or says "we"/"our"."""
    clause_start = max(left.rfind(";"), left.rfind(". "))
    candidates = [
        c
        for c in _entities_in(local, 0, len(left), _CLAIM_TYPES)
        if c.start > clause_start and c.name not in earlier_losers
    ]
    mine = [c.name for c in candidates if c.name in proposed_names]
    if mine:
        return mine[-1]
    if candidates and not _SELF.search(left[candidates[-1].start :]) and len(left) - candidates[-1].end < 40:
        # "… show that MCTS and SMBO outperform random search": the subject sits right before the verb
        participle = re.search(r",\s*$", left) and trigger.lower().endswith("ing")
        if not participle:
            return candidates[-1].name
    if proposed and (_SELF.search(left) or _SELF.search(trigger)):
        return proposed
    if previous_winner and re.search(r"(?:,|\band)\s*(?:\w+\s+){0,2}$", left):
        return previous_winner
    if candidates:
        participle = re.search(r",\s*$", left) and trigger.lower().endswith("ing")
        return candidates[0].name if participle else candidates[-1].name
    if proposed and re.search(r"\b(?:it|which|that)\s+(?:\w+\s+){0,3}$", left, re.I):
        # "It surpasses Y": in an abstract, a sentence's "it" is the paper's proposal
        return proposed
    return None


def _parity(
    sentence: str, local: list[Named], proposed: str | None, claims: list[Outperforms], evidence: str
) -> list[Comparable]:
    found = []
    for match in _PARITY.finditer(sentence):
        before = _entities_in(local, 0, match.start(), _CLAIM_TYPES)
        opening = sentence[: match.start()]
        self_ref = _SELF.search(opening) or re.match(r"\s*it\b", opening, re.I)  # "It attains competitive …"
        a = before[-1].name if before else (proposed if self_ref else None)
        beaten_by = [c.winner for c in claims if not c.loser_generic and c.loser == a]
        if beaten_by:
            # "X is superior to Y in terms of P and comparable in terms of Q": the pair is (X, Y)
            a, after_names = beaten_by[0], [a]
        else:
            after_names = [n.name for n in _entities_in(local, match.end(), len(sentence), _CLAIM_TYPES)]
        bs = [n for n in after_names if n != a]
        if not bs:
            bs = [c.loser for c in claims if not c.loser_generic and c.winner == a]
        aspect = _ASPECT.search(sentence, match.start())
        for b in bs[:3]:
            if a and b and a != b:
                found.append(
                    Comparable(
                        a=a, b=b, aspect=aspect.group(1).strip() if aspect else "", evidence=evidence, confidence=0.7
                    )
                )
    return found


def _dedupe(claims: list[Outperforms]) -> list[Outperforms]:
    seen: set[tuple[str, str]] = set()
    out = []
    for c in claims:
        if (c.winner, c.loser) not in seen:
            seen.add((c.winner, c.loser))
            out.append(c)
    return out


_MARGIN_BY = (
    r"\bby\s+(?:up to|over|more than|nearly|about|around|roughly|an average of|on average)?\s*"
    r"(?P<by>\d+(?:\.\d+)?\s*(?:%|x|×|-fold|times|(?:absolute |percentage )?points?|pp|BLEU|mAP|AP|F1)?)"
)
_MARGIN_SIZED = (
    r"(?P<sized>\d+(?:\.\d+)?\s*(?:%|(?:absolute |percentage )?points?|pp)\s+"
    r"(?:absolute\s+|relative\s+)?(?:higher|better|lower|improvements?|gains?|increases?|reductions?))"
)
_MARGIN_RATIO = r"(?P<ratio>\d+(?:\.\d+)?\s*(?:x|×)\s+(?:faster|speed-?ups?|fewer|less|smaller|higher|more))"
_MARGIN_VERSUS = r"(?P<versus>\d+(?:\.\d+)?\s*%?\s*(?:[A-Za-z@\d-]+\s+)?(?:vs\.?|versus)\s+\d+(?:\.\d+)?\s*%?)"
_WIN_MARGIN = re.compile(f"{_MARGIN_BY}|{_MARGIN_SIZED}|{_MARGIN_RATIO}|{_MARGIN_VERSUS}", re.I)


def margin_in(sentence: str, loser: str) -> str:
    """The size of a win as the sentence states it, nearest after the loser's name ("outperforms BM25 by
    44%, DR by 19%": 44% for BM25); the sentence's only margin when the loser is not found; else ""."""
    found = [(m.start(), next(v for v in m.groupdict().values() if v)) for m in _WIN_MARGIN.finditer(sentence)]
    if not found:
        return ""
    at = sentence.lower().find(loser.lower()) if loser else -1
    if at >= 0:
        after = [text for start, text in found if at <= start <= at + len(loser) + 60]
        if after:
            return after[0].strip()
    return found[0][1].strip() if len(found) == 1 else ""


def with_scope(claims: list[Outperforms], evaluated_on: list[str]) -> list[Outperforms]:
    """Each claim with its margin, and with the paper's evaluation datasets (marked inferred) when its
    sentence names none: "our model outperforms X" in a paper evaluated on COCO alone is a claim on COCO."""
    scoped = []
    for claim in claims:
        update: dict[str, object] = {"margin": margin_in(claim.evidence, claim.loser)}
        if not claim.on and evaluated_on:
            update |= {"on": list(evaluated_on), "on_inferred": True}
        scoped.append(claim.model_copy(update=update))
    return scoped
