"""The alliancekit pytest plugin: a plugins fixture and the extractor conformance suite.

pytest loads this plugin by itself wherever alliancekit is installed (it is
registered under the ``pytest11`` entry-point group as ``alliancekit``;
``-p no:alliancekit`` turns it off). It provides:

* the ``alliancekit_plugins`` fixture: a :class:`~alliancekit.plugins.Plugins`
  with the built-ins plus only the third-party plugins the test names with
  the ``alliancekit_plugins`` marker, installed as the process-wide plugins
  for the test's duration;
* :class:`ExtractorConformance`: subclass it, name your extractor, and
  pytest runs Hypothesis-driven checks of the extractor contract
  (:mod:`alliancekit.testing.contract`) against it.

A plugin distribution's tests need no more than this::

    import alliancekit
    import pytest
    from alliancekit.testing import ExtractorConformance


    class TestSpacyConformance(ExtractorConformance):
        extractor_name = "spacy"  # registered by the "spacy" entry point


    @pytest.mark.alliancekit_plugins("spacy")
    def test_spacy_finds_a_phone_call(alliancekit_plugins):
        events = alliancekit.extract("Ishimori spoke by phone with Whitcombe on Friday.",
                                     published="2026-05-04", extractor="spacy")
        assert [event.type.value for event in events] == ["call"]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import ClassVar

import attrs
import hypothesis
import pytest
from hypothesis import HealthCheck
from hypothesis import strategies as st

from alliancekit.extractor import ExtractionContext, Extractor
from alliancekit.model import Document
from alliancekit.pipeline import prepare_document
from alliancekit.plugins import Plugins, reset_plugins
from alliancekit.testing.contract import (
    check_deterministic,
    check_evidence_matches,
    check_never_raises,
    check_no_wall_clock_dates,
    check_schema,
)
from alliancekit.testing.strategies import arbitrary_texts, documents, news_texts

__all__ = ["ExtractorConformance", "alliancekit_plugins"]

_MARKER = "alliancekit_plugins"


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``alliancekit_plugins`` marker."""
    config.addinivalue_line(
        "markers",
        f"{_MARKER}(*names, extra=()): the third-party alliancekit plugins (entry-point names) "
        "and extra plugin objects the alliancekit_plugins fixture loads",
    )


@pytest.fixture
def alliancekit_plugins(request: pytest.FixtureRequest) -> Iterator[Plugins]:
    """The built-in plugins plus only those the test names; the process-wide plugins meanwhile.

    Name entry points with the marker, ``@pytest.mark.alliancekit_plugins("spacy")``,
    and pass plugin objects or modules as ``extra=[...]``. Without the marker
    no third-party plugin loads, whatever is installed and whatever
    ``ALLIANCEKIT_LOAD_PLUGINS`` says. During the test
    :func:`~alliancekit.plugins.get_plugins` (hence :func:`alliancekit.extract`)
    returns these plugins; afterwards the process-wide plugins are rebuilt
    on next use.
    """
    marker = request.node.get_closest_marker(_MARKER)
    names: tuple[str, ...] = tuple(marker.args) if marker is not None else ()
    extra: Sequence[object] = tuple(marker.kwargs.get("extra", ())) if marker is not None else ()
    plugins = Plugins.create(load_entrypoints=bool(names), allow=names, extra=extra)
    reset_plugins(plugins)
    try:
        yield plugins
    finally:
        reset_plugins()


@attrs.frozen
class _Subject:
    plugins: Plugins
    extractor: Extractor
    context: ExtractionContext


_SUBJECTS: dict[type, _Subject] = {}
_SUPPRESSED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]


class ExtractorConformance:
    """Base class of a test class that checks one extractor against the contract.

    Set :attr:`extractor_name` in a subclass whose name starts with
    ``Test``; pytest then runs six property tests, each over
    :attr:`max_examples` generated documents. A failure raises
    :class:`~alliancekit.testing.ContractViolation`, and Hypothesis prints
    the smallest document it found that shows it.

    The plugins come from :meth:`plugins`: by default the built-ins, the
    entry points in :attr:`entry_points` and the objects in
    :attr:`extra_plugins`. They are built once per class. Each generated
    document passes through the plugins' ``preprocess_document`` hooks and
    :func:`~alliancekit.pipeline.prepare_document` first, so the extractor
    sees what the pipeline would give it.

    >>> from alliancekit import hookimpl
    >>> class Silent:
    ...     name = "silent"
    ...     def extract(self, document, context):
    ...         return []
    >>> class SilentPlugin:
    ...     @hookimpl
    ...     def register_extractors(self, register):
    ...         register("silent", Silent)
    >>> class TestSilentConformance(ExtractorConformance):
    ...     extractor_name = "silent"
    ...     extra_plugins = (SilentPlugin(),)
    ...     max_examples = 5
    >>> TestSilentConformance.extractor().name
    'silent'
    >>> TestSilentConformance().test_never_raises_on_news_text()
    """

    extractor_name: ClassVar[str]
    """The registered name of the extractor under test (``"spacy"``, ``"rules+spacy"``)."""

    entry_points: ClassVar[Sequence[str] | None] = None
    """Entry-point names to load; ``None`` means the parts of :attr:`extractor_name`."""

    extra_plugins: ClassVar[Sequence[object]] = ()
    """Plugin objects or modules to register besides the built-ins, as ``Plugins.create(extra=...)``."""

    max_examples: ClassVar[int | None] = 30
    """Documents per property test; ``None`` leaves it to the active Hypothesis profile."""

    # ------------------------------------------------------------------ set-up, overridable

    @classmethod
    def plugins(cls) -> Plugins:
        """The plugins that provide the extractor; override to build them otherwise.

        The default loads the built-ins, the entry points named by
        :attr:`entry_points` and the objects in :attr:`extra_plugins`.
        """
        names = tuple(cls.entry_points) if cls.entry_points is not None else cls._name().split("+")
        return Plugins.create(load_entrypoints=bool(names), allow=names, extra=cls.extra_plugins)

    @classmethod
    def hypothesis_settings(cls) -> hypothesis.settings:
        """The Hypothesis settings of every property test of the class.

        No deadline (a first call may load a model), and no health check
        for slow or large data; everything else comes from the active
        Hypothesis profile.
        """
        if cls.max_examples is None:
            return hypothesis.settings(deadline=None, suppress_health_check=_SUPPRESSED)
        return hypothesis.settings(
            max_examples=cls.max_examples, deadline=None, suppress_health_check=_SUPPRESSED
        )

    @classmethod
    def news_documents(cls, *, published: bool | None = None) -> st.SearchStrategy[Document]:
        """The news-like documents of the property tests; override to add your own texts."""
        return documents(texts=news_texts(), published=published)

    @classmethod
    def arbitrary_documents(cls) -> st.SearchStrategy[Document]:
        """The hostile documents of :meth:`test_never_raises_on_arbitrary_text`."""
        return documents(texts=arbitrary_texts())

    # ------------------------------------------------------------------ the subject

    @classmethod
    def _name(cls) -> str:
        name = getattr(cls, "extractor_name", None)
        if not isinstance(name, str) or not name:
            raise TypeError(f"{cls.__name__} must set extractor_name to the registered extractor's name")
        return name

    @classmethod
    def _subject(cls) -> _Subject:
        subject = _SUBJECTS.get(cls)
        if subject is None:
            plugins = cls.plugins()
            subject = _Subject(plugins, plugins.extractor(cls._name()), plugins.context())
            _SUBJECTS[cls] = subject
        return subject

    @classmethod
    def extractor(cls) -> Extractor:
        """The extractor under test, built once per class."""
        return cls._subject().extractor

    @classmethod
    def context(cls) -> ExtractionContext:
        """The extraction context handed to the extractor."""
        return cls._subject().context

    @classmethod
    def prepare(cls, document: Document) -> Document:
        """The document as the pipeline hands it to the extractor."""
        return prepare_document(cls._subject().plugins.preprocess(document))

    def _for_all(
        self, test: str, strategy: st.SearchStrategy[Document], check: Callable[[Document], object]
    ) -> None:
        """Run ``check`` on prepared documents drawn from ``strategy``."""

        def for_each_document(document: Document) -> None:
            check(self.prepare(document))

        # One example database entry per class and test, not one shared by all.
        key = f"{type(self).__module__}.{type(self).__qualname__}.{test}"
        for_each_document._hypothesis_internal_add_digest = key.encode()  # type: ignore[attr-defined]
        self.hypothesis_settings()(hypothesis.given(strategy)(for_each_document))()

    # ------------------------------------------------------------------ the properties

    def test_never_raises_on_arbitrary_text(self) -> None:
        """Any text at all, control characters and huge runs included, gives events, not an exception."""
        extractor, context = self.extractor(), self.context()
        self._for_all(
            "never_raises_on_arbitrary_text",
            self.arbitrary_documents(),
            lambda document: check_never_raises(extractor, document, context),
        )

    def test_never_raises_on_news_text(self) -> None:
        """News-like text, with or without a publication date, gives events, not an exception."""
        extractor, context = self.extractor(), self.context()
        self._for_all(
            "never_raises_on_news_text",
            self.news_documents(),
            lambda document: check_never_raises(extractor, document, context),
        )

    def test_evidence_spans_match_text(self) -> None:
        """Every event has evidence, and every span is the document's text at its offsets."""
        extractor, context = self.extractor(), self.context()

        def check(document: Document) -> None:
            events = check_never_raises(extractor, document, context)
            check_evidence_matches(events, document, extractor=extractor.name)

        self._for_all("evidence_spans_match_text", self.news_documents() | self.arbitrary_documents(), check)

    def test_output_validates_against_schema(self) -> None:
        """Every event serializes to JSON that validates against ``EVENT_SCHEMA``."""
        extractor, context = self.extractor(), self.context()

        def check(document: Document) -> None:
            events = check_never_raises(extractor, document, context)
            check_schema(events, extractor=extractor.name, document=document)

        self._for_all("output_validates_against_schema", self.news_documents(), check)

    def test_results_are_deterministic(self) -> None:
        """Two runs on one document give equal events in the same order."""
        extractor, context = self.extractor(), self.context()
        self._for_all(
            "results_are_deterministic",
            self.news_documents(),
            lambda document: check_deterministic(extractor, document, context),
        )

    def test_no_wall_clock_dates_without_publication_date(self) -> None:
        """Without a publication date, "next month" and "on Monday" stay unresolved."""
        extractor, context = self.extractor(), self.context()

        def check(document: Document) -> None:
            events = check_never_raises(extractor, document, context)
            check_no_wall_clock_dates(events, document, extractor=extractor.name)

        self._for_all(
            "no_wall_clock_dates_without_publication_date", self.news_documents(published=False), check
        )
