"""schema/schema.graphql is the SDL the code defines; the export command writes exactly that."""

from __future__ import annotations

from pathlib import Path

from kg.api import sdl
from kg.api.export_schema import SCHEMA_FILE, main


def test_the_committed_sdl_is_up_to_date() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == sdl(), "schema changed: run python -m kg.api.export_schema"


def test_export_writes_the_sdl(tmp_path: Path) -> None:
    main([str(tmp_path / "s.graphql")])
    written = (tmp_path / "s.graphql").read_text(encoding="utf-8")
    assert written == sdl()
    for name in (
        "type Query",
        "interface Entity",
        "interface Technique",
        "type Claim",
        "type Path",
        "input MethodFilter",
        "type TechniqueConnection",
        "type PageInfo",
        "connection(from: String!, to: String!",
    ):
        assert name in written, name
