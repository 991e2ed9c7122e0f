from pathlib import Path

from kg.corpus import read_papers
from kg.extract import collect_names, extract_paper
from kg.extract.parallel import extract_parallel

SAMPLE = Path(__file__).resolve().parents[2] / "kg" / "data" / "sample" / "hf_trending_papers.txt"


def test_two_processes_give_the_same_records_in_the_same_order() -> None:
    papers = list(read_papers([SAMPLE]))[:40]
    corpus = collect_names(papers)
    serial = [extract_paper(p, corpus) for p in papers]
    chunks = list(extract_parallel(papers, corpus, workers=2, chunk_size=7))
    assert [len(c) for c in chunks] == [7, 7, 7, 7, 7, 5]
    assert [r for c in chunks for r in c] == serial
