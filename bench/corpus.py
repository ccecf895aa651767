"""Synthetic wire-style news stories for the benchmarks, and an optional reader for real JSON lines.

Every story is composed from the word lists below (written for the benchmarks; no real copy):
a headline, sometimes a standfirst, a dateline in one of several agency styles, body paragraphs
with direct, mixed and indirect quotes, and sometimes a subheading. The composer records where
each name and quote it planted lies, so the scale benchmark can load consistent rows without NLP.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

FIRST_NAMES = (
    "Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hamid", "Ingrid", "Jonas", "Keiko",
    "Lars", "Marta", "Nikolai", "Olga", "Pavel", "Rosa", "Samir", "Tomas", "Ursula", "Viktor", "Wanda",
    "Yusuf", "Zofia", "Adele", "Bruno", "Celine", "Diego", "Esther", "Felix", "Hana", "Ivan", "Julia",
    "Kofi", "Leila", "Mateo", "Nadia", "Oscar", "Priya", "Rafael",
)  # fmt: skip
SURNAMES = (
    "Albescu", "Brandt", "Castellano", "Dumont", "Ekwueme", "Falkner", "Gorsky", "Halvorsen", "Ibarra",
    "Jansson", "Kowalczyk", "Lindqvist", "Moravec", "Nakamura", "Okonjo", "Petrenko", "Quiroga", "Rasmussen",
    "Sandoval", "Takahashi", "Urquhart", "Vasquez", "Whitlock", "Yilmaz", "Zelenko", "Abernathy", "Bergstrom",
    "Cardoso", "Delacroix", "Esposito", "Ferreira", "Grigoryan", "Hollis", "Iversen", "Jovanovic", "Karimov",
    "Lombardi", "Mendes", "Novak", "Ortega", "Pellegrini", "Rostova", "Sorensen", "Tavares", "Valdivia",
    "Weatherby", "Xenakis", "Yamada", "Zamora", "Achterberg", "Blackwood", "Chernov", "Dunmore", "Engstrom",
    "Fontaine", "Gallardo", "Hartmann", "Ivanova", "Jaramillo", "Kessler",
)  # fmt: skip
ROLES = (
    "Foreign Minister", "Finance Minister", "Interior Minister", "Health Minister", "Prime Minister",
    "Transport Minister", "Defence Minister", "Energy Minister", "central bank governor", "mayor",
    "opposition leader", "union leader", "senator", "government spokeswoman", "government spokesman",
    "chief negotiator", "police chief", "trade commissioner",
)  # fmt: skip
ORGS = (
    "the Ministry of Transport", "the Central Bank", "the World Health Organization", "the European Commission",
    "the Harbour Workers Union", "Northgate Energy", "Meridian Shipping", "the National Electoral Council",
    "the Red Cross", "the United Nations", "the Supreme Court", "the Finance Ministry", "Atlas Rail",
    "the Port Authority", "the Chamber of Commerce", "the Civil Aviation Authority", "Solvent Mining Group",
    "the Coast Guard", "the Football Federation", "the Parliament",
)  # fmt: skip
PLACES = (
    ("Oslo", "Norway"), ("Lima", "Peru"), ("Nairobi", "Kenya"), ("Hanoi", "Vietnam"), ("Warsaw", "Poland"),
    ("Ankara", "Turkey"), ("Manila", "Philippines"), ("Bogota", "Colombia"), ("Vienna", "Austria"),
    ("Accra", "Ghana"), ("Tbilisi", "Georgia"), ("Santiago", "Chile"), ("Helsinki", "Finland"),
    ("Dhaka", "Bangladesh"), ("Rabat", "Morocco"), ("Lisbon", "Portugal"), ("Canberra", "Australia"),
    ("Ottawa", "Canada"), ("Seoul", "South Korea"), ("Cairo", "Egypt"), ("Bishkek", "Kyrgyzstan"),
    ("Montevideo", "Uruguay"), ("Riga", "Latvia"), ("Kampala", "Uganda"),
)  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip

# Topics: a headline, a lead, background facts, and what people say. Slots in braces are filled
# with names the composer records: {person} {person2} {org} {place} {country} {n} {day}.
TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "port strike": {
        "headline": ("Dock workers in {place} extend strike as talks with {org} stall",),
        "lead": (
            "Dock workers in {place} extended their strike for a {nth} day on {day}, leaving {n} container "
            "ships waiting offshore after talks with {org} broke down overnight.",
        ),
        "fact": (
            "The port handles about {n} percent of {country}'s container traffic, according to {org}.",
            "Exporters said the delays had already cost them more than {n} million dollars.",
            "Union members voted by a wide margin last month to reject a pay offer of {n} percent.",
            "Trucks queued for several kilometres outside the main gate on {day} morning.",
        ),
        "say": (
            "We will stay out until the company puts a serious offer on the table",
            "Nobody wants to see the port closed, but our members have run out of patience",
            "The offer we made is fair and it remains open",
            "Every day of this dispute hurts farmers and small exporters the most",
        ),
        "claim": (
            "the dispute could spread to other ports within a week",
            "the government would not intervene while talks were under way",
            "the union had been offered the same terms twice",
        ),
    },
    "budget": {
        "headline": ("{country} unveils budget with deep cuts to fuel subsidies", "{role} defends spending plan"),
        "lead": (
            "The government of {country} presented a budget on {day} that cuts fuel subsidies by {n} percent "
            "and raises spending on schools and hospitals, a plan {org} said would narrow the deficit.",
        ),
        "fact": (
            "The deficit reached {n} percent of economic output last year, the highest in a decade.",
            "Parliament is expected to vote on the plan before the end of the month.",
            "Inflation slowed to {n} percent in the year to {month}, figures from {org} showed.",
            "Bond yields fell slightly after the announcement in {place}.",
        ),
        "say": (
            "This is a budget for working families, not for the privileged few",
            "The numbers simply do not add up, and people will pay for it at the pump",
            "We had to make choices that nobody enjoys making",
            "Investors want to see that the reforms will last beyond one year",
        ),
        "claim": (
            "the subsidy cuts would be phased in over two years",
            "the plan relied on growth forecasts that were too optimistic",
            "pensions would rise in line with prices",
        ),
    },
    "floods": {
        "headline": ("Floods force thousands from homes in {place}", "Rescue teams reach cut-off villages"),
        "lead": (
            "Heavy rain flooded large parts of {place} on {day}, forcing about {n} thousand people from their "
            "homes and cutting power to several districts, {org} said.",
        ),
        "fact": (
            "At least {n} people were reported missing after a bridge collapsed near the river.",
            "Forecasters expect more rain over the weekend.",
            "Schools in the region will stay closed until {day}, local officials said.",
            "{org} sent boats and helicopters to reach villages cut off by the water.",
        ),
        "say": (
            "The water rose so fast that people had no time to take anything with them",
            "Our teams are working around the clock and we will not stop until everyone is safe",
            "We warned for years that the embankments needed repair",
            "This is the worst flooding we have seen in a generation",
        ),
        "claim": (
            "emergency funds had been released to the worst-hit areas",
            "the death toll was likely to rise",
            "the river had burst its banks in at least three places",
        ),
    },
    "trade talks": {
        "headline": ("{country} and trading partners resume talks on tariffs", "Trade deal within reach, says {role}"),
        "lead": (
            "Negotiators from {country} and its neighbours resumed talks in {place} on {day} aimed at lowering "
            "tariffs on steel and farm goods, with {org} urging both sides to reach a deal by {month}.",
        ),
        "fact": (
            "Trade between the two sides was worth about {n} billion dollars last year.",
            "The previous round of talks ended without agreement in {month}.",
            "Farm groups have staged protests against any cut in import duties.",
            "{org} estimates that a deal could add {n} percent to regional growth.",
        ),
        "say": (
            "We are closer than we have ever been, but the last steps are always the hardest",
            "Our farmers cannot compete if the market is opened overnight",
            "A good agreement is better than a fast one",
            "There will be no deal that does not protect our industry",
        ),
        "claim": (
            "a deal could be signed within weeks",
            "the talks had stalled over rules on car parts",
            "both sides had agreed to keep the texts confidential",
        ),
    },
    "election": {
        "headline": ("Polls open in {country} in tight presidential race", "{role} concedes defeat in {place}"),
        "lead": (
            "Voters in {country} went to the polls on {day} in a presidential election that surveys showed was "
            "too close to call, with {org} reporting turnout of {n} percent by midday.",
        ),
        "fact": (
            "Some {n} million people are registered to vote.",
            "Results are expected late on {day}, {org} said.",
            "Observers from {org} reported long queues at polling stations in {place}.",
            "A run-off will be held in {month} if no candidate wins more than half of the vote.",
        ),
        "say": (
            "Whatever the result, we will respect the will of the people",
            "We saw irregularities in several districts and we will file complaints",
            "Turnout is higher than in any election in the past twenty years",
            "I voted for change, because nothing has changed for us",
        ),
        "claim": (
            "the count would be completed within two days",
            "the opposition had been denied access to state television",
            "the vote had been largely peaceful",
        ),
    },
}
# Background sentences any story may carry.
GENERIC = (
    "The announcement came a day after {person}, {the_role}, met officials from {org} in {place}.",
    "Officials in {place} declined to comment on the figures.",
    "Analysts at {org} said the outlook for the rest of the year remained uncertain.",
    "{person} is due to travel to {place} next {day} for further meetings.",
    "Local media reported that {n} people had gathered outside the offices of {org}.",
    "The issue has dominated political debate in {country} for months.",
    "A statement from {org} is expected later on {day}.",
    "Critics point out that similar promises were made in {month} last year.",
    "The figures could not be independently verified.",
    "Neighbouring countries are watching the situation closely.",
)
SUBHEADINGS = ("Reaction", "What happens next", "Background", "Costs mount", "Warnings ignored")

# Dateline styles of the agencies the structure parser knows; {PLACE} is upper case.
DATELINES = (
    ("TASS", "{PLACE}, {month} {d}. /TASS/. "),
    ("Reuters", "{PLACE} (Reuters) - "),
    ("AP", "{PLACE} (AP) — "),
    ("AFP", "{PLACE}, {month} {d} (AFP) - "),
    ("Xinhua", "{PLACE}, {month} {d} (Xinhua) -- "),
    ("dpa", "{Place} (dpa) - "),
)
# How a quote is attributed: direct before and after the cue, mixed, indirect, pronoun follow-ups.
DIRECT_AFTER = ('"{say}," {person}, {the_role}, said.', "“{say},” said {person}, {the_role}.")
DIRECT_BEFORE = ('{person} told reporters in {place}: "{say}."', "“{say},” {person} told {org}.")
MIXED = ("{person} described the situation as “{fragment}”.", '{person} said the plan was "{fragment}".')
INDIRECT = ("{person} said {claim}.", "According to {person}, {claim}.", "{person} told reporters that {claim}.")
FOLLOW_UP = ('"{say}," {pronoun} added.', "{Pronoun} said {claim}.")
FEMALE = frozenset(
    ("Anna", "Carla", "Elena", "Greta", "Ingrid", "Keiko", "Marta", "Olga", "Rosa", "Ursula", "Wanda", "Zofia"),
) | frozenset(("Adele", "Celine", "Esther", "Hana", "Julia", "Leila", "Nadia", "Priya"))


def _zipf(n: int) -> list[float]:
    total, out = 0.0, []
    for rank in range(1, n + 1):
        total += 1 / rank
        out.append(total)
    return out


FIRST_WEIGHTS = _zipf(len(FIRST_NAMES))
SURNAME_WEIGHTS = _zipf(len(SURNAMES))
SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Planted:
    """A name or quote the composer put in the text, with its character span."""

    kind: str  # PERSON, ORG, GPE, or quote:direct / quote:mixed / quote:indirect
    text: str
    start: int
    end: int
    speaker: str | None = None  # for quotes: the full name of who said it


@dataclass(frozen=True)
class Story:
    """One article: its text, metadata, and what was planted in it."""

    text: str
    published_at: dt.date | None
    source: str | None
    planted: tuple[Planted, ...] = ()

    @property
    def words(self) -> int:
        """Word count (white-space separated), for words/s figures."""
        return len(self.text.split())


@dataclass
class _Writer:
    """Appends template text and records the spans of named slots."""

    parts: list[str] = field(default_factory=list)
    size: int = 0
    planted: list[Planted] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    def fill(self, template: str, values: dict[str, str], kinds: dict[str, str], speaker: str | None = None) -> None:
        """Write a template, recording the spans of slots whose kind is known."""
        pos = 0
        for match in SLOT.finditer(template):
            self.add(template[pos : match.start()])
            slot = match.group(1)
            value = values[slot]
            if match.start() == 0:
                value = value[0].upper() + value[1:]  # the slot opens a sentence
            kind = kinds.get(slot)
            if kind is not None:
                name = value[4:] if value.lower().startswith("the ") else value
                start = self.size + (len(value) - len(name))
                who = speaker if kind.startswith("quote") else None
                self.planted.append(Planted(kind, name, start, start + len(name), who))
            self.add(value)
            pos = match.end()
        self.add(template[pos:])


class StoryMaker:
    """Composes deterministic synthetic stories from a seed."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        self._decks: dict[str, list[str]] = {}

    def _draw(self, key: str, items: tuple[str, ...]) -> str:
        """The next item of a shuffled deck, so a story does not repeat itself until it runs out."""
        deck = self._decks.get(key)
        if not deck:
            deck = list(items)
            self.rng.shuffle(deck)
            self._decks[key] = deck
        return deck.pop()

    def _person(self) -> str:
        # A Zipf-like draw: some people are in the news far more often than others.
        first = self.rng.choices(FIRST_NAMES, cum_weights=FIRST_WEIGHTS)[0]
        return f"{first} {self.rng.choices(SURNAMES, cum_weights=SURNAME_WEIGHTS)[0]}"

    def _values(self, place: tuple[str, str]) -> dict[str, str]:
        r = self.rng
        return {
            "place": place[0],
            "country": place[1],
            "org": r.choice(ORGS),
            "n": str(r.choice((2, 3, 5, 7, 12, 15, 24, 40, 65, 120, 350))),
            "nth": r.choice(("second", "third", "fourth", "fifth", "sixth")),
            "day": r.choice(DAYS),
            "month": r.choice(MONTHS),
            "role": r.choice(ROLES),
        }

    def story(self, when: dt.date) -> Story:
        """One article published on a date."""
        r = self.rng
        self._decks.clear()
        topic = TOPICS[r.choice(tuple(TOPICS))]
        place = r.choice(PLACES)
        cast = [(self._person(), r.choice(ROLES)) for _ in range(r.randint(2, 4))]
        w = _Writer()
        kinds = {"place": "GPE", "country": "GPE", "org": "ORG", "person": "PERSON", "person2": "PERSON"}

        base = self._values(place)
        headline = r.choice(topic["headline"])
        w.fill(headline, base, kinds)
        w.add("\n\n")
        if r.random() < 0.5:
            w.fill(self._draw("fact", topic["fact"]), self._values(place), kinds)
            w.add("\n\n")
        agency, dateline = r.choice(DATELINES)
        w.add(
            dateline.format(PLACE=place[0].upper(), Place=place[0], month=MONTHS[when.month - 1], d=when.day),
        )
        w.fill(r.choice(topic["lead"]), base, kinds)
        w.add("\n\n")
        paragraphs = r.randint(8, 14)
        sub_at = r.randint(3, paragraphs - 2) if r.random() < 0.4 else -1
        for i in range(paragraphs):
            if i == sub_at:
                w.add(r.choice(SUBHEADINGS) + "\n\n")
            self._paragraph(w, topic, place, cast, kinds)
            w.add("\n\n")
        text = "".join(w.parts).rstrip() + "\n"
        return Story(text=text, published_at=when, source=agency, planted=tuple(w.planted))

    def _paragraph(
        self,
        w: _Writer,
        topic: dict[str, tuple[str, ...]],
        place: tuple[str, str],
        cast: list[tuple[str, str]],
        kinds: dict[str, str],
    ) -> None:
        r = self.rng
        person, role = r.choice(cast)
        values = self._values(place)
        values.update(person=person, the_role=f"the {role}" if role[0].islower() else role)
        sentences = r.randint(1, 3)
        for n in range(sentences):
            if n:
                w.add(" ")
            roll = r.random()
            if roll < 0.6 or n == 2:  # about a third of the sentences carry speech, as in wire copy
                w.fill(self._draw("fact", topic["fact"] + GENERIC), values, kinds)
                continue
            values.update(say=self._draw("say", topic["say"]), claim=self._draw("claim", topic["claim"]))
            values["fragment"] = r.choice(topic["say"]).split(",")[0].lower()
            pronoun = "she" if person.split()[0] in FEMALE else "he"
            values.update(pronoun=pronoun, Pronoun=pronoun.capitalize())
            if roll < 0.7:
                template, kind = r.choice(DIRECT_AFTER + DIRECT_BEFORE), "quote:direct"
                slot = "say"
            elif roll < 0.8:
                template, kind, slot = r.choice(MIXED), "quote:mixed", "fragment"
            elif roll < 0.93:
                template, kind, slot = r.choice(INDIRECT), "quote:indirect", "claim"
            else:
                template = r.choice(FOLLOW_UP)
                kind, slot = ("quote:direct", "say") if "say" in template else ("quote:indirect", "claim")
            w.fill(template, values, {**kinds, slot: kind}, speaker=person)

    def stories(self, n: int, start: dt.date = dt.date(2024, 1, 1)) -> list[Story]:
        """N stories, published a few hours apart from a start date."""
        return [self.story(start + dt.timedelta(days=i // 6)) for i in range(n)]


def synthetic(n: int, seed: int = 0) -> list[Story]:
    """N deterministic synthetic stories."""
    return StoryMaker(seed).stories(n)


def load_jsonl(path: str | Path, limit: int | None = None) -> list[Story]:
    """Articles from a JSON-lines file in the shared format: {"text", "published_at"?, "source"?}."""
    stories: list[Story] = []
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
            stamp = record.get("published_at") or meta.get("published_at")
            published = None
            if isinstance(stamp, str):
                try:
                    published = dt.date.fromisoformat(stamp[:10])
                except ValueError:
                    published = None
            source = record.get("source") if isinstance(record.get("source"), str) else None
            stories.append(Story(record["text"], published, source))
            if limit is not None and len(stories) >= limit:
                break
    return stories


def corpus(n: int, path: str | None = None, seed: int = 0) -> list[Story]:
    """N stories: synthetic, or the first N of a JSON-lines file (all of it when N is larger)."""
    if path:
        return load_jsonl(path, limit=n)
    return synthetic(n, seed)


if __name__ == "__main__":
    for s in synthetic(2, seed=1):
        print(s.text)
        for p in s.planted[:12]:
            print("   ", p, repr(s.text[p.start : p.end]))
