"""LaTeX formatting in arXiv abstracts, read as the text it formats: ``\\textbf{AVE-Net}`` is AVE-Net.

Abstracts come straight from arXiv's metadata, where authors write ``\\emph{…}``, ``\\textsc{…}``,
``$\\textit{…}$`` and ``25.9\\%``. Left in, they became names ("emph{RRT*former}") and split
others. Only formatting goes; math (``$O(n^2)$``, ``S^{2}FT``) is kept as it is.
"""

from __future__ import annotations

import re

_FORMAT = re.compile(
    r"\\(?:textbf|textit|textsc|texttt|textrm|textsf|emph|underline|mathrm|mathbf|mathit|text)\s*\{([^{}]*)\}"
)
_ESCAPED = re.compile(r"\\([%&_#$])")
_ALONE_MATH = re.compile(r"\$([^$\\^_{}]*)\$")  # "$\textit{X}$" leaves "$X$": plain text inside dollars


def strip_markup(text: str) -> str:
    """``text`` without LaTeX formatting commands and escapes (math stays)."""
    if "\\" not in text:
        return text
    previous = None
    while previous != text:  # nested: \textbf{\emph{X}}
        previous, text = text, _FORMAT.sub(r"\1", text)
    text = _ESCAPED.sub(r"\1", text)
    return _ALONE_MATH.sub(r"\1", text)
