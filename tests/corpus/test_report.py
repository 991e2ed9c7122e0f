from kg.corpus.report import ReadReport
from kg.errors import RecordError


def test_summary_counts_and_plurals():
    report = ReadReport()
    for _ in range(96):
        report.add_paper()
    report.add_error(RecordError("a.jsonl", 3, "invalid JSON"))
    report.add_error(RecordError("a.jsonl", 4, "missing title"))
    report.add_duplicate(RecordError("a.jsonl", 9, "duplicate of line 1"))
    assert (report.read, report.skipped, report.duplicates) == (96, 2, 1)
    assert len(report.errors) == 3
    assert report.summary() == "read 96 papers, skipped 2 (see errors), 1 duplicate"


def test_summary_of_clean_read_mentions_only_papers():
    report = ReadReport(read=1)
    assert report.summary() == "read 1 paper"
