"""The syntax of an article from spaCy's dependency parse, for alliancekit's reading.

:class:`ParsedSyntax` implements :class:`alliancekit.reading.Syntax` over the
sentences spaCy parsed (the others get ``None``): for a trigger's head word,
its subjects (its own ``nsubj``/``nsubjpass``, or the one it shares through
coordination, an open complement or a relative clause), whether it is
passive and its ``agent`` ("by X"), its objects (``dobj`` and
``with``/``between`` phrases, on the verb or on the noun of "held talks
with"); the clause around a word; and the people's names its entity recognizer
finds. Every answer is in document offsets.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from alliancekit.reading import Arguments, Span, is_title_word
from spacy.tokens import Doc, Token

__all__ = ["ParsedSyntax"]

# Dependencies that open a clause of their own below a word.
_CLAUSAL = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "csubj", "conj"})
# Dependencies left out of a noun phrase's words: its conjuncts and the clauses it heads.
_OUTSIDE_PHRASE = frozenset({"conj", "cc", "relcl", "acl", "advcl", "punct"})
_PARTICIPANT_PREPS = frozenset({"with", "between", "among", "amongst", "alongside"})
# Verbs whose object is the subject of their open complement: "invited Y to visit": Y visits.
_OBJECT_CONTROL = frozenset({"invite", "ask", "urge", "encourage", "allow", "want", "expect", "persuade"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Where a name the entity recognizer missed is still taken: a subject, an object, their conjuncts.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "appos"})
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC", "NORP", "DATE"})
# Entities that are never a person's name when the run names a thing in apposition ("the
# platform Truth Social", "the framework IPEF"); the small model also tags some people ORG.
_THINGS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


class ParsedSyntax:
    """The parsed sentences of one article, each ``(start, doc)``: its document offset and its parse.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Lee", "was", "received", "by", "Yoon", "."]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2, 2, 3, 2],
    ...           deps=["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"], spaces=[1, 1, 1, 1, 0, 0])
    >>> arguments = ParsedSyntax([(100, doc)]).arguments(108, 116)
    >>> arguments.subjects, arguments.passive, arguments.agents
    (((100, 103),), True, ((120, 124),))
    """

    def __init__(self, parsed: Iterable[tuple[int, Doc]]) -> None:
        self._parsed = sorted(parsed, key=lambda item: item[0])
        self._starts = [start for start, _ in self._parsed]

    def arguments(self, start: int, end: int) -> Arguments | None:
        """The arguments of the head word of the words from ``start`` to ``end``."""
        found = self._head(start, end)
        if found is None:
            return None
        offset, head = found
        subjects, passive = _subjects(head)
        agents = [pobj for child in head.children if child.dep_ == "agent" for pobj in _pobjs(child)]
        return Arguments(
            subjects=_spans(offset, subjects),
            objects=_spans(offset, _objects(head)),
            passive=passive,
            agents=_spans(offset, [t for agent in agents for t in _conjuncts(agent)]),
        )

    def clause(self, start: int, end: int) -> Span | None:
        """The clause that holds the words from ``start`` to ``end``, without the clauses it heads."""
        found = self._head(start, end)
        if found is None:
            return None
        offset, token = found
        verb = _clause_verb(token)
        words = _clause_words(verb)
        return offset + min(t.idx for t in words), offset + max(t.idx + len(t.text) for t in words)

    def names(self, start: int, end: int) -> list[Span] | None:
        """The people's names between ``start`` and ``end``; ``None`` outside the parse.

        A PERSON entity, or a run of two to four proper nouns that is a
        verb's subject or object (the small model misses "met Aiko Tanabe"
        now and then); the reading keeps only those that look like names.
        """
        place = bisect.bisect_right(self._starts, start) - 1
        if place < 0:
            return None
        offset, doc = self._parsed[place]
        if start >= offset + len(doc.text):
            return None
        found = [(entity.start_char, entity.end_char) for entity in doc.ents if entity.label_ == "PERSON"]
        found += [name for token in doc if (name := _argument_name(token)) is not None]
        return sorted(
            {
                (offset + name_start, offset + name_end)
                for name_start, name_end in found
                if start <= offset + name_start and offset + name_end <= end
            }
        )

    def _head(self, start: int, end: int) -> tuple[int, Token] | None:
        """The sentence's offset and the head word of a stretch; ``None`` outside the parse."""
        place = bisect.bisect_right(self._starts, start) - 1
        if place < 0:
            return None
        offset, doc = self._parsed[place]
        if end > offset + len(doc.text):
            return None
        span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        return offset, span.root


def _argument_name(token: Token) -> tuple[int, int] | None:
    """The run of two to four proper nouns a subject or object ends with, as sentence offsets."""
    if token.pos_ != "PROPN" or token.ent_type_ in _PLACE_ENTITIES or not _in_argument_slot(token):
        return None
    if token.ent_type_ in _THINGS and token.dep_ == "appos" and not is_title_word(token.head.text):
        return None  # "the social media platform Truth Social": the name of a thing
    words = [token]
    while words[0].i > 0 and len(words) < 5:
        before = token.doc[words[0].i - 1]
        if before.pos_ != "PROPN" or before.head.i != token.i or before.ent_type_ in _PLACE_ENTITIES:
            break
        words.insert(0, before)
    if not 2 <= len(words) <= 4:
        return None
    return words[0].idx, token.idx + len(token.text)


def _in_argument_slot(token: Token) -> bool:
    """A subject, an object, a "with"/"between"/"by" phrase (not "in the Hall"), or a conjunct of one."""
    for _ in range(6):
        if token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
            continue
        if token.dep_ == "pobj":
            return token.head.lower_ in (*_PARTICIPANT_PREPS, "by")
        return token.dep_ in _ARGUMENT_DEPS
    return False


def _subjects(head: Token) -> tuple[list[Token], bool]:
    """A word's subjects and whether it is passive: its own, or those it shares with a word above."""
    current = head
    for _ in range(5):
        own = [child for child in current.children if child.dep_ in _SUBJECTS]
        if own:
            passive = current.i == head.i and any(child.dep_ == "nsubjpass" for child in own)
            if own[0].lower_ in ("who", "that", "which") and current.dep_ == "relcl":
                return _conjuncts(current.head), passive  # "X, who arrived on Monday": X
            return [t for subject in own for t in _conjuncts(subject)], passive
        if current.pos_ in ("NOUN", "PROPN"):
            owners = [child for child in current.children if child.dep_ == "poss"]
            return [t for owner in owners for t in _conjuncts(owner)], False
        dep, above = current.dep_, current.head
        if above.i == current.i:
            return [], False
        if dep in ("relcl", "acl") and above.pos_ in ("NOUN", "PROPN", "PRON"):
            return _conjuncts(above), False  # "the ministers, meeting in Tokyo": the ministers
        if dep == "xcomp" and above.lemma_ in _OBJECT_CONTROL:
            objects = [child for child in above.children if child.dep_ == "dobj"]
            if objects:
                return _conjuncts(objects[0]), False
        if dep not in ("xcomp", "conj", "advcl", "pcomp", "prep", "acomp"):
            return [], False
        current = above
    return [], False


def _objects(head: Token) -> list[Token]:
    """The direct objects and ``with``/``between`` phrases of a word, and of the noun of "held talks with"."""
    found: list[Token] = []
    for child in head.children:
        if child.dep_ == "dobj":
            found.extend(_conjuncts(child))
            found.extend(t for noun_child in child.children for t in _participant_phrase(noun_child))
        else:
            found.extend(_participant_phrase(child))
    return found


def _participant_phrase(token: Token) -> list[Token]:
    if token.dep_ == "prep" and token.lower_ in _PARTICIPANT_PREPS:
        return [t for pobj in _pobjs(token) for t in _conjuncts(pobj)]
    return []


def _pobjs(prep: Token) -> list[Token]:
    return [child for child in prep.children if child.dep_ == "pobj"]


def _conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def _phrase(token: Token) -> list[Token]:
    """The words of the noun phrase ``token`` heads, without its conjuncts and clauses."""
    words = [token]
    for child in token.children:
        if child.dep_ not in _OUTSIDE_PHRASE:
            words.extend(_phrase(child))
    return words


def _spans(offset: int, tokens: Sequence[Token]) -> tuple[Span, ...]:
    spans = []
    for token in tokens:
        words = _phrase(token)
        spans.append((offset + min(t.idx for t in words), offset + max(t.idx + len(t.text) for t in words)))
    return tuple(dict.fromkeys(spans))


def _clause_verb(token: Token) -> Token:
    """The verb whose clause holds a word: the word itself, or the nearest verb above it."""
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") or current.dep_ in _CLAUSAL or current.head.i == current.i:
            return current
        current = current.head
    return current


def _clause_words(verb: Token) -> list[Token]:
    """The words of a verb's clause, without the clauses below it (a relative clause stays in)."""
    words = [verb]
    for child in verb.children:
        if child.dep_ in _CLAUSAL and child.dep_ != "relcl":
            continue
        if child.dep_ == "cc":
            continue
        words.extend(child.subtree)
    return words
