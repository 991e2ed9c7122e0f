"""``python -m kg.api.export_schema [PATH]``: write the SDL to schema/schema.graphql (or PATH)."""

from __future__ import annotations

import sys
from pathlib import Path

from kg.api.schema import sdl

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema" / "schema.graphql"


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else SCHEMA_FILE
    path.write_text(sdl(), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
