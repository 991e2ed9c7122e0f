"""The one place Cypher comes from: named queries in ``queries/*.cypher``, schema in ``schema/*.cypher``.

Nothing else in kg writes Cypher. User input only ever reaches a query as a parameter; code
picks among fixed file names, never formats query text.

Where the files are: the repository's top-level ``queries/`` and ``schema/`` folders are the
canonical copies. ``kg/cypher/queries`` and ``kg/cypher/schema`` are symlinks to them, so the
package's own ``cypher/<kind>`` folder is looked at first: in a checkout or an editable install it
is the top-level folder itself, and in a wheel pyproject's package-data (``cypher/*/*.cypher``)
has made setuptools copy the files there. Only a checkout whose symlinks did not survive (git with
``core.symlinks=false``) falls back to the folder next to the package (``Path(__file__).parents[2]``);
looking there first would let an unrelated ``queries/`` or ``schema/`` folder in site-packages win.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from kg.errors import StoreError

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_REPO_ROOT = Path(__file__).resolve().parents[2]
QUERIES = "queries"
SCHEMA = "schema"
SCHEMA_FILES = ("constraints", "indexes")


def _folder(kind: str) -> Path | Traversable:
    """The folder holding ``kind`` files: the packaged one, else the checkout's top-level copy."""
    packaged = resources.files("kg") / "cypher" / kind
    if packaged.is_dir():
        return packaged
    top = _REPO_ROOT / kind
    if top.is_dir():
        return top
    raise StoreError(f"no {kind}/ folder of Cypher files inside the package ({packaged}) nor next to it ({top})")


@cache
def _read(kind: str, name: str) -> str:
    if not _NAME.match(name):
        raise StoreError(f"invalid Cypher file name {name!r}")
    path = _folder(kind) / f"{name}.cypher"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise StoreError(f"no Cypher file {kind}/{name}.cypher") from error


def query(name: str) -> str:
    """The text of ``queries/<name>.cypher``."""
    return _read(QUERIES, name)


def _statements(text: str) -> list[str]:
    """Split a schema file into statements: ``//`` comment lines dropped, one statement per ``;``."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def schema_statements() -> list[str]:
    """Every statement of ``schema/constraints.cypher`` then ``schema/indexes.cypher``, in order."""
    return [s for name in SCHEMA_FILES for s in _statements(_read(SCHEMA, name))]
