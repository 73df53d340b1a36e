"""The document gate passes over documents that cannot report an engagement, and never over one that does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from alliancekit.cli import main
from alliancekit.io.gate import DocumentGate, _trigger_patterns
from alliancekit.literals import (
    PARAGRAPH_BREAK,
    required_literals,
    scanned_if_ascii,
    scanned_paragraphs,
    scanned_text,
)
from alliancekit.model import Document
from alliancekit.pipeline import run
from alliancekit.plugins import Plugins
from webpages import CORPUS_FOLDERS, REAL_CORPUS, STORIES, corpus_articles

# Everyday news written for these tests: wordings of engagements ("met", "talks", "visit", "called")
# with no diplomat in reach.
OTHER_NEWS = [
    "Storm cuts power to thousands\n\nA storm brought down power lines across the valley overnight, and "
    "crews worked through the morning to restore supplies. Residents called the utility's hotline more "
    "than 4,000 times, and the company said a team would visit every damaged substation by Friday.",
    "Rovers hold on for a draw\n\nKingsport Rovers held on for a 1-1 draw on Saturday after their keeper "
    "saved a late penalty. The head coach said the players had met every challenge. The club will host "
    "the league leaders next weekend, and talks on a new stadium continue.",
    "Board backs buyback\n\nThe board of Northwind Motors met on Monday and approved a share buyback of up "
    "to 50 billion yen. The chief executive told analysts the company had held talks with suppliers about "
    "chip shortages, and shares rose 3 percent.",
    "Man held after break-in\n\nPolice arrested a 29-year-old man on Tuesday after a break-in at a "
    "pharmacy. A neighbor called officers at about 3 a.m. The detective in charge said the suspect would "
    "appear in court on Wednesday and that a meeting with the shop's owner had been arranged.",
]


@pytest.fixture(scope="module")
def gate() -> DocumentGate:
    return DocumentGate.build(Plugins.create(load_entrypoints=False).knowledge_base)


def _has_gold_events(article: Path) -> bool:
    gold = json.loads(article.with_name(article.name.removesuffix(".txt") + ".gold.json").read_text("utf-8"))
    return bool(gold.get("events"))


def _folders() -> list[object]:
    real = pytest.param(
        REAL_CORPUS,
        marks=pytest.mark.skipif(not REAL_CORPUS.is_dir(), reason=f"no real-news corpus at {REAL_CORPUS}"),
        id="real",
    )
    return [*(pytest.param(folder, id=folder.name) for folder in CORPUS_FOLDERS), real]


@pytest.mark.parametrize("folder", _folders())
def test_the_gate_passes_every_document_of_a_corpus_that_holds_a_gold_event(
    gate: DocumentGate, folder: Path
) -> None:
    with_events = [article for article in corpus_articles(folder) if _has_gold_events(article)]
    assert with_events
    held_back = [article.name for article in with_events if not gate.passes(article.read_text("utf-8"))]
    assert held_back == []


@pytest.mark.parametrize("folder", _folders())
def test_the_gate_passes_every_document_in_which_the_rules_find_an_event(
    gate: DocumentGate, plugins: Plugins, folder: Path
) -> None:
    documents = [Document(path.stem, path.read_text("utf-8")) for path in corpus_articles(folder)]
    found = [result.document for result in run(documents, plugins=plugins) if result.events]
    assert found
    assert [document.id for document in found if not gate.passes(document.text)] == []


def test_the_gate_passes_the_stories_of_engagements(gate: DocumentGate) -> None:
    assert all(gate.passes(text) for text, _ in STORIES.values())


@pytest.mark.parametrize("text", OTHER_NEWS, ids=["weather", "sport", "business", "crime"])
def test_the_gate_passes_over_everyday_news_with_no_diplomat_in_it(gate: DocumentGate, text: str) -> None:
    assert not gate.passes(text)


def test_an_engagement_wording_far_from_any_country_or_known_person_does_not_pass(gate: DocumentGate) -> None:
    filler = " The weather stayed fine all week and the harvest was good." * 8
    assert gate.passes("Japanese officials met on Monday." + filler)
    assert not gate.passes("Japanese officials were pleased." + filler + " The board met on Monday.")


def test_a_country_counts_as_a_side_only_with_an_office_beside_it(gate: DocumentGate) -> None:
    assert not gate.passes("Japan will meet Australia in the final in Sydney on Sunday.")
    assert not gate.passes("The Brazilian striker visited the United States training camp on Monday.")
    assert gate.passes("Japan's foreign minister will meet Australia's trade minister on Sunday.")
    assert gate.passes("South Korean officials held talks in Washington on Monday.")


def test_an_office_and_a_country_count_as_a_side_only_within_one_paragraph(gate: DocumentGate) -> None:
    business = (
        "Carmaker agrees to buy rival\n\nThe rival's founder said he would stay on as an adviser.\n\n"
        "Rivals in France met the deadline, and talks with suppliers went on."
    )
    assert not gate.passes(business)
    french = business.replace("adviser.\n\nRivals in France", "adviser to the French minister. Rivals")
    assert gate.passes(french)


def test_a_text_wrapped_at_a_line_width_keeps_its_sentences_whole(gate: DocumentGate) -> None:
    wrapped = "Talks in Tokyo\n\nThe Japanese\nForeign Minister met her Australian\ncounterpart on Monday."
    assert gate.passes(wrapped)
    assert scanned_paragraphs(wrapped) == (
        " talks in tokyo | the japanese foreign minister met her australian counterpart on monday "
    )


def test_a_known_person_by_surname_counts_after_a_title_only(gate: DocumentGate) -> None:
    assert gate.passes("President Lee met the delegation on Monday.")
    assert not gate.passes("Lee met the delegation on Monday.")


def test_every_trigger_pattern_but_the_loosest_requires_a_phrase() -> None:
    loose = [source for source in _trigger_patterns() if required_literals(source) is None]
    assert len(loose) <= 2, loose


# Words the trigger patterns are made of, and others, for texts on which patterns match or nearly do.
_WORDS = sorted(
    {word for source in _trigger_patterns() for word in re.findall(r"[A-Za-z]{2,}", source)}
    | {"Abe", "Lee", "Tokyo", "Japan", "the", "a", "on", "Monday", "with", "to", "in", "President", "Mr."}
)


@pytest.mark.property
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14), st.sampled_from([" ", "  ", "\n", ", "]))
def test_a_text_a_trigger_pattern_matches_holds_a_phrase_of_every_set_it_requires(
    words: list[str], separator: str
) -> None:
    text = separator.join(words)
    scanned = scanned_text(text)
    for source in _trigger_patterns():
        if re.search(source, text):
            for options in required_literals(source) or ():
                assert any(option in scanned for option in options), (source, text, sorted(options))


# Letters of several scripts, digits, and the punctuation and spaces news has, ASCII and not.
_SCAN_ALPHABET = "AbZz09_ .,;:'\"()-\n\t\u00a0“”‘’—–…éÉßİıÇçÅ日本한국ﬁ½²"


@pytest.mark.property
@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_SCAN_ALPHABET, max_size=60) | st.text(max_size=60))
def test_the_scanned_text_is_the_words_of_the_text_in_lower_case_one_space_apart(text: str) -> None:
    words = re.sub(r"\W+", " ", text).strip().lower()
    assert scanned_text(text) == f" {words} "


@pytest.mark.property
@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_SCAN_ALPHABET.replace("\n", ""), max_size=30), min_size=1, max_size=4))
def test_the_gate_reads_each_paragraph_as_its_scanned_text(paragraphs: list[str]) -> None:
    read = scanned_paragraphs("\n \n".join(paragraphs)).split(PARAGRAPH_BREAK)
    words = [scanned_text(paragraph).strip() for paragraph in paragraphs]
    assert [part.strip() for part in read if part.strip()] == [part for part in words if part]


def test_the_scanned_text_of_news_with_typographic_punctuation_keeps_only_its_words() -> None:
    text = "“We met,” said the minister—twice—in Seoul’s old town…"
    assert scanned_text(text) == " we met said the minister twice in seoul s old town "
    assert scanned_text("Talks in İzmir and Zürich") == " talks in i̇zmir and zürich "


@pytest.mark.parametrize("folder", CORPUS_FOLDERS, ids=lambda folder: folder.name)
def test_every_sentence_a_trigger_pattern_matches_holds_its_required_phrases(folder: Path) -> None:
    for article in corpus_articles(folder):
        text = article.read_text("utf-8")
        scanned = scanned_text(text)
        for source in _trigger_patterns():
            if re.search(source, text):
                for options in required_literals(source) or ():
                    assert any(option in scanned for option in options), (article.name, source)


def _invoke(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(arg) for arg in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def mixed_corpus(tmp_path: Path) -> Path:
    lines = [{"id": f"other-{n}", "text": text} for n, text in enumerate(OTHER_NEWS)]
    lines += [{"id": name, "text": text, "published": str(date)} for name, (text, date) in STORIES.items()]
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_extract_with_the_rules_passes_over_documents_and_counts_them(mixed_corpus: Path) -> None:
    code, gated, summary = _invoke("extract", mixed_corpus)
    no_gate_code, read_all, no_gate_summary = _invoke("extract", mixed_corpus, "--no-gate")

    assert code == no_gate_code == 0
    assert gated == read_all  # the same events either way
    assert summary.splitlines()[-1].startswith("documents read: 7, gated out: 4, failed: 0, events written: ")
    assert no_gate_summary.splitlines()[-1].startswith("documents read: 7, failed: 0, events written: ")


def test_the_gate_runs_with_parallel_jobs_too(mixed_corpus: Path) -> None:
    code, events, summary = _invoke("extract", mixed_corpus, "--jobs", "2")
    assert code == 0
    assert "gated out: 4" in summary
    assert events == _invoke("extract", mixed_corpus)[1]


@pytest.mark.parametrize(
    ("text", "scanned"),
    [
        ("Okafor met Varga (in Seoul), on Monday.", " okafor met varga in seoul on monday "),
        ("“Talks” went on—until 3 a.m.", " talks went on until 3 a m "),  # quotes and dashes are spaces
        ("", "  "),
        ("Talks in Zürich", None),  # a letter beyond ASCII
        ("ſo", None),
    ],
)
def test_text_is_scanned_only_when_its_word_characters_are_ascii(text: str, scanned: str | None) -> None:
    assert scanned_if_ascii(text) == scanned
    if scanned is not None:
        assert scanned_text(text) == scanned


def test_phrases_of_fewer_letters_are_required_only_when_asked_for() -> None:
    source = r"\b(?:2\s*\+\s*2|two-plus-two)\b"
    assert required_literals(source) is None  # "2 2" has two letters: in too many texts for the gate
    assert required_literals(source, min_letters=2) == (frozenset([" 2 2 ", " two plus two "]),)
