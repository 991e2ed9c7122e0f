import re
from collections import Counter

from kg.synthetic import TEMPLATE_FAMILIES, generate, generate_labelled

_SENTENCE_END = re.compile(r"(?<=\.)\s+(?=[A-Z])")


def test_same_seed_gives_the_same_corpus_and_another_seed_does_not() -> None:
    first = list(generate(25, seed=5))
    assert first == list(generate(25, seed=5))
    assert [p.abstract for p, _ in first] != [p.abstract for p, _ in generate(25, seed=6)]


def test_a_paper_depends_only_on_seed_and_index() -> None:
    whole = list(generate_labelled(40, seed=3))
    assert list(generate_labelled(10, seed=3, start=30)) == whole[30:]


def test_papers_have_the_documented_shape() -> None:
    for i, (paper, gold) in enumerate(generate(200, seed=0)):
        assert paper.id == gold.id == f"syn-{i}"
        name, _, phrase = paper.title.partition(": ")
        assert phrase and gold.proposed[0].name == name
        assert 4 <= len(_SENTENCE_END.split(paper.abstract)) <= 8
        entities = {e.name for e in gold.entities}
        referenced = {
            *gold.baselines,
            *gold.evaluated_on,
            *gold.tasks,
            *gold.metrics,
            *(m for m, _ in gold.is_a),
            *(n for pair in gold.extends for n in pair),
            *(o.winner for o in gold.outperforms),
            *(o.loser for o in gold.outperforms if not o.loser_generic),
            *(n for c in gold.comparable for n in (c.a, c.b)),
        }
        assert referenced <= entities, paper.id
        for claim in [*gold.outperforms, *gold.comparable]:
            assert claim.evidence in paper.abstract
        for entity in gold.entities:
            assert entity.name in paper.abstract, (paper.id, entity.name)


def test_every_template_family_appears_in_200_papers() -> None:
    used = Counter(t for item in generate_labelled(200, seed=0) for t in item.templates)
    assert set(used) == set(TEMPLATE_FAMILIES)


def test_names_recur_with_a_skewed_frequency() -> None:
    mentions = Counter(e.name for _, gold in generate(200, seed=0) for e in gold.entities)
    top, _ = zip(*mentions.most_common(5), strict=True)
    assert mentions[top[0]] >= 15  # a few names in many papers …
    assert sum(1 for n in mentions.values() if n == 1) > len(mentions) / 3  # … and a long tail of rare ones


def test_baselines_of_one_paper_are_proposals_of_earlier_papers_sometimes() -> None:
    proposed: set[str] = set()
    cited = 0
    for _, gold in generate(300, seed=0):
        cited += any(b in proposed for b in gold.baselines)
        proposed.add(gold.proposed[0].name)
    assert cited >= 10
