"""The parts of a news page, and what the extractor reads of them.

The whole article counts: the headline and the standfirst are read, and an
engagement they alone report is an event; captions, lists and boilerplate
never are. Every page here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from alliancekit.model import ActorKind, Event, EventType, Status
from alliancekit.pipeline import extract
from alliancekit.plugins import Plugins
from alliancekit.rules.text import SectionKind, article_sentences, body_sentences, sections

PAGE = (
    "Takaichi to visit Canberra for talks with Albanese next month\n"
    "The trip would be the first by a Japanese leader to Australia in three years\n"
    "By Jane Roe\n"
    "Updated: March 10, 2026\n"
    "Prime Minister Sanae Takaichi (left) speaks in Tokyo on Monday. (Kyodo/Pool)\n"
    "TOKYO, March 10 (Wire) -- Japan's government said on Tuesday it was preparing a defense "
    "pact to be signed within the year.\n"
    "Officials said the talks would cover critical minerals, gas supplies and the joint training "
    "of troops in the north of the country and that a\n"
    "Related articles\n"
    "- Japan and Australia sign gas deal\n"
    "- Markets rally in Tokyo\n"
)


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


def persons(event: Event) -> set[str]:
    return {p.actor.name for p in event.participants if p.actor.kind is ActorKind.PERSON}


def test_sections_tell_headline_standfirst_labels_captions_body_and_lists() -> None:
    kinds = [section.kind for section in sections(PAGE)]
    assert kinds == [
        SectionKind.HEADLINE,
        SectionKind.STANDFIRST,
        SectionKind.LABEL,
        SectionKind.LABEL,
        SectionKind.CAPTION,
        SectionKind.BODY,
        SectionKind.BODY,
        SectionKind.BOILERPLATE,
        SectionKind.BOILERPLATE,
        SectionKind.BOILERPLATE,
    ]


def test_section_offsets_index_the_page() -> None:
    for section in sections(PAGE):
        assert PAGE[section.start : section.end] == section.text


def test_a_paragraph_cut_off_mid_sentence_is_still_body() -> None:
    texts = [sentence.text for sentence in body_sentences(PAGE)]
    assert any(text.startswith("Officials said the talks would cover") for text in texts)


def test_article_sentences_read_the_headline_and_standfirst_first_and_tag_them() -> None:
    read = article_sentences(PAGE)
    assert [s.section for s in read[:2]] == [SectionKind.HEADLINE, SectionKind.STANDFIRST]
    assert all(s.section is SectionKind.BODY for s in read[2:])
    assert all(PAGE[s.start : s.end] == s.text for s in read)


def test_a_title_case_headline_is_not_read_for_events() -> None:
    page = (
        "Takaichi To Visit Canberra For Talks With Albanese\nThe cabinet met on Tuesday to discuss taxes.\n"
    )
    assert [s.section for s in article_sentences(page)] == [SectionKind.BODY]


def test_an_engagement_only_the_headline_reports_is_an_event(plugins: Plugins) -> None:
    text = (
        "Trump and Takaichi to hold phone talks on trade\n"
        "U.S. President Donald Trump said on Tuesday that Japanese Prime Minister Sanae Takaichi "
        "had done a great job on tariffs.\n"
    )
    (call,) = [
        e for e in extract(text, published=dt.date(2026, 3, 10), plugins=plugins) if e.type is EventType.CALL
    ]
    assert persons(call) == {"Donald Trump", "Sanae Takaichi"}
    assert call.status is Status.PLANNED


def test_the_headline_never_adds_a_second_copy_of_an_engagement_the_body_reports(plugins: Plugins) -> None:
    text = (
        "Motegi meets Rubio in Washington\n"
        "Foreign Minister Toshimitsu Motegi met Secretary of State Marco Rubio at the State Department "
        "on Monday.\n"
    )
    meetings = [
        e
        for e in extract(text, published=dt.date(2026, 3, 10), plugins=plugins)
        if e.type is EventType.MEETING
    ]
    assert len(meetings) == 1
    assert meetings[0].time is not None
    assert meetings[0].time.start == dt.date(2026, 3, 9)


def test_a_present_tense_sentence_with_a_credit_is_a_caption_and_a_banner_is_no_headline() -> None:
    page = (
        "The Daily Ledger\n"
        "Foreign minister discusses trip in first call with counterpart\n"
        "Foreign Minister Cho Hyun speaks over the phone with his Chinese counterpart on Tuesday. (Wire)\n"
        "Foreign Minister Cho Hyun spoke by phone with his Chinese counterpart on Tuesday, his office said.\n"
    )
    kinds = [section.kind for section in sections(page)]
    assert kinds == [SectionKind.LABEL, SectionKind.HEADLINE, SectionKind.CAPTION, SectionKind.BODY]


def test_the_headline_gives_the_place_the_bodys_mention_of_the_same_trip_leaves_out(plugins: Plugins) -> None:
    text = (
        "President Lula arrives in Tokyo for a state visit to Japan\n\n"
        "President Luiz Inacio Lula da Silva said the trip would open a new chapter in ties.\n"
    )
    (visit,) = [
        e for e in extract(text, published=dt.date(2025, 3, 24), plugins=plugins) if e.type.value == "visit"
    ]
    assert visit.location is not None
    assert visit.location.name == "Tokyo"


def test_a_long_paragraph_ending_on_an_agencys_name_is_body_and_its_glued_sentences_are_split(
    plugins: Plugins,
) -> None:
    paragraph = " ".join(
        [
            "A planned forum of the three countries was postponed, the ministry said Thursday, as the "
            "capital reels from a week of protests and a general strike that closed the port.The three "
            "countries had planned to hold the forum in Lima on Thursday and Friday.",
            "Officials from the ministries of trade, labor and finance were to attend, with business groups "
            "and unions from each country joining them for a second day of panels on wages and training.",
            "Foreign Minister Tomas Okafor has postponed his visit to Lima, which had been set for next "
            "week, his office said.The organizers said a new date would be announced later.Wire",
        ]
    )
    page = "Three-way forum put on hold as protests continue\n" + paragraph + "\n"
    kinds = [section.kind for section in sections(page)]
    assert kinds == [SectionKind.HEADLINE, SectionKind.BODY]
    texts = [sentence.text for sentence in body_sentences(page)]
    assert "The three countries had planned to hold the forum in Lima on Thursday and Friday." in texts
    events = extract(page, published=dt.date(2026, 6, 4), plugins=plugins)
    visit = next(e for e in events if e.type.value == "visit")
    assert visit.status is Status.CANCELLED


def test_a_long_paragraph_signed_by_a_wire_agency_is_body_not_a_caption() -> None:
    page = (
        "Allies put defense forum on hold\n\n"
        "A planned defense forum between the two allies was put off on Friday, the ministry said, as "
        "the capital reels from a week of protests over the budget.The two governments had planned to "
        "hold the forum in Canberra on Monday and Tuesday. It was to bring together officials, "
        'scholars and people from the private sector."We regret the delay," the ministry said in a '
        "statement that gave no new date for the meeting and no reason beyond the turmoil of the week, "
        "which has also shaken the markets and the currency of the country.Wire\n"
    )
    texts = [sentence.text for sentence in body_sentences(page)]
    assert "The two governments had planned to hold the forum in Canberra on Monday and Tuesday." in texts
    assert any(text.startswith('"We regret the delay,"') for text in texts)


def test_a_paragraph_closed_by_a_credit_line_alone_is_a_caption_and_gives_no_event(plugins: Plugins) -> None:
    page = (
        "Allies weigh new drills\n\n"
        "Well-wishers greet Defense Minister Piotr Kowal at the airport in Canberra on March 2. The stop "
        "opened a week-long tour of the region.\n\n"
        "(Anna Berg/Wire Photos)\n\n"
        "Officials in both capitals said drills would expand this year.\n"
    )
    kinds = [part.kind for part in sections(page)]
    assert kinds[1:3] == [SectionKind.CAPTION, SectionKind.CAPTION]
    assert extract(page, plugins=plugins, published=dt.date(2026, 3, 3)) == []


def test_a_long_paragraph_placing_people_in_a_photo_and_closed_by_a_credit_is_a_caption(
    plugins: Plugins,
) -> None:
    page = (
        "Ministers meet in Vienna\n\n"
        "Foreign Minister Piotr Kowal met Foreign Minister Ana Lima in Vienna on Friday, "
        "the ministry said.\n\n"
        "Foreign Minister Piotr Kowal (L) and his Brazilian and Chilean counterparts, Ana Lima (C) and Rosa "
        "Vidal, respectively, pose for a photo before their talks in Vienna, Austria, on March 6, 2026, on "
        "the sidelines of a regional forum held in the city this week. (Wire)\n"
    )
    assert sections(page)[2].kind is SectionKind.CAPTION
    events = extract(page, plugins=plugins, published=dt.date(2026, 3, 7))
    assert [(e.type, persons(e)) for e in events] == [(EventType.MEETING, {"Piotr Kowal", "Ana Lima"})]


# ------------------------------------------------------------------ quick looks before the patterns


@pytest.mark.parametrize(
    "line",
    [
        "Photo: the ministers in Tokyo",
        "(AP Photo) The two leaders",
        "The ministers are seen at the talks",
        "The envoy poses for a photo",
        "Varga speaks, in this file picture, at the summit",
        "Varga (R) shakes hands with Okafor",
        "Varga, second from left, speaks with Okafor",
        "Okafor, centre, listens",
    ],
)
def test_every_caption_the_caption_pattern_finds_holds_one_of_its_hints(line: str) -> None:
    from alliancekit.rules.text import _CAPTION, _CAPTION_HINT, _hints_in

    lowered = line.lower()
    assert _CAPTION.search(lowered) is not None
    assert _hints_in(lowered) & _CAPTION_HINT


@pytest.mark.parametrize(
    "line",
    [
        "© 2026 The Daily Courier. All rights reserved.",
        "Subscribe to our newsletter",
        "Read the e-paper",
        "Read the epaper",
        "Follow us on social media",
        "Download the app for more news",
        "The Courier stands for professional journalism",
    ],
)
def test_every_blurb_the_blurb_pattern_finds_holds_one_of_its_hints(line: str) -> None:
    from alliancekit.rules.text import _BLURB, _BLURB_HINT, _hints_in

    lowered = line.lower()
    assert _BLURB.search(lowered) is not None
    assert _hints_in(lowered) & _BLURB_HINT


@pytest.mark.parametrize(
    "line",
    [
        "Popular Articles",
        "Access Ranking",
        "MOST VIEWED",
        "Most read:",
        "Recommended reading",
        "Related coverage",
        "Read more",
        "Also read",
        "More from:",
        "Trending now",
        "Top Stories",
        "Latest news",
        "You may also like",
        '"Asia desk" top stories',
    ],
)
def test_every_list_header_the_list_header_pattern_finds_holds_one_of_its_hints(line: str) -> None:
    from alliancekit.rules.text import _LIST_HEADER, _LIST_HEADER_HINT, _hints_in

    assert _LIST_HEADER.match(line) is not None
    assert _hints_in(line.lower()) & _LIST_HEADER_HINT


@pytest.mark.parametrize(
    "line",
    [
        "Leaders meet in Tokyo",
        "They met on Monday.",
        "What did they agree?",
        "The ministers said:",
        '"We agreed," Varga said.',
        '"We agreed," Varga said',
        "The talks went well. (Kyodo)",
        "Okafor (centre) and Varga",
        "The talks ended [updated]",
        "He called it 'historic.'",
    ],
)
def test_a_line_ends_open_exactly_when_the_closing_punctuation_pattern_finds_nothing(line: str) -> None:
    from alliancekit.rules.text import _TERMINAL, _ends_open

    assert _ends_open(line) is (_TERMINAL.search(line) is None)


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("TOKYO, May 3 (Kyodo) -- Abe met Biden.", "TOKYO, May 3 (Kyodo) -- "),
        ("SEOUL: Lee met Kishida.", "SEOUL: "),
        ("Tokyo, May 3 (Kyodo) Abe met Biden.", "Tokyo, May 3 (Kyodo) "),
        ("Abe met Biden in Tokyo on Monday.", ""),
        ("WASHINGTON - Varga met Okafor.", "WASHINGTON - "),
        ("Washington (Reuters) - Varga met Okafor.", "Washington (Reuters) - "),
        ("Washington - Varga met Okafor.", ""),
        ("The talks - the first in a year - ended.", ""),
    ],
)
def test_a_wire_dateline_is_cut_off_whether_it_ends_in_a_dash_a_colon_or_the_agency(
    line: str, dateline: str
) -> None:
    from alliancekit.rules.text import _dateline_end

    assert line[: _dateline_end(line)] == dateline


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        ("They met. Then they talked.", ["They met.", "Then they talked."]),
        ("Did they meet?! Yes.", ["Did they meet?!", "Yes."]),
        ("They waited.... Then Varga came.", ["They waited....", "Then Varga came."]),
        ('He said "We met." Then he left.', ['He said "We met."', "Then he left."]),
        (
            "They met last week.The three countries agreed.",
            ["They met last week.", "The three countries agreed."],
        ),
        ('In the sector."We regret it," he said.', ["In the sector.", '"We regret it," he said.']),
        ("Rear Adm. Karl Vance met him.", ["Rear Adm. Karl Vance met him."]),
        ("Varga met U.S.officials.", ["Varga met U.S.officials."]),
    ],
)
def test_a_paragraph_splits_at_each_sentence_end_and_nowhere_else(
    paragraph: str, sentences: list[str]
) -> None:
    from alliancekit.rules.text import split_sentences

    assert [paragraph[start:end] for start, end in split_sentences(paragraph)] == sentences
