r"""The trigger lexicon: phrasings kept as data, compiled to regular expressions.

The words that state an engagement ("held talks", "will visit", "a phone
call between") are entries of a TOML file, ``rules/data/triggers.toml``,
rather than branches of code: a new phrasing is a few lines of data. This
module reads such a file, checks it, and compiles each entry's pattern,
written in a small pattern language, to one regular expression for
:mod:`alliancekit.rules.triggers` to run. The file and the language are
described in :doc:`/howto/triggers`.

A pattern is a run of items that white space separates; between two items
the text may hold any white space. Words match as written, ``{NAME}``
stands for a word class (or a piece of regular expression) defined once in
the file, ``<lemma>`` for a verb's forms, ``(a|b c)`` for alternatives,
``x?`` makes an item optional and ``{WORD:0-2}`` allows a few words:

>>> lexicon = parse_lexicon(r'''
... [words]
... HOLD = ["held", "holds"]
... [fragments]
... WORD = '[\w-]+'
... [[trigger]]
... name = "held-talks"
... type = "meeting"
... form = "verbal"
... pattern = "{HOLD} (a|the)? {WORD:0-1} (talks|meeting)"
... note = "a meeting held"
... example = "held a bilateral meeting"
... ''')
>>> print(lexicon.triggers[0].source)
\b(?:held|holds)\s+(?:(?:a|the)\s+)?(?:[\w-]+\s+){0,1}?(?:talks\b|meeting\b)

A mistake names the entry and what is wrong with it:

>>> parse_lexicon('''
... [[trigger]]
... name = "talk"
... type = "meeting"
... form = "verbal"
... pattern = "{HOLDS} talks"
... note = "a meeting held"
... example = "held talks"
... ''', origin="my.toml")
Traceback (most recent call last):
    ...
alliancekit.rules.patterns.LexiconError: my.toml: trigger 'talk' (entry 1): no word class or fragment {HOLDS}
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from alliancekit.model import EventType

__all__ = [
    "FORMS",
    "TRIGGER_FLAGS",
    "CueEntry",
    "CueLexicon",
    "Lexicon",
    "LexiconError",
    "LookAlike",
    "TriggerEntry",
    "builtin_cues",
    "builtin_lexicon",
    "parse_cues",
    "parse_lexicon",
    "read_cues",
    "read_lexicon",
]

TRIGGER_FLAGS = (
    "hosting",
    "needs_person_object",
    "destination",
    "invites_visit",
    "needs_call_context",
    "arrival",
    "companion",
    "abroad",
    "proposal",
    "traveller_inside",
)
"""The flags an entry may set; each is a field of :class:`~alliancekit.rules.triggers.Trigger`."""

FORMS = ("verbal", "nominal")
"""A trigger's forms: a verb, which takes its subject and object, or a noun, which takes a possessor."""


class LexiconError(ValueError):
    """A lexicon that cannot be used: its file, and every entry that is wrong and why."""


@attrs.frozen
class TriggerEntry:
    """One phrasing of the lexicon: what it is, and the regular expression it compiles to."""

    name: str
    type: EventType
    form: str
    flags: frozenset[str]
    source: str
    """The compiled regular expression."""
    note: str
    example: str
    """A phrase it finds (checked when the lexicon is read)."""


@attrs.frozen
class LookAlike:
    """A phrase that holds a trigger's words but reports no engagement ("called off", "visitors")."""

    name: str
    source: str
    note: str
    example: str


@attrs.frozen
class Lexicon:
    """The triggers, in the order they are tried, and the look-alikes that overrule them."""

    triggers: tuple[TriggerEntry, ...]
    look_alikes: tuple[LookAlike, ...]
    origin: str
    """Where the lexicon was read from (a file name, or ``<string>``)."""

    @property
    def look_alike_source(self) -> str:
        r"""One regular expression matching every look-alike (never matching when there are none).

        >>> builtin_lexicon().look_alike_source.startswith(r"\bcalled\s+")
        True
        """
        return "|".join(entry.source for entry in self.look_alikes) or r"(?!)"


@functools.cache
def builtin_lexicon() -> Lexicon:
    """The lexicon shipped with alliancekit, ``alliancekit/rules/data/triggers.toml``.

    >>> lexicon = builtin_lexicon()
    >>> [entry.name for entry in lexicon.triggers][:2]
    ['held-phone-call', 'held-video-call']
    """
    text = resources.files("alliancekit.rules").joinpath("data", "triggers.toml").read_text(encoding="utf-8")
    return parse_lexicon(text, origin="alliancekit/rules/data/triggers.toml")


def _read_file(path: Path | str) -> tuple[str, str]:
    """A lexicon file's text and its name for errors; :class:`LexiconError` when it cannot be read."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"{path}: cannot be read: {error}") from error


def read_lexicon(path: Path | str) -> Lexicon:
    """The lexicon in a TOML file; :class:`LexiconError` names the file and each wrong entry."""
    text, origin = _read_file(path)
    return parse_lexicon(text, origin=origin)


def parse_lexicon(text: str, origin: str = "<string>") -> Lexicon:
    """The lexicon in TOML ``text``; ``origin`` names it in errors.

    Every problem found is reported at once, in one :class:`LexiconError`:
    a syntax error of the TOML (with its line), an unknown key or value, a
    pattern that refers to no word class or does not compile, or an example
    that the entry's pattern does not find.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(f"{origin}: not valid TOML: {error}") from error
    problems: list[str] = []
    unknown = set(data) - {"words", "verbs", "fragments", "spans", "trigger", "not_trigger"}
    problems += [f"unknown table [{key}]" for key in sorted(unknown)]
    compiler = _Compiler(data, problems)
    triggers = [
        entry
        for number, raw in enumerate(_tables(data, "trigger", problems), 1)
        if (entry := _trigger(raw, number, compiler, problems)) is not None
    ]
    look_alikes = [
        look_alike
        for number, raw in enumerate(_tables(data, "not_trigger", problems), 1)
        if (look_alike := _look_alike(raw, number, compiler, problems)) is not None
    ]
    for kind, names in (
        ("trigger", [e.name for e in triggers]),
        ("not_trigger", [e.name for e in look_alikes]),
    ):
        seen: set[str] = set()
        for name in names:
            if name in seen:
                problems.append(f"{kind} {name!r}: the name is used twice")
            seen.add(name)
    if problems:
        raise LexiconError("\n".join(f"{origin}: {problem}" for problem in problems))
    return Lexicon(tuple(triggers), tuple(look_alikes), origin)


# --------------------------------------------------------------------------------- the cue lexicon


@attrs.frozen
class CueEntry:
    """One cue of the cue lexicon: a class of wording the stages look for around a trigger.

    A cue is a regular expression (``source``, searched ignoring case when
    ``ignore_case``), or, when ``words`` is set, a plain set of words.
    """

    name: str
    """The name of the module attribute of :mod:`alliancekit.rules.cues` it becomes (``CANCEL``)."""
    source: str
    ignore_case: bool
    words: frozenset[str] | None
    note: str
    example: str
    """A phrase it finds, or a word of its set (checked when the lexicon is read)."""

    @property
    def compiled(self) -> re.Pattern[str]:
        """The cue's regular expression, compiled.

        >>> builtin_cues().entry("DELEGATION").compiled.search("A DELEGATION of lawmakers") is not None
        True
        """
        return re.compile(self.source, re.IGNORECASE if self.ignore_case else 0)


@attrs.frozen
class CueLexicon:
    """The cues of a cue file, in its order, and the file they were read from."""

    entries: tuple[CueEntry, ...]
    origin: str

    def entry(self, name: str) -> CueEntry:
        """The cue called ``name``; a :class:`LexiconError` naming the file if there is none.

        >>> builtin_cues().entry("CANCEL").ignore_case
        True
        """
        for entry in self.entries:
            if entry.name == name:
                return entry
        raise LexiconError(f"{self.origin}: no cue {name!r}")


@functools.cache
def builtin_cues() -> CueLexicon:
    """The cue lexicon shipped with alliancekit, ``alliancekit/rules/data/cues.toml``.

    >>> builtin_cues().entries[0].name
    'CANCEL'
    """
    text = resources.files("alliancekit.rules").joinpath("data", "cues.toml").read_text(encoding="utf-8")
    return parse_cues(text, origin="alliancekit/rules/data/cues.toml")


def read_cues(path: Path | str) -> CueLexicon:
    """The cue lexicon in a TOML file; :class:`LexiconError` names the file and each wrong entry."""
    text, origin = _read_file(path)
    return parse_cues(text, origin=origin)


def parse_cues(text: str, origin: str = "<string>") -> CueLexicon:
    r"""The cue lexicon in TOML ``text``; ``origin`` names it in errors.

    The file has the ``[words]``, ``[verbs]``, ``[fragments]`` and
    ``[spans]`` tables of a trigger lexicon, and one ``[[cue]]`` table per
    cue, with a ``pattern`` (or a ``regex``, or a list of ``words``), a
    ``note`` and an ``example`` it must find. Every problem is reported at
    once, as :func:`parse_lexicon` does:

    >>> lexicon = parse_cues('''
    ... [words]
    ... CALL_OFF = ["called off", "scrapped"]
    ... [[cue]]
    ... name = "CANCEL"
    ... pattern = "{CALL_OFF}"
    ... ignore_case = true
    ... note = "a word that calls an engagement off"
    ... example = "the visit was Scrapped"
    ... ''')
    >>> print(lexicon.entry("CANCEL").source)
    \b(?:called\s+off|scrapped)\b
    >>> try:
    ...     parse_cues(
    ...         '[[cue]]\nname = "CANCEL"\npattern = "scrapped"\nnote = "calling off"\nexample = "axed"',
    ...         origin="mine.toml",
    ...     )
    ... except LexiconError as error:
    ...     print(error)
    mine.toml: cue 'CANCEL' (entry 1): the pattern does not find its example 'axed'
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(f"{origin}: not valid TOML: {error}") from error
    problems: list[str] = []
    unknown = set(data) - {"words", "verbs", "fragments", "spans", "cue"}
    problems += [f"unknown table [{key}]" for key in sorted(unknown)]
    compiler = _Compiler(data, problems)
    entries = [
        entry
        for number, raw in enumerate(_tables(data, "cue", problems), 1)
        if (entry := _cue(raw, number, compiler, problems)) is not None
    ]
    seen: set[str] = set()
    for entry in entries:
        if entry.name in seen:
            problems.append(f"cue {entry.name!r}: the name is used twice")
        seen.add(entry.name)
    if problems:
        raise LexiconError("\n".join(f"{origin}: {problem}" for problem in problems))
    return CueLexicon(tuple(entries), origin)


_CUE_KEYS = frozenset(["name", "pattern", "regex", "ignore_case", "note", "example"])
_WORD_SET_KEYS = frozenset(["name", "words", "note", "example"])


def _cue(raw: Mapping[str, Any], number: int, compiler: _Compiler, problems: list[str]) -> CueEntry | None:
    name = raw.get("name")
    where = f"cue {name!r} (entry {number})" if isinstance(name, str) else f"cue entry {number}"
    try:
        _text(raw, "name")
        assert isinstance(name, str)
        if not _CLASS_NAME.fullmatch(name):
            raise _PatternError("a cue's name is capital letters, digits and _ (as CANCEL)")
        note = _text(raw, "note")
        assert note is not None
        if "words" in raw:
            return _word_set(raw, name, note)
        ignore_case = raw.get("ignore_case", False)
        if not isinstance(ignore_case, bool):
            raise _PatternError(f"ignore_case must be true or false, not {ignore_case!r}")
        source, example = _checked_source(raw, compiler, _CUE_KEYS, re.IGNORECASE if ignore_case else 0)
    except _PatternError as error:
        problems.append(f"{where}: {error}")
        return None
    return CueEntry(name, source, ignore_case, None, note, example)


def _word_set(raw: Mapping[str, Any], name: str, note: str) -> CueEntry:
    """A cue that is a set of words, once its words and example are known good."""
    unknown = set(raw) - _WORD_SET_KEYS
    if unknown:
        raise _PatternError(f"a set of words takes no {', '.join(sorted(unknown))}")
    words = raw["words"]
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
        raise _PatternError("words must be a list of words")
    example = _text(raw, "example")
    if example not in words:
        raise _PatternError(f"the example {example!r} is not one of the words")
    assert example is not None
    return CueEntry(name, "", False, frozenset(words), note, example)


# --------------------------------------------------------------------------------- the entries

_TRIGGER_KEYS = frozenset(
    ["name", "type", "form", "flags", "pattern", "regex", "followed_by", "not_followed_by", "note", "example"]
)
_LOOK_ALIKE_KEYS = frozenset(["name", "pattern", "regex", "note", "example"])
_EVENT_TYPES = {kind.value: kind for kind in EventType}


class _PatternError(ValueError):
    pass


def _tables(data: Mapping[str, Any], key: str, problems: list[str]) -> list[Mapping[str, Any]]:
    tables = data.get(key, [])
    if not isinstance(tables, list) or not all(isinstance(table, dict) for table in tables):
        problems.append(f"[[{key}]] must be an array of tables")
        return []
    return tables


def _text(raw: Mapping[str, Any], key: str, required: bool = True) -> str | None:
    value = raw.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _PatternError(f"{key} must be a non-empty string" if key in raw else f"{key} is missing")
    return value


def _checked_source(
    raw: Mapping[str, Any], compiler: _Compiler, keys: frozenset[str], flags: int = 0
) -> tuple[str, str]:
    """The entry's compiled regular expression and its example, once both are known good."""
    unknown = set(raw) - keys
    if unknown:
        raise _PatternError(f"unknown key {', '.join(sorted(unknown))}")
    pattern, regex = _text(raw, "pattern", False), _text(raw, "regex", False)
    if (pattern is None) == (regex is None):
        raise _PatternError("give either pattern or regex")
    if regex is not None:
        if "followed_by" in raw or "not_followed_by" in raw:
            raise _PatternError("followed_by and not_followed_by go with pattern, not regex")
        source = compiler.substitute(regex)
    else:
        assert pattern is not None
        source = compiler.pattern(_parse(pattern))
        for key, opening in (("not_followed_by", "(?!"), ("followed_by", "(?=")):
            after = _text(raw, key, False)
            if after is not None:
                source += f"{opening}{compiler.lookahead(_parse(after))})"
    try:
        compiled = re.compile(source, flags)
    except re.error as error:
        raise _PatternError(f"the regular expression {source!r} does not compile: {error}") from error
    example = _text(raw, "example")
    assert example is not None
    if compiled.search(example) is None:
        raise _PatternError(f"the pattern does not find its example {example!r}")
    return source, example


def _trigger(
    raw: Mapping[str, Any], number: int, compiler: _Compiler, problems: list[str]
) -> TriggerEntry | None:
    name = raw.get("name")
    where = f"trigger {name!r} (entry {number})" if isinstance(name, str) else f"trigger entry {number}"
    try:
        _text(raw, "name")
        kind = raw.get("type")
        if kind not in _EVENT_TYPES:
            raise _PatternError(f"type must be one of {', '.join(_EVENT_TYPES)}, not {kind!r}")
        form = raw.get("form")
        if form not in FORMS:
            raise _PatternError(f"form must be one of {', '.join(FORMS)}, not {form!r}")
        flags = raw.get("flags", [])
        if not isinstance(flags, list) or not all(flag in TRIGGER_FLAGS for flag in flags):
            raise _PatternError(f"flags must be a list of {', '.join(TRIGGER_FLAGS)}, not {flags!r}")
        note = _text(raw, "note")
        source, example = _checked_source(raw, compiler, _TRIGGER_KEYS)
    except _PatternError as error:
        problems.append(f"{where}: {error}")
        return None
    assert isinstance(name, str)
    assert isinstance(form, str)
    assert note is not None
    return TriggerEntry(name, _EVENT_TYPES[kind], form, frozenset(flags), source, note, example)


def _look_alike(
    raw: Mapping[str, Any], number: int, compiler: _Compiler, problems: list[str]
) -> LookAlike | None:
    name = raw.get("name")
    where = (
        f"not_trigger {name!r} (entry {number})" if isinstance(name, str) else f"not_trigger entry {number}"
    )
    try:
        _text(raw, "name")
        note = _text(raw, "note")
        source, example = _checked_source(raw, compiler, _LOOK_ALIKE_KEYS)
    except _PatternError as error:
        problems.append(f"{where}: {error}")
        return None
    assert isinstance(name, str)
    assert note is not None
    return LookAlike(name, source, note, example)


# --------------------------------------------------------------------------------- the pattern language


@attrs.frozen
class _Item:
    """One item of a pattern: ``kind`` is word, ref, verb, raw, anchor or group."""

    kind: str
    value: str
    branches: tuple[tuple[_Item, ...], ...] = ()
    repeat: tuple[int, int] | None = None
    optional: bool = False
    open: bool = False


_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
    | (?P<open>\()
    | (?P<close>\))
    | (?P<bar>\|)
    | \{(?P<ref>[^{}:\s]+)(?::(?P<low>\d+)-(?P<high>\d+))?\}
    | <(?P<verb>[^<>\s]+)>
    | `(?P<raw>[^`]+)`
    | (?P<anchor>[$^])(?=[\s)|]|$)
    | (?P<word>[^\s(){}|<>`?*]+)
    | (?P<suffix>[?*])
    """,
    re.VERBOSE,
)


def _parse(pattern: str) -> tuple[_Item, ...]:
    """The items of ``pattern``, parsed."""
    tokens: list[re.Match[str]] = []
    position = 0
    while position < len(pattern):
        match = _TOKEN.match(pattern, position)
        if match is None:
            raise _PatternError(f"cannot read {pattern[position:]!r} in pattern {pattern!r}")
        if match.group("space") is None:
            tokens.append(match)
        position = match.end()
    items, index = _parse_branches(tokens, 0, pattern)
    if index < len(tokens):
        raise _PatternError(f"unbalanced ')' in pattern {pattern!r}")
    if len(items) != 1:
        return (_Item("group", "", tuple(items)),)
    return items[0]


def _kind(token: re.Match[str]) -> str:
    """Which of the token's kinds matched (``lastgroup`` would name the range of a ``{NAME:m-n}``)."""
    return next(kind for kind in _KINDS if token.group(kind) is not None)


_KINDS = ("open", "close", "bar", "ref", "verb", "raw", "anchor", "word", "suffix")


def _parse_branches(
    tokens: list[re.Match[str]], index: int, pattern: str
) -> tuple[list[tuple[_Item, ...]], int]:
    """The alternatives from ``index`` to the closing parenthesis (or the end), and where they stop."""
    branches: list[tuple[_Item, ...]] = []
    items: list[_Item] = []
    while index < len(tokens) and tokens[index].group("close") is None:
        token = tokens[index]
        kind = _kind(token)
        index += 1
        if kind == "bar":
            branches.append(_nonempty(items, pattern))
            items = []
            continue
        if kind == "suffix":
            if not items:
                raise _PatternError(f"{token.group()!r} follows nothing in pattern {pattern!r}")
            item = items[-1]
            optional, open_end = token.group() == "?", token.group() == "*"
            items[-1] = attrs.evolve(item, optional=item.optional or optional, open=item.open or open_end)
            continue
        if kind == "open":
            inner, index = _parse_branches(tokens, index, pattern)
            if index >= len(tokens):
                raise _PatternError(f"unbalanced '(' in pattern {pattern!r}")
            index += 1  # past the ")"
            items.append(_Item("group", "", tuple(inner)))
        elif kind == "ref":
            low, high = token.group("low"), token.group("high")
            repeat = None if low is None else (int(low), int(high))
            if repeat is not None and repeat[0] > repeat[1]:
                raise _PatternError(f"{token.group()} repeats from more than it repeats to")
            items.append(_Item("ref", token.group("ref"), repeat=repeat))
        else:
            items.append(_Item(kind, token.group(kind)))
    branches.append(_nonempty(items, pattern))
    return branches, index


def _nonempty(items: list[_Item], pattern: str) -> tuple[_Item, ...]:
    if not items:
        raise _PatternError(f"an empty alternative in pattern {pattern!r}")
    return tuple(items)


_SPACE = r"\s+"
_CLASS_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
_CLASS_REFERENCE = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


class _Compiler:
    """Turns parsed items into regular expressions, with the file's word classes, verbs and fragments."""

    def __init__(self, data: Mapping[str, Any], problems: list[str]) -> None:
        self._problems = problems
        self._classes: dict[str, Any] = {}
        self._fragments: dict[str, str] = {}
        self._spans: dict[str, str] = {}
        self._verbs: dict[str, str] = {}
        self._compiled: dict[str, str | None] = {}  # word classes, once compiled (None: broken)
        self._compiling: set[str] = set()
        for table, store, check in (
            ("words", self._classes, self._check_class),
            ("fragments", self._fragments, self._check_fragment),
            ("spans", self._spans, self._check_fragment),
            ("verbs", self._verbs, self._check_verb),
        ):
            entries = data.get(table, {})
            if not isinstance(entries, dict):
                problems.append(f"[{table}] must be a table")
                continue
            for name, value in entries.items():
                try:
                    if table != "verbs":
                        self._check_name(table, name)
                    store[name] = check(value)
                except _PatternError as error:
                    problems.append(f"[{table}] {name}: {error}")
        for name in self._classes:
            self._word_class(name)

    def _check_name(self, table: str, name: str) -> None:
        if not _CLASS_NAME.fullmatch(name):
            raise _PatternError("names are capital letters, digits and _ (as HOLD or TALK_NOUN)")
        if sum(name in store for store in (self._classes, self._fragments, self._spans)):
            raise _PatternError("the name is defined twice")

    @staticmethod
    def _check_class(value: Any) -> Any:
        phrases = value.get("words") if isinstance(value, dict) else value
        if isinstance(value, dict) and set(value) - {"words", "any_case"}:
            raise _PatternError("a word class table has words and any_case")
        if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p for p in phrases):
            raise _PatternError("a word class is a list of phrases")
        return value

    @staticmethod
    def _check_fragment(value: Any) -> str:
        if not isinstance(value, str) or not value:
            raise _PatternError("a fragment is a regular expression, as a string")
        try:
            re.compile(value)
        except re.error as error:
            raise _PatternError(f"{value!r} does not compile: {error}") from error
        return value

    @staticmethod
    def _check_verb(value: Any) -> str:
        if not isinstance(value, list) or not value or not all(isinstance(form, str) for form in value):
            raise _PatternError("a verb is a list of its forms")
        if not all(re.fullmatch(r"[\w'’-]+", form) for form in value):
            raise _PatternError("a verb's forms are single words")
        return "(?:" + "|".join(re.escape(form) for form in value) + ")"

    def _word_class(self, name: str) -> str | None:
        """The class's regular expression: ``(?:phrase|phrase...)``; None if it is broken."""
        if name in self._compiled:
            return self._compiled[name]
        if name in self._compiling:
            raise _PatternError(f"word class {name} refers to itself")
        self._compiling.add(name)
        value = self._classes[name]
        phrases: list[str] = value["words"] if isinstance(value, dict) else value
        any_case = isinstance(value, dict) and value.get("any_case") is True
        try:
            compiled = [self.sequence(_parse(phrase), at_end=False) for phrase in phrases]
            source: str | None = ("(?i:" if any_case else "(?:") + "|".join(compiled) + ")"
        except _PatternError as error:
            self._problems.append(f"[words] {name}: {error}")
            source = None
        self._compiling.discard(name)
        self._compiled[name] = source
        return source

    def substitute(self, regex: str) -> str:
        """``regex`` with each ``{NAME}`` of a word class or fragment replaced by its expression."""

        def replace(match: re.Match[str]) -> str:
            return self._reference(_Item("ref", match.group(1)))

        return _CLASS_REFERENCE.sub(replace, regex)

    def pattern(self, items: tuple[_Item, ...]) -> str:
        r"""A whole pattern's expression: from the start of a word (``\b``) to the end of one.

        A pattern that opens on ``^``, a span or a raw expression says itself
        where it starts, and takes no ``\b`` before it.
        """
        first = items[0]
        opening = "" if first.kind in ("anchor", "raw") or self._is_span(first) else r"\b"
        return opening + self.sequence(items, at_end=True)

    def lookahead(self, items: tuple[_Item, ...]) -> str:
        """What a look-ahead holds: the white space after the match, then the items."""
        leading_space = "" if self._is_span(items[0]) else _SPACE
        return leading_space + self.sequence(items, at_end=True)

    def _is_span(self, item: _Item) -> bool:
        return item.kind == "ref" and item.value in self._spans

    def _owns_space(self, item: _Item) -> bool:
        """Whether an item in the middle of a sequence holds the white space after it."""
        return item.optional or (item.kind == "ref" and item.repeat is not None and not self._is_span(item))

    def sequence(self, items: tuple[_Item, ...], at_end: bool) -> str:
        r"""The expression of a run of items; ``at_end``: the run ends the pattern (so ends a word).

        White space between two items is ``\s+``, held by an optional item
        or a run of words in the middle ("a? b" is ``(?:a\s+)?b``), or by a
        last optional item before it ("a b?" is ``a(?:\s+b)?``). A span
        takes no white space on either side, and a word after it must start
        there (``\b``).
        """
        parts: list[str] = []
        for index, item in enumerate(items):
            last = index == len(items) - 1
            following = None if last else items[index + 1]
            if index and self._is_span(items[index - 1]):
                parts.append(r"\b")
            if self._is_span(item):
                if item.optional or item.open:
                    raise _PatternError(f"a span {{{item.value}:...}} takes no ? or *")
                parts.append(self._atom(item, at_end=False))
                continue
            ends_word = last and at_end and not item.open
            if item.optional and last:
                if index and self._owns_space(items[index - 1]):
                    raise _PatternError("an optional item cannot end a run right after another optional item")
                space = _SPACE if index else ""
                parts.append(f"(?:{space}{self._atom(item, at_end=False)})?")
                if ends_word:
                    parts.append(r"\b")
            elif self._owns_space(item):
                if last:
                    raise _PatternError("a pattern cannot end with a run of words")
                core = self._atom(item, at_end=False)
                parts.append(core if item.repeat is not None else f"(?:{core}{_SPACE})?")
            else:
                parts.append(self._atom(item, at_end=ends_word))
                trailing_optional = following is not None and following.optional and index + 2 == len(items)
                glued = item.kind == "anchor"  # "^" holds the white space after it
                if (
                    following is not None
                    and not self._is_span(following)
                    and not trailing_optional
                    and not glued
                ):
                    parts.append(_SPACE)
        return "".join(parts)

    def _atom(self, item: _Item, at_end: bool) -> str:
        """One item's expression; ``at_end``: it ends the pattern, so a word ends with it."""
        boundary = r"\b" if at_end else ""
        if item.kind == "word":
            return re.escape(item.value) + boundary
        if item.kind == "raw":
            return item.value
        if item.kind == "anchor":
            if item.optional or item.open:
                raise _PatternError(f"{item.value} takes no ? or *")
            return r"^\s*" if item.value == "^" else "$"
        if item.kind == "verb":
            if item.value not in self._verbs:
                raise _PatternError(f"no verb <{item.value}> in [verbs]")
            return self._verbs[item.value] + boundary
        if item.kind == "group":
            return "(?:" + "|".join(self.sequence(branch, at_end) for branch in item.branches) + ")"
        if item.repeat is not None:
            low, high = item.repeat
            if item.value in self._spans:
                return f"{self._spans[item.value]}{{{low},{high}}}?"
            if item.value not in self._fragments:
                raise _PatternError(f"{{{item.value}:{low}-{high}}} repeats no fragment or span")
            return f"(?:{self._fragments[item.value]}{_SPACE}){{{low},{high}}}?"
        return self._reference(item) + (boundary if item.value in self._classes else "")

    def _reference(self, item: _Item) -> str:
        """The expression of ``{NAME}``: a word class or a fragment."""
        if item.value in self._classes:
            source = self._word_class(item.value)
            if source is None:
                raise _PatternError(f"word class {{{item.value}}} has problems (see them above)")
            return source
        if item.value in self._fragments:
            return self._fragments[item.value]
        if item.value in self._spans:
            raise _PatternError(f"the span {{{item.value}}} needs its length, as {{{item.value}:0-90}}")
        raise _PatternError(f"no word class or fragment {{{item.value}}}")
