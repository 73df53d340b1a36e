r"""Text made safe for where it goes: valid UTF-8, a terminal line, a spreadsheet cell.

Inputs come from anywhere; what alliancekit prints or writes must not be
turned against its reader:

* :func:`readable` replaces the lone surrogates Python uses for file-name
  bytes that are not UTF-8 (and any other lone surrogate) with visible
  escapes, so that the text encodes as UTF-8;
* :func:`terminal_safe` also escapes control characters (escape sequences,
  carriage returns, NUL, line breaks), so that a file name or a document
  id printed on a terminal cannot move the cursor, recolour the screen or
  forge another line;
* :func:`spreadsheet_safe` neutralises a CSV cell that a spreadsheet would
  run as a formula (``=HYPERLINK(...)``, ``+cmd``, ``@SUM(...)``), by the
  usual convention: a leading apostrophe.

>>> print(terminal_safe("story\x1b[2J\r\nerror: forged"))
story\x1b[2J\r\nerror: forged
>>> spreadsheet_safe("=HYPERLINK(\"http://x\")")
'\'=HYPERLINK("http://x")'
"""

from __future__ import annotations

import re

__all__ = ["first_lone_surrogate", "readable", "spreadsheet_safe", "terminal_safe"]

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 controls (tab included), DEL, C1 controls, the line and paragraph separators, the
# bidirectional overrides and isolates (which can make a line read backwards), and surrogates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# A cell starting with one of these is run as a formula by common spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def first_lone_surrogate(text: str) -> int | None:
    r"""The index of the first lone surrogate in ``text``, or ``None`` when it is valid Unicode.

    A Python string may hold lone surrogates (from a JSON ``\ud800`` escape,
    or a file name that is not UTF-8); such text cannot be written as UTF-8.

    >>> first_lone_surrogate("Abe met Lee."), first_lone_surrogate("Abe \ud800")
    (None, 4)
    """
    if text.isascii():  # known at once: most texts
        return None
    try:  # strict UTF-8 fails on a lone surrogate and only there: quicker than a scan for one
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return error.start
    return None


def _escape(character: str) -> str:
    code = ord(character)
    if character in _NAMED:
        return _NAMED[character]
    if 0xDC80 <= code <= 0xDCFF:  # a file-name byte that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def readable(text: str) -> str:
    r"""``text`` with its lone surrogates written as escapes: always valid UTF-8.

    A byte of a file name that is not UTF-8 shows as ``\xNN``, the byte it
    was; another lone surrogate as ``\uNNNN``.

    >>> import os
    >>> readable(os.fsdecode(b"caf\xe9.txt"))
    'caf\\xe9.txt'
    >>> readable("a\ud800b")
    'a\\ud800b'
    """
    if first_lone_surrogate(text) is None:
        return text
    return _SURROGATE.sub(lambda match: _escape(match.group()), text)


def terminal_safe(text: str) -> str:
    r"""``text`` on one line, with nothing a terminal would act on: controls and surrogates escaped.

    Tabs, line breaks, escape sequences, NUL and other controls, the
    Unicode line separators and the bidirectional overrides are written as
    ``\t``, ``\n``, ``\xNN`` or ``\uNNNN``. Backslashes themselves are kept
    as they are.

    >>> terminal_safe("id\nerror: forged")
    'id\\nerror: forged'
    >>> terminal_safe("Caf\u00e9 talks")
    'Café talks'
    """
    return _UNPRINTABLE.sub(lambda match: _escape(match.group()), text)


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula: an apostrophe before a leading ``= + - @``.

    Cells starting with a tab or a line break get the apostrophe too. The
    apostrophe is the usual convention: spreadsheets show the text as typed
    and hide the apostrophe.

    >>> spreadsheet_safe("@SUM(A1:A9)"), spreadsheet_safe("Abe met Lee")
    ("'@SUM(A1:A9)", 'Abe met Lee')
    """
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
