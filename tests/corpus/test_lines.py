from kg.corpus.lines import iter_lines


def test_iter_lines_strips_crlf_and_bom_and_flags_last_line(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"\xef\xbb\xbffirst\r\nsecond\r\nlast")
    lines = list(iter_lines(path))
    assert [(line.number, line.text, line.complete) for line in lines] == [
        (1, "first", True),
        (2, "second", True),
        (3, "last", False),
    ]


def test_iter_lines_reports_bad_utf8_on_that_line_only(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"ok\nbad \xff here\nSchr\xc3\xb6dinger\n")
    lines = list(iter_lines(path))
    assert lines[0].decode_error is None
    assert lines[1].decode_error == "invalid UTF-8 (byte 0xff at column 5)"
    assert lines[1].text == "bad \ufffd here"
    assert lines[2].text == "Schrödinger" and lines[2].decode_error is None
