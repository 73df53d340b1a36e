r"""Cutting the boilerplate footer off government readouts before extraction.

Press releases end in a contact block, a "###" end mark or a copyright line;
names in those blocks ("Media contact: Jane Doe") are not participants of
anything. :func:`strip_footer` removes everything from the first such line
that lies in the last third of the text or has at most six lines after it.
Text before it keeps its offsets, so evidence found in the body still
indexes into the original article.

>>> text = "Rubio met Iwaya in Tokyo on Monday.\n\n###\nMedia contact: press@example.org\n"
>>> strip_footer(text)
'Rubio met Iwaya in Tokyo on Monday.'
>>> strip_footer("No footer here.")
'No footer here.'
"""

from __future__ import annotations

import re

__all__ = ["strip_footer"]

_FOOTER_LINE = re.compile(
    r"^[ \t]*(?:#{3}|-{2,}\s*end\s*-{2,}|\*{3}|media\s+contacts?\b|press\s+contacts?\b|"
    r"for\s+(?:further|more)\s+information\b|contact:|copyright\b|©|all\s+rights\s+reserved\b|subscribe\s+to\b|follow\s+us\b)",
    re.IGNORECASE | re.MULTILINE,
)


def strip_footer(text: str) -> str:
    """The text without its trailing boilerplate block, right-stripped when one was cut."""
    threshold = len(text) * 2 // 3
    for match in _FOOTER_LINE.finditer(text):
        start = match.start()
        if start > 0 and (start >= threshold or text.count("\n", start) <= 6):
            return text[:start].rstrip()
    return text
