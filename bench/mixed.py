"""A mixed news stream, as a crawl of general news gives it: one engagement story in twenty.

The engagement stories are those of ``bench/corpus.py``; the other nineteen
in twenty are business, sport, weather and crime stories written from the
templates below, with the everyday words of such news: board meetings, wage
talks, a team's visit, a call to the police, a company president, a head
coach, a minister commenting on prices. Each is padded with background
paragraphs of its kind to the length of a wire story, as long as the
engagement stories: in a crawl the other news is no shorter, and a stream of
short blurbs would flatter every reader that works per character, spaCy's
NER above all. The same seed gives the same stream.

    python bench/mixed.py --docs 2000 --output mixed.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from corpus import END, PLAIN_NEWS, START, WEEKDAYS, generate

ENGAGEMENT_SHARE = 20
"""One document in this many is an engagement story."""

COMPANIES = [
    ("Harbor Freight Lines", "shipping"),
    ("Northwind Motors", "carmaker"),
    ("Kestrel Semiconductor", "chipmaker"),
    ("Bluewater Foods", "food group"),
    ("Orion Retail", "retailer"),
    ("Silverline Bank", "lender"),
    ("Tamarack Energy", "utility"),
    ("Vantage Airlines", "airline"),
]
EXECUTIVES = [
    "Laura Benning",
    "Kenji Arakawa",
    "Marta Oliveira",
    "David Hoffmann",
    "Priya Raman",
    "Tom Ellery",
]
CITIES = [
    "Osaka",
    "Melbourne",
    "Busan",
    "Auckland",
    "Manchester",
    "Denver",
    "Lyon",
    "Cebu",
    "Perth",
    "Sapporo",
]
TEAMS = [
    "the Harbour City Mariners",
    "the Eastside Falcons",
    "Riverside United",
    "the Northern Stags",
    "Kingsport Rovers",
    "the Valley Comets",
]
ATHLETES = ["Jordan Pike", "Ayumi Sato", "Lucas Moreau", "Min-jun Park", "Grace Holloway", "Sione Tuilagi"]
COUNTRIES = ["Japan", "Australia", "South Korea", "New Zealand", "France", "Brazil", "the United States"]
DETECTIVES = ["Inspector Helen Carter", "Detective Sergeant Raj Patel", "Detective Maria Lopez"]

BUSINESS = [
    (
        "{company} profit beats forecasts as demand holds up",
        [
            "{company}, the {kind}, reported a 14 percent rise in quarterly operating profit on {weekday}, "
            "beating analysts' forecasts as demand held up despite higher interest rates.",
            "Chief Executive {executive} told a news conference that the company had met its cost-cutting "
            "targets a quarter early and would raise its dividend. “We called this recovery early, and the "
            "numbers bear it out,” {executive} said.",
            "Shares of {company} rose 6 percent in afternoon trading in {city}. The board will meet next "
            "month to consider a share buyback of up to 50 billion yen, a company spokesman said.",
            "Analysts said the results were helped by a weaker currency, which lifts the value of overseas "
            "sales, and by lower shipping costs. Some warned that tariffs announced by {country} could weigh "
            "on exports in the second half.",
        ],
    ),
    (
        "Unions and {company} resume wage talks",
        [
            "Union leaders and management at {company} resumed wage talks on {weekday} after a two-week "
            "break, with workers seeking a 6 percent raise to keep pace with inflation.",
            "The union's president, {executive}, said members had voted to authorize a strike if no deal "
            "was reached by the end of the month. Management has offered 3.5 percent.",
            "The company said it remained committed to a fair agreement. Talks are scheduled to continue "
            "next week at the company's headquarters in {city}.",
            "Economists said the outcome would be closely watched by other employers in the sector, where "
            "wage settlements have lagged behind consumer prices for three years.",
        ],
    ),
    (
        "Central bank governor signals patience on rates",
        [
            "The central bank governor said on {weekday} that policymakers could afford to wait before "
            "raising interest rates again, as inflation had eased for a third straight month.",
            "Speaking at a meeting of business leaders in {city}, the governor said wage growth remained "
            "solid but that the effect of overseas tariffs on exports was still unclear.",
            "The finance minister told reporters separately that the government would keep a close eye on "
            "food and energy prices and stood ready to extend subsidies for households.",
            "The currency weakened slightly after the remarks, and government bond yields fell. Most "
            "economists expect the next increase early next year.",
        ],
    ),
    (
        "{company} to build new plant in {city}",
        [
            "{company} will build a new factory in {city}, creating about 1,200 jobs, the {kind} said on "
            "{weekday}. Construction is expected to begin in the spring and take two years.",
            "The company's president, {executive}, visited the site with local officials and said the "
            "region's skilled workforce and port access had made it the first choice.",
            "The mayor welcomed the investment, calling it the largest in the city's history. The regional "
            "government will provide tax breaks worth about 8 billion yen over ten years.",
            "Investors have pushed the company to expand capacity as orders from {country} have grown. "
            "Shares closed 2 percent higher.",
        ],
    ),
    (
        "{company} agrees to buy rival in $2 billion deal",
        [
            "{company} has agreed to buy a smaller rival for about $2 billion in cash, the {kind} said late "
            "on {weekday}, in a deal that would make it the second-largest player in its home market.",
            "Chief Financial Officer {executive} told analysts on a conference call that the deal would add "
            "to earnings within a year. Regulators in {country} must still approve it.",
            "The two companies' boards approved the merger at meetings held earlier in the week. The "
            "purchase will be funded from cash reserves and new loans from a group of banks.",
            "The rival's founder, who holds a 30 percent stake, said he would stay on as an adviser.",
        ],
    ),
]

SPORT = [
    (
        "{team} edge rivals to stay top",
        [
            "{team} beat their closest rivals 2-1 on {weekday} to stay top of the league with five games "
            "left, thanks to a late goal from {athlete}.",
            "The visitors had led at half-time, but {athlete} levelled with a header from a corner and then "
            "struck again in stoppage time to send the home crowd in {city} into raptures.",
            "“We met a very good side today and we had to dig deep,” the head coach told reporters. “The "
            "players never stopped believing.”",
            "{team} visit the bottom club next weekend, while their rivals host the champions.",
        ],
    ),
    (
        "{athlete} wins first major title",
        [
            "{athlete} won a first major title on {weekday}, beating the world number two in straight sets "
            "in the final in {city}.",
            "The 23-year-old, who represents {country}, dropped just one set all tournament. {athlete} said "
            "the win was for a grandmother who had called before the match to wish good luck.",
            "The tournament director said attendance had set a record, with more than 400,000 visitors over "
            "the fortnight.",
            "{athlete} will travel to Europe next month for the clay-court season.",
        ],
    ),
    (
        "{country} name squad for qualifiers",
        [
            "{country} named a 26-player squad on {weekday} for next month's World Cup qualifiers, recalling "
            "{athlete} after a year out with a knee injury.",
            "The head coach said the team would meet for a training camp in {city} before flying out for "
            "the away match. “Everyone here has earned their place,” the coach said.",
            "The national federation's president praised the squad's depth and said talks on a new contract "
            "for the coaching staff would wait until after the qualifiers.",
            "Tickets for the home game sold out within an hour.",
        ],
    ),
    (
        "Marathon draws record field",
        [
            "A record 38,000 runners took part in the {city} marathon on {weekday}, with {athlete} winning "
            "the women's race in a course-record time.",
            "Organizers said the warm weather had led to more calls for medical help than usual, and "
            "volunteers handed out extra water at every station.",
            "The race director said the event would bring about 12 billion yen to the local economy, as "
            "visitors filled hotels and restaurants across the city.",
            "The men's race was won by a runner from {country} in a sprint finish.",
        ],
    ),
    (
        "{team} appoint new manager",
        [
            "{team} appointed a new manager on {weekday}, three weeks after sacking his predecessor with the "
            "club in the relegation zone.",
            "The club's chairman said the board had met several candidates and chosen the former assistant "
            "coach of the national team of {country} for his record with young players.",
            "The new manager will meet the squad for the first time on Monday and take charge of the home "
            "game against {city} on Saturday.",
            "Supporters' groups welcomed the appointment but called for more investment in the squad.",
        ],
    ),
]

WEATHER = [
    (
        "Typhoon forces evacuations in the south",
        [
            "A powerful typhoon brought torrential rain and winds of up to 180 km/h to the south on "
            "{weekday}, forcing the evacuation of about 40,000 residents.",
            "The weather agency warned of landslides and flooding and urged people in low-lying areas of "
            "{city} to head for higher ground. Train services were suspended and hundreds of flights were "
            "cancelled.",
            "Emergency crews answered more than 600 calls overnight. The regional governor said troops had "
            "been asked to help clear roads blocked by fallen trees.",
            "The storm is expected to weaken as it moves north over the sea on Thursday.",
        ],
    ),
    (
        "Heatwave sets temperature records",
        [
            "Temperatures rose above 39 degrees Celsius in {city} on {weekday}, the highest ever recorded "
            "there, as a heatwave gripped much of the country for a second week.",
            "Health officials urged people to stay indoors during the afternoon and to check on elderly "
            "neighbors. Hospitals reported a rise in cases of heatstroke.",
            "The power grid operator asked households and businesses to save electricity in the evening, "
            "when demand peaks.",
            "Forecasters said relief could come at the weekend, when a cold front is expected to bring "
            "thunderstorms.",
        ],
    ),
    (
        "Heavy snow strands drivers on highway",
        [
            "Heavy snow stranded hundreds of vehicles on a highway near {city} overnight into {weekday}, "
            "with some drivers trapped for more than 12 hours.",
            "Soldiers were called in to hand out food, water and blankets, and snowplows worked through the "
            "night to clear a path. No injuries were reported.",
            "The transport ministry said it would review how the road operator handled the closure, after "
            "drivers complained that warnings came too late.",
            "More snow is forecast for the mountains this week.",
        ],
    ),
    (
        "Drought tightens water restrictions",
        [
            "Authorities in {city} tightened water restrictions on {weekday} after the driest winter in "
            "decades left reservoirs at less than a third of capacity.",
            "Residents have been told to limit showers and not to water gardens, and farmers face cuts to "
            "irrigation. The water utility's chief executive said the measures could last into the summer.",
            "Meteorologists said a weak La Nina pattern was partly to blame, and warned that wildfire risk "
            "would rise as vegetation dried out.",
        ],
    ),
]

CRIME = [
    (
        "Police arrest suspect in jewelry store robbery",
        [
            "Police in {city} arrested a 34-year-old man on {weekday} in connection with the armed robbery "
            "of a jewelry store last week, in which watches worth about $400,000 were stolen.",
            "{detective} said officers had traced the suspect through security camera footage and a phone "
            "call he made shortly after the robbery. Two other men are being sought.",
            "The store's owner said staff had called police within minutes and that no one was hurt.",
            "The suspect is due to appear in court on Monday.",
        ],
    ),
    (
        "Fraud ring targeted elderly victims, court told",
        [
            "A fraud ring posing as bank staff cheated elderly people out of more than 3 million dollars, "
            "a court in {city} heard on {weekday}.",
            "Prosecutors said the gang called victims pretending to be from their bank's security team and "
            "persuaded them to transfer savings into accounts the gang controlled.",
            "One victim, an 81-year-old widow, lost her entire pension. She told the court she had met one "
            "of the defendants at her door, believing he was a courier sent by the bank.",
            "The trial is expected to last six weeks.",
        ],
    ),
    (
        "Mayor orders review after police shooting",
        [
            "The mayor of {city} ordered an independent review on {weekday} after police shot and wounded a "
            "man who had threatened passers-by with a knife.",
            "The police chief said officers had tried to calm the man for several minutes before firing. "
            "The man was taken to hospital and is in a stable condition.",
            "Community leaders met the mayor and called for body cameras to be worn by all officers. A "
            "vigil was held outside city hall in the evening.",
        ],
    ),
    (
        "Customs seize record haul of drugs at port",
        [
            "Customs officers at the port of {city} seized 1.2 tonnes of cocaine hidden in a shipment of "
            "bananas, the largest haul in the country's history, officials said on {weekday}.",
            "The interior minister said the seizure followed months of work with police in {country}. "
            "Three men were arrested, and investigators are examining the company that ordered the "
            "shipment.",
            "The drugs had a street value of about 300 million dollars, {detective} told reporters.",
        ],
    ),
    (
        "Teenagers held after break-in at school",
        [
            "Three teenagers were detained on {weekday} after a break-in at a high school in {city} in which "
            "computers and musical instruments were stolen.",
            "A neighbor called police after hearing glass break at about 2 a.m. Officers found two of the "
            "boys hiding near the sports hall and the third at his home.",
            "The school's head teacher said lessons would go ahead as normal and thanked the community for "
            "its support.",
        ],
    ),
]

CATEGORIES = {"business": BUSINESS, "sport": SPORT, "weather": WEATHER, "crime": CRIME}

# Background paragraphs of each kind of story, drawn after a story's own paragraphs until it is as long
# as a wire story: the other news of a crawl is no shorter than its engagement stories.
BACKGROUND = {
    "business": [
        "The benchmark stock index ended the day 0.8 percent higher, led by exporters and banks. Trading "
        "volume was thin ahead of a string of earnings reports due later in the week.",
        "{company} employs about 18,000 people, most of them in its home market, and has been cutting "
        "costs since a difficult year in which raw material prices doubled. It closed two older plants "
        "and moved part of its back office to {city}.",
        "Consumer spending has held up better than many economists expected, helped by wage increases "
        "and a tight labor market. Retail sales rose for a fourth month in a row, government data showed "
        "last week.",
        "The company's largest shareholder, a pension fund, has pressed the board to return more cash to "
        "investors and to sell businesses that earn less than their cost of capital. The fund declined to "
        "comment on the latest figures.",
        "Credit rating agencies have kept a stable outlook on {company}, noting its low debt and steady "
        "cash flow. A downgrade would raise its borrowing costs at a time when it plans heavy spending on "
        "new equipment.",
        "Industry groups have asked lawmakers to speed up permits for new factories and power lines, "
        "saying delays of several years hold back investment. A committee is due to report on the "
        "question before the end of the year.",
        "The {kind} sector has had a mixed year. Rivals in {country} have gained market share with "
        "cheaper products, while higher shipping insurance costs have squeezed margins on long routes.",
        "In a note to clients, analysts at a local brokerage kept their buy rating on the stock but "
        "trimmed their price target, citing the risk of weaker demand in the final quarter.",
        "Earlier this year {company} named {executive} to lead a review of its pricing, after customers "
        "complained about repeated increases. The review's findings are expected to be published in the "
        "autumn.",
    ],
    "sport": [
        "The league has drawn record crowds this season, with average attendance up 9 percent on last "
        "year. Broadcasters have also reported higher audiences for midweek games.",
        "{athlete} joined from a club in {country} two seasons ago and has since become a fixture in the "
        "starting lineup, scoring or setting up a goal in more than half of the games played.",
        "Injuries have hit the squad hard in recent weeks. Two defenders are out until the new year, and "
        "the first-choice goalkeeper is recovering from a hand injury sustained in training.",
        "The stadium in {city} is due to be renovated over the summer, with new seating, a larger roof "
        "and better access for wheelchair users. The work is expected to cost about 9 billion yen.",
        "Former players have praised the club's academy, which has produced four members of the current "
        "first team. The club plans to open a second training center for younger players next year.",
        "Ticket prices have been a point of friction with supporters, who staged a protest before a home "
        "game last month. The club froze prices for season tickets after the protest.",
        "The sport's governing body is reviewing its calendar after complaints from players about the "
        "number of games, and is expected to announce changes to the schedule before the next season.",
        "Statistics compiled by the league show that {team} have won more points from losing positions "
        "than any other side this season, a sign of the squad's fitness in the final minutes.",
    ],
    "weather": [
        "The weather agency said the season had been unusual, with temperatures above the long-term "
        "average in most regions and rainfall far below normal in the west.",
        "Scientists say warming seas are making extreme weather more frequent in the region. Records kept "
        "since the late 19th century show a clear rise in the number of very hot days.",
        "Farmers in the area around {city} said the conditions had already damaged rice and vegetable "
        "crops. Prices of cabbage and lettuce at wholesale markets rose sharply last week.",
        "Local authorities opened shelters in schools and community centers and said they had stocked "
        "them with food, water and blankets for several days.",
        "Insurers said it was too early to estimate the cost of the damage, but that claims from homes "
        "and vehicles were likely to be higher than after a similar event two years ago.",
        "Airlines and rail operators said they would waive fees for passengers who changed their travel "
        "plans, and advised travelers to check the status of their journeys before setting out.",
        "The national government has set aside funds for flood defenses and early warning systems, but "
        "critics say projects in smaller towns have been slow to get under way.",
        "Power companies said supply had been restored to most homes by the evening, although about "
        "3,000 households in hilly areas were still without electricity.",
    ],
    "crime": [
        "Police figures released last month showed that reported thefts in {city} rose 7 percent last "
        "year, while violent crime fell slightly. Officials said more people were reporting crimes "
        "online.",
        "The case has drawn wide attention on social media, where residents have shared photos and "
        "videos. Police asked people not to spread unverified claims about the suspects.",
        "Defense lawyers said their clients would plead not guilty and accused investigators of relying "
        "on weak evidence. A judge will decide next month whether the case goes to trial.",
        "The police force has struggled to recruit officers in recent years, and its chief has warned "
        "that response times will suffer without more funding from the regional government.",
        "Neighbors described the area as quiet and said they had not seen anything unusual in the days "
        "before the incident. Several said they would now install cameras at their homes.",
        "Under the country's laws, the suspects can be held for up to 23 days before prosecutors decide "
        "whether to indict them. Rights groups have long criticized the length of that period.",
        "{detective} urged anyone with information to come forward, and said a reward had been offered "
        "for details leading to further arrests.",
        "A similar case in another city last year led to the conviction of five people, who received "
        "prison terms of between two and nine years.",
    ],
}
SHORTEST, LONGEST = 1200, 2500
"""A story's own paragraphs, then background ones until it reaches a length drawn from this range
(characters; the engagement stories of ``bench/corpus.py`` are 1,200-2,600)."""


def _other_story(number: int, rng: random.Random) -> dict[str, Any]:
    category = rng.choice(sorted(CATEGORIES))
    headline, paragraphs = rng.choice(CATEGORIES[category])
    company, kind = rng.choice(COMPANIES)
    published = START + dt.timedelta(days=rng.randrange((END - START).days))
    slots = {
        "company": company,
        "kind": kind,
        "executive": rng.choice(EXECUTIVES),
        "city": rng.choice(CITIES),
        "team": rng.choice(TEAMS),
        "athlete": rng.choice(ATHLETES),
        "country": rng.choice(COUNTRIES),
        "detective": rng.choice(DETECTIVES),
        "weekday": WEEKDAYS[(published - dt.timedelta(days=1)).weekday()],
    }
    title = headline.format(**slots)
    body = [p.format(**slots) for p in paragraphs]
    length = rng.randrange(SHORTEST, LONGEST)
    for extra in rng.sample(BACKGROUND[category], len(BACKGROUND[category])):
        if len(title) + sum(len(p) + 2 for p in body) >= length:
            break
        body.insert(rng.randrange(2, len(body) + 1), extra.format(**slots))  # after the lead and the next
    text = "\n\n".join([title[0].upper() + title[1:], *body])
    identifier = f"{category}-{published:%Y%m%d}-{number:07d}"
    return {
        "id": identifier,
        "text": text,
        "published": published.isoformat(),
        "outlet": "Harbour Wire",
        "url": f"https://news.example.com/{category}/{identifier}",
        "category": category,
    }


def generate_mixed(count: int, *, seed: int = 11) -> Iterator[dict[str, Any]]:
    """Yield ``count`` articles: one engagement story in :data:`ENGAGEMENT_SHARE`, the rest other news."""
    rng = random.Random(seed)
    stories = (article for article in generate(count, seed=seed) if not _plain(article))
    for number in range(count):
        if number % ENGAGEMENT_SHARE == ENGAGEMENT_SHARE // 2:
            yield dict(next(stories), category="engagement")
        else:
            yield _other_story(number, rng)


def _plain(article: dict[str, Any]) -> bool:
    """Whether a story of ``bench/corpus.py`` is one of its few plain (non-engagement) stories."""
    return article["text"].split("\n\n", 1)[0] in {headline for headline, _ in PLAIN_NEWS}


def write_mixed(path: Path, count: int, *, seed: int = 11) -> int:
    """Write the mixed stream as JSON lines; returns the number of bytes of text."""
    size = 0
    with path.open("w", encoding="utf-8") as stream:
        for article in generate_mixed(count, seed=seed):
            size += len(article["text"].encode("utf-8"))
            stream.write(json.dumps(article, ensure_ascii=False) + "\n")
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--output", type=Path, default=Path("mixed.jsonl"))
    args = parser.parse_args()
    size = write_mixed(args.output, args.docs, seed=args.seed)
    print(f"{args.docs} articles, {size / 1e6:.2f} MB of text, in {args.output}")


if __name__ == "__main__":
    main()
