"""One regular expression for many literal phrases, shaped as a prefix tree.

Python's ``re`` tries the branches of a flat ``a|b|c`` alternation one by one at every position,
so a 200-phrase pattern costs 200 attempts per character. Factoring common prefixes
(``low[\\s\\-]*rank(?:[\\s\\-]*adaptation|...)``) lets the engine drop a position after one
character test. Longer continuations come before a phrase's end, so the longest phrase that
fits still wins, as in a longest-first flat alternation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_END = ""  # trie key marking the end of a phrase; its value is the phrase's tail pattern


def prefix_tree_pattern(
    phrases: Iterable[str],
    char_pattern: Callable[[str], str] = re.escape,
    tail: Callable[[str], str] = lambda phrase: "",
) -> str:
    """A pattern body (no anchors or flags) matching any of ``phrases``.

    ``char_pattern`` turns one character into a pattern (a space into ``[\\s\\-]*``, say);
    ``tail`` gives what may follow a whole phrase (an optional plural ``s?``, say).
    """
    root: dict[str, object] = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = root
        for char in phrase:
            node = node.setdefault(char, {})  # type: ignore[assignment]
        node[_END] = tail(phrase)
    return _emit(root, char_pattern) or "(?!)"


def _emit(node: dict[str, object], char_pattern: Callable[[str], str]) -> str:
    branches = [
        char_pattern(char) + _emit(child, char_pattern)  # type: ignore[arg-type]
        for char, child in sorted(node.items())
        if char != _END
    ]
    if _END in node:
        branches.append(str(node[_END]))
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
