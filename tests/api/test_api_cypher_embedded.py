"""The embedded runner: grand-cypher in a worker process that a runaway query gets killed in, and results as values."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.api.console.embedded import EmbeddedCypher
from kg.api.console.errors import CypherSyntaxError, CypherTimeout

SLOW = "MATCH (a)-[r1]->(b)<-[r2]-(c)-[r3]->(d) RETURN COUNT(a)"  # ~100k matches: seconds in grand-cypher


@pytest.fixture
def runner(sample_dir: Path) -> Iterator[EmbeddedCypher]:
    cypher = EmbeddedCypher(sample_dir / "graph.json", row_cap=50, timeout_s=1.0)
    yield cypher
    cypher.close()


def test_a_query_past_the_time_limit_is_stopped_and_the_next_one_runs(runner: EmbeddedCypher) -> None:
    assert runner.run("MATCH (m:Method) RETURN m.name LIMIT 1", {}).rows  # worker started, graph loaded
    worker = runner._worker
    assert worker is not None
    started = time.monotonic()
    with pytest.raises(CypherTimeout, match="ran longer than 1 s and was stopped"):
        runner.run(SLOW, {})
    assert time.monotonic() - started < 5
    assert worker.process.poll() is not None, "the worker running the slow query is killed"
    assert runner.run("MATCH (m:Method {name: $n}) RETURN id(m)", {"n": "LoRA"}).rows == [["Entity:lora"]]
    assert runner._worker is not worker


def test_rows_are_capped_and_graph_values_recognised(runner: EmbeddedCypher) -> None:
    capped = runner.run("MATCH (a)-[r]->(b) RETURN a, r", {})
    assert len(capped.rows) == 50 and capped.truncated
    path = runner.run("MATCH p = (a:Method)-[r:OUTPERFORMS]->(b) RETURN p LIMIT 1", {})
    ((value,),) = path.rows
    assert value["kind"] == "path" and [n["kind"] for n in value["nodes"]] == ["node", "node"]
    (rel,) = value["relationships"]
    assert rel["type"] == "OUTPERFORMS" and rel["properties"]["evidence"]
    assert {n["id"] for n in path.nodes} == {rel["start"], rel["end"]} and [e["id"] for e in path.edges] == [rel["id"]]


def test_relationships_alone_still_draw_their_ends(runner: EmbeddedCypher) -> None:
    result = runner.run("MATCH (a:Method)-[r:EXTENDS]->(b) RETURN r LIMIT 3", {})
    ends = {end for edge in result.edges for end in (edge["source"], edge["target"])}
    assert ends and ends == {n["id"] for n in result.nodes}
    assert all(n["label"] in ("Method", "Model", "Family") and n["name"] for n in result.nodes)


def test_columns_follow_the_return_clause(runner: EmbeddedCypher) -> None:
    result = runner.run("MATCH (m:Method) RETURN m.name AS name, id(m), COUNT(m) AS n ORDER BY name LIMIT 2", {})
    assert result.columns == ["name", "ID(m)", "n"]


def test_grand_cypher_failures_are_reported_not_raised_raw(runner: EmbeddedCypher) -> None:
    with pytest.raises(CypherSyntaxError, match="ORDER BY"):
        runner.run("MATCH (a)-[r]->(b) RETURN a.name ORDER BY a.name", {})  # papers have no name: mixed types


def test_close_stops_the_worker(runner: EmbeddedCypher) -> None:
    runner.run("MATCH (m:Method) RETURN m.name LIMIT 1", {})
    worker = runner._worker
    assert worker is not None and worker.alive()
    runner.close()
    assert not worker.alive()
