"""The built-in rules extractor passes the conformance kit, and the kit's checks catch broken extractors."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import pickle
import re
from collections.abc import Callable, Iterator

import hypothesis
import pytest
from hypothesis import strategies as st

from alliancekit.actors import KnowledgeBase
from alliancekit.extractor import ExtractionContext, Extractor
from alliancekit.hookspecs import hookimpl
from alliancekit.model import Document, Event, Evidence, Granularity, Source, TimeSpan
from alliancekit.plugins import Plugins, get_plugins
from alliancekit.testing import (
    ContractViolation,
    ExtractorConformance,
    arbitrary_texts,
    check_deterministic,
    check_evidence_matches,
    check_extractor_contract,
    check_never_raises,
    check_no_wall_clock_dates,
    check_schema,
    documents,
    news_texts,
)


@pytest.mark.property
class TestRulesConformance(ExtractorConformance):
    extractor_name = "rules"

    @classmethod
    def plugins(cls) -> Plugins:
        return Plugins.create(load_entrypoints=False)


# --------------------------------------------------------------------------- fakes

CONTEXT = ExtractionContext(KnowledgeBase())
DOCUMENT = Document("d1", "Ishimori met Whitcombe in Tokyo next month.")


def _span(text: str, start: int = 0, end: int = 8) -> Evidence:
    return Evidence.from_text(text, start, min(end, len(text)))


class Honest:
    """Finds one meeting per document, its evidence the first words, its time unresolved."""

    name = "honest"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        if not document.text:
            return []
        return [
            Event(
                "meeting",
                "occurred",
                evidence=[_span(document.text)],
                time=TimeSpan.unresolved("next month"),
                document_id=document.id,
                extractor=self.name,
            )
        ]


class Raising(Honest):
    name = "raising"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        raise RuntimeError("boom")


class RaisingWhileIterating(Honest):
    name = "lazy-raising"

    def extract(self, document: Document, context: ExtractionContext) -> Iterator[Event]:  # type: ignore[override]
        yield from super().extract(document, context)
        raise KeyError("late")


class OffByOne(Honest):
    """Evidence text cut from the document, but offsets one character to the right."""

    name = "off-by-one"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        words = document.text[0:8]
        return [
            Event("meeting", "occurred", evidence=[Evidence(1, 1 + len(words), words)], extractor=self.name)
        ]


class BeyondTheText(Honest):
    name = "beyond"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        end = len(document.text) + 5
        return [Event("call", "planned", evidence=[Evidence(0, end, "x" * end)], extractor=self.name)]


class NoEvidence(Honest):
    name = "no-evidence"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        return [Event("visit", "planned", extractor=self.name)]


class NotEvents(Honest):
    name = "not-events"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        return [{"type": "meeting"}]  # type: ignore[list-item]


class OffSchema(Honest):
    """Model-valid events the schema refuses: a CAMEO code that is not digits."""

    name = "off-schema"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        [event] = super().extract(document, context) or [Event("call", "occurred", evidence=[_span("x")])]
        return [Event("call", "occurred", evidence=event.evidence, cameo="forty", extractor=self.name)]


class Flaky(Honest):
    """Its confidence drifts from call to call."""

    name = "flaky"

    def __init__(self) -> None:
        self.calls = itertools.count(1)

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        [event] = super().extract(document, context) or [Event("call", "occurred", evidence=[_span("x")])]
        return [Event("call", "occurred", evidence=event.evidence, confidence=1 / next(self.calls))]


class Growing(Honest):
    """Finds one more event each time it runs."""

    name = "growing"

    def __init__(self) -> None:
        self.calls = 0

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        self.calls += 1
        return super().extract(document, context) * self.calls


class WallClock(Honest):
    """Resolves "next month" against today's date when the document has none."""

    name = "wall-clock"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        anchor = document.anchor or dt.date.today()
        start = (anchor.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        time = TimeSpan(start, end, Granularity.MONTH, "next month")
        if not document.text:
            return []
        return [Event("visit", "planned", evidence=[_span(document.text)], time=time, extractor=self.name)]


# --------------------------------------------------------------------------- the checks


def test_honest_extractor_passes_every_check() -> None:
    documents_ = [DOCUMENT, Document("d2", ""), Document("d3", "x", published=dt.date(2026, 1, 13))]
    check_extractor_contract(Honest(), documents_, CONTEXT)


def test_never_raises_names_extractor_document_and_error() -> None:
    with pytest.raises(ContractViolation) as caught:
        check_never_raises(Raising(), DOCUMENT, CONTEXT)
    message = str(caught.value)
    assert message.startswith("extractor 'raising' on document 'd1' (no publication date; text 'Ishimori met")
    assert message.endswith("extract() raised RuntimeError: boom")
    assert isinstance(caught.value.__cause__, RuntimeError)


def test_never_raises_catches_errors_raised_while_the_result_is_iterated() -> None:
    with pytest.raises(ContractViolation, match=r"extractor 'lazy-raising'.*raised KeyError: 'late'"):
        check_never_raises(RaisingWhileIterating(), DOCUMENT, CONTEXT)


def test_never_raises_returns_the_events() -> None:
    [event] = check_never_raises(Honest(), DOCUMENT, CONTEXT)
    assert event.evidence[0].text == "Ishimori"


def test_contract_violation_is_an_assertion_error_that_keeps_its_parts() -> None:
    violation = ContractViolation("it broke", "mine", DOCUMENT)
    assert isinstance(violation, AssertionError)
    assert (violation.problem, violation.extractor, violation.document) == ("it broke", "mine", DOCUMENT)
    assert str(violation).startswith("extractor 'mine' on document 'd1' (no publication date; text 'Ishimori")
    assert str(violation).endswith(": it broke")
    assert str(pickle.loads(pickle.dumps(violation))) == str(violation)
    assert str(ContractViolation("it broke")) == "the extractor: it broke"


def test_long_texts_are_shortened_in_messages() -> None:
    document = Document("long", "A" * 1000)
    with pytest.raises(ContractViolation, match=r"text 'A{60}'\.\.\. \(1000 characters\)"):
        check_never_raises(Raising(), document, CONTEXT)


def test_evidence_at_wrong_offsets_is_reported_with_both_texts() -> None:
    events = OffByOne().extract(DOCUMENT, CONTEXT)
    with pytest.raises(ContractViolation) as caught:
        check_evidence_matches(events, DOCUMENT)
    assert str(caught.value) == (
        "extractor 'off-by-one' on document 'd1' (no publication date; text "
        "'Ishimori met Whitcombe in Tokyo next month.'): event 0 (meeting): evidence 0 at [1:9] "
        "says 'Ishimori' but the text there is 'shimori '"
    )


def test_evidence_beyond_the_text_says_how_long_the_text_is() -> None:
    document = Document("short", "Abe met Lee.")
    with pytest.raises(ContractViolation, match=r"\[0:17\].*the text has only 12 characters"):
        check_evidence_matches(BeyondTheText().extract(document, CONTEXT), document)


def test_event_without_evidence_breaks_the_contract() -> None:
    with pytest.raises(ContractViolation, match=r"'no-evidence'.*event 0 \(visit\) has no evidence"):
        check_evidence_matches(NoEvidence().extract(DOCUMENT, CONTEXT), DOCUMENT)


def test_results_that_are_not_events_break_the_contract() -> None:
    with pytest.raises(ContractViolation, match="result 0 is a dict, not an Event"):
        check_evidence_matches(NotEvents().extract(DOCUMENT, CONTEXT), DOCUMENT, extractor="not-events")
    with pytest.raises(ContractViolation, match="result 0 is a dict, not an Event"):
        check_schema(NotEvents().extract(DOCUMENT, CONTEXT), extractor="not-events")


def test_the_extractor_named_by_the_caller_wins_over_the_events_own() -> None:
    with pytest.raises(ContractViolation, match=r"^extractor 'spacy' on document 'd1'"):
        check_evidence_matches(OffByOne().extract(DOCUMENT, CONTEXT), DOCUMENT, extractor="spacy")


def test_schema_violation_names_the_field_and_the_document() -> None:
    events = OffSchema().extract(DOCUMENT, CONTEXT)
    with pytest.raises(ContractViolation) as caught:
        check_schema(events, document=DOCUMENT)
    assert str(caught.value).startswith("extractor 'off-schema' on document 'd1'")
    assert caught.value.problem == (
        "event 0 (call) does not validate against EVENT_SCHEMA: "
        "at cameo: 'forty' does not match '^[0-9]{3,4}$'"
    )


def test_schema_violation_of_a_wrongly_typed_field_is_reported() -> None:
    event = Event("call", "occurred", plover_mode=5, extractor="typo")  # type: ignore[arg-type]
    with pytest.raises(ContractViolation, match=r"at plover_mode: 5 is not of type 'string', 'null'"):
        check_schema([event])


def test_schema_accepts_resolved_and_unresolved_times() -> None:
    resolved = Event("call", "occurred", time=TimeSpan(dt.date(2026, 1, 1), dt.date(2026, 1, 2)))
    check_schema([resolved, Event("call", "occurred", time=TimeSpan.unresolved("soon"))])


def test_nondeterministic_field_is_named_with_both_values() -> None:
    with pytest.raises(ContractViolation) as caught:
        check_deterministic(Flaky(), DOCUMENT, CONTEXT)
    assert str(caught.value).endswith("two runs differ: event 0 (call): confidence was 1.0, then 0.5")
    assert "extractor 'flaky' on document 'd1'" in str(caught.value)


def test_nondeterministic_event_count_is_reported() -> None:
    with pytest.raises(ContractViolation, match="the first gave 1 events, the second 2"):
        check_deterministic(Growing(), DOCUMENT, CONTEXT)


def test_resolving_relative_dates_without_an_anchor_is_reported() -> None:
    events = WallClock().extract(DOCUMENT, CONTEXT)
    with pytest.raises(ContractViolation) as caught:
        check_no_wall_clock_dates(events, DOCUMENT)
    message = str(caught.value)
    assert message.startswith("extractor 'wall-clock' on document 'd1' (no publication date;")
    assert re.search(r"event 0 \(visit\) resolved 'next month' to \d{4}-\d\d-01\.\.\d{4}-\d\d-\d\d", message)
    assert message.endswith("no anchor date and the expression names no year; leave it unresolved")


def test_resolving_relative_dates_with_an_anchor_is_fine() -> None:
    dated = Document("d1", DOCUMENT.text, published=dt.date(2026, 1, 13))
    check_no_wall_clock_dates(WallClock().extract(dated, CONTEXT), dated)
    stamped = Document("d1", DOCUMENT.text, source=Source(timestamp=dt.datetime(2026, 1, 13, 9, 30)))
    check_no_wall_clock_dates(WallClock().extract(stamped, CONTEXT), stamped)


def test_a_year_in_the_time_text_may_be_resolved_without_an_anchor() -> None:
    time = TimeSpan(dt.date(2026, 3, 1), dt.date(2026, 3, 31), Granularity.MONTH, "in March 2026")
    check_no_wall_clock_dates([Event("visit", "planned", time=time)], DOCUMENT)
    iso = TimeSpan.day(dt.date(2026, 3, 4), "2026-03-04")
    check_no_wall_clock_dates([Event("visit", "planned", time=iso)], DOCUMENT)


def test_a_number_that_is_not_four_digits_is_not_a_year() -> None:
    time = TimeSpan.day(dt.date(2026, 3, 4), "March 4, 20260")
    with pytest.raises(ContractViolation, match="names no year"):
        check_no_wall_clock_dates([Event("visit", "planned", time=time)], DOCUMENT)


@pytest.mark.parametrize(
    ("extractor", "reason"),
    [
        (Raising(), "raised RuntimeError: boom"),
        (OffByOne(), "says 'Ishimori' but the text there is"),
        (NoEvidence(), "has no evidence"),
        (OffSchema(), "does not validate against EVENT_SCHEMA"),
        (WallClock(), "names no year"),
        (Flaky(), "two runs differ"),
    ],
    ids=lambda value: getattr(value, "name", "reason"),
)
def test_the_whole_contract_catches_each_broken_extractor(extractor: Extractor, reason: str) -> None:
    with pytest.raises(ContractViolation, match=re.escape(reason)):
        check_extractor_contract(extractor, [DOCUMENT], CONTEXT)


# --------------------------------------------------------------------------- the strategies


def _sample(strategy: st.SearchStrategy[str], count: int) -> list[str]:
    """``count`` drawn examples, without the shrinking that ``hypothesis.find`` would do."""
    drawn: list[str] = []

    @hypothesis.settings(
        max_examples=count, database=None, phases=[hypothesis.Phase.generate], derandomize=True
    )
    @hypothesis.given(strategy)
    def draw(text: str) -> None:
        drawn.append(text)

    draw()
    return drawn


@functools.cache
def _news_sample() -> list[str]:
    return _sample(news_texts(), 150)


@functools.cache
def _arbitrary_sample() -> list[str]:
    return _sample(arbitrary_texts(), 300)


@pytest.mark.parametrize(
    "wanted",
    [
        lambda text: " met " in text,
        lambda text: "spoke by phone with" in text,
        lambda text: "will visit" in text,
        lambda text: " invited " in text,
        lambda text: re.search(r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", text),
        lambda text: re.search(r"\b(Jan\.|January|March|Sept\.) \d", text),
        lambda text: "Related articles" in text or "RELATED" in text,
        lambda text: re.search(r"^[A-Z]+ \(.+\) [-—]", text, re.MULTILINE),
        lambda text: re.search(r"JST, \w+ \d+, \d{4}", text),
    ],
    ids=["met", "phone", "visit", "invited", "weekday", "date", "related", "dateline", "timestamp"],
)
def test_news_texts_cover_the_parts_of_a_news_article(wanted: Callable[[str], object]) -> None:
    assert any(wanted(text) for text in _news_sample())


@pytest.mark.parametrize(
    "wanted",
    [
        lambda text: any(ord(ch) < 32 and ch not in "\n\t" for ch in text),
        lambda text: len(text) >= 500 and len(set(text)) == 1,
        lambda text: "..." * 50 in text,
        lambda text: re.search(r"[A-Z][A-Z .-]{300}", text),
        lambda text: re.search("[\"“”']{100}", text),
        lambda text: any(separator in text for separator in "\u2028\u2029\x85\r"),
    ],
    ids=["control", "run", "dots", "capitals", "quotes", "line-separators"],
)
def test_arbitrary_texts_include_hostile_inputs(wanted: Callable[[str], object]) -> None:
    assert any(wanted(text) for text in _arbitrary_sample())


@hypothesis.given(documents(published=False))
def test_undated_documents_have_no_anchor(document: Document) -> None:
    assert document.published is None
    assert document.anchor is None


@hypothesis.given(documents(texts=st.just("x"), published=True))
def test_dated_documents_are_anchored_on_their_publication_date(document: Document) -> None:
    assert document.published is not None
    assert document.anchor == document.published


# ---------------------------------------------------------------- the base class on broken extractors


class BrokenPlugin:
    """Registers each broken fake under its name."""

    @hookimpl
    def register_extractors(self, register: Callable[[str, Callable[[], Extractor]], None]) -> None:
        for factory in (Honest, Raising, OffByOne, OffSchema, Flaky, WallClock):
            register(factory.name, factory)


class _Fake(ExtractorConformance):
    extra_plugins = (BrokenPlugin(),)
    max_examples = 10
    entry_points = ()

    @classmethod
    def hypothesis_settings(cls) -> hypothesis.settings:
        # The failures below are meant: no example database, no shrinking, the first failure only.
        return hypothesis.settings(
            super().hypothesis_settings(),
            database=None,
            phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
            report_multiple_bugs=False,
        )


@pytest.mark.parametrize(
    ("name", "test", "reason"),
    [
        ("raising", "test_never_raises_on_arbitrary_text", "raised RuntimeError: boom"),
        ("raising", "test_never_raises_on_news_text", "raised RuntimeError: boom"),
        ("off-by-one", "test_evidence_spans_match_text", "but the text there is"),
        ("off-schema", "test_output_validates_against_schema", "does not validate against EVENT_SCHEMA"),
        ("flaky", "test_results_are_deterministic", "two runs differ"),
        ("wall-clock", "test_no_wall_clock_dates_without_publication_date", "names no year"),
    ],
)
def test_conformance_tests_fail_on_the_extractor_that_breaks_them(name: str, test: str, reason: str) -> None:
    conformance = type(f"Test_{name}", (_Fake,), {"extractor_name": name})
    with pytest.raises(ContractViolation, match=re.escape(reason)):
        getattr(conformance(), test)()


@pytest.mark.parametrize(
    "test",
    [name for name in dir(ExtractorConformance) if name.startswith("test_")],
)
def test_conformance_tests_pass_on_an_honest_extractor(test: str) -> None:
    conformance = type("TestHonest", (_Fake,), {"extractor_name": "honest"})
    getattr(conformance(), test)()


def test_conformance_needs_an_extractor_name() -> None:
    with pytest.raises(TypeError, match="must set extractor_name"):
        type("TestNameless", (_Fake,), {}).extractor()


def test_default_plugins_load_the_entry_point_named_like_the_extractor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    created: list[dict[str, object]] = []
    original = Plugins.create

    def spy(**kwargs: object) -> Plugins:
        created.append(kwargs)
        return original(load_entrypoints=False)

    monkeypatch.setattr(Plugins, "create", staticmethod(spy))
    conformance = type("TestCombined", (ExtractorConformance,), {"extractor_name": "rules+spacy"})
    conformance.plugins()
    assert created == [{"load_entrypoints": True, "allow": ["rules", "spacy"], "extra": ()}]


# ---------------------------------------------------------------- the pytest plugin, in a pytest of its own

_INNER_ARGS = ("-p", "no:alliancekit", "-p", "alliancekit.testing.pytest_plugin", "-p", "no:cacheprovider")


def test_plugin_runs_the_conformance_suite_of_a_subclass(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_silent="""
        from alliancekit import hookimpl
        from alliancekit.testing import ExtractorConformance

        class Silent:
            name = "silent"

            def extract(self, document, context):
                return []

        class SilentPlugin:
            @hookimpl
            def register_extractors(self, register):
                register("silent", Silent)

        class TestSilentConformance(ExtractorConformance):
            extractor_name = "silent"
            extra_plugins = (SilentPlugin(),)
            max_examples = 3
        """
    )
    result = pytester.runpytest(*_INNER_ARGS, "-v")
    result.assert_outcomes(passed=6)
    result.stdout.fnmatch_lines(
        ["*TestSilentConformance::test_no_wall_clock_dates_without_publication_date PASSED*"]
    )


def test_plugins_fixture_loads_what_the_marker_names_and_installs_it(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_fixture="""
        import pytest
        from alliancekit import hookimpl
        from alliancekit.plugins import get_plugins

        class Spotter:
            name = "spotter"

            def extract(self, document, context):
                return []

        class SpotterPlugin:
            @hookimpl
            def register_extractors(self, register):
                register("spotter", Spotter)

        @pytest.mark.alliancekit_plugins("not-installed", extra=[SpotterPlugin()])
        def test_named(alliancekit_plugins):
            assert "spotter" in alliancekit_plugins.extractor_names()
            assert get_plugins() is alliancekit_plugins

        def test_unnamed(alliancekit_plugins):
            assert alliancekit_plugins.extractor_names() == ["rules"]
        """
    )
    result = pytester.runpytest(*_INNER_ARGS, "--strict-markers")
    result.assert_outcomes(passed=2)


def test_plugins_fixture_forgets_its_plugins_after_the_test(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_after="""
        from alliancekit.plugins import get_plugins

        seen = []

        def test_first(alliancekit_plugins):
            seen.append(alliancekit_plugins)

        def test_second():
            assert get_plugins() is not seen[0]
        """
    )
    pytester.runpytest(*_INNER_ARGS).assert_outcomes(passed=2)
    assert get_plugins() is get_plugins()
