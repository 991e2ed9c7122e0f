"""The embedded reads follow the graph file: a new ingest shows up without restarting the server."""

from __future__ import annotations

import shutil
from pathlib import Path

from _apikit import Api

from kg.api import embedded_reads
from kg.store import EmbeddedStore


def test_reads_are_reused_until_the_file_changes(sample_dir: Path, tmp_path: Path) -> None:
    shutil.copy(sample_dir / "graph.json", tmp_path / "graph.json")
    factory = embedded_reads(tmp_path)
    first = factory()
    assert factory() is first
    with EmbeddedStore(tmp_path) as store:
        paper = sorted(n for n in store.graph() if n.startswith("Paper:"))[0]
        assert store.delete_paper(paper.removeprefix("Paper:"))
    assert factory() is not first
    assert paper in first.get_nodes([paper]) and paper not in factory().get_nodes([paper])


def test_a_running_server_follows_the_file(serve: object, sample_dir: Path, tmp_path: Path) -> None:
    shutil.copy(sample_dir / "graph.json", tmp_path / "graph.json")
    api: Api = serve(tmp_path)  # type: ignore[operator]
    before = api.data("{ papers { totalCount } }")["papers"]["totalCount"]
    with EmbeddedStore(tmp_path) as store:
        paper = sorted(n for n in store.graph() if n.startswith("Paper:"))[0]
        store.delete_paper(paper.removeprefix("Paper:"))
    assert api.data("{ papers { totalCount } }")["papers"]["totalCount"] == before - 1


def test_a_missing_file_is_an_empty_graph(tmp_path: Path) -> None:
    reads = embedded_reads(tmp_path / "nothing-here")()
    assert reads.list_nodes(["Paper"]) == ([], 0)
