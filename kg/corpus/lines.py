"""Read a file as numbered lines, decoding each line on its own so one bad line spoils only itself."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Line:
    """One physical line: 1-based number, text without line ending, and why it did not decode."""

    number: int
    text: str  # undecodable bytes replaced by U+FFFD when ``decode_error`` is set
    decode_error: str | None = None
    complete: bool = True  # False for a final line with no newline (possibly truncated)


def _decode(raw: bytes) -> tuple[str, str | None]:
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        reason = f"invalid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})"
        return raw.decode("utf-8", errors="replace"), reason


def iter_lines(path: Path) -> Iterator[Line]:
    """Stream ``path`` line by line (binary read, per-line UTF-8 decode, CRLF and BOM removed)."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            complete = raw.endswith(b"\n")
            raw = raw.rstrip(b"\r\n")
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            text, error = _decode(raw)
            yield Line(number, text, error, complete)
