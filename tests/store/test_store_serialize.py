"""Node-link JSON: equal graphs give equal bytes; writes are all-or-nothing."""

from pathlib import Path

import networkx as nx
import pytest

from kg.errors import StoreError
from kg.graph import KnowledgeGraph
from kg.store.serialize import from_node_link, read_graph, to_node_link, write_graph, write_json_atomic


def _graph(order: list[str]) -> KnowledgeGraph:
    g: KnowledgeGraph = nx.MultiDiGraph()
    for node in order:
        g.add_node(node, label="Method", key=node.split(":")[1], name=node, aliases=[])
    g.add_edge(order[0], order[1], key="EXTENDS|p1", type="EXTENDS", paper="p1", evidence="")
    g.add_edge(order[1], order[2], key="OUTPERFORMS|p2|abc", type="OUTPERFORMS", paper="p2", on=["COCO"])
    return g


def test_insertion_order_does_not_change_bytes(tmp_path: Path) -> None:
    a = _graph(["Entity:a", "Entity:b", "Entity:c"])
    b: KnowledgeGraph = nx.MultiDiGraph()
    for node in reversed(list(a.nodes)):
        b.add_node(node, **dict(reversed(list(a.nodes[node].items()))))
    for u, v, k, d in reversed(list(a.edges(keys=True, data=True))):
        b.add_edge(u, v, key=k, **d)
    write_graph(tmp_path / "a.json", a)
    write_graph(tmp_path / "b.json", b)
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_round_trip(tmp_path: Path) -> None:
    g = _graph(["Entity:a", "Entity:b", "Entity:c"])
    assert nx.utils.graphs_equal(from_node_link(to_node_link(g)), g)
    write_graph(tmp_path / "g.json", g)
    assert nx.utils.graphs_equal(read_graph(tmp_path / "g.json"), g)
    assert read_graph(tmp_path / "missing.json").number_of_nodes() == 0


def test_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    write_json_atomic(path, {"ok": [1, 2, 3]})
    old = path.read_bytes()
    with pytest.raises(StoreError):
        write_json_atomic(path, {"a": list(range(10000)), "z": {1, 2}})  # a set is not JSON: fails late
    assert path.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["g.json"]
    with pytest.raises(StoreError):
        write_json_atomic(path, {"nan": float("nan")})
    assert path.read_bytes() == old


def test_model_properties_named_like_link_fields_survive(tmp_path: Path) -> None:
    g: KnowledgeGraph = nx.MultiDiGraph()
    g.add_node("Paper:p1", label="Paper", id="p1", source="papers.jsonl:3")
    g.add_node("Family:x", label="Family", key="x", name="x", aliases=[])
    g.add_edge("Paper:p1", "Family:x", key="IS_A|taxonomy", type="IS_A", source="taxonomy")
    write_graph(tmp_path / "g.json", g)
    back = read_graph(tmp_path / "g.json")
    assert nx.utils.graphs_equal(back, g)
    assert back.nodes["Paper:p1"]["id"] == "p1"
    assert back.edges["Paper:p1", "Family:x", "IS_A|taxonomy"]["source"] == "taxonomy"


def test_a_property_clashing_with_a_link_field_is_refused() -> None:
    g: KnowledgeGraph = nx.MultiDiGraph()
    g.add_edge("a", "b", key="k", to="somewhere")
    with pytest.raises(StoreError, match="'to'"):
        to_node_link(g)
