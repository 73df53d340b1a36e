"""Faster stand-ins for two rule-based components of the pipeline, with the same results.

**The attribute ruler.** The small English pipeline's ``attribute_ruler``
maps each fine-grained tag to a part of speech and morphology, and gives
lemmas and features to some words ("'s" after a noun, pronouns, "n't"). It
runs a :class:`~spacy.matcher.Matcher` of about 180 patterns over every
token, which costs as much as the dependency parser. Nearly all of its
patterns look at one token only (its tag, its lower-case form, its
dependency label), so :class:`AttributeTable` decides them once per
distinct combination of those values and remembers the answer; the few
other patterns still go through a ``Matcher`` of their own, run only on a
text where one of their words occurs. The attributes are then set exactly
as the ruler sets them: in the order of its patterns (a later one wins),
through the ruler's own ``set_token_attrs``.

**The lemmatizer.** The rule-based :class:`~spacy.pipeline.Lemmatizer`
gives a token a lemma that depends only on its form, part of speech and
morphology, but works it out again for every token (its own cache misses
the base forms, and reading the morphology is slow). :class:`LemmaCache`
asks the lemmatizer once per combination and remembers the answer.

:func:`alliancekit_spacy.loading.prepare_pipeline` puts them in place of
the originals (which stay in the pipeline, disabled); the plugin's tests
check on sample texts that parts of speech, morphology and lemmas come out
the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar, cast

import numpy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from thinc.types import Ints2d

_Component = TypeVar("_Component")

__all__ = ["ATTRIBUTE_TABLE", "LEMMA_CACHE", "AttributeTable", "LemmaCache"]

ATTRIBUTE_TABLE = "alliancekit_attribute_table"
"""The factory name of :class:`AttributeTable`."""

LEMMA_CACHE = "alliancekit_lemma_cache"
"""The factory name of :class:`LemmaCache`."""

# Token attributes a one-token pattern may be decided on here, by matcher name.
_STRINGS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "POS", "DEP"})
_FLAGS = frozenset(
    {
        "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE",
        "IS_STOP", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY",
    }
)  # fmt: skip

# A test on one attribute: (attribute name, operator, value).
_Test = tuple[str, str, Any]
_CACHE_LIMIT = 200_000


def _compile(spec: Mapping[str, Any]) -> list[_Test] | None:
    """The tests of one token of a pattern, or ``None`` when it uses anything this table does not decide."""
    tests: list[_Test] = []
    for raw_key, value in spec.items():
        if not isinstance(raw_key, str):
            return None
        key = "ORTH" if raw_key.upper() == "TEXT" else raw_key.upper()
        if key in _STRINGS:
            if isinstance(value, str):
                tests.append((key, "==", value))
                continue
            if isinstance(value, Mapping) and len(value) == 1:
                ((operation, values),) = value.items()
                listed = isinstance(values, list | tuple) and all(isinstance(v, str) for v in values)
                if operation in ("IN", "NOT_IN") and listed:
                    tests.append((key, operation, frozenset(values)))
                    continue
                if operation == "REGEX" and isinstance(values, str):
                    tests.append((key, operation, re.compile(values)))  # the Matcher's re.search
                    continue
            return None
        if key in _FLAGS and isinstance(value, bool):
            tests.append((key, "==", value))
            continue
        return None
    return tests


def _passes(tests: list[_Test], values: Mapping[str, Any]) -> bool:
    for attribute, operation, expected in tests:
        value = values[attribute]
        if operation == "==":
            if value != expected:
                return False
        elif operation == "IN":
            if value not in expected:
                return False
        elif operation == "REGEX":
            if not expected.search(value):
                return False
        elif value in expected:  # NOT_IN
            return False
    return True


class AttributeTable:
    """Sets the attributes an :class:`~spacy.pipeline.AttributeRuler` sets, with table look-ups.

    :param ruler: the ruler whose patterns and attributes are used; it is not modified.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> ruler = nlp.add_pipe("attribute_ruler")
    >>> ruler.add([[{"LOWER": "met"}]], {"LEMMA": "meet", "POS": "VERB"})
    >>> ruler.add([[{"LOWER": "talks"}, {"LOWER": "with"}]], {"POS": "NOUN"})
    >>> doc = AttributeTable(ruler)(nlp.make_doc("Abe met Biden for talks with Kim"))
    >>> [(t.text, t.lemma_, t.pos_) for t in doc if t.pos_]
    [('met', 'meet', 'VERB'), ('talks', '', 'NOUN')]
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self._strings = ruler.vocab.strings
        self._attrs: list[dict[Any, Any]] = list(ruler.attrs)
        self._indices: list[int] = list(ruler.indices)
        # One-token patterns, decided here; the others go through a Matcher, which
        # runs only on a text where some token passes a test of each such pattern.
        self._single: list[tuple[int, list[_Test]]] = []
        self._guards: list[list[_Test]] = []
        self._rest = Matcher(ruler.vocab, validate=False)
        self._rest_ids: dict[int, int] = {}
        always = False
        entries = cast(list[dict[str, Any]], ruler.patterns)
        for attr_id, entry in enumerate(entries):
            leftover = []
            for pattern in entry["patterns"]:
                tests = _compile(pattern[0]) if len(pattern) == 1 else None
                if tests is not None and self._indices[attr_id] in (0, -1):
                    self._single.append((attr_id, tests))
                    continue
                leftover.append(pattern)
                guard = next((t for spec in pattern if (t := _compile(spec))), None)
                if guard is None:
                    always = True
                else:
                    self._guards.append(guard)
            if leftover:
                key = self._strings.add(f"{ATTRIBUTE_TABLE}-{attr_id}")
                self._rest.add(key, leftover)
                self._rest_ids[key] = attr_id
        self._always_match = always
        tested = [t for tests in [*(tests for _, tests in self._single), *self._guards] for t in tests]
        self._names = sorted({attribute for attribute, _, _ in tested})
        self._ids: list[int | str] = list(self._names)
        self._cache: dict[tuple[int, ...], tuple[tuple[int, ...], bool]] = {}
        # Most one-token patterns name the tag they need: those are looked at only for that tag.
        self._by_tag: dict[str, list[tuple[int, list[_Test]]]] = {}
        self._any_tag: list[tuple[int, list[_Test]]] = []
        for attr_id, tests in self._single:
            tags = [value for name, operation, value in tests if name == "TAG" and operation == "=="]
            tags += [tag for name, op, value in tests if name == "TAG" and op == "IN" for tag in value]
            if tags and all(name != "TAG" or op in ("==", "IN") for name, op, _ in tests):
                for tag in set(tags):
                    self._by_tag.setdefault(tag, []).append((attr_id, tests))
            else:
                self._any_tag.append((attr_id, tests))

    def _decide(self, key: tuple[int, ...]) -> tuple[tuple[int, ...], bool]:
        """What a token with these attribute values matches: ``(one-token patterns, a longer one's test)``."""
        found = self._cache.get(key)
        if found is None:
            values = {
                name: bool(value) if name in _FLAGS else self._strings[value]
                for name, value in zip(self._names, key, strict=True)
            }
            candidates = [*self._by_tag.get(str(values.get("TAG", "")), ()), *self._any_tag]
            matched = tuple(sorted({attr_id for attr_id, tests in candidates if _passes(tests, values)}))
            found = matched, any(_passes(guard, values) for guard in self._guards)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        """Set the attributes of every token of ``doc``, as the ruler would."""
        hits: list[tuple[int, int, int, int]] = []  # (pattern id, start, end, token)
        longer = self._always_match
        if self._ids and len(doc):
            rows = cast(list[list[int]], doc.to_array(self._ids).reshape(len(doc), len(self._ids)).tolist())
            for i, row in enumerate(rows):
                matched, guarded = self._decide(tuple(row))
                longer = longer or guarded
                for attr_id in matched:
                    hits.append((attr_id, i, i + 1, i))
        if longer and self._rest_ids:
            for match_id, start, end in self._rest(doc, allow_missing=True):
                attr_id = self._rest_ids[match_id]
                index = self._indices[attr_id]
                length = end - start
                if not -length <= index < length:
                    raise ValueError(f"attribute pattern {attr_id} has no token {index} in {doc[start:end]}")
                hits.append((attr_id, start, end, start + index if index >= 0 else end + index))
        hits.sort()
        attrs = self._attrs
        for attr_id, _, _, target in hits:
            set_token_attrs(doc[target], attrs[attr_id])
        return doc


@Language.factory(ATTRIBUTE_TABLE, default_config={"ruler": "attribute_ruler"})
def make_attribute_table(nlp: Language, name: str, ruler: str) -> AttributeTable:
    """Build an :class:`AttributeTable` from the pipeline's ruler called ``ruler`` (enabled or not)."""
    return AttributeTable(_pipe(nlp, ruler, AttributeRuler))


class LemmaCache:
    """Gives each token the lemma a rule-based :class:`~spacy.pipeline.Lemmatizer` gives it, remembered.

    :param lemmatizer: the lemmatizer asked, once per distinct (form, part
        of speech, morphology); it must be in ``"rule"`` mode, whose lemmas
        depend on nothing else.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    >>> _ = lemmatizer.lookups.add_table("lemma_rules", {"verb": [["s", ""]]})
    >>> _ = lemmatizer.lookups.add_table("lemma_exc", {"verb": {"met": ["meet"]}})
    >>> _ = lemmatizer.lookups.add_table("lemma_index", {"verb": ["meet", "visit"]})
    >>> doc = nlp.make_doc("Abe met Biden and visits Kim")
    >>> for token in doc:
    ...     token.pos_ = "VERB" if token.text in ("met", "visits") else "PROPN"
    >>> [t.lemma_ for t in LemmaCache(lemmatizer)(doc)]
    ['Abe', 'meet', 'Biden', 'and', 'visit', 'Kim']
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        if lemmatizer.mode != "rule":
            raise ValueError(f"LemmaCache needs a lemmatizer in rule mode, not {lemmatizer.mode!r}")
        self.lemmatizer = lemmatizer
        self._strings = lemmatizer.vocab.strings
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of every token of ``doc`` that has none (of every token with ``overwrite``)."""
        if not len(doc):
            return doc
        overwrite = self.lemmatizer.overwrite
        cache = self._cache
        lemmas: list[int] = []
        rows = cast(list[list[int]], doc.to_array(["ORTH", "POS", "MORPH", "LEMMA"]).tolist())
        for index, (orth, pos, morph, lemma) in enumerate(rows):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                lemma = cache.get(key, 0)
                if not lemma:
                    lemma = self._strings.add(self.lemmatizer.lemmatize(doc[index])[0])
                    if len(cache) >= _CACHE_LIMIT:
                        cache.clear()
                    cache[key] = lemma
            lemmas.append(lemma)
        doc.from_array(["LEMMA"], cast(Ints2d, numpy.array(lemmas, dtype=numpy.uint64)))
        return doc


@Language.factory(LEMMA_CACHE, default_config={"lemmatizer": "lemmatizer"})
def make_lemma_cache(nlp: Language, name: str, lemmatizer: str) -> LemmaCache:
    """Build a :class:`LemmaCache` around the pipeline's lemmatizer called ``lemmatizer`` (enabled or not)."""
    return LemmaCache(_pipe(nlp, lemmatizer, Lemmatizer))


def _pipe(nlp: Language, name: str, kind: type[_Component]) -> _Component:
    """The pipeline's component called ``name``, which must be a ``kind``."""
    component = nlp.get_pipe(name)
    if not isinstance(component, kind):
        raise TypeError(f"{name!r} is a {type(component).__name__}, not a {kind.__name__}")
    return component
