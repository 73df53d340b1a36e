"""A synthetic news corpus about alliance diplomacy, for benchmarks and demos.

Articles are built from templates around *engagements* between real officials
(the current office holders in ``src/alliancekit/actors/data/officials.json``):
an announcement a few days before (planned), one to three reports from
different outlets after it (occurred), now and then a cancellation, an
invitation or a phone call; and plain news with no engagement at all. Each
article carries a dateline, a lead, quotes and background paragraphs, about
2-4 kB like a wire story. The same seed gives the same corpus.

    python bench/corpus.py --docs 2000 --output corpus.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OFFICIALS = ROOT / "src" / "alliancekit" / "actors" / "data" / "officials.json"

START = dt.date(2025, 11, 3)
END = dt.date(2026, 6, 26)

CAPITALS = {
    "USA": "Washington",
    "JPN": "Tokyo",
    "KOR": "Seoul",
    "AUS": "Canberra",
    "PHL": "Manila",
    "GBR": "London",
    "IND": "New Delhi",
    "TWN": "Taipei",
    "CHN": "Beijing",
}
COUNTRY_NAMES = {
    "USA": "the United States",
    "JPN": "Japan",
    "KOR": "South Korea",
    "AUS": "Australia",
    "PHL": "the Philippines",
    "GBR": "Britain",
    "IND": "India",
    "TWN": "Taiwan",
    "CHN": "China",
}
ADJECTIVES = {
    "USA": "U.S.",
    "JPN": "Japanese",
    "KOR": "South Korean",
    "AUS": "Australian",
    "PHL": "Philippine",
    "GBR": "British",
    "IND": "Indian",
    "TWN": "Taiwanese",
    "CHN": "Chinese",
}
# How a newspaper writes an office (the knowledge base's title, shortened).
NEWS_TITLES = {
    "Minister for Foreign Affairs": "Foreign Minister",
    "Minister of Foreign Affairs": "Foreign Minister",
    "Secretary of Foreign Affairs": "Foreign Secretary",
    "Minister of External Affairs": "External Affairs Minister",
    "Minister of Defense": "Defense Minister",
    "Minister of National Defense": "Defense Minister",
    "Minister for Defence": "Defence Minister",
    "Secretary of National Defense": "Defense Secretary",
    "Minister of Finance": "Finance Minister",
    "Minister of Economy and Finance": "Finance Minister",
    "Secretary of the Treasury": "Treasury Secretary",
}
OUTLETS = {
    "Kyodo": ("JPN", "https://english.kyodonews.net/news/{id}"),
    "NHK World": ("JPN", "https://www3.nhk.or.jp/nhkworld/en/news/{id}/"),
    "The Japan Times": ("JPN", "https://www.japantimes.co.jp/news/{id}/"),
    "Yonhap": ("KOR", "https://en.yna.co.kr/view/{id}"),
    "Reuters": ("USA", "https://www.reuters.com/world/{id}/"),
    "AP": ("USA", "https://apnews.com/article/{id}"),
    "ABC News": ("AUS", "https://www.abc.net.au/news/{id}"),
    "Philippine News Agency": ("PHL", "https://www.pna.gov.ph/articles/{id}"),
}
MINISTRIES = {
    "USA": "the State Department",
    "JPN": "the Foreign Ministry",
    "KOR": "the Foreign Ministry",
    "AUS": "the Department of Foreign Affairs and Trade",
    "PHL": "the Department of Foreign Affairs",
    "GBR": "the Foreign Office",
    "IND": "the Ministry of External Affairs",
    "TWN": "the Foreign Ministry",
    "CHN": "the Foreign Ministry",
}
TOPICS = [
    ("North Korea's nuclear and missile programs", "PRK"),
    ("China's activities in the East and South China Seas", "CHN"),
    ("the war in Ukraine", "UKR"),
    ("the situation in the Middle East", None),
    ("supply chains for semiconductors and critical minerals", None),
    ("tariffs and the bilateral trade balance", None),
    ("shipbuilding and defense industrial cooperation", None),
    ("the security of the Taiwan Strait", "TWN"),
]
BACKGROUND = [
    "The two countries have stepped up security cooperation in recent years amid concern over {topic}.",
    "Officials said the talks would also cover {topic}, an issue that has dominated regional diplomacy.",
    "Analysts said the meeting was aimed at reassuring allies after months of uncertainty over {topic}.",
    "The alliance has faced questions over burden-sharing, with Washington pressing partners to raise "
    "defense spending to 3.5 percent of gross domestic product.",
    "Trade officials from both sides have held several rounds of working-level talks since the spring, "
    "and a framework agreement on investment was signed last year.",
    "Opposition lawmakers have criticized the government for what they called a lack of transparency "
    "about the agenda, and demanded a briefing to parliament after the talks.",
    "The foreign and defense chiefs of the two countries last met in a so-called two-plus-two format "
    "about a year ago, when they agreed to upgrade their command and control frameworks.",
    "Markets reacted calmly to the news, with the benchmark stock index closing slightly higher and "
    "the currency little changed against the dollar.",
    "A joint statement is expected to refer to {topic}, according to a draft seen by reporters.",
    "Diplomats said the schedule could still change, depending on parliamentary business at home.",
    "The government has pledged to double defense-related spending over five years, including funds for "
    "counterstrike capabilities, cyber defense and the upkeep of ammunition stockpiles, a plan that has "
    "drawn support from allies but criticism from neighboring countries.",
    "In a separate development, the coast guard said several vessels had entered the contiguous zone "
    "near remote islands earlier in the week, the latest in a series of incursions that officials "
    "described as a serious concern.",
    "Public opinion remains divided. A poll published by a national newspaper over the weekend found "
    "that 48 percent of respondents supported closer military ties, while 37 percent were opposed and "
    "the rest were undecided.",
    "Economists noted that the two economies are deeply intertwined: bilateral trade exceeded 200 billion "
    "dollars last year, and companies from both sides have announced new factories for batteries, "
    "semiconductors and pharmaceuticals.",
    "The ministry said the officials would also exchange views on regional affairs, including {topic}, "
    "and on coordination ahead of a multilateral summit scheduled for the autumn.",
    "Security experts said the frequency of high-level contacts reflected a shared sense of urgency. "
    "“The strategic environment is the most severe it has been since the end of the Second World War,” "
    "one former official said.",
    "The talks come as both governments prepare budget requests for the next fiscal year, with defense "
    "procurement, host-nation support for stationed troops and joint research programs among the items "
    "under discussion.",
    "Environmental groups staged a small protest near the venue, calling for the relocation of a "
    "military airfield and for stricter controls on noise and water contamination around bases.",
]
QUOTES = [
    "“Our alliance has never been stronger, and we will keep working together for a free and open "
    "Indo-Pacific,” {speaker} told reporters.",
    "“We had a candid and productive exchange of views,” {speaker} said afterwards.",
    "“There is no more important relationship for the security of our region,” {speaker} said "
    "in a statement.",
    "“We agreed that any attempt to change the status quo by force is unacceptable,” {speaker} said.",
]
PLAIN_NEWS = [
    (
        "Stocks close higher as exporters rally",
        "Shares rose for a third straight session on {weekday}, led by exporters, as the currency weakened "
        "against the dollar. The benchmark index gained 1.2 percent, while the broader index added 0.9 "
        "percent. Trading volume was thin ahead of a holiday, and analysts said investors were waiting for "
        "central bank comments on inflation later in the week. Technology shares were the strongest, with "
        "chipmakers up more than 3 percent after upbeat results from an American rival. Bond yields edged "
        "lower, and oil prices were little changed in Asian trade.",
    ),
    (
        "Heavy rain disrupts trains in western region",
        "Torrential rain forced railway operators to suspend services on several lines on {weekday}, "
        "stranding thousands of commuters. The weather agency warned of landslides and flooding in "
        "mountainous areas and urged residents to follow evacuation advice from local authorities. More "
        "than 200 millimeters of rain fell in 24 hours in some places, the heaviest since records began. "
        "Power was cut to about 12,000 homes, the utility said, and crews were working to restore it.",
    ),
    (
        "Local team clinches title in extra innings",
        "The home team clinched the league title on {weekday} with a walk-off single in the 11th inning, "
        "sending a sellout crowd into celebration. The veteran shortstop, who had struggled at the plate "
        "all season, drove in the winning run after two walks loaded the bases. The manager praised the "
        "bullpen, which held the visitors scoreless for six innings. The team will open the playoffs at "
        "home next week against the winner of the wild-card series.",
    ),
    (
        "Central bank keeps rates on hold",
        "The central bank left its policy rate unchanged on {weekday}, as expected, saying it needed more "
        "time to assess the effect of overseas tariffs on the economy. The governor told a news conference "
        "that wage growth was solid and that inflation was likely to stay near the 2 percent target. Most "
        "economists expect the next increase early next year. The currency weakened slightly after the "
        "decision, and government bond yields fell.",
    ),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def load_officials() -> list[dict[str, Any]]:
    """Current office holders of the countries the templates know, with a newsy title."""
    data = json.loads(OFFICIALS.read_text(encoding="utf-8"))
    officials = []
    for actor in data["actors"]:
        if actor.get("kind", "person") != "person" or actor["country"] not in CAPITALS:
            continue
        current = [p for p in actor.get("positions", []) if p.get("end") is None]
        if not current:
            continue
        start = max(dt.date.fromisoformat(p["start"]) for p in current if p.get("start"))
        if start > START:
            continue
        title = current[0]["title"]
        officials.append(
            {
                "name": actor["name"],
                "country": actor["country"],
                "title": NEWS_TITLES.get(title, title),
                "family": actor.get("family_name") or actor["name"].split()[-1],
            }
        )
    return officials


def _day_text(day: dt.date, published: dt.date, rng: random.Random) -> str:
    """How an article dated ``published`` names ``day``: a weekday when close, else a date."""
    distance = (day - published).days
    if -6 <= distance <= 6 and distance != 0 and rng.random() < 0.7:
        if distance > 0 and rng.random() < 0.5:
            return f"this {WEEKDAYS[day.weekday()]}"
        return f"on {WEEKDAYS[day.weekday()]}"
    return f"on {day:%B} {day.day}"


def _dateline(outlet: str, published: dt.date, city: str) -> str:
    return f"{city.upper()}, {published:%B} {published.day} ({outlet}) -"


def _full(official: dict[str, Any]) -> str:
    adjective = ADJECTIVES[official["country"]]
    return f"{adjective} {official['title']} {official['name']}"


def _body(rng: random.Random, topic: str, speaker: str, paragraphs: int) -> list[str]:
    chosen = rng.sample(BACKGROUND, paragraphs * 2)
    body = [text.format(topic=topic) for text in chosen]
    body.insert(rng.randrange(len(body) + 1), rng.choice(QUOTES).format(speaker=speaker))
    return body


def _article(
    number: int, outlet: str, published: dt.date, headline: str, lead: str, body: list[str], city: str
) -> dict[str, Any]:
    text = "\n\n".join([headline, f"{_dateline(outlet, published, city)} {lead}", *body])
    identifier = f"{outlet.lower().replace(' ', '-')}-{published:%Y%m%d}-{number:07d}"
    return {
        "id": identifier,
        "text": text,
        "published": published.isoformat(),
        "outlet": outlet,
        "url": OUTLETS[outlet][1].format(id=identifier),
    }


def generate(count: int, *, seed: int = 7) -> Iterator[dict[str, Any]]:
    """Yield ``count`` articles, engagement stories and plain news mixed."""
    rng = random.Random(seed)
    officials = load_officials()
    americans = [o for o in officials if o["country"] == "USA"]
    others = [o for o in officials if o["country"] != "USA"]
    outlets = list(OUTLETS)
    produced = 0
    days = (END - START).days
    while produced < count:
        if rng.random() < 0.25:
            published = START + dt.timedelta(days=rng.randrange(days))
            headline, text = rng.choice(PLAIN_NEWS)
            yield _article(
                produced,
                rng.choice(outlets),
                published,
                headline,
                text.format(weekday=WEEKDAYS[published.weekday()]),
                [text.format(topic=rng.choice(TOPICS)[0]) for text in rng.sample(BACKGROUND, 6)],
                rng.choice(list(CAPITALS.values())),
            )
            produced += 1
            continue
        for article in _story(rng, americans, others, outlets, produced):
            if produced >= count:
                break
            yield article
            produced += 1


def _story(
    rng: random.Random,
    americans: list[dict[str, Any]],
    others: list[dict[str, Any]],
    outlets: list[str],
    number: int,
) -> Iterator[dict[str, Any]]:
    """The articles about one engagement: an announcement, the reports, maybe a cancellation."""
    guest, host = rng.choice(americans), rng.choice(others)
    if rng.random() < 0.5:
        guest, host = host, guest
    kind = rng.choices(["meeting", "visit", "call", "invitation"], weights=[4, 3, 2, 1])[0]
    day = START + dt.timedelta(days=rng.randrange(7, (END - START).days - 7))
    city = CAPITALS[host["country"]]
    topic, _ = rng.choice(TOPICS)
    ministry = MINISTRIES[host["country"]]

    if kind == "invitation":
        published = day
        lead = (
            f"{_full(host)} invited {_full(guest)} to visit {COUNTRY_NAMES[host['country']]} "
            f"later this year, {ministry} said {_day_text(day - dt.timedelta(days=1), published, rng)}."
        )
        headline = f"{host['family']} invites {guest['family']} to {COUNTRY_NAMES[host['country']]}"
        body = _body(rng, topic, host["family"], rng.randint(3, 5))
        yield _article(number, rng.choice(outlets), published, headline, lead, body, city)
        return
    if kind == "call":
        for offset, outlet in enumerate(rng.sample(outlets, rng.randint(1, 3))):
            published = day + dt.timedelta(days=min(offset, 1))
            lead = (
                f"{_full(guest)} spoke by phone with {_full(host)} {_day_text(day, published, rng)}, "
                f"and the two discussed {topic}, {ministry} said."
            )
            headline = f"{guest['family']}, {host['family']} hold phone talks"
            body = _body(rng, topic, guest["family"], rng.randint(3, 5))
            yield _article(number + offset, outlet, published, headline, lead, body, city)
        return

    announced = day - dt.timedelta(days=rng.randint(2, 5))
    verb = "will visit" if kind == "visit" else "will meet"
    target = city if kind == "visit" else f"{_full(host)} in {city}"
    lead = (
        f"{_full(guest)} {verb} {target} {_day_text(day, announced, rng)}"
        + (f" for talks with {_full(host)}" if kind == "visit" else "")
        + f", {ministry} said."
    )
    headline = f"{guest['family']} to {'visit ' + city if kind == 'visit' else 'meet ' + host['family']}"
    body = _body(rng, topic, host["family"], rng.randint(3, 5))
    yield _article(number, rng.choice(outlets), announced, headline, lead, body, city)
    if rng.random() < 0.1:
        cancelled = announced + dt.timedelta(days=1)
        lead = (
            f"{_full(guest)} has cancelled a planned trip to {city} {_day_text(day, cancelled, rng)} "
            f"to meet {_full(host)}, citing pressing matters at home, {ministry} said."
        )
        headline = f"{guest['family']} calls off {city} trip"
        body = _body(rng, topic, host["family"], rng.randint(2, 4))
        yield _article(number + 1, rng.choice(outlets), cancelled, headline, lead, body, city)
        return
    for offset, outlet in enumerate(rng.sample(outlets, rng.randint(1, 3)), start=1):
        published = day + dt.timedelta(days=min(offset - 1, 1))
        if kind == "visit":
            lead = (
                f"{_full(guest)} visited {city} {_day_text(day, published, rng)} and held talks with "
                f"{_full(host)} on {topic}."
            )
        else:
            lead = (
                f"{_full(guest)} met {_full(host)} in {city} {_day_text(day, published, rng)}, "
                f"and the two agreed to deepen cooperation on {topic}."
            )
        headline = f"{guest['family']} and {host['family']} pledge closer ties"
        body = _body(rng, topic, guest["family"], rng.randint(3, 6))
        yield _article(number + offset, outlet, published, headline, lead, body, city)


def write_corpus(path: Path, count: int, *, seed: int = 7) -> int:
    """Write ``count`` articles as JSON lines; returns the number of bytes of text."""
    size = 0
    with path.open("w", encoding="utf-8") as stream:
        for article in generate(count, seed=seed):
            size += len(article["text"].encode("utf-8"))
            stream.write(json.dumps(article, ensure_ascii=False) + "\n")
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", type=Path, default=Path("corpus.jsonl"))
    args = parser.parse_args()
    size = write_corpus(args.output, args.docs, seed=args.seed)
    print(f"{args.docs} articles, {size / 1e6:.2f} MB of text, in {args.output}")


if __name__ == "__main__":
    main()
