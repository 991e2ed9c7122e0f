"""Console parameters a store can take: plain JSON values, integers a 64-bit store holds, shallow nesting.

The driver raises deep inside its packer on an integer over 64 bits, and Python's recursion
limit on a list nested hundreds deep; both surfaced as 500s. Checked before any store sees them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kg.api.console.errors import CypherParamsError

MAX_DEPTH = 16
MAX_INT = 2**63 - 1
MIN_INT = -(2**63)


def check_params(params: Mapping[str, Any]) -> None:
    """``CypherParamsError`` naming the parameter when a value is too large an integer or nested too deep."""
    for name, value in params.items():
        _check(str(name), value)


def _check(name: str, value: Any) -> None:
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise CypherParamsError(f"parameter ${name} nests lists or maps more than {MAX_DEPTH} deep")
        if isinstance(item, bool) or item is None or isinstance(item, (str, float)):
            continue
        if isinstance(item, int):
            if not MIN_INT <= item <= MAX_INT:
                raise CypherParamsError(f"parameter ${name} holds {item}, outside the 64-bit integers a store can keep")
        elif isinstance(item, (list, tuple)):
            stack.extend((v, depth + 1) for v in item)
        elif isinstance(item, Mapping):
            stack.extend((v, depth + 1) for v in item.values())
        else:
            raise CypherParamsError(f"parameter ${name} is a {type(item).__name__}; send JSON values")
