"""Matching chains of head-dependent relations: what a ``DependencyMatcher`` finds, for less.

Every trigger pattern (:data:`alliancekit_spacy.triggers.PATTERNS`) is a
chain: a word, optionally one of its dependents, optionally one of that
one's dependents ("held > talks", "spoke > by > phone"), each word tested
on its lemma, lower-case form, part of speech or dependency label.
spaCy's :class:`~spacy.matcher.DependencyMatcher` answers such a pattern by
running a token :class:`~spacy.matcher.Matcher` over the whole sentence
for each call, which costs about a third of a millisecond per sentence and
pattern. :class:`ChainMatcher` reads the sentence's attributes once
(:meth:`~spacy.tokens.Doc.to_array`), tests them as integers and walks
the dependents of the words that pass; it returns the same
``(label, token indices)`` pairs, with the indices in the order of the
pattern's nodes. A pattern it cannot read (another relation than ``>``, a
node that is not a dependent of the one before, an operator other than
``IN``) makes :meth:`ChainMatcher.compile` return ``None``, and the caller
uses the ``DependencyMatcher``.

>>> import spacy
>>> from spacy.tokens import Doc
>>> nlp = spacy.blank("en")
>>> doc = Doc(nlp.vocab, words=["Abe", "held", "talks"], heads=[1, 1, 1],
...           deps=["nsubj", "ROOT", "dobj"], lemmas=["Abe", "hold", "talk"])
>>> held_talks = [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": "hold"}},
...               {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "n", "RIGHT_ATTRS": {"DEP": "dobj"}}]
>>> ChainMatcher.compile([("hold-talks", held_talks)])(doc)
[('hold-talks', [1, 2])]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc

__all__ = ["ChainMatcher"]

# The attributes a node may test, as columns of ``Doc.to_array``.
_ORDER = ("ORTH", "LOWER", "LEMMA", "POS", "DEP")
_ARRAY: list[int | str] = list(_ORDER)

# One node: (column index, allowed values) for each tested attribute.
_Node = tuple[tuple[int, frozenset[int]], ...]


def _node(attrs: Mapping[str, Any]) -> _Node | None:
    tests = []
    for key, value in attrs.items():
        name = "ORTH" if key.upper() == "TEXT" else key.upper()
        if name not in _ORDER:
            return None
        if isinstance(value, str):
            allowed = [value]
        elif isinstance(value, Mapping) and set(value) == {"IN"} and isinstance(value["IN"], list | tuple):
            allowed = list(value["IN"])
            if not all(isinstance(v, str) for v in allowed):
                return None
        else:
            return None
        # The ids the Matcher compares: string hashes, or symbol ids for tags and labels it knows.
        tests.append((_ORDER.index(name), frozenset(get_string_id(v) for v in allowed)))
    return tuple(tests)


def _passes(node: _Node, row: Sequence[int]) -> bool:
    return all(row[column] in allowed for column, allowed in node)


class ChainMatcher:
    """Finds chain patterns (``A > B > C``) in a parsed ``Doc``; build it with :meth:`compile`."""

    def __init__(self, chains: dict[str, tuple[_Node, ...]]) -> None:
        self._chains = chains
        # For the first node of each chain, the test that picks its candidates: one on a
        # string column (lemma, lower-case form...), the narrowest, when there is one.
        self._entry: dict[str, tuple[int, frozenset[int]] | None] = {}
        for label, (first, *_) in chains.items():
            keyed = [test for test in first if _ORDER[test[0]] not in ("POS", "DEP")]
            self._entry[label] = min(keyed, key=lambda test: len(test[1])) if keyed else None

    @classmethod
    def compile(cls, patterns: Iterable[tuple[str, Sequence[Mapping[str, Any]]]]) -> ChainMatcher | None:
        """A matcher for ``(label, DependencyMatcher pattern)`` pairs, or ``None`` if one is not a chain."""
        chains: dict[str, tuple[_Node, ...]] = {}
        for label, pattern in patterns:
            nodes: list[_Node] = []
            for position, spec in enumerate(pattern):
                if position and (
                    spec.get("REL_OP") != ">" or spec.get("LEFT_ID") != pattern[position - 1]["RIGHT_ID"]
                ):
                    return None
                node = _node(spec.get("RIGHT_ATTRS", {}))
                if node is None or label in chains:
                    return None
                nodes.append(node)
            if not nodes:
                return None
            chains[label] = tuple(nodes)
        return cls(chains)

    def __call__(self, doc: Doc, labels: Iterable[str] | None = None) -> list[tuple[str, list[int]]]:
        """Every match of the patterns ``labels`` (default: all) in ``doc``: ``(label, token indices)``."""
        count = len(doc)
        if not count:
            return []
        rows = cast(list[list[int]], doc.to_array(_ARRAY).reshape(count, len(_ARRAY)).tolist())
        offsets = cast(list[int], doc.to_array("HEAD").astype(numpy.int64).tolist())
        children: list[list[int]] = [[] for _ in range(count)]
        for index, offset in enumerate(offsets):
            if offset:
                children[index + offset].append(index)
        columns: dict[int, dict[int, list[int]]] = {}
        found: list[tuple[str, list[int]]] = []
        for label in self._chains if labels is None else labels:
            first, *rest = self._chains[label]
            entry = self._entry[label]
            if entry is None:
                candidates: Iterable[int] = range(count)
            else:
                column, allowed = entry
                if column not in columns:
                    columns[column] = {}
                    for index, row in enumerate(rows):
                        columns[column].setdefault(row[column], []).append(index)
                values = columns[column]
                candidates = sorted(i for v in allowed & values.keys() for i in values[v])
            for index in candidates:
                if _passes(first, rows[index]):
                    found.extend((label, path) for path in self._extend([index], rest, rows, children))
        return found

    def _extend(
        self, path: list[int], rest: Sequence[_Node], rows: list[list[int]], children: list[list[int]]
    ) -> Iterable[list[int]]:
        if not rest:
            yield path
            return
        for child in children[path[-1]]:
            if _passes(rest[0], rows[child]):
                yield from self._extend([*path, child], rest[1:], rows, children)
