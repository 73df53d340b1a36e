"""A synthetic web crawl: the articles of ``bench/corpus.py`` as news pages in a WARC file.

Each article becomes the page a news site would serve (navigation, a cookie
banner, related stories, comments, a footer around the story) in one
``response`` record; one record in ten is a PDF, which the reader skips.
Needs warcio (``alliancekit[web]``).

    python bench/crawl.py --docs 200 --output crawl.warc.gz
"""

from __future__ import annotations

import argparse
import html
import io
import random
from pathlib import Path

from corpus import generate

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | {outlet}</title>
<meta property="og:site_name" content="{outlet}"><meta property="og:type" content="article">
<meta property="article:published_time" content="{published}T07:00:00+00:00">
<script>window.analytics = {{"section": "world"}};</script></head><body>
<header><a href="/">{outlet}</a><nav><ul><li><a href="/world">World</a></li><li><a href="/asia">Asia</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="consent"><p>We and our partners use cookies to store and access information on your device.</p>
<button>Accept</button></div>
<main><article><h1>{title}</h1><p class="byline">By Staff Reporter</p>{paragraphs}</article>
<aside><h2>Most read</h2><ol><li><a href="/1">Markets slip as investors await rate decision</a></li>
<li><a href="/2">Minister to visit flood-hit towns</a></li>
<li><a href="/3">League leaders held to a draw</a></li></ol>
</aside><section class="comments"><h3>Comments</h3><p>reader: The talks should have been held in public.</p>
</section></main><footer>Copyright 2026 {outlet}. Terms. Privacy.</footer></body></html>"""


def news_page(article: dict[str, str]) -> str:
    """An article of ``bench/corpus.py`` as a whole news page."""
    title, *body = article["text"].split("\n\n")
    return PAGE.format(
        title=html.escape(title),
        outlet=html.escape(article["outlet"]),
        published=article["published"],
        paragraphs="".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in body),
    )


def write_crawl(path: Path, count: int, *, seed: int = 7) -> int:
    """Write ``count`` article pages (and a PDF every tenth record) as a gzipped WARC; returns its size."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for number, article in enumerate(generate(count, seed=seed)):
            if number % 10 == 9:
                body = b"%PDF-1.7\n" + rng.randbytes(2000)
                content_type = "application/pdf"
                url = f"{article['url']}.pdf"
            else:
                body = news_page(article).encode("utf-8")
                content_type = "text/html; charset=utf-8"
                url = article["url"]
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
            writer.write_record(record)
    return path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", type=Path, default=Path("crawl.warc.gz"))
    args = parser.parse_args()
    size = write_crawl(args.output, args.docs, seed=args.seed)
    print(f"{args.docs} records, {size / 1e6:.2f} MB, in {args.output}")


if __name__ == "__main__":
    main()
