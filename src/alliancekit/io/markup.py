r"""HTML pages to article text, with the standard library's :mod:`html.parser`.

A scraper often hands over the page, not the story. Rather than reject such
input, alliancekit reads the text a browser would show: scripts, styles and
the document head are dropped, character references are decoded, each
block element (paragraph, heading, list item, table cell, ``<br>``) becomes
a paragraph of its own, and runs of white space inside a block become one
space (except in ``<pre>``). The page title opens the text. The
``article:published_time``, ``og:site_name`` and ``og:url`` (or canonical
link) metadata are kept when present.

Evidence offsets index into this text, not into the markup: the document an
extractor sees is the converted one, and the readers log a note whenever
they convert a page that was not named ``.html``.

>>> page = html_to_text('<html><head><title>Talks</title><script>x=1</script></head><body>'
...                     '<h1>Abe meets Biden</h1><p>Abe met&nbsp;Biden in <b>Tokyo</b>.</p></body></html>')
>>> print(page.text)
Talks
<BLANKLINE>
Abe meets Biden
<BLANKLINE>
Abe met Biden in Tokyo.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import attrs

__all__ = ["HtmlPage", "html_to_text", "looks_like_html"]

_BLOCKS = frozenset(
    """address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th
    thead tr ul""".split()
)
# Elements whose content is never shown as text.
_HIDDEN = frozenset("script style noscript template svg math iframe object canvas select head".split())
_SPACES = re.compile(r"\s+")
_OPENING = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
# One step of the pre-pass: a start or end tag without "<" inside, a comment opening, a
# declaration or processing instruction, or a stray "<". Every alternative stops at the
# next "<" or ">", so a scan over the whole page is linear.
_MARKUP = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_-]*)([^<>]*)>|<!--|<[!?][^<>]*>|<")
# Tags whose attributes are read; longer ones (inline data, garbage) are dropped.
_ATTRIBUTE_TAGS = frozenset(["meta", "link"])
_MAX_ATTRIBUTE_TAG = 2000


def looks_like_html(text: str) -> bool:
    """Whether a text is an HTML page rather than prose: it opens with a doctype or an ``<html>`` tag.

    Prose that merely contains a tag ("<b>bold</b>") does not count.

    >>> looks_like_html("<!DOCTYPE html><html><body>Hi.</body></html>")
    True
    >>> looks_like_html("Abe met Biden. <b>Note</b>")
    False
    """
    head = text[:4096].lstrip()
    while head.startswith("<!--"):
        end = head.find("-->")
        if end < 0:
            return False
        head = head[end + 3 :].lstrip()
    return _OPENING.match(head) is not None


def _simplify(markup: str) -> str:
    """The markup reduced to what :func:`html_to_text` needs, in linear time.

    :mod:`html.parser` takes quadratic time or worse on some unclosed
    constructs (``"<a " * 50_000`` takes about a minute on Python 3.11), so
    it is given a simplified page: stray ``<`` escaped, comments,
    declarations and processing instructions removed, and every tag but
    ``<meta>`` and ``<link>`` stripped of its attributes.

    >>> _simplify('<p class="x">a < b<!-- c --></p><a href="y">')
    '<p>a &lt; b</p><a>'
    """
    pieces: list[str] = []
    position = 0
    while True:
        match = _MARKUP.search(markup, position)
        if match is None:
            pieces.append(markup[position:])
            return "".join(pieces)
        pieces.append(markup[position : match.start()])
        position = match.end()
        found = match.group()
        if match.group(2) is not None:
            name = match.group(2).lower()
            if name not in _ATTRIBUTE_TAGS:
                pieces.append(f"<{match.group(1)}{name}>")
            elif len(found) <= _MAX_ATTRIBUTE_TAG:
                pieces.append(found)
        elif found == "<!--":
            end = markup.find("-->", position)
            if end < 0:  # an unclosed comment runs to the end of the page
                return "".join(pieces)
            position = end + 3
        elif found == "<":
            pieces.append("&lt;")


@attrs.frozen
class HtmlPage:
    """The text of an HTML page, and the metadata it declares.

    :param text: the visible text, one block per paragraph.
    :param title: the ``<title>``, when there is one.
    :param published: the ``article:published_time`` metadata, as written.
    :param outlet: the ``og:site_name`` metadata.
    :param url: the ``og:url`` metadata or the canonical link.

    >>> HtmlPage("Abe met Lee.", title="Talks").title
    'Talks'
    """

    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


class _TextParser(HTMLParser):
    """Collects the visible text of a page block by block, and its metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.meta: dict[str, str] = {}
        self.title: list[str] = []
        self._current: list[str] = []
        self._hidden: list[str] = []  # the open hidden elements, innermost last
        self._open_hidden: Counter[str] = Counter()  # how many of each are open: no search of the list
        self._in_title = False
        self._pre = 0

    def _flush(self) -> None:
        text = "".join(self._current)
        self._current = []
        if not self._pre:
            text = _SPACES.sub(" ", text)
        text = text.strip()
        if text:
            self.blocks.append(text)

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        if tag == "meta" or tag == "link":
            self._read_meta(tag, dict(attributes))
            return
        if tag == "title":
            self._in_title = True
            return
        if tag in _HIDDEN:
            self._hidden.append(tag)
            self._open_hidden[tag] += 1
            return
        if tag in _BLOCKS:
            self._flush()
        if tag == "pre":
            self._pre += 1

    def handle_startendtag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:  # <svg/>: opens and closes at once
            return
        self.handle_starttag(tag, attributes)
        if tag not in ("meta", "link", "title"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            return
        if tag in _HIDDEN:
            if self._open_hidden[tag]:  # close it and anything left open inside it
                while (closed := self._hidden.pop()) != tag:
                    self._open_hidden[closed] -= 1
                self._open_hidden[tag] -= 1
            return
        if tag in _BLOCKS:
            self._flush()
        if tag == "pre" and self._pre:
            self._pre -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self._current.append(data)

    def _read_meta(self, tag: str, attributes: dict[str, str | None]) -> None:
        if tag == "link":
            if (attributes.get("rel") or "").lower() == "canonical" and attributes.get("href"):
                self.meta.setdefault("url", attributes["href"] or "")
            return
        key = (attributes.get("property") or attributes.get("name") or "").lower()
        content = attributes.get("content")
        wanted = {"article:published_time": "published", "og:site_name": "outlet", "og:url": "url"}
        if key in wanted and content:
            self.meta[wanted[key]] = content.strip()

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_text(markup: str) -> HtmlPage:
    r"""Read the visible text and the metadata of an HTML page.

    Never raises on malformed markup: :mod:`html.parser` is lenient, and
    unclosed elements end with the page.

    >>> page = html_to_text('<meta property="article:published_time" content="2026-01-13T09:00:00Z">'
    ...                     '<p>One.<br>Two &amp; three.</p><ul><li>Item</li></ul>')
    >>> page.text.split("\n\n"), page.published
    (['One.', 'Two & three.', 'Item'], '2026-01-13T09:00:00Z')
    """
    parser = _TextParser()
    parser.feed(_simplify(markup))
    parser.close()
    title = _SPACES.sub(" ", "".join(parser.title)).strip() or None
    blocks = [title, *parser.blocks] if title else parser.blocks
    return HtmlPage(
        text="\n\n".join(blocks),
        title=title,
        published=parser.meta.get("published"),
        outlet=parser.meta.get("outlet"),
        url=parser.meta.get("url"),
    )
