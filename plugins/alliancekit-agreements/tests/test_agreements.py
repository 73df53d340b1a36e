"""Behaviour of each hook, on short texts written for these tests."""

from __future__ import annotations

import datetime as dt
import io

import alliancekit
import pytest
from alliancekit.actors import load_builtin_actors
from alliancekit.model import Actor, Document, Event, Evidence, Participant, Status
from alliancekit.plugins import Plugins

from alliancekit_agreements import AgreementsExtractor, find_agreements, plugin
from alliancekit_agreements.annotate import annotate_agreements
from alliancekit_agreements.footer import strip_footer
from alliancekit_agreements.formats import write_agreements_markdown

SIGNING = (
    "TOKYO, March 30 (Kyodo) -- Defense Minister Gen Nakatani and Defense Secretary Pete Hegseth met "
    "in Tokyo on Sunday and signed an agreement on missile coproduction, the ministry said.\n"
)
PUBLISHED = "2025-03-31"


@pytest.fixture
def context() -> alliancekit.ExtractionContext:
    return Plugins.create(load_entrypoints=False, extra=[plugin]).context()


# ------------------------------------------------------------------ finding agreements


@pytest.mark.parametrize(
    ("text", "kind", "instrument"),
    [
        ("The two signed a memorandum of cooperation.", "signed", "memorandum of cooperation"),
        ("Officials inked a new defense pact.", "signed", "defense pact"),
        ("The leaders issued a joint statement after the talks.", "joint statement", "joint statement"),
        (
            "In a joint declaration, the ministers condemned the launch.",
            "joint statement",
            "joint declaration",
        ),
        ("They agreed to meet again in May.", "agreed", "agreed to"),
    ],
)
def test_agreements_are_found_with_their_kind(text: str, kind: str, instrument: str) -> None:
    [mention] = find_agreements(text)
    assert (mention.kind, mention.instrument) == (kind, instrument)
    assert text[mention.start : mention.end] == mention.text


def test_signing_words_without_an_instrument_are_not_agreements() -> None:
    assert find_agreements("He signed autographs and signed off early.") == []


# ------------------------------------------------------------------ the extractor


def test_signing_ceremony_is_a_meeting_coded_057(context: alliancekit.ExtractionContext) -> None:
    document = Document("d", SIGNING, dt.date(2025, 3, 31))
    [event] = AgreementsExtractor().extract(document, context)
    assert event.cameo == "057"
    assert {p.actor.name for p in event.participants} == {"Gen Nakatani", "Pete Hegseth"}
    assert event.time is not None
    assert event.time.start == dt.date(2025, 3, 30)
    assert event.evidence_matches(document.text)


def test_a_signing_to_come_is_planned(context: alliancekit.ExtractionContext) -> None:
    text = (
        "Prime Minister Shigeru Ishiba and President Donald Trump are expected to sign a trade deal "
        "on Friday."
    )
    [event] = AgreementsExtractor().extract(Document("d", text, dt.date(2025, 2, 3)), context)
    assert event.status is Status.PLANNED
    assert event.time is not None
    assert event.time.start == dt.date(2025, 2, 7)


def test_one_signer_is_not_a_meeting(context: alliancekit.ExtractionContext) -> None:
    text = "President Donald Trump signed an executive order on tariffs on Monday."
    assert AgreementsExtractor().extract(Document("d", text, dt.date(2025, 2, 3)), context) == []


# ------------------------------------------------------------------ the hooks through the pipeline


@pytest.mark.alliancekit_plugins("agreements")
def test_rules_meeting_with_a_signing_is_recoded(alliancekit_plugins: Plugins) -> None:
    [event] = alliancekit.extract(SIGNING, published=PUBLISHED)
    assert event.extractor == "rules"
    assert event.cameo == "057"
    assert "signed an agreement on missile coproduction" in [span.text for span in event.evidence]


@pytest.mark.alliancekit_plugins("agreements")
def test_a_meeting_without_a_signing_keeps_its_code(alliancekit_plugins: Plugins) -> None:
    text = "Defense Minister Gen Nakatani met Defense Secretary Pete Hegseth in Tokyo on Sunday.\n"
    [event] = alliancekit.extract(text, published=PUBLISHED)
    assert event.cameo != "057"


def test_signing_by_other_people_in_the_next_sentence_is_not_theirs() -> None:
    text = "Abe met Lee in Seoul on Monday. Separately, Kim and Park signed a fisheries accord."
    met = Event(
        "meeting",
        "occurred",
        [Participant(Actor("Shinzo Abe")), Participant(Actor("Lee Jae-myung"))],
        evidence=[Evidence.from_text(text, 0, 11)],
    )
    [event] = annotate_agreements(Document("d", text), [met])
    assert event is met


def test_commands_are_in_the_knowledge_base() -> None:
    knowledge_base = Plugins.create(load_entrypoints=False, extra=[plugin]).knowledge_base
    command = knowledge_base.find_person("USFJ")
    assert command is not None
    assert (command.name, command.kind, command.country) == ("U.S. Forces Japan", "organization", "USA")


def test_commanders_resolve_once_with_their_office() -> None:
    knowledge_base = Plugins.create(load_entrypoints=False, extra=[plugin]).knowledge_base
    record = knowledge_base.find_person("Stephen F. Jost")
    assert record is not None
    assert record.title_on(dt.date(2025, 6, 1)) == "Commander, U.S. Forces Japan"
    holder = knowledge_base.office_holder("Chief of Staff, Joint Staff", "JPN", dt.date(2024, 1, 10))
    assert holder is not None
    assert holder.name == "Yoshihide Yoshida"


def test_people_alliancekit_ships_are_not_registered_twice() -> None:
    registered: list[str] = []
    plugin.register_actors(lambda records: registered.extend(r.name for r in records))
    builtin = {record.name for record in load_builtin_actors()}
    assert not set(registered) & builtin
    assert "U.S. Indo-Pacific Command" in registered


@pytest.mark.alliancekit_plugins("agreements")
def test_footer_names_are_not_read(alliancekit_plugins: Plugins) -> None:
    text = (
        "Defense Minister Gen Nakatani spoke by phone with Defense Secretary Pete Hegseth on Friday.\n\n"
        "###\nMedia contact: Foreign Minister Takeshi Iwaya met Secretary of State Marco Rubio.\n"
    )
    events = alliancekit.extract(text, published=PUBLISHED)
    assert [event.type.value for event in events] == ["call"]


def test_footer_stripping_keeps_the_body_offsets() -> None:
    body = "Abe met Lee in Seoul on Monday, officials said."
    text = f"{body}\n\nFor more information, contact the press office.\nCopyright 2025 Example News\n"
    assert strip_footer(text) == body
    assert strip_footer(body) == body


def test_a_copyright_line_early_in_the_text_is_not_a_footer() -> None:
    text = "Copyright notice above the story.\n" + "\n".join(f"Line {n} of the story." for n in range(20))
    assert strip_footer(text) == text


@pytest.mark.alliancekit_plugins("agreements")
def test_markdown_format_from_the_command_line(alliancekit_plugins: Plugins, tmp_path: object) -> None:
    from alliancekit.cli import main
    from click.testing import CliRunner

    article = tmp_path / "signing.txt"  # type: ignore[operator]
    article.write_text(SIGNING, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["extract", str(article), "--published", PUBLISHED, "--format", "agreements-md"]
    )
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("|")]
    assert lines[0].startswith("| document | type | status")
    assert "| 057 | signed: agreement on missile coproduction |" in lines[2]


def test_markdown_escapes_pipes() -> None:
    event = Event("meeting", "occurred", [Participant(Actor("A|B"))], document_id="d|1")
    buffer = io.StringIO()
    assert write_agreements_markdown([event], buffer) == 1
    assert "d\\|1" in buffer.getvalue()
    assert "A\\|B" in buffer.getvalue()
