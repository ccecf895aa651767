"""Small invented wire stories, different for every seed, each with quotes and named people."""

from __future__ import annotations

import random

FIRST = ("Anna", "Tomas", "Leila", "Marco", "Ingrid", "Kofi", "Yuki", "Pavel", "Sofia", "Rahul", "Elena", "Jonas")
LAST = ("Kowalski", "Brandt", "Haddad", "Ferreira", "Lindqvist", "Mensah", "Tanaka", "Novak", "Ortega", "Iyer")
PLACES = ("Lisbon", "Oslo", "Nairobi", "Quito", "Hanoi", "Tbilisi", "Montreal", "Perth", "Gdansk", "Accra")
AGENCIES = ("Reuters", "AP", "AFP", "TASS")
BODIES = ("port authority", "water board", "transport ministry", "farmers' union", "city council", "rail operator")
TOPICS = ("a new ferry timetable", "the grain levy", "repairs to the old bridge", "a ban on night flights")
MONTHS = ("January", "March", "May", "July", "September", "November")


def person(rng: random.Random) -> tuple[str, str]:
    """A first name and a surname."""
    return rng.choice(FIRST), rng.choice(LAST)


def story(seed: int) -> str:
    """A short news story with a headline, a dateline, a direct quote and an indirect one."""
    rng = random.Random(seed)
    first, last = person(rng)
    other_first, other_last = person(rng)
    while other_last == last:
        other_first, other_last = person(rng)
    place, agency, body, topic = rng.choice(PLACES), rng.choice(AGENCIES), rng.choice(BODIES), rng.choice(TOPICS)
    month, day, number = rng.choice(MONTHS), rng.randint(1, 28), 100 + seed
    return (
        f"{place} {body} backs {topic}\n\n"
        f"{place.upper()}, {month} {day} ({agency}) - The {body} in {place} voted on Tuesday to back {topic}, "
        f"a plan that will affect {number} families, officials said.\n\n"
        f'"We have waited {number} days for this decision and we will not wait any longer," said {first} {last}, '
        f"who chairs the {body}.\n\n"
        f"{other_first} {other_last}, a local shopkeeper, said the plan would raise costs for small businesses "
        f"before the winter.\n\n"
        f'{last} said the first stage would begin in {rng.choice(MONTHS)}. "It is a good day for {place}," she added.\n'
    )


SYLLABLES = ("ber", "lan", "dor", "vik", "sam", "tol", "mer", "kas", "rin", "gol", "pet", "han", "sul", "mar")


def cast(seed: int, size: int = 5) -> list[str]:
    """People with made-up surnames, the same for the same seed and (almost surely) new to the store."""
    rng = random.Random(seed)
    return [f"{rng.choice(FIRST)} {''.join(rng.choice(SYLLABLES) for _ in range(3)).title()}" for _ in range(size)]


def crowd_story(seed: int, cast_seed: int, reverse: bool) -> str:
    """A story quoting every member of a cast, in cast order or reversed, so concurrent writers of two
    such stories create and count the same entities in opposite orders."""
    people = cast(cast_seed)
    places = list(PLACES[:4])
    if reverse:
        people.reverse()
        places.reverse()
    rng = random.Random(seed)
    opening = " ".join(f"Delegates from {place} arrived on Monday." for place in places)
    quotes = "\n\n".join(
        f'"We want a fair deal for {rng.choice(TOPICS)}," said {name}, speaking for {rng.choice(BODIES)}.'
        for name in people
    )
    return f"Talks open on {rng.choice(TOPICS)} ({seed})\n\n{opening}\n\n{quotes}\n"
