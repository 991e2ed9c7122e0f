"""Extractor v1: one ExtractionRecord per paper from rules over a spaCy-tokenised abstract."""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kg.config import Budget, default_budget
from kg.corpus.budget import budget_error, check_size
from kg.extract.acronyms import AcronymDefinition, best_long_form, find_definitions
from kg.extract.budget import DeadlineExceeded, crowded_sentence, deadline, tick
from kg.extract.chunks import noun_chunks
from kg.extract.claims import Named, sentence_claims, with_scope
from kg.extract.coined import coined_spans, coined_type
from kg.extract.coordination import split_coordinations
from kg.extract.corpus_names import CorpusNames, collect_names, paper_lexicon
from kg.extract.document import PaperText
from kg.extract.entities import EntityTable, is_generic
from kg.extract.evidence import relation_evidence
from kg.extract.families import expand_family_claims, extends_relations, is_a_relations
from kg.extract.hygiene import TOOL, junk_reason
from kg.extract.lexicon import is_known, known_entities
from kg.extract.membership import peer_family
from kg.extract.mentions import (
    Mention,
    is_name_shaped,
    method_mentions,
    name_mentions,
    phrase_mentions,
    select_mentions,
    task_mentions,
)
from kg.extract.proposed import (
    is_cited,
    proposal_spans,
    proposed_mentions,
    title_lead_phrase,
    title_names,
)
from kg.extract.syntax import tag
from kg.extract.typed import apply_typer
from kg.records import Entity, EntityType, ExtractionRecord, Paper, PaperKind, ProposedEntity
from kg.typer import load_typer

USE_NER = os.environ.get("KG_USE_NER", "0") == "1"  # measured: lowers dev F1, so opt-in
MODE_ENV = "KG_EXTRACT_MODE"
_SURVEY = re.compile(r"\b(?:survey|review|overview|tutorial)\b", re.I)


def extract_paper(
    paper: Paper, corpus: CorpusNames | None = None, use_ner: bool = USE_NER, budget: Budget | None = None
) -> ExtractionRecord:
    """Everything the title and abstract say, as a gold-format record. Pure: same input, same output.

    Raises BudgetError (naming the paper's file and line) for a paper over ``budget`` (default:
    ``kg.config.default_budget()``): its size is checked before spaCy sees the text, its names per
    sentence before the rules pair them up, and its time all along (``kg.extract.budget.tick``).
    """
    budget = budget or default_budget()
    over = check_size(paper, budget)
    if over is not None:
        raise over
    corpus = corpus or collect_names([paper])
    _warm_up(corpus, use_ner)
    try:
        with deadline(budget.seconds):
            return _extract(paper, corpus, use_ner, budget)
    except DeadlineExceeded:
        reason = f"over the time budget: extraction took more than {budget.seconds:g} s (limit {budget.seconds:g} s)"
        raise budget_error(paper, reason) from None


_WARM_UP = Paper(
    id="warm-up",
    title="LoRA-XS: Low-Rank Adaptation with Extremely Small Number of Parameters",
    abstract="We propose LoRA-XS, a parameter-efficient fine-tuning method. LoRA-XS outperforms LoRA and "
    "other PEFT methods on GLUE in terms of accuracy, and is comparable to full fine-tuning.",
)
_warmed: set[bool] = set()


def _warm_up(corpus: CorpusNames, use_ner: bool) -> None:
    """Load what extraction loads once per process (spaCy, lexicon, taxonomy, the corpus matchers)
    before a paper's clock starts, so the first paper of a worker is not charged for it."""
    corpus.matchers()
    if use_ner not in _warmed:
        _warmed.add(use_ner)
        _extract(_WARM_UP, corpus, use_ner, default_budget())


@dataclass
class EntityStage:
    """A paper's text, acronym definitions, chosen mentions and their entity groups, before relations."""

    pt: PaperText
    definitions: list[AcronymDefinition]
    mentions: list[Mention]
    table: EntityTable
    coined: list[tuple[int, int]]


def _extract(paper: Paper, corpus: CorpusNames, use_ner: bool, budget: Budget) -> ExtractionRecord:
    """``extract_paper`` without the size check and the clock."""
    full = not fast_mode()
    stage = entity_stage(paper, corpus, use_ner, budget, chunks=full)
    if full:
        apply_typer(stage.table, stage.pt.text, stage.pt.title_end, load_typer(), corpus.defined_keys())
    return _relations(paper, stage)


def fast_mode() -> bool:
    """Rules only (``KG_EXTRACT_MODE=fast``, ``kg … --fast``): no learned typer."""
    return os.environ.get(MODE_ENV, "full") == "fast"


def entity_stage(paper: Paper, corpus: CorpusNames, use_ner: bool, budget: Budget, chunks: bool = False) -> EntityStage:
    """Candidates from every detector, chosen mentions, and their groups with the rules' types.

    With ``chunks`` the noun phrases of the tagged text (``kg.extract.chunks``) fill the gaps the
    rules left: a phrase overlapping any rule candidate is not added.
    """
    pt = PaperText.of(paper)
    definitions = find_definitions(pt.text)
    candidates, coined = _rule_candidates(paper, pt, definitions, corpus)
    _check_crowding(paper, pt, candidates, budget)
    if chunks:
        candidates += _gaps(noun_chunks(tag(pt.doc), pt.text), candidates)
    mentions = select_mentions(candidates)
    if use_ner:  # the statistical NER only fills gaps the rules left: names no rule knows
        mentions = sorted(mentions + _gaps(ner_mentions(pt.text), mentions), key=lambda m: m.start)
    table = _entity_groups(paper, pt.text, definitions, mentions, corpus)
    return EntityStage(pt, definitions, mentions, table, coined)


def _rule_candidates(
    paper: Paper, pt: PaperText, definitions: list[AcronymDefinition], corpus: CorpusNames
) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Every rule detector's spans (acronym definitions, name shapes, corpus and lexicon phrases, tasks,
    method phrases, coined names, title names), overlapping freely; and the coined spans."""
    text = pt.text
    candidates: list[Mention] = []
    for d in definitions:
        candidates.append(Mention(d.long_start, d.long_start + len(d.long), d.long, "acronym"))
        candidates.append(Mention(d.short_start, d.short_start + len(d.short), d.short, "acronym"))
    abstract_starts = pt.sentence_starts | {0}
    for m in name_mentions(text, abstract_starts, pt.title_end):
        if m.end <= pt.title_end and " " in m.text and not any(c.isdigit() for c in m.text):
            # a Title-Case run in the title is the title's capitalisation, not a name
            continue
        candidates.append(m)
    exact, lower = corpus.matchers()
    types = known_entities()
    candidates += phrase_mentions(pt.doc, exact, "corpus", types)
    candidates += phrase_mentions(pt.doc, lower, "lexicon", types)
    candidates += task_mentions(text)
    candidates += method_mentions(text)
    coined = coined_spans(text, pt.sentences)
    candidates += [Mention(s, e, text[s:e], "coined", coined_type(text[s:e])) for s, e in coined]
    for name in title_names(paper.title, paper.abstract):
        at = text.find(name)
        if at >= 0:
            candidates.append(Mention(at, at + len(name), name, "title"))
    return candidates, coined


def _check_crowding(paper: Paper, pt: PaperText, candidates: list[Mention], budget: Budget) -> None:
    """BudgetError for a sentence with more candidate names than the budget allows (before they are paired up)."""
    crowded = crowded_sentence(pt.sentences, ((c.start, c.end) for c in candidates), budget)
    if crowded is not None:
        where = "the title" if crowded[0] == 1 else f"abstract sentence {crowded[0] - 1}"
        raise budget_error(
            paper,
            f"over the names budget: {where} has {crowded[1]:,} candidate names (limit {budget.names_per_sentence:,})",
        )
    tick()


def _gaps(extra: list[Mention], taken: list[Mention]) -> list[Mention]:
    """The spans of ``extra`` that overlap none of ``taken``."""
    spans = [(m.start, m.end) for m in taken]
    return [m for m in extra if not any(m.start < e and s < m.end for s, e in spans)]


def _entity_groups(
    paper: Paper, text: str, definitions: list[AcronymDefinition], mentions: list[Mention], corpus: CorpusNames
) -> EntityTable:
    """Mentions grouped by the entity they name, typed by the rules: definitions, corpus expansions, the
    title's kind, data lists, "X or Y" abbreviations; junk groups dropped."""
    table = EntityTable(text, definitions)
    for m in mentions:
        tick()
        table.add(m)
    _link_corpus_expansions(table, mentions, corpus)
    _type_from_title(table, paper)
    _type_from_definition(table)
    _type_listed_data(table, text, mentions)
    for first, second in itertools.pairwise(mentions):
        if text[first.end : second.start] == " or " and _abbreviates(second.text, first.text):
            table.merge(first.text, second.text)
    _drop_junk(table, text)
    return table


def _drop_junk(table: EntityTable, text: str) -> None:
    """Groups that name a language pair, hardware, a score or a cited author (``kg.extract.hygiene``);
    tools are marked, to go unless a claim uses them."""
    for key, group in list(table.groups.items()):
        reasons = {junk_reason(m.text, text[m.end : m.end + 24]) for m in group.mentions} - {None}
        if reasons == {TOOL}:
            group.tool_only = True
        elif reasons:
            table.drop(key)


def _relations(paper: Paper, stage: EntityStage) -> ExtractionRecord:
    """Proposals, claims, families and lineage over the typed entity groups."""
    pt, definitions, mentions, table, coined = stage.pt, stage.definitions, stage.mentions, stage.table, stage.coined
    text = pt.text
    named = [
        Named(group.name, group.type, m.start, m.end) for m in mentions if (group := table.group_at(m)) is not None
    ]
    proposed_names = _proposed(paper, pt, mentions, table, coined)

    outperforms, comparable = [], []
    for start, end in pt.sentences[1:]:
        tick()
        o, c = sentence_claims(text[start:end], start, named, proposed_names)
        outperforms += o
        comparable += c

    claimed = (
        {c.winner for c in outperforms} | {c.loser for c in outperforms} | {n for c in comparable for n in (c.a, c.b)}
    )
    for key, group in list(table.groups.items()):
        if group.tool_only and group.name not in claimed:
            table.drop(key)
    entity_list = table.entities()
    by_name = {e.name: e for e in entity_list}
    spans = [(s, pt.sentence_of(s)[1]) for s, _ in proposal_spans(text, pt.sentences)]
    acronyms = {d.short: d.long for d in definitions}
    is_a = is_a_relations(text, named, proposed_names, spans, pt.title_end, acronyms)
    for claim in outperforms:
        peer = peer_family(claim.winner, claim.loser, proposed_names) if claim.loser_generic else None
        if peer is not None and peer not in is_a:
            is_a.append(peer)
    extends = extends_relations(text, named, proposed_names, pt.title_end)
    outperforms = expand_family_claims(outperforms, is_a, extends)
    proposed = [
        ProposedEntity(
            name=name,
            aliases=by_name[name].aliases if name in by_name else [],
            type=by_name[name].type if name in by_name else "Method",
            families=[f for m, f in is_a if m == name],
        )
        for name in proposed_names
    ]
    proposed_set = set(proposed_names)
    baselines: list[str] = []
    for claim in outperforms:
        # what a method paper compares against: every named loser of its claims that it did not propose
        if not claim.loser_generic and proposed_set and claim.loser not in proposed_set | set(baselines):
            baselines.append(claim.loser)
    for pair in comparable:
        if pair.a in proposed_set and pair.b not in baselines:
            baselines.append(pair.b)
    for name in baseline_mentions(text, pt.sentences, named, proposed_set):
        if name not in baselines:
            baselines.append(name)
    record = split_coordinations(
        ExtractionRecord(
            id=paper.id,
            title=paper.title,
            paper_kind=_paper_kind(paper, proposed),
            proposed=proposed,
            entities=entity_list,
            evaluated_on=[
                e.name
                for e in entity_list
                if e.type in {"Dataset", "Benchmark"} and (e.name not in proposed_set or _results_on_own(e, text))
            ],
            tasks=[e.name for e in entity_list if e.type == "Task"],
            metrics=[e.name for e in entity_list if e.type == "Metric"],
            baselines=baselines,
            is_a=is_a,
            extends=extends,
            outperforms=outperforms,
            comparable=comparable,
        )
    )
    record = record.model_copy(update={"outperforms": with_scope(record.outperforms, record.evaluated_on)})
    sentences = [text[start:end].strip() for start, end in pt.sentences]
    # what the paper adds to the corpus lexicon, kept with it in the store
    defines, defined_acronyms = paper_lexicon(paper)
    return record.model_copy(
        update={"evidence": relation_evidence(record, sentences), "defines": defines, "acronyms": defined_acronyms}
    )


_RESULTS_CUE = re.compile(
    r"\b(?:results?|experiments?|evaluat\w+|performance|achiev\w+|accuracy|scores?|outperform\w*|struggle\w*|"
    r"benchmark(?:ing|ed)?)\b",
    re.I,
)


def _results_on_own(entity: Entity, text: str) -> bool:
    """A benchmark the paper proposes is what it reports results on; a proposed dataset only where a
    sentence naming it also speaks of results ("evaluating on our UFine3C, we …")."""
    if entity.name.lower().endswith(("leaderboard", "leaderboards")):
        return False  # a leaderboard hosts results on other benchmarks
    if entity.type == "Benchmark":
        return True
    names = [entity.name, *entity.aliases]
    return any(
        _RESULTS_CUE.search(sentence)
        and any(re.search(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", sentence) for n in names)
        for sentence in re.split(r"(?<=[.!?])\s+", text)
    )


_BASELINE_CUE = re.compile(
    r"\b(?:compared (?:to|with)|in comparison (?:to|with)|against|baselines?(?: methods?| models?)?"
    r"(?:,)? (?:such as|like|including|e\.g\.,?)|(?:existing|prior|previous) "
    r"(?:\w+ ){0,3}(?:such as|like|including|e\.g\.,?)|variants,? (?:such as|like|including))\s+",
    re.I,
)


def baseline_mentions(text: str, sentences: list[tuple[int, int]], named: list[Named], proposed: set[str]) -> list[str]:
    """Methods a paper compares itself against: "compared with X and Y", "baselines such as X"."""
    found: list[str] = []
    for start, end in sentences[1:]:
        sentence = text[start:end]
        for cue in _BASELINE_CUE.finditer(sentence):
            tick()
            stop = re.search(r"[.;:]|\b(?:on|in terms of|by|while|which|across|for)\b", sentence[cue.end() :])
            list_end = start + cue.end() + (stop.start() if stop else len(sentence) - cue.end())
            for n in named:
                if start + cue.end() <= n.start < list_end and n.type in {"Method", "Model"} and n.name not in proposed:
                    found.append(n.name)
    return list(dict.fromkeys(found))


def ner_mentions(text: str) -> list[Mention]:
    """Spans the shipped statistical NER finds; the lowest-priority detector, so any rule that
    covers the same words wins, and only names a rule could not have produced are kept."""
    from kg.ner import predict

    kept = []
    for span in predict([text])[0]:
        words = span.text.split()
        if len(words) > 4 or not any(c.isupper() or c.isdigit() for c in span.text) or is_generic(span.text):
            continue  # long or all-lower-case spans are mostly descriptions, not names
        kept.append(Mention(span.start_char, span.end_char, span.text, "ner", span.label))  # type: ignore[arg-type]
    return kept


_TITLE_HEAD_KIND = re.compile(
    r"^[^:]{1,60}:\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(benchmark|dataset|corpus|suite|test\s?bed)s?\b", re.I
)


def _type_from_title(table: EntityTable, paper: Paper) -> None:
    """ "BRIGHT: A Realistic and Challenging Benchmark for …": the title says what its name is, over
    whatever the word after each mention suggests."""
    head = _TITLE_HEAD_KIND.match(paper.title)
    if not head or re.search(r"\b(?:for|of|on|with|via)\b", head.group(0)[head.group(0).index(":") :], re.I):
        return
    kind: EntityType = (
        "Benchmark" if head.group(1).lower() in {"benchmark", "suite", "testbed", "test bed"} else "Dataset"
    )
    names = title_names(paper.title, paper.abstract)
    if len(names) != 1:
        return  # "RS5M and GeoRSCLIP: A … Dataset and A … Model": which name is which is not said
    for name in names:
        group = table.find(name)
        if group is not None:
            group.votes[kind] += sum(group.votes.values()) + 1
            group.pinned = True


_DEFINITION_HEAD_KIND = re.compile(r"\b(benchmark|suite|test\s?bed|dataset|data\s+set|corpus|corpora)s?$", re.I)


def _type_from_definition(table: EntityTable) -> None:
    """An acronym defined as "massive tool retrieval benchmark (MTRB)": the head noun of its spelled-out
    form says what the name is, over what the words of the long form ("retrieval") suggest."""
    for group in table.groups.values():
        head = _DEFINITION_HEAD_KIND.search(group.long or "")
        if head is None or group.pinned:
            continue
        kind: EntityType = (
            "Benchmark" if head.group(1).lower() in {"benchmark", "suite", "testbed", "test bed"} else "Dataset"
        )
        group.votes[kind] += sum(group.votes.values()) + 1
        group.pinned = True


_DATA_LIST_BEFORE = re.compile(
    r"\b(?P<head>datasets|benchmarks|corpora|data sets)\s*(?:,?\s*(?:including|such as|like|namely|e\.g\.,?)|:)\s+",
    re.I,
)
# "on IJB-A, YouTube Face, Celebrity-1000 video face recognition benchmarks": content words may qualify the noun
_DATA_LIST_AFTER = re.compile(
    r"(?:\s+(?!(?:on|in|of|for|and|or|to|with|by|the|a|an)\b)[a-z][\w-]*){0,4}"
    r"\s+(?P<head>datasets|benchmarks|corpora|data sets)\b"
)
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)\s*(?:the\s+)?")


def _type_listed_data(table: EntityTable, text: str, mentions: list[Mention]) -> None:
    """ "five benchmarks including VIPeR, PRID2011 and CUHK03", "on the Caltech, INRIA and ETH datasets":
    every name of a list introduced or closed by a data noun is a dataset (benchmark), whatever its
    own mentions suggest."""
    ordered = sorted(mentions, key=lambda m: m.start)
    runs: list[tuple[list[Mention], str]] = []
    for cue in _DATA_LIST_BEFORE.finditer(text):
        tick()
        run = _list_run(text, [m for m in ordered if m.start >= cue.end()], cue.end())
        runs.append((run, cue.group("head")))
    for i, m in enumerate(ordered):
        tick()
        after = _DATA_LIST_AFTER.match(text, m.end)
        if after:
            run = [m]  # walk back over "X, Y and" before the last name
            for prev in reversed(ordered[:i]):
                if not _LIST_JOIN.fullmatch(text[prev.end : run[0].start]):
                    break
                run.insert(0, prev)
            if len(run) >= 2 or not after.group(0)[: after.start("head") - after.start()].strip():
                runs.append((run, after.group("head")))  # one name before "… relevance datasets" only qualifies them
    for run, _head in runs:
        # the members of "five benchmarks including VIPeR, …" are datasets; suites are known by name
        kind: EntityType = "Dataset"
        for m in run:
            group = table.group_at(m)
            if group is None or group.type in {"Dataset", "Benchmark"} or m.source in {"lexicon", "task"}:
                continue
            if not any(c.isupper() or c.isdigit() for c in m.text):
                continue  # "on popular computer vision and NLP benchmarks": a lower-case field qualifies the data
            group.votes[kind] += sum(group.votes.values()) + 1
            group.pinned = True


def _list_run(text: str, following: list[Mention], start: int) -> list[Mention]:
    """The mentions that form one list starting at ``start``: "A, B, C and D"."""
    run: list[Mention] = []
    at = start
    for m in following:
        gap = text[at : m.start]
        if (run and not _LIST_JOIN.fullmatch(gap)) or (not run and gap.strip(" (")):
            break
        run.append(m)
        at = m.end
    return run


def _link_corpus_expansions(table: EntityTable, mentions: list[Mention], corpus: CorpusNames) -> None:
    """An expansion another abstract defined ("Low-Rank Adaptation" = LoRA) joins this paper's LoRA."""
    for m in mentions:
        short = corpus.short_for(m.text)
        if short and table.find(short) is not None and table.find(m.text) is not table.find(short):
            table.merge(m.text, short)


def _abbreviates(short: str, long: str) -> bool:
    """True when ``short`` spells a subsequence of ``long`` and is shorter: LoRA-SB ← LoRA Silver Bullet."""
    letters = [c.lower() for c in short if c.isalnum()]
    rest = iter(long.lower())
    return " " in long and len(short) < len(long) and all(c in rest for c in letters)


def _proposed(
    paper: Paper, pt: PaperText, mentions: list[Mention], table: EntityTable, coined: list[tuple[int, int]]
) -> list[str]:
    """Names of what the paper introduces: title names, cued names, the title's lead phrase, coined phrases."""
    names: list[str] = []
    for name in title_names(paper.title, paper.abstract):
        group = table.find(name)
        if group is not None:
            names.append(group.name)
    _add_proposed(names, proposed_mentions(pt.text, pt.sentences, mentions), table, pt.text)
    lead = title_lead_phrase(paper.title, paper.abstract)
    single_name = lead is not None and " " not in lead and is_name_shaped(lead) and not is_known(lead)
    if lead and (not names or single_name) and not _SURVEY.search(paper.title):
        if not is_generic(lead):
            at = pt.text.find(lead, pt.title_end)
            if at < 0:
                at = pt.text.find(lead)
            table.add(Mention(at, at + len(lead), lead, "title"))
            group = table.find(lead)
            if group is not None and group.name not in names:
                names.insert(0, group.name)
    # coined phrases are secondary parts ("two techniques: …"), so they never displace the title's lead
    _add_proposed(names, _covering(mentions, coined), table, pt.text)
    _merge_abbreviations(names, table)
    return names


def _add_proposed(names: list[str], chosen: list[Mention], table: EntityTable, text: str) -> None:
    """Append the entity of each chosen mention unless it is well known or cited as earlier work."""
    for m in chosen:
        group = table.group_at(m)
        if group is None or group.name in names:
            continue
        if re.match(r"-[a-z]", text[m.end : m.end + 2]):
            continue  # "we introduce the IDF-aware FLOPS loss": the proposal is the loss, not IDF
        if group.mentions and all(x.source == "lexicon" for x in group.mentions):
            continue  # a well-known name is used, not proposed
        if any(is_cited(text, x.end) for x in group.mentions):
            continue  # "rotary positional encoding (RoPE) [32]": a cited name is earlier work
        names.append(group.name)


def _covering(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """For each span, the selected mention that overlaps it most."""
    found = []
    for start, end in spans:
        tick()
        # a mention mostly outside the span is a different thing that merely touches it
        overlapping = [m for m in mentions if 2 * (min(m.end, end) - max(m.start, start)) > m.end - m.start]
        if overlapping:
            found.append(max(overlapping, key=lambda m: min(m.end, end) - max(m.start, start)))
    return found


def _merge_abbreviations(names: list[str], table: EntityTable) -> None:
    """ "a family of Fast-Forward Networks. Our FFNet …": a proposed short name whose capitals are the
    initials of a proposed long name (and that spells it like an acronym) is the same contribution."""
    for short in [n for n in names if " " not in n and is_name_shaped(n)]:
        for long in [n for n in names if " " in n and n[:1].lower() == short[:1].lower()]:
            capitals = "".join(c for c in short if c.isupper())
            if len(capitals) >= 2 and _initials(long).startswith(capitals) and best_long_form(short, long):
                table.merge(long, short)
                names.remove(long)


def _initials(phrase: str) -> str:
    """Upper-cased first letters of each word and hyphen part: "Fast-Forward Networks" → "FFN"."""
    return "".join(w[0].upper() for w in re.split(r"[\s\-]+", phrase) if w)


def _paper_kind(paper: Paper, proposed: list[ProposedEntity]) -> PaperKind:
    if _SURVEY.search(paper.title) or re.search(r"\bin this (?:survey|review)\b", paper.abstract, re.I):
        return "survey"
    if proposed and proposed[0].type in {"Dataset", "Benchmark"}:
        return "dataset" if proposed[0].type == "Dataset" else "benchmark"
    if proposed and proposed[0].type == "Model":
        return "model"
    return "method" if proposed else "other"


def extract_corpus(papers: Iterable[Paper]) -> Iterator[ExtractionRecord]:
    """Two passes: collect names defined anywhere, then extract each paper with them."""
    papers = list(papers)
    corpus = collect_names(papers)
    for paper in papers:
        yield extract_paper(paper, corpus)
