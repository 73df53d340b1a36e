"""What a sentence's layer tells about its own wording."""

from __future__ import annotations

import datetime as dt

import attrs

from alliancekit.actors import KnowledgeBase
from alliancekit.model import Document
from alliancekit.rules import cues
from alliancekit.rules.attach import _may_hold_spaced
from alliancekit.rules.document import Reading, SentenceLayer, cue_matches, read_sentences


def layers(text: str) -> list[SentenceLayer]:
    reading = Reading(Document("d", text, dt.date(2026, 3, 4)), KnowledgeBase())
    return read_sentences(reading)


def test_a_sentence_without_a_cues_words_cannot_hold_it() -> None:
    held, plain = layers(
        "Prime Minister Varga has POSTPONED his visit to Seoul. "
        "Varga met President Tanabe in Hanoi on Monday."
    )
    assert held.may_hold(cues.CANCEL)
    assert held.cancelled
    assert not plain.may_hold(cues.CANCEL)
    assert not plain.cancelled


def test_a_sentence_with_letters_beyond_ascii_is_always_tried() -> None:
    (layer,) = layers("Prime Minister Varga met Président Tanabe in Hanoi on Monday.")
    assert layer.may_hold(cues.CANCEL)
    assert not layer.cancelled


def test_a_cue_matches_whatever_the_case_of_the_text() -> None:
    assert cue_matches(cues.FUTURE, "Prime Minister Varga WILL travel to Seoul")
    assert cue_matches(cues.FUTURE, "Première ministre Varga will travel to Seoul")
    assert not cue_matches(cues.FUTURE, "Prime Minister Varga met President Tanabe")
    assert cue_matches(cues.NOT_EVENT_TIME, "the ministry SAID on")


def test_a_span_of_a_sentence_holds_a_cue_only_if_the_sentence_may() -> None:
    (layer,) = layers("Prime Minister Varga met President Tanabe in Hanoi on Monday.")
    start = layer.sentence.start
    assert not layer.may_hold_within(cues.CANCEL, start + 15, start + 41)
    # a span cut inside a word reads that word's tail as a word of its own: always tried
    assert layer.may_hold_within(cues.CANCEL, start + 17, start + 41)
    # a span reaching outside the sentence is always tried
    assert layer.may_hold_within(cues.CANCEL, start, start + 500)


def test_a_clause_spaced_before_its_trigger_holds_a_cue_only_if_the_sentence_may() -> None:
    (plain,) = layers("Prime Minister Varga met President Tanabe in Hanoi on Monday.")
    (trigger,) = plain.triggers
    assert not _may_hold_spaced(plain, cues.DISTINCT, plain.sentence.start, trigger)
    (separate,) = layers("Varga held a separate meeting with Tanabe in Hanoi on Monday.")
    assert _may_hold_spaced(separate, cues.DISTINCT, separate.sentence.start, separate.triggers[0])
    # a trigger that starts inside a word: the space makes a word of each part, so it is always tried
    cut = attrs.evolve(trigger, start=trigger.start + 1)
    assert _may_hold_spaced(plain, cues.DISTINCT, plain.sentence.start, cut)


def test_a_sentence_without_a_future_cues_words_speaks_of_no_future() -> None:
    plain, ahead = layers("Varga met Tanabe in Hanoi on Monday. Varga WILL visit Seoul in May.")
    assert not plain.future
    assert ahead.future
