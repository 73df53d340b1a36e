r"""The main text of a news page: the story, without the page around it.

A saved or crawled page holds far more than the article: navigation,
cookie banners, lists of related stories, comment threads, footers.
:func:`main_text` hands the page to `trafilatura
<https://trafilatura.readthedocs.io>`_, which keeps the article's own
paragraphs and reads the page's metadata (title, publication date, site
name, address). When trafilatura is not installed (it comes with the
``web`` extra), or finds no article in a page, the page is read as the text
a browser shows (:func:`~alliancekit.io.markup.html_to_text`) instead, so
no page is lost.

The text has one paragraph per block, separated by blank lines, and opens
with the headline; evidence offsets index into it, and
:attr:`MainText.converted_by` says which of the two readers made it.

>>> story = ["Foreign Minister Toshimitsu Motegi met Secretary of State Marco Rubio in Tokyo on Monday.",
...          "The two agreed to deepen cooperation on supply chains and discussed North Korea.",
...          "They will meet again in Washington next month, the ministry said."]
>>> page = ("<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
...         "<h1>Motegi meets Rubio</h1>" + "".join(f"<p>{line}</p>" for line in story) +
...         "</article><aside>Related: Kim meets Putin</aside></body></html>")
>>> found = main_text(page)
>>> found.converted_by
'trafilatura'
>>> print(found.text)
Motegi meets Rubio
<BLANKLINE>
Foreign Minister Toshimitsu Motegi met Secretary of State Marco Rubio in Tokyo on Monday.
<BLANKLINE>
The two agreed to deepen cooperation on supply chains and discussed North Korea.
<BLANKLINE>
They will meet again in Washington next month, the ministry said.
"""

from __future__ import annotations

import functools
import logging
import re
from typing import Any

import attrs

from alliancekit.io.markup import html_to_text

__all__ = ["MainText", "is_english", "main_text", "trafilatura_available"]

_log = logging.getLogger("alliancekit.io")
# The languages a crawled page may be in and still be read: English only, for now.
_ENGLISH = "en"
# How much of a text the language is told from: enough for a stable answer, cheap on long pages.
_LANGUAGE_SAMPLE = 2000


@attrs.frozen
class MainText:
    """The text of a page as an extractor reads it, with the metadata the page declares.

    :param text: the headline and the article's paragraphs, separated by blank lines.
    :param converted_by: ``"trafilatura"`` (the page's main text) or
        ``"markup"`` (every visible block, :mod:`alliancekit.io.markup`).
    :param title: the page's title.
    :param published: the publication date the page's metadata declares, as written.
    :param outlet: the site's name.
    :param url: the page's address (its canonical link when it has one).
    :param page_type: the kind of page its metadata declares (``og:type``:
        ``"article"``, ``"website"``, ``"video.other"``...), when it does.

    >>> MainText("Abe met Lee.", "markup").converted_by
    'markup'
    """

    text: str
    converted_by: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    page_type: str | None = None


@functools.cache
def trafilatura_available() -> bool:
    """Whether trafilatura can be imported here (``pip install 'alliancekit[web]'``).

    >>> isinstance(trafilatura_available(), bool)
    True
    """
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        _log.info(
            "trafilatura is not installed: HTML pages are read as all their visible text "
            "(pip install 'alliancekit[web]' to keep only the article)"
        )
        return False
    return True


# The elements of trafilatura's XML that hold a block of text of their own; others are inline.
_BLOCKS = frozenset("p head item cell quote list table row div code fw note".split())
_SPACES = re.compile(r"[^\S\n]+")


def _paragraphs(body: Any) -> list[str]:
    """The text blocks of trafilatura's XML ``body``: one per paragraph, list item, cell or heading.

    A line break (``<lb/>``) stays a line break inside its paragraph.
    """
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        lines = (_SPACES.sub(" ", line).strip() for line in "".join(current).split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            blocks.append(text)
        current.clear()

    def walk(element: Any) -> None:
        block = element.tag in _BLOCKS
        if block:
            flush()
        if element.tag == "lb":
            current.append("\n")
        elif element.text:
            current.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(body)
    flush()
    return blocks


def _by_trafilatura(markup: str, url: str | None, *, fast: bool) -> MainText | None:
    """The article trafilatura finds in a page, or ``None`` when it finds none (or fails).

    ``fast`` runs trafilatura's own algorithm alone, without the readability
    and jusText fallbacks it otherwise compares it with.
    """
    import trafilatura

    try:
        found: Any = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            fast=fast,
            # The date the page's metadata declares, never one guessed from its text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # a page that breaks the library is read the other way
        _log.debug("trafilatura failed on a page: %s: %s", type(error).__name__, error)
        return None
    if found is None:
        return None
    paragraphs = _paragraphs(found.body) if found.body is not None else []
    if not paragraphs:
        return None
    title = " ".join((found.title or "").split()) or None
    if title is not None and title not in paragraphs[:2]:
        paragraphs.insert(0, title)  # the headline stood outside the article's markup
    return MainText(
        "\n\n".join(paragraphs),
        "trafilatura",
        title=title,
        published=_stated_date(found.date, markup),
        outlet=found.sitename or None,
        url=found.url or url,
        page_type=(found.pagetype or "").strip().lower() or None,
    )


def _stated_date(date: str | None, markup: str) -> str | None:
    """The date trafilatura read from a page's metadata, unless it made the day up.

    htmldate completes a date it could read only to the month ("2026-02",
    or the impossible "2026-02-30") with the first day of the month; such a
    date is dropped (the dateline reader may find the day) unless the page
    writes it out.
    """
    if not date:
        return None
    if date.endswith("-01") and date not in markup:
        return None
    return date


def main_text(markup: str, *, url: str | None = None, fallback: bool = True) -> MainText | None:
    """Read the article of an HTML page: its main text, else (``fallback``) all its visible text.

    :param markup: the page.
    :param url: where the page was fetched from, when known; it helps
        trafilatura and is the address when the page declares none.
    :param fallback: read a page in which trafilatura finds no article (or
        every page, when trafilatura is not installed) as the text a browser
        shows. Without it, such a page gives ``None``.
    :returns: the text and metadata, or ``None`` when the page holds no text.

    >>> main_text("<html><body><p> </p></body></html>") is None
    True
    """
    if trafilatura_available():
        # Its own algorithm finds most articles at half the cost; the fallbacks try the rest.
        found = _by_trafilatura(markup, url, fast=True) or _by_trafilatura(markup, url, fast=False)
        if found is not None:
            return found
    if not fallback:
        return None
    page = html_to_text(markup)
    if not page.text.strip():
        return None
    return MainText(
        page.text,
        "markup",
        title=page.title,
        published=page.published,
        outlet=page.outlet,
        url=page.url or url,
    )


@functools.cache
def _identifier() -> Any:
    """py3langid, or ``None`` when it is not installed."""
    try:
        import py3langid
    except ImportError:
        return None
    return py3langid


def is_english(text: str) -> bool:
    """Whether a text is in English, as py3langid (in the ``web`` extra) tells from its start.

    Without py3langid every text counts as English.

    >>> is_english("Foreign Minister Toshimitsu Motegi met Secretary of State Marco Rubio in Tokyo.")
    True
    """
    identifier = _identifier()
    if identifier is None:
        return True
    language, _ = identifier.classify(text[:_LANGUAGE_SAMPLE])
    return bool(language == _ENGLISH)
