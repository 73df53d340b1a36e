"""Which body sentences can hold a trigger, told from their words before any model runs.

Parsing is most of the extractor's cost, and most sentences of an article
(quotes, background, market news) hold no meeting, visit, call or
invitation. :class:`SentenceGate` looks at the tokens of a sentence (the
pipeline's own tokenizer, which is cheap) and lets through only the
sentences in which the trigger patterns of :mod:`alliancekit_spacy.triggers`
could match; the others are not parsed at all.

The test is a *superset* of what the :class:`~spacy.matcher.DependencyMatcher`
can match, and it is derived from the patterns, not written by hand:

* a pattern matches only if every one of its nodes finds a token, so a
  sentence lacking a token for some node cannot match that pattern;
* a node constrained by ``LOWER`` or ``ORTH`` needs a token with one of those
  lower-case forms;
* a node constrained by ``LEMMA`` needs a token that the pipeline can give
  that lemma. With spaCy's rule-based lemmatizer those forms are finite and
  read off its tables (:func:`lemma_forms`): the lemma itself (base forms,
  parts of speech without rules, unknown words), every exception listed for
  it, every form a suffix rule turns into it (for "meet" and the rule
  ``("s", "")``: "meets"), and the words the attribute ruler assigns it
  ("is" and "'s" for "be");
* a node with no such constraint (only ``DEP`` or ``POS``) asks for nothing;
* a few patterns need a word that :class:`~alliancekit_spacy.triggers.TriggerFinder`
  checks after matching (:data:`~alliancekit_spacy.triggers.REQUIRED_WORDS`:
  "will be in" is a trigger only with "will", "would", "to"...); these words
  are required too.

When the forms cannot be known for certain (a lemmatizer other than the
rule-based one, an unknown component that might set lemmas, a lemma the
attribute ruler assigns through a regular expression), the affected node
asks for nothing, and if a whole pattern then asks for nothing the gate lets
every sentence through: it never guesses.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> gate = SentenceGate(nlp, [("meet", [{"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"LOWER": "met"}}])])
>>> gate(nlp("Abe met Biden.")), gate(nlp("Markets rose."))
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc

from alliancekit_spacy.standins import ATTRIBUTE_TABLE, LEMMA_CACHE, AttributeTable, LemmaCache

__all__ = ["SentenceGate", "lemma_forms"]

# Components known not to set lemmas (or, for the lemmatizer and the attribute
# ruler, whose lemmas are read off their tables). Any other component could set
# lemmas the tables do not tell, and makes lemma constraints ask for nothing.
_NO_LEMMAS = frozenset(
    {
        "tok2vec",
        "tagger",
        "morphologizer",
        "parser",
        "senter",
        "sentencizer",
        "ner",
        "entity_ruler",
        "span_ruler",
        "attribute_ruler",
        "lemmatizer",
        "alliancekit_one_sentence",
        ATTRIBUTE_TABLE,
        LEMMA_CACHE,
    }
)


def _values(constraint: object) -> list[str] | None:
    """The strings a ``LOWER``/``ORTH``/``LEMMA`` constraint accepts, or ``None`` if not a plain list."""
    if isinstance(constraint, str):
        return [constraint]
    if isinstance(constraint, Mapping) and set(constraint) == {"IN"}:
        values = constraint["IN"]
        if isinstance(values, list | tuple) and all(isinstance(v, str) for v in values):
            return list(values)
    return None


def _rule_lemmatizer(nlp: Language) -> Lemmatizer | None:
    """The pipeline's lemmatizer when its lemmas can be inverted: spaCy's own rule mode."""
    factories = {name: nlp.get_pipe_meta(name).factory for name in nlp.pipe_names}
    if any(factory not in _NO_LEMMAS for factory in factories.values()):
        return None
    lemmatizers = []
    for name in nlp.pipe_names:
        component = nlp.get_pipe(name)
        if isinstance(component, LemmaCache):
            component = component.lemmatizer
        if isinstance(component, Lemmatizer):
            lemmatizers.append(component)
    if len(lemmatizers) != 1:
        return None
    lemmatizer = lemmatizers[0]
    if lemmatizer.mode != "rule" or type(lemmatizer).rule_lemmatize is not Lemmatizer.rule_lemmatize:
        return None
    return lemmatizer


_ANY_LEMMA = "*"  # in the "cannot be listed" set: some pattern may give any lemma


def _ruler_lemmas(nlp: Language) -> tuple[dict[str, set[str]], set[str]]:
    """Words the attribute rulers give each lemma, and the lemmas given in ways that cannot be listed."""
    listed: dict[str, set[str]] = {}
    unlisted: set[str] = set()
    for name in nlp.pipe_names:
        component = nlp.get_pipe(name)
        ruler = component.ruler if isinstance(component, AttributeTable) else component
        if not isinstance(ruler, AttributeRuler):
            continue
        for entry in cast(list[dict[str, Any]], ruler.patterns):
            attrs = entry["attrs"]
            if not all(isinstance(key, str) for key in attrs):
                unlisted.add(_ANY_LEMMA)  # attributes by id: which one is set is not worth decoding
                continue
            lemmas = [value for key, value in attrs.items() if key.upper() == "LEMMA"]
            if not lemmas:
                continue
            if not all(isinstance(lemma, str) for lemma in lemmas):
                unlisted.add(_ANY_LEMMA)
                continue
            for pattern in entry["patterns"]:
                target: dict[str, Any] = pattern[entry.get("index", 0)]
                words = _values(target.get("LOWER", target.get("ORTH")))
                for lemma in lemmas:
                    if words is None:
                        unlisted.add(lemma)
                    else:
                        listed.setdefault(lemma, set()).update(word.lower() for word in words)
    return listed, unlisted


def lemma_forms(nlp: Language, lemma: str) -> frozenset[str] | None:
    """Every lower-case word to which ``nlp`` can give the lemma ``lemma``; ``None`` when it cannot tell.

    A superset: some forms are not English words ("meeted"), which costs
    nothing but a sentence parsed for no trigger.

    >>> from alliancekit_spacy.loading import load_model
    >>> forms = lemma_forms(load_model(), "meet")
    >>> sorted(form for form in forms if form in ("meet", "meets", "met", "meeting", "mate"))
    ['meet', 'meeting', 'meets', 'met']
    """
    lemmatizer = _rule_lemmatizer(nlp)
    if lemmatizer is None:
        return None
    listed, unlisted = _ruler_lemmas(nlp)
    if lemma in unlisted or _ANY_LEMMA in unlisted:
        return None
    forms = {lemma.lower(), *listed.get(lemma, ())}
    exceptions = lemmatizer.lookups.get_table("lemma_exc", {})
    for table in exceptions.values():
        forms.update(word for word, lemmas in table.items() if lemma in lemmas)
    rules = lemmatizer.lookups.get_table("lemma_rules", {})
    for pairs in rules.values():
        for old, new in pairs:
            # A rule turns a word ending in ``old`` into the same word ending in ``new``.
            if lemma.endswith(new):
                forms.add(lemma[: len(lemma) - len(new)] + old)
    return frozenset(form for form in forms if form)


class SentenceGate:
    """Tells, from its tokens, whether a sentence can hold a trigger.

    :param nlp: the pipeline that will analyse the sentences (its lemmatizer
        tables and attribute ruler are read).
    :param patterns: ``(label, DependencyMatcher pattern)`` pairs.
    :param required: words a label needs besides its pattern's, any one of them.

    ``needs[label]`` holds, for each constrained node of the pattern (and
    for the required words), the lower-case words one of which the
    sentence must contain.
    """

    def __init__(
        self,
        nlp: Language,
        patterns: Iterable[tuple[str, Sequence[Mapping[str, Any]]]],
        required: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        required = required or {}
        self._cache: dict[str, frozenset[str] | None] = {}
        self._nlp = nlp
        self.needs: dict[str, tuple[frozenset[str], ...]] = {}
        for label, pattern in patterns:
            sets = [words for node in pattern if (words := self._node_words(node["RIGHT_ATTRS"])) is not None]
            if label in required:
                sets.append(frozenset(word.lower() for word in required[label]))
            self.needs[label] = tuple(sets)
        self.active = all(self.needs.values())
        """Whether the gate can turn any sentence away (every pattern needs some word)."""
        # The same, as the ids spaCy gives lower-case forms (``Token.lower``), fewest words first.
        self._ids = {
            label: tuple(sorted((frozenset(map(get_string_id, words)) for words in sets), key=len))
            for label, sets in self.needs.items()
        }
        # Which labels a word can start: a word of the label's first (narrowest) set.
        self._starts: dict[int, list[str]] = {}
        for label, id_sets in self._ids.items():
            for word in id_sets[0] if id_sets else ():
                self._starts.setdefault(word, []).append(label)

    def _forms(self, lemma: str) -> frozenset[str] | None:
        if lemma not in self._cache:
            self._cache[lemma] = lemma_forms(self._nlp, lemma)
        return self._cache[lemma]

    def _node_words(self, node: Mapping[str, Any]) -> frozenset[str] | None:
        """The words one of which a token must be to match ``node``; ``None`` for any word."""
        found: frozenset[str] | None = None
        for key in ("LOWER", "ORTH"):
            values = _values(node.get(key))
            if values is not None:
                words = frozenset(value.lower() for value in values)
                found = words if found is None else found & words
        lemmas = _values(node.get("LEMMA"))
        if lemmas is not None:
            forms = [self._forms(lemma) for lemma in lemmas]
            if all(form is not None for form in forms):
                words = frozenset().union(*(form for form in forms if form is not None))
                found = words if found is None else found & words
        return found

    def passes(self, words: set[str]) -> list[str]:
        """The labels whose needs a sentence of these lower-case words meets.

        >>> import spacy
        >>> pattern = [{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LOWER": "be"}},
        ...            {"LEFT_ID": "a", "REL_OP": ">", "RIGHT_ID": "b", "RIGHT_ATTRS": {"LOWER": "in"}}]
        >>> gate = SentenceGate(spacy.blank("en"), [("be-in", pattern)], {"be-in": ["will"]})
        >>> gate.passes({"he", "will", "be", "in", "rome"}), gate.passes({"be", "in", "rome"})
        (['be-in'], [])
        """
        return [label for label, sets in self.needs.items() if all(not words.isdisjoint(s) for s in sets)]

    def labels(self, doc: Doc) -> list[str] | None:
        """The labels whose patterns can match in ``doc``; ``None`` (all) when the gate is not active."""
        if not self.active:
            return None
        ids = set(cast(list[int], doc.to_array("LOWER").tolist()))
        started = {label for word in ids for label in self._starts.get(word, ())}
        return [
            label
            for label, sets in self._ids.items()
            if label in started and all(not ids.isdisjoint(words) for words in sets[1:])
        ]

    def __call__(self, doc: Doc) -> bool:
        """Whether the tokenized sentence ``doc`` can hold a trigger."""
        labels = self.labels(doc)
        return labels is None or bool(labels)
