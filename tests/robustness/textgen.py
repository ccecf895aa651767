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
