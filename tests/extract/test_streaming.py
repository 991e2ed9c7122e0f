import tracemalloc
from pathlib import Path

import pytest

from kg.corpus import read_papers
from kg.extract import collect_names, extract_paper
from kg.extract.lexicon import known_entities
from kg.extract.nlp import english
from kg.extract.streaming import stream_extract
from kg.synthetic import generate, write_corpus


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    papers, _ = write_corpus(tmp_path_factory.mktemp("syn"), 30, seed=8)
    return papers


def _serial(path: Path) -> list[tuple[str, str]]:
    papers = list(read_papers([path]))
    corpus = collect_names(papers)
    return [(p.id, extract_paper(p, corpus).model_dump_json()) for p in papers]


def test_batches_hold_the_serial_records_in_input_order(corpus_file: Path) -> None:
    batches = list(stream_extract([corpus_file], batch_size=7))
    assert [len(b) for b in batches] == [7, 7, 7, 7, 2]
    assert [(p.id, r.model_dump_json()) for b in batches for p, r in b] == _serial(corpus_file)


def test_two_workers_give_the_same_batches_as_one(corpus_file: Path) -> None:
    one = [[(p.id, r) for p, r in b] for b in stream_extract([corpus_file], batch_size=8, workers=1)]
    two = [[(p.id, r) for p, r in b] for b in stream_extract([corpus_file], batch_size=8, workers=2)]
    assert two == one


def test_a_callable_source_is_read_once_per_pass() -> None:
    calls = []

    def papers():  # type: ignore[no-untyped-def]
        calls.append(1)
        return (p for p, _ in generate(5, seed=1))

    assert sum(len(b) for b in stream_extract(papers, batch_size=2)) == 5
    assert len(calls) == 2


def test_rejects_empty_batches() -> None:
    with pytest.raises(ValueError):
        list(stream_extract([], batch_size=0))


def _peak_bytes(path: Path) -> int:
    english(), known_entities()  # one-time model and lexicon loading is not what we measure
    tracemalloc.start()
    try:
        count = sum(len(batch) for batch in stream_extract([path], batch_size=100, workers=2))
        assert count > 0
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_as_the_input_grows(tmp_path: Path) -> None:
    """5x the papers must not need 2x the memory: papers and records do not outlive their batch.

    Sizes are 400 and 2,000 papers (not 1k/5k) to keep the suite fast on small CI machines; a
    version that kept every paper or record would use about 3-4x more at 2,000 papers.
    """
    small, _ = write_corpus(tmp_path / "small", 400, seed=9)
    big, _ = write_corpus(tmp_path / "big", 2000, seed=9)
    peak_small, peak_big = _peak_bytes(small), _peak_bytes(big)
    assert peak_big < 2 * peak_small, (peak_small, peak_big)
