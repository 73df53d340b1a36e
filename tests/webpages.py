"""News pages as a crawler saves them, for the tests of web input; and the project's corpora.

:func:`news_page` wraps an article's text in the page a news site would
serve: a header with navigation, a cookie banner, a byline, a list of
related stories, a comment thread and a footer, all of which use the words
of diplomacy ("meet", "visit", "call") so that a reader letting them through
would change the events found. Imported as ``webpages`` (the tests folder
is on ``sys.path``).
"""

from __future__ import annotations

import datetime as dt
import html
import io
import os
from pathlib import Path
from typing import Any

__all__ = ["CORPUS_FOLDERS", "REAL_CORPUS", "STORIES", "corpus_articles", "news_page", "warc_record"]

ROOT = Path(__file__).resolve().parent.parent
CORPUS_FOLDERS = (ROOT / "seeds", ROOT / "tests" / "gold", *sorted((ROOT / "tests").glob("heldout*")))
"""Every folder of articles with gold annotations in the repository."""

REAL_CORPUS = Path(os.environ.get("ALLIANCEKIT_REAL_CORPUS", ROOT.parent / "shared" / "corpus" / "real"))
"""The real-news development corpus kept outside the repository, when it is there."""


def corpus_articles(*folders: Path) -> list[Path]:
    """The ``.txt`` articles with a ``.gold.json`` beside them, in the folders and their sub-folders."""
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")):
            if path.with_name(path.name.removesuffix(".txt") + ".gold.json").exists():
                found.append(path)
    return found


def news_page(text: str, *, outlet: str = "The Harbour Times", published: str | None = None) -> str:
    """An article's text (headline on its first line) as a whole news page with heavy boilerplate."""
    # A blank line ends a paragraph; a single line break stays one (<br>).
    first, _, rest = text.strip().partition("\n")
    headline = html.escape(first.strip())
    parts = rest.strip().split("\n\n")
    body = ["<br>".join(html.escape(line) for line in part.split("\n")) for part in parts]
    date = f'<meta property="article:published_time" content="{published}">' if published else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{headline} | {outlet}</title>
<meta property="og:site_name" content="{outlet}">{date}
<script>window.dataLayer = [{{"page": "article"}}];</script><style>.nav {{ color: red; }}</style></head>
<body>
<header><a href="/">{outlet}</a>
<nav class="nav"><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/opinion">Opinion</a></li>
</ul></nav></header>
<div id="cookie-consent" class="cookie-banner"><p>We use cookies to personalise content and ads and to
analyse our traffic. By continuing to browse you agree to our use of cookies.</p>
<button>Accept all</button></div>
<main><article><h1>{headline}</h1><div class="byline">By Staff Writer</div>
{"".join(f"<p>{paragraph}</p>" for paragraph in body if paragraph)}
</article>
<aside class="related"><h2>Related articles</h2><ul>
<li><a href="/a">Leaders to meet in Seoul next week for talks on trade</a></li>
<li><a href="/b">President visits flood-hit region, meets survivors</a></li>
<li><a href="/c">Foreign minister calls counterpart over missile launch</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments (2)</h3>
<div class="comment"><p>Reader123: Prime Minister Kishida should have met President Biden in person.</p></div>
<div class="comment"><p>JaneD: Will the president visit Tokyo next month to meet the emperor?</p></div>
</section>
</main>
<footer><p>Copyright 2026 {outlet}. All rights reserved.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></footer>
</body></html>
"""


# Three short stories written for the tests, as a wire service would file them: (text, published).
STORIES = {
    "canberra": (
        "Wong and Lammy agree to deepen AUKUS cooperation\n\n"
        "CANBERRA, Nov. 12 (Harbour) -- Australian Foreign Minister Penny Wong met British Foreign "
        "Secretary David Lammy in Canberra on Tuesday, and the two agreed to speed up work on the AUKUS "
        "submarine program.\n\n"
        "The ministers also discussed the war in Ukraine and stability in the South China Sea, according "
        "to a joint statement released after the talks.\n\n"
        "Lammy will travel on to Wellington on Thursday for talks with his New Zealand counterpart, the "
        "Foreign Office said.",
        dt.date(2024, 11, 12),
    ),
    "manila": (
        "Marcos to host Japanese premier next month\n\n"
        "MANILA, May 2 (Harbour) -- Philippine President Ferdinand Marcos Jr. will host Japanese Prime "
        "Minister Shigeru Ishiba in Manila later this month, the presidential palace said on Friday.\n\n"
        "Officials said the leaders were expected to sign a defense logistics agreement during the "
        "visit.\n\n"
        "The two last spoke by phone in March, when they condemned the harassment of Philippine vessels "
        "near Second Thomas Shoal.",
        dt.date(2025, 5, 2),
    ),
    "seoul": (
        "Cho, Rubio hold phone talks on tariffs\n\n"
        "SEOUL, Feb. 4 (Harbour) -- South Korean Foreign Minister Cho Tae-yul spoke by phone with U.S. "
        "Secretary of State Marco Rubio on Monday and asked for Washington's understanding on tariffs, the "
        "Foreign Ministry said.\n\n"
        "The call lasted about 20 minutes, the ministry said.",
        dt.date(2025, 2, 4),
    ),
}


def warc_record(
    writer: Any,
    url: str,
    body: bytes,
    *,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
) -> None:
    """Write one ``response`` record, as a crawler saves a fetched page, with a ``warcio`` writer."""
    from warcio.statusandheaders import StatusAndHeaders

    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
    )
    writer.write_record(record)
