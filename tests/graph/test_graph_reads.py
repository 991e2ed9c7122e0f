"""NetworkxReads: the batched read primitives the API stands on, checked against the reference oracle
(tests/graph_oracle.py)."""

from __future__ import annotations

import networkx as nx
import pytest
from _graphkit import build
from graph_oracle import find_entity, find_family, methods_in_family

from kg.graph.model import COMPARABLE_TO, EXTENDS, MENTIONS, OUTPERFORMS
from kg.graph.reads import CursorError, EdgeRecord, GraphReads, Related, decode_cursor, encode_cursor
from kg.store.embedded_reads import NetworkxReads

PEFT = "Family:parameter efficient fine tuning"


@pytest.fixture()
def reads() -> NetworkxReads:
    g, _ = build()
    return NetworkxReads(g)


def test_it_implements_the_protocol(reads: NetworkxReads) -> None:
    assert isinstance(reads, GraphReads) and reads.kind == "embedded"


def test_get_nodes_skips_unknown_ids(reads: NetworkxReads) -> None:
    found = reads.get_nodes(["Entity:lora", "Paper:seed-050", "Entity:nope"])
    assert set(found) == {"Entity:lora", "Paper:seed-050"}
    assert found["Entity:lora"].label == "Method" and found["Entity:lora"].name == "LoRA"
    assert found["Paper:seed-050"].name.startswith("Initialization using Update Approximation")


def test_resolve_names_aliases_and_spellings(reads: NetworkxReads) -> None:
    got = reads.resolve(["low rank adaptation", "Low-Rank Adaptation", "LoRA Silver Bullet", "lora-xs", "GPT-5"])
    assert got == {
        "low rank adaptation": "Entity:lora",
        "Low-Rank Adaptation": "Entity:lora",
        "LoRA Silver Bullet": "Entity:lora sb",
        "lora-xs": "Entity:lora xs",
        "GPT-5": None,
    }
    assert reads.resolve(["PEFT"], ["Family"]) == {"PEFT": PEFT}
    assert reads.resolve(["PEFT"], ["Method", "Model"]) == {"PEFT": None}
    assert reads.resolve(["MS MARCO"], ["Method"]) == {"MS MARCO": None}


def test_resolve_agrees_with_find_entity_and_find_family_on_every_name() -> None:
    g, _ = build()
    reads = NetworkxReads(g)
    names = {str(n) for _, d in g.nodes(data=True) for n in [d.get("name"), *d.get("aliases", [])] if n}
    entities = reads.resolve(names, ["Method", "Model", "Dataset", "Benchmark", "Task", "Metric"])
    families = reads.resolve(names, ["Family"])
    for name in sorted(names):
        assert entities[name] == find_entity(g, name), name
        assert families[name] == find_family(g, name), name


def test_edges_by_direction_and_type(reads: NetworkxReads) -> None:
    out = reads.edges(["Entity:lora sb"], [OUTPERFORMS, EXTENDS], "out")["Entity:lora sb"]
    assert [(e.type, e.target) for e in out] == [
        ("EXTENDS", "Entity:lora xs"),
        ("OUTPERFORMS", "Entity:lora"),
        ("OUTPERFORMS", "Entity:lora xs"),
    ]
    assert all(e.props["paper"] == "seed-050" and e.props["evidence"] for e in out if e.type == OUTPERFORMS)
    beaten = reads.edges(["Entity:lora", "Entity:nope"], [OUTPERFORMS], "in")
    assert sorted(e.source for e in beaten["Entity:lora"]) == ["Entity:lora sb", "Entity:sft"]
    assert beaten["Entity:nope"] == []
    both = reads.edges(["Entity:full fine tuning"], [COMPARABLE_TO], "both")["Entity:full fine tuning"]
    assert [e.other("Entity:full fine tuning") for e in both] == ["Entity:lora sb"]
    every = reads.edges(["Entity:lora"], None, "in")["Entity:lora"]
    assert {e.type for e in every} >= {MENTIONS, OUTPERFORMS, EXTENDS}


def test_list_nodes_pages_through_everything_once_in_order(reads: NetworkxReads) -> None:
    labels = ["Method", "Model"]
    everything, total = reads.list_nodes(labels, first=1000)
    assert total == len(everything) > 5
    assert [r.sort_key for r in everything] == sorted(r.sort_key for r in everything)
    seen, after = [], None
    while True:
        chunk, chunk_total = reads.list_nodes(labels, first=2, after=after)
        assert chunk_total == total
        if not chunk:
            break
        seen.extend(chunk)
        after = encode_cursor(chunk[-1].sort_key)
    assert [r.id for r in seen] == [r.id for r in everything]


def test_list_nodes_with_text_ids_and_bad_cursors(reads: NetworkxReads) -> None:
    found, total = reads.list_nodes(["Method"], text="lora")
    assert {r.id for r in found} == {"Entity:lora", "Entity:lora sb", "Entity:lora xs"} and total == 3
    found, _ = reads.list_nodes(["Method"], text="silver bullet")
    assert [r.id for r in found] == ["Entity:lora sb"]
    found, total = reads.list_nodes(["Method"], ids={"Entity:lora", "Entity:sora", "Entity:nope", "Paper:seed-050"})
    assert [r.id for r in found] == ["Entity:lora", "Entity:sora"] and total == 2
    papers, total = reads.list_nodes(["Paper"], text="sparse")
    assert total == 2 and all("sparse" in r.name.lower() for r in papers)
    with pytest.raises(CursorError, match="invalid cursor"):
        reads.list_nodes(["Method"], after="not-a-cursor")
    with pytest.raises(CursorError):
        reads.list_nodes(["Method"], after=encode_cursor(["only one part"]))
    assert decode_cursor(encode_cursor(["lora", "LoRA", "Entity:lora"])) == ("lora", "LoRA", "Entity:lora")


def test_family_members_follow_subfamilies_and_extends() -> None:
    g, _ = build()
    reads = NetworkxReads(g)
    members = reads.family_members([PEFT, "Family:nope"])
    assert members[PEFT] == methods_in_family(g, "PEFT")
    assert {"Entity:lora sb", "Entity:lora xs", "Entity:sora"} <= set(members[PEFT])
    assert members["Family:nope"] == []


def test_lookup_answers_several_label_sets_in_one_call_with_records(reads: NetworkxReads) -> None:
    entities = ("Benchmark", "Dataset", "Method", "Metric", "Model", "Task")
    requests = [
        ("Low-Rank Adaptation", entities),
        ("PEFT", ("Family",)),
        ("PEFT", entities),
        ("lora-xs", ()),
        ("GPT-5", ()),
    ]
    found = reads.lookup(requests)
    assert {k: (r.id if r else None) for k, r in found.items()} == {
        ("Low-Rank Adaptation", entities): "Entity:lora",
        ("PEFT", ("Family",)): PEFT,
        ("PEFT", entities): None,
        ("lora-xs", ()): "Entity:lora xs",
        ("GPT-5", ()): None,
    }
    assert found[("lora-xs", ())] == reads.get_nodes(["Entity:lora xs"])["Entity:lora xs"]
    for (name, labels), record in found.items():
        assert (record.id if record else None) == reads.resolve([name], labels or None)[name]


def test_neighbours_are_the_far_ends_of_edges(reads: NetworkxReads) -> None:
    ids = ["Entity:lora", "Entity:lora sb", "Entity:full fine tuning", "Entity:nope"]
    for direction in ("out", "in", "both"):
        for types in (None, [OUTPERFORMS], [COMPARABLE_TO, EXTENDS]):
            edges = reads.edges(ids, types, direction)  # type: ignore[arg-type]
            assert reads.neighbours(ids, types, direction) == {
                n: sorted({e.other(n) for e in es}) for n, es in edges.items()
            }  # type: ignore[arg-type]


def test_member_pages_are_pages_of_family_members(reads: NetworkxReads) -> None:
    families = [PEFT, "Family:nope"]
    members = reads.family_members(families)
    records = sorted(reads.get_nodes(members[PEFT]).values(), key=lambda r: r.sort_key)
    seen, after = [], None
    while True:
        pages = reads.member_pages(families, 3, after)
        assert pages["Family:nope"] == ([], 0)
        chunk, total = pages[PEFT]
        assert total == len(records)
        if not chunk:
            break
        seen.extend(chunk)
        after = encode_cursor(chunk[-1].sort_key)
    assert seen == records
    with pytest.raises(CursorError):
        reads.member_pages(families, 3, encode_cursor(["only one part"]))


def test_list_related_is_list_nodes_over_the_allowed_ids(reads: NetworkxReads) -> None:
    techniques = ["Method", "Model"]
    members = set(reads.family_members([PEFT])[PEFT])
    beat_lora = set(reads.neighbours(["Entity:lora"], [OUTPERFORMS], "in")["Entity:lora"])
    cases = [
        (Related(family=PEFT), members),
        (Related(family=PEFT, links=(("Entity:lora", (OUTPERFORMS,), "in"),)), members & beat_lora),
        (
            Related(links=(("Entity:lora", (OUTPERFORMS,), "in"), ("Entity:lora xs", (OUTPERFORMS,), "in"))),
            beat_lora & set(reads.neighbours(["Entity:lora xs"], [OUTPERFORMS], "in")["Entity:lora xs"]),
        ),
        (
            Related(family=PEFT, ids=frozenset({"Entity:lora", "Entity:sora", "Entity:nope"})),
            members & {"Entity:lora", "Entity:sora"},
        ),
        (Related(family="Family:nope"), set()),
        (Related(links=(("Entity:nope", (OUTPERFORMS,), "in"),)), set()),
    ]
    for related, allowed in cases:
        for text, first, after in (
            (None, 100, None),
            (None, 2, None),
            ("lora", 100, None),
            (None, 2, encode_cursor(["l", "l", "l"])),
        ):
            assert reads.list_related(techniques, related, text, first, after) == reads.list_nodes(
                techniques, text, allowed, first, after
            )
    assert {r.id for r in reads.list_related(techniques, cases[1][0])[0]} == {"Entity:lora sb", "Entity:sft"}


def test_search_puts_exact_names_first(reads: NetworkxReads) -> None:
    hits = reads.search("lora")
    assert hits[0].id == "Entity:lora"
    assert {h.id for h in hits} >= {"Entity:lora", "Entity:lora sb", "Entity:lora xs"}
    assert [h.id for h in reads.search("PEFT", ["Family"])] == [PEFT]
    assert reads.search("lora", ["Dataset"]) == []
    assert len(reads.search("lora", limit=1)) == 1
    assert reads.search("  ") == []


def _node_path(start: str, path: list[EdgeRecord]) -> tuple[str, ...]:
    """The nodes a path of edges walks through, checking that consecutive edges touch."""
    nodes = [start]
    for edge in path:
        assert nodes[-1] in (edge.source, edge.target)
        nodes.append(edge.other(nodes[-1]))
    return tuple(nodes)


@pytest.mark.parametrize(
    "source, target",
    [
        ("Entity:sora", "Family:fine tuning"),
        ("Entity:sora", "Entity:lora xs"),
        ("Entity:lora", "Entity:lora sb"),
        ("Entity:colberter", "Family:information retrieval method"),
    ],
)
def test_shortest_paths_are_all_the_undirected_shortest_paths(source: str, target: str) -> None:
    g, _ = build()
    reads = NetworkxReads(g)
    expected = {tuple(p) for p in nx.all_shortest_paths(nx.Graph(g.to_undirected()), source, target)}
    got = [_node_path(source, p) for p in reads.shortest_paths(source, target, max_hops=6, limit=1000)]
    assert set(got) == expected and len(got) == len(expected)
    assert got == sorted(got)
    hops = len(next(iter(expected))) - 1
    assert reads.shortest_paths(source, target, max_hops=hops - 1) == []
    assert len(reads.shortest_paths(source, target, max_hops=hops, limit=1)) == 1


def test_shortest_paths_edge_cases(reads: NetworkxReads) -> None:
    assert reads.shortest_paths("Entity:colberter", "Entity:sora", max_hops=6) == []  # not connected
    assert reads.shortest_paths("Entity:lora", "Entity:nope") == []
    assert reads.shortest_paths("Entity:lora", "Entity:lora") == [[]]
