from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from kg.corpus import read_papers
from kg.extract import collect_names, extract_paper
from kg.extract.distributed import extract_with_dask
from kg.records import Paper
from kg.synthetic import generate, write_corpus


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as dask:
            yield dask


def _serial(papers: list[Paper]) -> list[str]:
    corpus = collect_names(papers)
    return [extract_paper(p, corpus).model_dump_json() for p in papers]


def test_dask_output_equals_serial_extraction(client: Client, tmp_path: Path) -> None:
    papers = [p for p, _ in generate(100, seed=2)]
    out = tmp_path / "records.jsonl"
    assert extract_with_dask(papers, out, partitions=7, client=client) == 100
    assert out.read_text(encoding="utf-8").splitlines() == _serial(papers)


def test_dask_reads_files_and_keeps_their_order(client: Client, tmp_path: Path) -> None:
    source, _ = write_corpus(tmp_path / "syn", 40, seed=3)
    out = tmp_path / "out" / "records.jsonl"
    assert extract_with_dask([source], out, partitions=3, client=client) == 40
    assert out.read_text(encoding="utf-8").splitlines() == _serial(list(read_papers([source])))
