"""Canonical named entities: spaCy's names cleaned, typed by vote and folded to one entity per thing."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from spacy.tokens import Doc, Span, Token

from app.nlp.structure import canonical_agency
from app.nlp.types import Entity, Mention, Segment, Structure

DATA = Path(__file__).parent / "data"

# Names only: spaCy's numeric and temporal labels are not entities here.
LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})
# A chunk of a name ends at these tokens: they join names in lists, tables and asides.
BREAKS = frozenset({",", ";", ":", "(", ")", "[", "]", '"', "“", "”", "/", "|", "--", "—", "–", "+", "=", "@", "*"})
DASHES = frozenset({"-", "–", "—", "--"})
# Lower-case words no name holds: two names the tagger ran together ("Yorkshire at Headingley", "Kent v Essex").
NAME_SPLITS = frozenset({"at", "v", "v.", "vs", "vs.", "or", "versus", "against", "beat", "with"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’", "'S", "’S"})
LEADING_DROPS = frozenset({"the", "a", "an", "The", "A", "An", "THE"})
PARTICLES = frozenset(
    {"de", "da", "di", "del", "der", "van", "von", "le", "la", "al", "bin", "ibn", "du", "dos", "ter"}
    | {"den", "ten", "della", "dei", "degli", "des", "das", "do", "el", "y", "zu", "af", "av"}
)
# Little words an acronym skips: "Organization of American States" -> OAS.
ACRONYM_SKIPS = frozenset({"of", "and", "the", "for", "on", "in", "&", "de", "des", "du", "la", "le", "to"})
MAX_GAZETTEER_TOKENS = 5
TRAILING_PUNCT = ".,;:!?'\"’”)-"
DIGIT = re.compile(r"\d")
SCORE = re.compile(r"^\d+([-/.:]\d+)*$")
DATE_AHEAD = re.compile(r"\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}")
DATELINE_REGION = re.compile(r"\s*,\s*([A-Z][\w.]*(?: [A-Z][\w.]*)*)")
# "LISBON, May 4": what follows the place's comma may be the date, not a region.
MONTHS = frozenset(
    {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
    | {"january", "february", "march", "april", "june", "july", "august", "september", "october", "november"}
    | {"december"}
)
INITIAL = re.compile(r"^[A-Z]\.$")
LEADING_WORD = re.compile(r"\w*")  # spaCy may cut "U.S.-based" or "d'Ivoire" at punctuation


def _lines(name: str) -> Iterator[str]:
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n")


def fold(name: str) -> str:
    """A name's comparison form: no accents, case folded, one space between words, curly quotes plain."""
    if name.isascii():
        return " ".join(name.split()).casefold()
    plain = unicodedata.normalize("NFKD", name.replace("’", "'"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.split()).casefold()


@dataclass(frozen=True, slots=True)
class Country:
    """A country as the press names it, with its ISO code when it has one."""

    name: str
    code: str | None


def _load_countries() -> tuple[dict[str, Country], list[str]]:
    table: dict[str, Country] = {}
    surfaces: list[str] = []
    overrides: dict[str, tuple[str, list[str]]] = {}
    extra: list[tuple[Country, list[str]]] = []
    for line in _lines("gazetteer_countries.tsv"):
        code, name, *rest = line.split("\t")
        aliases = rest[0].split("|") if rest and rest[0] else []
        if code == "-":
            extra.append((Country(name, None), aliases))
        else:
            overrides[code] = (name, aliases)
    for record in pycountry.countries:
        code = record.alpha_2
        press, aliases = overrides.get(code, (getattr(record, "common_name", None) or record.name, []))
        country = Country(press, code)
        for alias in (record.name, getattr(record, "common_name", None), getattr(record, "official_name", None)):
            if alias and "," not in alias:
                table.setdefault(fold(alias), country)
                surfaces.append(alias)
        for alias in (press, *aliases):
            table[fold(_strip_the(alias))] = country
            surfaces.append(_strip_the(alias))
    for country, aliases in extra:
        for alias in (country.name, *aliases):
            table[fold(alias)] = country
            surfaces.append(alias)
    return table, surfaces


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


COUNTRIES, COUNTRY_SURFACES = _load_countries()
TITLES = frozenset(_lines("entity_titles.txt"))
INSTITUTIONS = frozenset(_lines("entity_institutions.txt"))
TEAM_NOUNS = frozenset(_lines("entity_team_nouns.txt"))
TEAM_VERBS = frozenset(_lines("entity_team_verbs.txt"))
TEAM_PREPS = frozenset(_lines("entity_team_preps.txt"))
SPORTS = frozenset(_lines("entity_sports.txt"))
# "SOCCER - ...", "Boxing-Bruno quits": the slug before the headline's first dash names the desk.
SLUG = re.compile(r"\s*([A-Za-z][A-Za-z ]*?)\s*-")
# "Ilyushin-62", "Su-35", "MiG-29": a maker's or designer's name and a number make a model, not a person.
MODEL = re.compile(r"(?<![\w-])[A-Z][A-Za-z]+-\d+[A-Za-z]?(?![\w-])")
# "ex-England", "pro-Moscow": prefixes that make a name into a description of something else.
NAME_PREFIXES = frozenset({"ex", "pro", "anti", "non", "post", "pre"})
COMPANY_SUFFIXES = frozenset(_lines("entity_company_suffixes.txt"))
ORG_HEADS = frozenset(_lines("entity_org_heads.txt"))
EVENT_HEADS = frozenset(_lines("entity_event_heads.txt"))
NOT_NAMES = frozenset(_lines("entity_not_names.txt"))
ORG_OPENERS = frozenset(_lines("entity_org_openers.txt"))
RUN_HEADS = frozenset(_lines("entity_run_heads.txt"))
ORG_NOUNS = frozenset(_lines("entity_org_nouns.txt"))
DEPARTMENTS = frozenset(_lines("entity_departments.txt"))
EMPLOYEE_NOUNS = frozenset(_lines("entity_employee_nouns.txt"))
KNOWN_TYPES = {fold(name): kind for name, kind in (line.split("\t") for line in _lines("entity_known_types.tsv"))}
# "St Mary's College", "King's College Hospital": a possessive inside an institution's name does not end it
POSSESSED_HEADS = frozenset({"college", "school", "hospital", "church", "cathedral", "university", "academy"})
# Words that end or make a body's name, never a person's: "German Red Cross", "British Airways"
THING_HEADS = (
    ORG_HEADS
    | RUN_HEADS
    | COMPANY_SUFFIXES
    | EVENT_HEADS
    | {i.lower() for i in INSTITUTIONS}
    | {"cross", "crescent", "airways", "airlines", "express", "bank", "party", "front", "union", "federation"}
    | {"association", "society", "foundation", "church", "railways", "tobacco", "petroleum", "oil", "gas"}
    | {"exchange", "organisation", "organization", "market", "fund", "trust", "authority", "board", "institute"}
)
# Adjectives of continents and blocs: "European Commission" is one body's name, "Russian Foreign Ministry" a
# nation's body (split into the nationality and the body).
SUPRANATIONAL = frozenset({"european", "african", "asian", "arab", "nordic", "caribbean", "pan-african", "baltic"})
# Prepositions that make their object the other side only after a contest word (CONTEST_WORDS).
OPEN_PREPS = frozenset({"over", "against"})
CONTEST_WORDS = frozenset(
    {"victory", "win", "won", "winner", "lead", "triumph", "defeat", "success", "upset", "edge", "beat", "play", "draw"}
    | {"match", "game", "loss", "lose", "score", "goal", "century", "final", "semifinal", "tie", "clash"}
)
LOCATIVES = frozenset({"in", "at", "near", "outside", "around", "across", "into", "throughout", "inside"})
# Regions, counties and provinces by name: "Valencia" or "Surrey" alone is a place (or its team), not a person.
REGIONS = frozenset(fold(s.name) for s in pycountry.subdivisions if "," not in s.name)


@dataclass(slots=True)
class Candidate:
    """One mention on its way to an entity: where it stands and what the evidence says it is."""

    start: int
    end: int
    surface: str  # the name as written, whitespace collapsed
    label: str | None  # spaCy's label, or the gazetteer's; None for a repeat found by matching
    weight: int = 1  # how strongly the label votes
    segment: int = -1  # index into the docs, -1 for the dateline
    tokens: tuple[int, int] = (0, 0)  # token range in the segment's doc
    qualified: str | None = None  # the full name when a nationality word was split off the mention
    cue: str | None = None  # what the sentence around it says: "TEAM" (a side, a company) or "PERSON" (a title)

    @property
    def name(self) -> str:
        """What the candidate names: its qualified name, or what is written."""
        return self.qualified or self.surface


# --- cleaning spaCy's spans --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class View:
    """One segment's tokens, read from the Doc once: later passes index this list, not the Doc."""

    seg: int
    base: int  # the segment's offset in the article text
    doc: Doc
    toks: list[Token]
    newline: bytearray  # 1 where a line break stands before the token
    caps: bool  # set in capitals (a wire headline), where the tagger reads names poorly


def view_of(text: str, seg: int, segment: Segment, doc: Doc) -> View:
    """Tokens, line breaks and capitals of one segment."""
    toks = list(doc)
    newline = bytearray(len(toks))
    starts = [t.idx for t in toks]
    at = text.find("\n", segment.start, segment.end)
    while at >= 0:
        i = bisect_left(starts, at - segment.start)
        if i < len(toks):
            newline[i] = 1
        at = text.find("\n", at + 1, segment.end)
    upper = sum(1 for t in toks if t.is_upper and t.is_alpha)
    lower = sum(1 for t in toks if t.is_alpha) - upper
    return View(seg, segment.start, doc, toks, newline, upper > 0 and upper >= 4 * lower)


def _is_break(view: View, i: int) -> bool:
    token = view.toks[i]
    if token.text in BREAKS:
        return True
    spaced = bool(token.whitespace_) and i > 0 and bool(view.toks[i - 1].whitespace_)
    # a free-standing dash or number splits table rows ("Luton 4 1") and headlines ("SOCCER - ENGLAND")
    return spaced and (token.text in DASHES or bool(SCORE.match(token.text)))


def name_chunks(view: View, span: Span) -> Iterator[tuple[int, int]]:
    """Token ranges of the clean names inside a spaCy span: cut at line breaks, possessives, list punctuation."""
    start = span.start
    for i in range(span.start, span.end):
        if i > start and view.newline[i]:
            yield from _trimmed(view, start, i)
            start = i
        token = view.toks[i]
        if token.text in POSSESSIVES and token.tag_ == "POS" and _names_institution(view, i, span.end):
            continue
        if _is_break(view, i) or (token.text in POSSESSIVES and token.tag_ == "POS") or token.text in NAME_SPLITS:
            yield from _trimmed(view, start, i)
            start = i + 1
    yield from _trimmed(view, start, span.end)


def _names_institution(view: View, i: int, end: int) -> bool:
    """Whether the possessive at i is inside a name like "St Mary's College" (its head follows, capitalised)."""
    return any(view.toks[k].is_title and view.toks[k].lower_ in POSSESSED_HEADS for k in range(i + 1, min(end, i + 4)))


def particle_names(
    text: str, views: Sequence[View], found: list[Candidate], covered: list[bytearray] | None = None
) -> list[Candidate]:
    """Person names run on over particles: "Pieter van" + "den Broek" is "Pieter van den Broek".

    The small model often stops a name at its lower-case particle and reads the rest as another name
    (or a place); a particle run followed by a capitalised word continues the person's name.
    """
    by_seg: dict[int, list[Candidate]] = {}
    for c in found:
        by_seg.setdefault(c.segment, []).append(c)
    out: list[Candidate] = []
    swallowed: set[int] = set()
    starts = {(c.segment, c.tokens[0]): c for c in found if c.segment >= 0}
    for c in found:
        if c.segment < 0 or id(c) in swallowed or c.label not in ("PERSON", "ORG", "GPE", "LOC", "NORP"):
            continue
        view = views[c.segment]
        toks = view.toks
        k = c.tokens[1]
        if c.label != "PERSON":
            # "Mathieu" (read as a place) + "van der" + "Poel" (a person): one person; "Banco" + "do" +
            # "Brasil", both organisations: one organisation
            j = k
            while j < len(toks) and toks[j].lower_ in PARTICLES and toks[j].text.islower():
                j += 1
            tail = starts.get((c.segment, j)) if j > k and not view.newline[k : j + 1].count(1) else None
            if (
                tail is None
                or id(tail) in swallowed
                or not (tail.label == "PERSON" or (tail.label == c.label == "ORG"))
            ):
                continue
            c.label = tail.label
        # a name the model cut inside its particles ("Pieter van") ends on one
        if toks[k - 1].lower_ in PARTICLES and k - 1 > c.tokens[0]:
            k -= 1
        j = k
        while j < len(toks) and toks[j].lower_ in PARTICLES and toks[j].text.islower():
            j += 1
        if j == k or j >= len(toks) or not toks[j].is_title or view.newline[k : j + 1].count(1):
            continue
        while j + 1 < len(toks) and toks[j + 1].is_title and toks[j + 1].pos_ == "PROPN" and not view.newline[j + 1]:
            j += 1
        end = view.base + toks[j].idx + len(toks[j])
        for other in by_seg.get(c.segment, []):
            if other is not c and c.start <= other.start and other.end <= end:
                swallowed.add(id(other))
        c.end, c.tokens = end, (c.tokens[0], j + 1)
        c.surface = " ".join(text[c.start : end].split())
        if covered is not None:  # "der Meer" is the name's now: no later pass may find "Meer" in it again
            covered[c.segment][c.tokens[0] : j + 1] = b"\x01" * (j + 1 - c.tokens[0])
    out = [c for c in found if id(c) not in swallowed]
    return out


LOWER_SUFFIXES = frozenset({"plc", "llc", "ltd", "ltd.", "inc", "inc."})
MAX_ORG_RUN = 6  # words of an organisation's name read off capitalised words alone


def _org_word(view: View, i: int, start: int) -> bool:
    """Whether token i can carry on a name begun at start: capitalised, on the line, no date or number."""
    t = view.toks[i]
    if i > start and view.newline[i]:
        return False
    if t.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT") or not t.text[:1].isupper():
        # "Marlow & Finch Ltd"; "Kessel Power plc", a suffix some write in lower case
        return i > start and (t.text == "&" or t.text in LOWER_SUFFIXES)
    return t.is_alpha or t.text.rstrip(".").replace(".", "").isalpha()


def _org_run_end(view: View, i: int) -> int | None:
    """End of the organisation's name opening at token i, if a club opener or an organisation head settles it.

    "Real Kessel FC", "Dinamo Varna" (an opener and the words after it); "Hillcrest Academy", "St Anne's
    School", "Norvale Holdings Ltd" (capitalised words up to a head or a company suffix). Titles and
    person names the tagger saw stop an opener's run ("Real Madrid President ...").
    """
    toks = view.toks
    j = i
    last_head: int | None = None
    while j < len(toks) and j - i < MAX_ORG_RUN:
        if _org_word(view, j, i):
            if j > i and toks[j].text in TITLES:
                break
            word = toks[j].lower_.rstrip(".") if toks[j].text != "&" else ""
            if j > i and (word in ORG_HEADS or word in COMPANY_SUFFIXES or toks[j].lower_ in COMPANY_SUFFIXES):
                last_head = j + 1
            j += 1
        elif toks[j].text in POSSESSIVES and j > i and j + 1 < len(toks) and toks[j + 1].lower_ in POSSESSED_HEADS:
            j += 1  # "St Anne 's School"
        else:
            break
    if last_head is not None:
        return last_head
    if toks[i].text in ORG_OPENERS and j - i > 1 and toks[i + 1].ent_type_ != "PERSON":
        return j
    return None


def org_runs(text: str, views: Sequence[View], found: list[Candidate], covered: list[bytearray]) -> list[Candidate]:
    """Organisations whose name the tagger cut or missed, read from capitalised words and their head.

    A run of capitalised words closed by an organisation's head or a company suffix ("Hillcrest
    Academy", "Kessel Motors Corp"), or opened by a club's word ("Real", "Dinamo"), is one ORG name:
    it replaces the tagger's pieces of it and any name that runs across its edge ("School and
    Hillcrest Academy"). People's names are left alone.
    """
    runs: list[Candidate] = []
    for view in views:
        if view.caps:
            continue
        toks = view.toks
        i = 0
        while i < len(toks):
            # "The Daily Telegraph": a leading article is no word of the name
            starts = toks[i].text[:1].isupper() and (
                i == 0 or not _org_word(view, i - 1, i - 1) or view.newline[i] or toks[i - 1].text in LEADING_DROPS
            )
            if not starts or toks[i].is_stop or toks[i].text in LEADING_DROPS or toks[i].text in TITLES:
                i += 1
                continue
            if i >= 2 and toks[i - 1].lower_ == "of" and toks[i - 2].is_title:
                i += 1  # "Gold Fields of South Africa Ltd": the run is the tail of a longer name
                continue
            end = _org_run_end(view, i)
            if end is None or end - i < 2:
                i += 1
                continue
            run = _candidate(text, view, i, end, "ORG")
            run.weight = 2
            runs.append(run)
            i = end
    if not runs:
        return found
    out = []
    for c in found:
        hits = [r for r in runs if r.segment == c.segment and c.start < r.end and r.start < c.end]
        if len(hits) != 1:
            if not hits:
                out.append(c)
            continue  # "School and Hillcrest Academy" straddles two names: the runs replace it
        hit = hits[0]
        inside = hit.start <= c.start and c.end <= hit.end
        if inside and c.label != "PERSON":
            continue  # "Dinamo" of "Dinamo Varna": the run replaces the piece
        if not inside and c.end > hit.end and c.start >= hit.start and c.label != "PERSON":
            after = views[c.segment].toks[hit.tokens[1]]
            if after.text[:1].islower():
                continue  # "Daniels Pharmaceuticals Inc of St. Petersburg": the name ends at its suffix
        out.append(c)  # the tagger's own reading stands where it starts or ends elsewhere
        hit.label = None
    for r in runs:
        if r.label is None:
            continue
        supported = any(c.segment == r.segment and c.start < r.end and r.start < c.end for c in found)
        if not supported and not _strong_run(view_toks(views, r)):
            continue  # nothing the tagger saw, and a head as weak as "Group": no evidence enough
        covered[r.segment][r.tokens[0] : r.tokens[1]] = b"\x01" * (r.tokens[1] - r.tokens[0])
        out.append(r)
    return out


def apposed_orgs(text: str, views: Sequence[View], covered: list[bytearray]) -> Iterator[Candidate]:
    """Names the tagger missed right after a noun that says they are an organisation's ("news agency WAM")."""
    for view in views:
        if view.caps:
            continue
        toks = view.toks
        for i in range(1, len(toks)):
            noun = toks[i - 1]
            if noun.lower_ not in ORG_NOUNS or not noun.text.islower() or covered[view.seg][i]:
                continue
            j = i
            while j < len(toks) and j - i < 4 and toks[j].is_alpha and toks[j].text[0].isupper():
                if covered[view.seg][j] or (j > i and view.newline[j]) or toks[j].is_stop:
                    break
                j += 1
            if j == i or (j - i == 1 and not (toks[i].is_upper and len(toks[i]) >= 2) and toks[i].pos_ != "PROPN"):
                continue
            covered[view.seg][i:j] = b"\x01" * (j - i)
            org = _candidate(text, view, i, j, "ORG")
            org.cue = "TEAM"
            yield org


def bracket_acronyms(
    text: str, views: Sequence[View], found: Sequence[Candidate], covered: list[bytearray]
) -> Iterator[Candidate]:
    """ "Central Narcotics Bureau ( CNB )": the acronym in brackets after a name it abbreviates is that name."""
    ends = {(c.segment, c.tokens[1]): c for c in found if c.segment >= 0}
    for view in views:
        toks = view.toks
        for i in range(1, len(toks) - 2):
            if toks[i].text != "(" or toks[i + 2].text != ")" or covered[view.seg][i + 1]:
                continue
            acro = toks[i + 1].text.replace(".", "")
            full = ends.get((view.seg, i))
            if full is None or not (2 <= len(acro) <= 6 and acro.isalpha() and acro.isupper()):
                continue
            words = fold(full.surface).replace("'", " '").split()
            initials = "".join(w[0] for w in words if w not in ACRONYM_SKIPS and w[0].isalpha())
            if initials != acro.lower():
                continue
            covered[view.seg][i + 1] = 1
            short = _candidate(text, view, i + 1, i + 2, full.label)
            short.weight = 2
            yield short


def view_toks(views: Sequence[View], c: Candidate) -> list[Token]:
    """The tokens of a candidate."""
    return views[c.segment].toks[c.tokens[0] : c.tokens[1]]


def _strong_run(toks: Sequence[Token]) -> bool:
    """Whether a name's own words make it an organisation: a club's opener or a head of RUN_HEADS."""
    return toks[0].text in ORG_OPENERS or toks[-1].lower_.rstrip(".") in RUN_HEADS


def _trailing_word(toks: Sequence[Token], start: int, end: int) -> bool:
    """Whether a name's last token is a separate lower-case word, no part of it ("Interfax news agency")."""
    last = toks[end - 1]
    if end - start < 2 or not toks[end - 2].whitespace_:
        return False  # "Hong Kong-based": the word is fused to the name
    return last.is_alpha and last.is_lower and last.lower_ not in PARTICLES


def _before_score(toks: Sequence[Token], start: int, end: int) -> int:
    """Where a name ends before a score closing it ("Sox 4-0", "Lotte 5"); a model number stays ("Boeing 747")."""
    k = end
    while k > start + 1 and (toks[k - 1].is_digit or toks[k - 1].text in DASHES):
        k -= 1
    if k == end or not toks[k].is_digit or not toks[k - 1].whitespace_:
        return end
    score = "".join(t.text for t in toks[k:end])
    return k if "-" in score or len(score) <= 2 else end


def _trimmed(view: View, start: int, end: int) -> Iterator[tuple[int, int]]:
    toks = view.toks
    while start < end and (toks[start].text in LEADING_DROPS or toks[start].is_punct):
        start += 1
    while end > start and (
        toks[end - 1].is_punct
        or toks[end - 1].text in POSSESSIVES
        or toks[end - 1].is_space
        or _trailing_word(toks, start, end)
    ):
        end -= 1
    end = _before_score(toks, start, end)
    if start >= end:
        return
    first = toks[start].text
    if end - start == 1 and len(first.rstrip(".")) < 2:
        return  # a lone letter is a table column ("W", "N") or an initial cut off its name
    if first[0].isupper() or (first in PARTICLES and end - start > 1):
        yield start, end


def _strip_titles(view: View, start: int, end: int) -> int:
    while end - start > 1 and view.toks[start].text in TITLES:
        start += 1
    return start


def _candidate(text: str, view: View, start: int, end: int, label: str | None) -> Candidate:
    last = view.toks[end - 1]
    a = view.base + view.toks[start].idx
    b = view.base + last.idx + len(last)
    return Candidate(a, b, " ".join(text[a:b].split()), label, 1, view.seg, (start, end))


def spacy_candidates(text: str, views: Sequence[View]) -> tuple[list[Candidate], list[bytearray]]:
    """spaCy's names cut clean, and for each segment which tokens any spaCy entity covers."""
    found: list[Candidate] = []
    covered = [bytearray(len(v.toks)) for v in views]
    for view in views:
        if view.caps:
            continue  # capitals defeat the small model: headline names come from the gazetteer pass
        for ent in view.doc.ents:
            covered[view.seg][ent.start : ent.end] = b"\x01" * len(ent)
            if ent.label_ not in LABELS:
                continue
            for start, end in name_chunks(view, ent):
                if ent.label_ == "PERSON":
                    start = _strip_titles(view, start, end)
                elif ent.label_ == "ORG" and in_job_title(view, start, end):
                    continue
                cue = context_cue(view, start, end)
                for c in _qualified_split(text, view, start, end, ent.label_):
                    c.cue = cue
                    found.append(c)
    return found, covered


def in_job_title(view: View, start: int, end: int) -> bool:
    """Whether a department's word is part of a job title ("Education Minister", "Secretary of State")."""
    toks = view.toks
    if end - start > 2 or not all(t.lower_ in DEPARTMENTS for t in toks[start:end]):
        return False
    if end < len(toks) and toks[end].text in TITLES and not view.newline[end]:
        return True
    return start >= 2 and toks[start - 1].lower_ == "of" and toks[start - 2].text in TITLES


def context_cue(view: View, start: int, end: int) -> str | None:
    """What the parse around a name says it is: a side or a company ("TEAM"), or a person addressed by title."""
    toks = view.toks
    if start > 0 and toks[start - 1].lower_ in ORG_NOUNS and toks[start - 1].text.islower():
        return "TEAM"  # "news agency WAM", "carmaker Kessel Motors": the noun says what the name is
    titled = start > 0 and toks[start - 1].text in TITLES and toks[start - 1].is_title
    if end - start > 1:
        # "Minister Helena Varga": a title before a short name makes a person, unless the name ends as a body's
        word = toks[end - 1].lower_.rstrip(".")
        person = titled and end - start <= 3 and word not in ORG_HEADS and word not in COMPANY_SUFFIXES
        return "PERSON" if person else None
    if titled:
        return "PERSON"  # "Mr Brooks", "President Brooks": whatever the tagger thought of the surname
    last = toks[end - 1]
    head, dep = last.head, last.dep_
    if head.i >= end and dep in ("compound", "poss", "nmod") and head.lemma_.lower() in TEAM_NOUNS:
        return "TEAM"  # "Dorset captain", "Acme shares"
    if dep == "poss" and head.ent_type_ == "PERSON" and head.i > end:
        return "TEAM"  # "Dorset 's Tom Hale": a player of the side
    if dep in ("nsubj", "dobj") and head.lemma_ in TEAM_VERBS:
        return "TEAM"
    if dep == "pobj" and head.lower_ in TEAM_PREPS and (head.lower_ not in OPEN_PREPS or _in_contest(head)):
        return "TEAM"
    if dep == "pobj" and head.lower_ == "at" and head.head.lemma_.lower() in EMPLOYEE_NOUNS:
        return "TEAM"  # "analysts at JPMorgan": the employer, not a place
    if dep == "pobj" and head.lower_ in LOCATIVES:
        return "PLACE"  # "in Valencia", "at Dorset": somewhere, not someone, not a side
    if dep == "nsubj" and last.tag_ == "NNP" and _plural_verb(head):
        return "TEAM"  # "Dorset were bowled out": a singular name with a plural verb is a side
    return None


def _in_contest(prep: Token) -> bool:
    """Whether "over" or "against" hangs on a contest ("victory over Dorset", "won against Kent").

    Elsewhere its object is a place or a cause: "flights over Syria", "sanctions against Iraq".
    """
    return prep.head.lemma_.lower() in CONTEST_WORDS


def model_designations(
    text: str, views: Sequence[View], found: list[Candidate], covered: list[bytearray]
) -> Iterator[Candidate]:
    """ "the Antonov-124 and Ilyushin-62 planes": model names read as products, found where spaCy missed them."""
    at = {(c.segment, c.tokens): c for c in found}
    for view in views:
        for match in MODEL.finditer(view.doc.text):  # one scan of the text, not a look at every token
            model = view.doc.char_span(match.start(), match.end())
            if model is None or len(model) != 1 or view.doc.vocab[match[0].split("-")[0].lower()].is_stop:
                continue  # "Under-21" is an age group
            i = model.start
            known = at.get((view.seg, (i, i + 1)))
            if known is not None:
                known.label, known.weight, known.cue = "PRODUCT", 3, None
            elif not covered[view.seg][i]:
                covered[view.seg][i] = 1
                found_model = _candidate(text, view, i, i + 1, "PRODUCT")
                found_model.weight = 3
                yield found_model


def hyphen_compounds(text: str, views: Sequence[View], candidates: Sequence[Candidate]) -> None:
    """ "Ohio-based", "ex-England", "German-Israeli": a name fused by a hyphen into a description is one (NORP) word."""
    for c in candidates:
        if c.segment < 0:
            continue
        view = views[c.segment]
        start, end = c.tokens
        if _fused(view, end) and (view.toks[end + 1].is_lower or (c.label == "NORP" and _demonym(view.toks[end + 1]))):
            end += 2
        if start > 1 and _fused(view, start - 1) and view.toks[start - 2].lower_ in NAME_PREFIXES:
            start -= 2
        if (start, end) != c.tokens:
            fused = _candidate(text, view, start, end, "NORP")
            c.start, c.end, c.surface, c.tokens = fused.start, fused.end, fused.surface, fused.tokens
            c.label, c.weight, c.cue, c.qualified = "NORP", 3, None, None


def _fused(view: View, i: int) -> bool:
    """Whether token i is a hyphen joined without spaces to an alphabetic word on both sides."""
    toks = view.toks
    return (
        0 < i < len(toks) - 1
        and toks[i].text == "-"
        and not toks[i - 1].whitespace_
        and not toks[i].whitespace_
        and toks[i + 1].is_alpha
    )


def _demonym(token: Token) -> bool:
    entry = GAZETTEER.entries.get(token.lower_)
    return entry is not None and entry[1] == "NORP"


def is_sports_story(text: str, structure: Structure) -> bool:
    """Whether the headline's slug names a sport ("CRICKET - KENT WIN"): the story is about sides, not places."""
    head = structure.headline
    line = text[head.start : head.end] if head is not None else text[: text.find("\n")]
    slug = SLUG.match(line)
    if slug is None:
        return False
    words = slug[1].lower().split()
    return any(" ".join(words[-n:]) in SPORTS for n in (1, 2, len(words)))


def sides_in_sports(views: Sequence[View], candidates: Sequence[Candidate]) -> None:
    """In a sports story a town or region named in the prose is a side, unless the sentence puts it somewhere."""
    for c in candidates:
        if c.segment < 0 or c.label != "GPE" or fold(c.name) in COUNTRIES:
            continue
        view = views[c.segment]
        if after_locative(view, c.tokens[0]):
            c.cue = "PLACE"  # "in Las Vegas", "at Leeds": where the match was played
        elif c.cue is None and not _modifies_thing(view, c.tokens[1]):
            c.cue = "TEAM"


def after_locative(view: View, i: int) -> bool:
    """Whether a locative preposition ("in", "at") stands just before token i, on the same line.

    A town after a venue counts too: "at Old Trafford , Manchester".
    """
    if i == 0 or view.newline[i]:
        return False
    toks = view.toks
    if toks[i - 1].lower_ in LOCATIVES:
        return True
    if toks[i - 1].text != ",":
        return False
    j = i - 2
    while j >= 0 and i - 2 - j < 4 and toks[j].is_title and not view.newline[j + 1]:
        j -= 1
    return i - 2 > j >= 0 and toks[j].lower_ in LOCATIVES and not view.newline[j + 1]


def _modifies_thing(view: View, end: int) -> bool:
    """ "the Berlin meeting", "the Sarajevo stadium": a name modifying a noun other than a team's role."""
    last = view.toks[end - 1]
    head = last.head
    return last.dep_ in ("compound", "nmod", "amod") and head.i >= end and head.lemma_.lower() not in TEAM_NOUNS


def _plural_verb(verb: Token) -> bool:
    """Whether a verb (or its auxiliary) agrees with a plural subject: "are", "were", "have"."""
    for t in (verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))):
        if t.tag_ == "VBP" or t.lower_ == "were":
            return True
    return False


def _nationality_split(text: str, view: View, start: int, end: int, label: str) -> list[Candidate] | None:
    """ "Briton Linford Christie", "Kenyan Daniel Komen": a nationality word run into the person's name after it.

    The tagger reads the run as a person or, often, an organisation; read as an organisation it must be
    shaped like a name (two or three capitalised words, no body's head word: "German Red Cross" stays).
    """
    entry = GAZETTEER.entries.get(fold(view.toks[start].text))
    if end - start < 3 or entry is None or entry[1] != "NORP":
        return None
    rest = view.toks[start + 1 : end]
    if not all(t.is_title or t.lower_ in PARTICLES or INITIAL.match(t.text) for t in rest):
        return None
    named_like = len(rest) <= 3 and not any(
        len(t) < 2 or t.lower_ in THING_HEADS or fold(t.text) in GAZETTEER.entries for t in rest
    )
    if label == "ORG" and not named_like:
        return None
    return [_candidate(text, view, start, start + 1, "NORP"), _candidate(text, view, start + 1, end, "PERSON")]


def _qualified_split(text: str, view: View, start: int, end: int, label: str) -> list[Candidate]:
    """ "Russian Foreign Ministry": a nationality and a body, the body's entity keeping the full name."""
    whole = _candidate(text, view, start, end, label)
    if label == "PERSON" or (label == "ORG" and view.toks[end - 1].text not in INSTITUTIONS):
        split = _nationality_split(text, view, start, end, label)
        if split is not None:
            return split
    if label != "ORG" or end - start < 2 or view.toks[end - 1].text not in INSTITUTIONS:
        return [whole]
    cut = start + 1
    while cut < end - 1 and fold(view.doc[start:cut].text) not in GAZETTEER.entries:
        cut += 1
    entry = GAZETTEER.entries.get(fold(view.doc[start:cut].text))
    if entry is None or entry[1] != "NORP" or fold(view.doc[start:cut].text) in SUPRANATIONAL:
        return [whole]  # "European Commission", "African Court": the body's own name, no nation's
    body = _candidate(text, view, cut, end, label)
    body.qualified = whole.surface
    return [_candidate(text, view, start, cut, "NORP"), body]


# --- sports results tables -----------------------------------------------------------
# "Hull 0 Barnet 1", "Pohang 2 1 1 11 10 7", "Derbyshire 471 ( ... )": a name that opens a line, or follows a
# score, and is followed by a score names a team or club (ORG), whatever place it is named after.


# "Dorset v Essex", "Kent vs Surrey": what follows is the other side.
FIXTURE_MARKS = frozenset({"v", "v.", "vs", "vs."})
# Row items after a colon or comma in run-on result lines: "Hove : Dorset 363 , Kent 108-3".
ROW_SEPARATORS = frozenset({":", ",", ";"})


def _name_run(view: View, i: int) -> int:
    """End of the run of capitalised words from token i, staying on one line."""
    j = i
    n = len(view.toks)
    while j < n and j - i < 5 and (j == i or not view.newline[j]):
        t = view.toks[j]
        if not ((t.is_alpha and t.text[0].isupper()) or (j > i and t.text in ("'s", "&", "."))):
            break
        j += 1
    return j


def table_slots(text: str, views: Sequence[View]) -> Iterator[tuple[View, int, int]]:
    """(segment, first token, end token) of each name standing in a results-table slot."""
    for view in views:
        toks = view.toks
        depth = 0  # brackets open on this line: players' figures sit inside them, teams outside
        for i, token in enumerate(toks):
            if view.newline[i]:
                depth = 0
            depth += (token.text == "(") - (token.text == ")")
            if not token.text[:1].isupper():
                continue
            end = _name_run(view, i)
            if end == i or not _team_like(toks[i], toks[end - 1]):
                continue
            before = toks[i - 1].text if i > 0 and not view.newline[i] else ""
            if before in FIXTURE_MARKS:
                yield view, i, end  # "Kent v Essex": the sides of a fixture
            elif (not before or toks[i - 1].is_digit or (before in ROW_SEPARATORS and depth <= 0)) and (
                end < len(toks) and _is_score(text, view, end)
            ):
                yield view, i, end


def _is_score(text: str, view: View, i: int) -> bool:
    """A number on the same line that is a score, not the year of a date ("LONDON 1996-08-30")."""
    token = view.toks[i]
    if not token.is_digit or view.newline[i]:
        return False
    return not DATE_AHEAD.match(text, view.base + token.idx)


def _team_like(first: Token, last: Token) -> bool:
    """Not a person by initial ("A. Dale 69"), a determiner or a table heading ("Women 's 1,500 metres")."""
    return not (INITIAL.match(first.text) or first.text in LEADING_DROPS or last.text in POSSESSIVES)


def table_candidates(
    text: str, views: Sequence[View], found: list[Candidate], covered: list[bytearray]
) -> Iterator[Candidate]:
    """Team names in results tables: spaCy's reading overruled to ORG, the names it missed added."""
    at = {(c.segment, c.tokens): c for c in found}
    for view, i, end in table_slots(text, views):
        known = at.get((view.seg, (i, end)))
        if known is not None:
            if not (known.label == "PERSON" and end - i > 1):  # a golfer's card: "Iain Pyman 71 75"
                known.label, known.weight, known.cue = "ORG", 2, "TEAM"
        elif not any(covered[view.seg][i:end]):
            covered[view.seg][i:end] = b"\x01" * (end - i)
            team = _candidate(text, view, i, end, "ORG")
            team.weight = 2
            team.cue = "TEAM"
            yield team


def country_slots(
    text: str, views: Sequence[View], found: list[Candidate], covered: list[bytearray]
) -> Iterator[Candidate]:
    """ "Ann Lee ( Kenya )" rows: names of two words or more before a bracketed country share one reading.

    A results list repeats one shape for every entrant; the tagger's majority over the list overrules
    its reading of the odd entrant, and gives one to the entrants it did not see at all.
    """
    slotted = [
        c
        for c in found
        if c.segment >= 0 and len(c.surface.split()) > 1 and _before_country(views[c.segment], c.tokens[1])
    ]
    votes = Counter(c.label for c in slotted if c.label in ("PERSON", "ORG"))
    if len(slotted) < MIN_SLOTS or not votes:
        return
    label, n = votes.most_common(1)[0]
    if n * 2 <= len(slotted):
        return
    for c in slotted:
        c.label, c.weight = label, 2
    for view in views:
        for i in range(1, len(view.toks)):
            if view.toks[i].text != "(" or not _before_country(view, i) or covered[view.seg][i - 1]:
                continue
            start = i - 1
            while (
                start > 0
                and view.toks[start - 1].is_title
                and not covered[view.seg][start - 1]
                and not view.newline[start]
            ):
                start -= 1
            if i - start > 1 and view.toks[start].is_alpha:
                covered[view.seg][start:i] = b"\x01" * (i - start)
                missed = _candidate(text, view, start, i, label)
                missed.weight = 2
                yield missed


def _before_country(view: View, end: int) -> bool:
    toks = view.toks
    if end >= len(toks) or toks[end].text != "(":
        return False
    for close in range(end + 2, min(end + 6, len(toks))):
        if toks[close].text == ")":
            return fold(view.doc[end + 1 : close].text) in COUNTRIES
    return False


def initial_names(text: str, views: Sequence[View], found: list[Candidate]) -> Iterator[Candidate]:
    """ "A. Dale", "J. P. Smith": initials before a capitalised surname name a person."""
    at = {(c.segment, c.tokens): c for c in found}
    taken = {(c.segment, i) for c in found for i in range(*c.tokens)}
    for view in views:
        toks = view.toks
        for i, token in enumerate(toks):
            if len(token) != 2 or (i > 0 and INITIAL.match(toks[i - 1].text)) or not INITIAL.match(token.text):
                continue
            end = _initial_name_end(view, i)
            if end == i:
                continue
            known = at.get((view.seg, (i, end)))
            if known is not None:
                known.label, known.weight = "PERSON", 2
            elif not any((view.seg, k) in taken for k in range(i, end)):
                yield _candidate(text, view, i, end, "PERSON")


def _initial_name_end(view: View, i: int) -> int:
    j = i
    while j < len(view.toks) and INITIAL.match(view.toks[j].text):
        j += 1
    if j >= len(view.toks):
        return i
    surname = view.toks[j]
    if surname.is_title and surname.is_alpha and not surname.is_stop:
        return j + 1
    return i


# --- matching known names over tokens ----------------------------------------------------


@dataclass(slots=True)
class Lexicon:
    """Names to look for over tokens: folded form -> (what it is, the exact surfaces seen)."""

    entries: dict[str, tuple[int, str | None, frozenset[str]]] = field(default_factory=dict)
    openers: set[str] = field(default_factory=set)  # first words, lower case, to skip most tokens fast
    longest: int = 1

    def add(self, surface: str, target: int, label: str | None) -> None:
        """Register a name form as written, pointing at a target (a group index, or 0 in the gazetteer)."""
        key = fold(surface)
        entry = self.entries.get(key)
        if entry is None:
            self.entries[key] = (target, label, frozenset({surface}))
            self.longest = max(self.longest, len(surface.split()))
            self.openers.add(surface.split()[0].lower())
            self.openers.add(LEADING_WORD.match(surface)[0].lower())  # type: ignore[index]
        elif entry[0] == target:
            self.entries[key] = (target, entry[1], entry[2] | {surface})


def _accepts(surface: str, exact: frozenset[str], token: Token, single: bool) -> bool:
    """Whether a case-insensitive hit stands as a name here: written as seen, or in capitals."""
    if surface in exact:
        # "Such" opening a sentence is the word, not the cricketer Peter Such
        return not (single and token.is_sent_start and token.is_stop and not surface.isupper())
    if surface.isupper() and len(surface) > 1:
        return not (single and token.is_stop)
    return False


def _hemmed(view: View, start: int, end: int) -> bool:
    """Whether a hit runs on into an unknown capitalised word, so it is likely part of a longer name."""
    if view.caps:
        return False
    for i in (start - 1, end):
        if 0 <= i < len(view.toks):
            t = view.toks[i]
            if t.is_title and t.is_alpha and t.text not in TITLES and not (i == start - 1 and t.is_sent_start):
                return True
    return False


def match_lexicon(
    text: str, views: Sequence[View], covered: list[bytearray], lexicon: Lexicon
) -> Iterator[tuple[Candidate, int]]:
    """Whole-token hits of the lexicon's names that no earlier mention covers, longest first."""
    for view in views:
        marks = covered[view.seg]
        toks = view.toks
        i = 0
        while i < len(toks):
            token = toks[i]
            if marks[i] or not token.text[:1].isupper() or token.lower_ not in lexicon.openers:
                i += 1
                continue
            hit = _longest_hit(text, view, i, marks, lexicon)
            if hit is None:
                i += 1
                continue
            end, target, label = hit
            marks[i:end] = b"\x01" * (end - i)
            yield _candidate(text, view, i, end, label), target
            i = end


def _longest_hit(
    text: str, view: View, i: int, marks: bytearray, lexicon: Lexicon
) -> tuple[int, int, str | None] | None:
    toks = view.toks
    stop = min(len(toks), i + lexicon.longest * 2)  # punctuation tokens ("U.S.", "d'Ivoire") lengthen names
    a = view.base + toks[i].idx
    for end in range(stop, i, -1):
        if any(marks[i:end]) or any(view.newline[i + 1 : end]):
            continue
        last = toks[end - 1]
        surface = text[a : view.base + last.idx + len(last)]
        entry = lexicon.entries.get(fold(surface))
        if entry is None:
            continue
        target, label, exact = entry
        if _accepts(surface, exact, toks[i], end - i == 1) and not _hemmed(view, i, end):
            return end, target, label
    return None


def gazetteer() -> Lexicon:
    """Countries, demonyms and well-known one-word names, worth finding even where the tagger missed them."""
    lex = Lexicon()
    for surface in COUNTRY_SURFACES:
        lex.add(surface, 0, "GPE")
    for surface in _lines("demonyms.txt"):
        lex.add(surface, 0, "NORP")
        lex.add(surface + "s", 0, "NORP")
    for line in _lines("entity_known_types.tsv"):
        surface, kind = line.split("\t")
        lex.add(surface, 0, kind)
    return lex


GAZETTEER = gazetteer()


# --- folding mentions into entities ------------------------------------------------------

# Tie-break order when a vote is even: the more specific reading first.
LABEL_ORDER = ("PERSON", "GPE", "ORG", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE")
# How much a cue from the sentence around a mention outweighs the tagger's label of it.
CUE_WEIGHT = 2
MIN_SLOTS = 3  # entrants of one list before their shape is evidence
CUE_LABELS = {"TEAM": "ORG", "PERSON": "PERSON", "PLACE": "GPE"}
# Types whose all-capital names are wire capitals to undo, not acronyms.
TITLE_CASED = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP", "EVENT"})


@dataclass(slots=True)
class Form:
    """All candidates written one way (folded), with their label votes."""

    key: str
    words: tuple[str, ...]
    candidates: list[Candidate]
    kin: bool = False  # shares a surname with a named person ("Grace Ellery" beside "Tom Ellery")

    def votes(self) -> Counter[str]:
        """Label weights over this form's candidates."""
        tally: Counter[str] = Counter()
        for c in self.candidates:
            if c.label:
                tally[c.label] += c.weight
            if c.cue:
                tally[CUE_LABELS[c.cue]] += CUE_WEIGHT
        return tally

    def label(self) -> str | None:
        """The form's majority label."""
        return top_label(self.votes())


def top_label(votes: Counter[str]) -> str | None:
    """The label with most weight, ties going to the more specific type."""
    if not votes:
        return None
    best = max(votes.values())
    return next((lab for lab in LABEL_ORDER if votes[lab] == best), None)


class Links:
    """Union-find over form indexes."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        """The representative of i's set."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        """Put a and b in one set."""
        self.parent[self.find(a)] = self.find(b)


def build_forms(candidates: Sequence[Candidate]) -> list[Form]:
    """Candidates gathered by how they are written, case and accents aside."""
    forms: dict[str, Form] = {}
    for c in candidates:
        key = fold(c.name)
        if key not in forms:
            forms[key] = Form(key, tuple(key.replace("'", " '").split()), [])
        forms[key].candidates.append(c)
    return list(forms.values())


def is_full_name(form: Form) -> bool:
    """A person named with at least two words and no digits (a digit means a model or a product)."""
    return len(form.words) > 1 and (form.kin or form.label() == "PERSON") and not DIGIT.search(form.key)


def mark_kin(forms: Sequence[Form]) -> None:
    """Two- or three-word names ending in a person's surname are people too, whatever the tagger said."""
    surnames = {f.words[-1] for f in forms if is_full_name(f)}
    for f in forms:
        short = 1 < len(f.words) <= 3 and all(c.surface.istitle() for c in f.candidates)
        if short and f.words[-1] in surnames and f.key not in COUNTRIES:
            f.kin = True


def _unique(matches: list[int]) -> int | None:
    return matches[0] if len(set(matches)) == 1 else None


def _acronym(form: Form) -> str | None:
    letters = form.key.replace(".", "")
    raw = form.candidates[0].surface.replace(".", "")
    if len(form.words) == 1 and 2 <= len(letters) <= 6 and raw.isupper() and raw.isalpha():
        return letters
    return None


def _initials(form: Form) -> str:
    return "".join(w[0] for w in form.words if w not in ACRONYM_SKIPS and w[0].isalpha())


def link_forms(forms: Sequence[Form]) -> Links:
    """Join forms of one thing: a surname to its person, a shortened or acronym name to its expansion."""
    links = Links(len(forms))
    mark_kin(forms)
    people = [i for i, f in enumerate(forms) if is_full_name(f)]
    for i in people:
        # "P. Simmons" is Phil Simmons when the article names no other Simmons with a P
        if INITIAL.match(forms[i].candidates[0].surface.split()[0]):
            target = _unique([p for p in people if p != i and _expands_initial(forms[p], forms[i])])
            if target is not None:
                links.join(i, target)
    longer_names = [i for i, f in enumerate(forms) if len(f.words) > 1 and not is_full_name(f)]
    for i, form in enumerate(forms):
        target = _person_of(forms, links, people, form)
        n = len(form.words)
        if target is None and n > 1 and not is_full_name(form):
            target = _unique([o for o in longer_names if len(forms[o].words) > n and forms[o].words[-n:] == form.words])
        acronym = _acronym(form)
        if target is None and acronym:
            target = _unique([o for o in longer_names if _initials(forms[o]) == acronym])
        if target is None and n == 1 and form.key not in COUNTRIES:
            # "Magna" then "Magna International Inc": the short name of the company
            target = _unique([o for o in longer_names if _company_of(forms[o], form.key)])
        if target is not None:
            links.join(i, target)
    return links


def _company_of(form: Form, word: str) -> bool:
    """Whether a name ending in a company suffix ("LM Ericsson AB") has this word among its first two."""
    return form.words[-1] in COMPANY_SUFFIXES and word in form.words[:2] and word != form.words[-1]


def _expands_initial(full: Form, short: Form) -> bool:
    return not INITIAL.match(full.words[0]) and full.words[-1] == short.words[-1] and full.key[0] == short.key[0]


def _person_of(forms: Sequence[Form], links: Links, people: list[int], form: Form) -> int | None:
    """The one person whose surname (or first name) this shorter form is, if only one fits."""
    n = len(form.words)
    if n == 1 and form.key in COUNTRIES:
        return None
    target = _unique([links.find(p) for p in people if len(forms[p].words) > n and forms[p].words[-n:] == form.words])
    # a first name, unless a company is named with the word ("Pirelli" beside "Pirelli SpA")
    if target is None and n == 1 and not any(_company_of(f, form.key) for f in forms):
        firsts = [p for p in people if forms[p].words[0] == form.words[0] != forms[p].words[-1]]
        target = _unique([links.find(p) for p in firsts])
    return target


def _countries_joined(forms: Sequence[Form], links: Links) -> None:
    """Every way of writing one country ("US", "U.S.", "America") is one entity."""
    first: dict[Country, int] = {}
    for i, form in enumerate(forms):
        country = COUNTRIES.get(form.key)
        if country is None or any(is_full_name(forms[j]) for j in _members(forms, links, i)):
            continue
        if country in first:
            links.join(i, first[country])
        else:
            first[country] = i


def _members(forms: Sequence[Form], links: Links, i: int) -> list[int]:
    root = links.find(i)
    return [j for j in range(len(forms)) if links.find(j) == root]


def dateline_candidates(text: str, structure: Structure) -> list[Candidate]:
    """The dateline's place and agency, which stand outside the prose segments spaCy reads."""
    found: list[Candidate] = []
    dl = structure.dateline
    if dl is None:
        return found
    spans: list[tuple[int | None, int | None, str, int]] = [(dl.agency_start, dl.agency_end, "ORG", 10)]
    if dl.place_start is not None and dl.place_end is not None:
        # "ANKARA/KYIV", "HOUSTON & LONDON": each place of a two-place dateline is its own place
        # ("ALBANY, N.Y. / TRENTON": the first place's qualifier is a place as well)
        for a, b in _place_pieces(text, dl.place_start, dl.place_end):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            spans.insert(0, (a, b, "GPE", 3))
    for start, end, label, weight in spans:
        if start is not None and end is not None and 0 <= start < end <= len(text):
            surface = " ".join(text[start:end].split())
            if surface and "\n" not in text[start:end]:
                found.append(Candidate(start, end, surface, label, weight))
    if dl.place_end is not None:
        # "CALGARY, Alberta": the region or country after the place is a place too
        region = DATELINE_REGION.match(text, dl.place_end, dl.end)
        if region and region[1].split()[0].rstrip(".").lower() not in MONTHS:
            found.append(Candidate(region.start(1), region.end(1), region[1], "GPE", 3))
    return found


_PLACE_JOINS = re.compile(r"/|&|,|\b(?:AND|and)\b")


def _place_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The spans of the places a dateline's place names, split at slashes, commas, "&" and "and"."""
    at = start
    for join in _PLACE_JOINS.finditer(text, start, end):
        yield at, join.start()
        at = join.end()
    yield at, end


BYLINE_LEAD = re.compile(r"\s*by\s+", re.IGNORECASE)
BYLINE_AGENCY = re.compile(r"(?:[Tt]he[ \t]+)?(?P<a>[A-Z][\w.\-]*(?:[ \t]+[A-Z][\w.\-]*){0,3}?)(?:[ \t]+[Ss]taff)?")
AGENCY_WORD = re.compile(r"[^\W\d_][\w.\-]*")
SIGNED_BYLINE = re.compile(
    r"(?P<name>[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){1,3})[ \t]*[|,][ \t]*(?P<org>[A-Z][\w.&'’\- ]{1,40}?)"
)
BYLINE_NAME = re.compile(r"[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|de|da|van|von|der|den|al|bin|le|la)){1,4}")


# "-- Luli Popescu , Bucharest Newsroom 40-1 3120264", "-- Stockholm newsroom +46-8-700 1017": the wire's
# contact line. A capitalised desk word makes the desk an organisation; a lower-case one leaves the town.
_CONTACT = re.compile(
    r"--[ \t]*(?:(?P<person>[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){1,3})[ \t]*,[ \t]*)?"
    r"(?P<desk>(?P<town>[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,3}?)[ \t]+"
    r"(?P<head>(?i:newsroom|newsdesk|news desk|desk|bureau)))(?![\w])"
)


def contact_candidates(text: str, structure: Structure) -> list[Candidate]:
    """The writer and the desk of a wire's contact line ("-- Jim Ballantyne , London Newsroom +44 ...")."""
    found: list[Candidate] = []
    pieces = [seg for seg in structure.dropped if seg.kind == "furniture"] + list(structure.paragraphs[-3:])
    for seg in pieces:
        m = _CONTACT.match(text, seg.start, min(seg.end, seg.start + 160))
        if m is None:
            continue
        if m.group("person"):
            found.append(Candidate(m.start("person"), m.end("person"), m.group("person"), "PERSON", 3))
        if m.group("head")[0].isupper():
            found.append(Candidate(m.start("desk"), m.end("desk"), " ".join(m.group("desk").split()), "ORG", 3))
        else:
            found.append(Candidate(m.start("town"), m.end("town"), m.group("town"), "GPE", 3))
    return found


# "(Reporting by Jane Holt in London; Additional reporting by Omar Sadiq; Editing by Mark Potter)": the
# wire's credit line, dropped from the body as furniture. Each role opens a list of writers, each writer
# perhaps placed ("in London").
_CREDIT_ROLE = re.compile(
    r"\b(?:additional\s+)?(?:reporting|writing|editing|compiled|compiling|fact-checking|research|graphics)"
    r"\s+by\s+",
    re.IGNORECASE,
)
_CREDIT_WRITER = re.compile(
    r"(?P<name>[A-Z][\w.'’\-]*(?:[ \t]+(?:[A-Z][\w.'’\-]*|de|da|van|von|der|den|al|bin|le|la)){1,4})"
    r"(?:[ \t]+in[ \t]+(?P<place>[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,2}))?"
)
_CREDIT_GLUE = re.compile(r"[ \t]*(?:,|and|&)[ \t]*(?:and[ \t]+)?")
MAX_CREDIT_LINE = 400


def credit_candidates(text: str, structure: Structure) -> list[Candidate]:
    """The writers and editors of a wire's credit line, and the towns they filed from: people outside the prose."""
    found: list[Candidate] = []
    for seg in structure.dropped:
        if seg.kind != "furniture" or seg.end - seg.start > MAX_CREDIT_LINE:
            continue
        for role in _CREDIT_ROLE.finditer(text, seg.start, seg.end):
            at = role.end()
            while True:
                m = _CREDIT_WRITER.match(text, at, seg.end)
                if m is None:
                    break
                found.append(Candidate(m.start("name"), m.end("name"), " ".join(m.group("name").split()), "PERSON", 3))
                if m.group("place"):
                    place = " ".join(m.group("place").split())
                    found.append(Candidate(m.start("place"), m.end("place"), place, "GPE", 3))
                glue = _CREDIT_GLUE.match(text, m.end(), seg.end)
                if glue is None or glue.end() == m.end():
                    break
                at = glue.end()
    return found


def byline_candidates(text: str, structure: Structure) -> list[Candidate]:
    """The writers a byline names ("By Jane Doe and Omar Aziz, Reuters"): people outside the prose spaCy reads.

    The outlet after the comma is an organisation; a byline line is dropped from the body, so without
    this pass its names would be missed.
    """
    found: list[Candidate] = []
    for seg in structure.dropped:
        if seg.kind != "byline" or seg.end - seg.start > 160:
            continue
        lead = BYLINE_LEAD.match(text, seg.start, seg.end)
        agency = BYLINE_AGENCY.fullmatch(text, lead.end() if lead else seg.start, seg.end)
        if agency is not None and canonical_agency(agency.group("a")) is not None:
            # "By Reuters Staff", "By AFP": the agency signs as itself, no person
            found.append(Candidate(agency.start("a"), agency.end("a"), agency.group("a"), "ORG", 3))
            continue
        if lead is None:
            alone = BYLINE_NAME.fullmatch(text, seg.start, seg.end)  # "Callum Reid" over his role line
            if alone is not None:
                found.append(Candidate(seg.start, seg.end, " ".join(alone.group().split()), "PERSON", 3))
            signed = SIGNED_BYLINE.fullmatch(text, seg.start, seg.end)  # "Jane Holt | Reuters"
            if signed is not None:
                found.append(Candidate(signed.start("name"), signed.end("name"), signed.group("name"), "PERSON", 3))
                found.append(Candidate(signed.start("org"), signed.end("org"), signed.group("org"), "ORG", 3))
            continue
        names_end = text.find(",", lead.end(), seg.end)
        names_end = seg.end if names_end < 0 else names_end
        after = text[names_end + 1 : seg.end].strip() if names_end < seg.end else ""
        outlet = BYLINE_NAME.fullmatch(after) or (AGENCY_WORD.fullmatch(after) if canonical_agency(after) else None)
        if outlet is not None:  # "..., Press Association", "..., The Daily Clarion", "..., Reuters"
            a = text.index(outlet.group(), names_end)
            found.append(Candidate(a, a + len(outlet.group()), " ".join(outlet.group().split()), "ORG", 3))
        for part in re.split(r"\s+(?:and|&)\s+", text[lead.end() : names_end]):
            m = BYLINE_NAME.fullmatch(part.strip())
            if m is None:
                continue
            a = text.index(m.group(), lead.end())
            found.append(Candidate(a, a + len(m.group()), " ".join(m.group().split()), "PERSON", 3))
    return found


def entity_type(forms: Sequence[Form], sports: bool = False) -> str:
    """One type for the whole entity: gazetteer and full-name evidence first, then the vote.

    In a sports story a region's name the tagger read as a person ("Kent made up for lost time") is
    a side named after the county; elsewhere it is the place.
    """
    if any(len(f.words) > 1 and f.words[-1] in COMPANY_SUFFIXES for f in forms):
        return "ORG"  # "Acme Holdings Inc": whatever the tagger made of "Acme" alone
    if any(len(f.words) > 1 and (f.words[-1] in EVENT_HEADS or " ".join(f.words[-2:]) in EVENT_HEADS) for f in forms):
        return "EVENT"  # "Fed Cup", "American League", "Hong Kong Open": competitions
    if any(len(f.words) > 1 and (f.words[-1] in ORG_HEADS or _opens_org(f)) for f in forms):
        return "ORG"  # "Lincoln High School", "Manchester United", "Real Sociedad"
    known = {KNOWN_TYPES.get(f.key) for f in forms}
    if len(known) == 1 and None not in known and all(len(f.words) == 1 for f in forms):
        return known.pop() or "ORG"  # "Brexit", "Twitter": never a person
    if any(COUNTRIES.get(f.key) for f in forms) and not any(is_full_name(f) for f in forms):
        return "GPE"
    if any(is_full_name(f) for f in forms):
        return "PERSON"
    votes: Counter[str] = Counter()
    for f in forms:
        votes.update(f.votes())
    if all(len(f.words) == 1 for f in forms) and any(f.key in REGIONS for f in forms):
        # a region's name alone is the place (or a side named after it) unless a title makes it a person
        titled = sum(c.cue == "PERSON" for f in forms for c in f.candidates)
        votes["ORG" if sports else "GPE"] += votes.pop("PERSON", 0) - titled * CUE_WEIGHT
        votes["PERSON"] = titled * CUE_WEIGHT
    label = top_label(votes) or "ORG"
    cues = Counter(c.cue for f in forms for c in f.candidates)
    if label == "GPE" and cues["TEAM"] > cues["PLACE"]:  # the places among its mentions split off below
        return "ORG"
    if label == "PERSON" and any(DIGIT.search(f.key) for f in forms):
        return "PRODUCT"  # "Antonov-124": people's names carry no digits
    return label


def _opens_org(form: Form) -> bool:
    """Whether a name opens with a club's or company's word as written ("Real Madrid", "FC Porto")."""
    return any(c.surface.split()[0] in ORG_OPENERS for c in form.candidates)


def _place_reading(c: Candidate) -> bool:
    """A mention the sentence puts somewhere ("in Leeds") or that is the dateline's place."""
    return c.cue == "PLACE" or (c.segment < 0 and c.label == "GPE")


def split_places(groups: Sequence[list[Form]], kinds: Sequence[str]) -> tuple[list[list[Form]], list[str]]:
    """A side named after its town keeps its mentions; where the town itself is meant, the town is its own entity."""
    out_groups: list[list[Form]] = []
    out_kinds: list[str] = []
    for forms, kind in zip(groups, kinds, strict=True):
        places = {id(c) for f in forms for c in f.candidates if _place_reading(c)}
        if kind != "ORG" or not places or len(places) == sum(len(f.candidates) for f in forms):
            out_groups.append(forms)
            out_kinds.append(kind)
            continue
        sides = [Form(f.key, f.words, [c for c in f.candidates if id(c) not in places]) for f in forms]
        towns = [Form(f.key, f.words, [c for c in f.candidates if id(c) in places]) for f in forms]
        out_groups += [[f for f in sides if f.candidates], [f for f in towns if f.candidates]]
        out_kinds += [kind, "GPE"]
    return out_groups, out_kinds


def _named_after_town(forms: Sequence[Form]) -> bool:
    """A side spaCy read as a place somewhere in the story: the same name can mean its town."""
    return any(c.label == "GPE" for f in forms for c in f.candidates)


def _town_twin(groups: list[list[Form]], kinds: list[str], twins: dict[int, int], g: int, c: Candidate) -> int:
    """The place entity beside side g, made on first need from the mention that calls for it."""
    if g not in twins:
        for i, forms in enumerate(groups):
            if kinds[i] == "GPE" and {f.key for f in forms} & {f.key for f in groups[g]}:
                twins[g] = i
                break
        else:
            groups.append([Form(fold(c.name), tuple(fold(c.name).split()), [c])])
            kinds.append("GPE")
            twins[g] = len(groups) - 1
    return twins[g]


def uncapitalise(name: str, kind: str) -> str:
    """Wire capitals undone ("BISHKEK" -> "Bishkek"), acronyms ("NATO", "U.S.") kept."""
    if not name.isupper():
        return name
    words = name.split()
    if len(words) == 1 and kind not in TITLE_CASED:
        return name
    return " ".join(w if len(w) <= 2 or "." in w else w.capitalize() for w in words)


def canonical_name(forms: Sequence[Form], kind: str) -> str:
    """The entity's name: the press name of a country, else its fullest, most used, best-cased form."""
    for f in forms:
        country = COUNTRIES.get(f.key)
        if country is not None and kind == "GPE":
            return country.name
    best = max(forms, key=lambda f: (len(f.words), len(f.candidates)))
    surfaces = Counter(c.name for c in best.candidates)
    cased = [s for s in surfaces if not s.isupper()] or list(surfaces)
    return uncapitalise(max(cased, key=lambda s: surfaces[s]), kind)


def entity_key(kind: str, name: str) -> str:
    """The identity that links one thing across articles: "person:donald trump"."""
    return f"{kind.lower()}:{fold(name)}"


def _surname_lexicon(groups: Sequence[list[Form]], kinds: Sequence[str], lex: Lexicon) -> None:
    """A person's surname finds the mentions spaCy missed, unless two people in the article share it."""
    surnames: dict[str, list[tuple[int, str]]] = {}
    for g, (forms, kind) in enumerate(zip(groups, kinds, strict=True)):
        if kind != "PERSON":
            continue
        for f in forms:
            if is_full_name(f):
                last = f.candidates[0].surface.split()[-1]
                surnames.setdefault(fold(last), []).append((g, last))
    for pairs in surnames.values():
        if len({g for g, _ in pairs}) == 1:
            for g, last in pairs:
                lex.add(last, g, None)


def repeat_mentions(
    text: str,
    views: Sequence[View],
    covered: list[bytearray],
    lex: Lexicon,
    groups: list[list[Form]],
    kinds: list[str],
    sports: bool,
) -> dict[int, list[Candidate]]:
    """Mentions spaCy missed of names the article already has, by group; a side's town gets its own."""
    extra: dict[int, list[Candidate]] = {}
    twins: dict[int, int] = {}
    for c, g in match_lexicon(text, views, covered, lex):
        town = sports or _named_after_town(groups[g])
        if kinds[g] == "ORG" and town and after_locative(views[c.segment], c.tokens[0]):
            g = _town_twin(groups, kinds, twins, g, c)  # "Kent AT Surrey": the fixture is played in the town
        hits = extra.setdefault(g, [])
        if hits and hits[-1].segment == c.segment and hits[-1].tokens[1] == c.tokens[0] and kinds[g] == "PERSON":
            # "ROBERTO" then "DURAN": a first name and a surname side by side are one mention
            hits[-1] = Candidate(hits[-1].start, c.end, text[hits[-1].start : c.end], None, 0, c.segment)
        else:
            hits.append(c)
    return extra


def extract_entities(text: str, structure: Structure, docs: Sequence[tuple[Segment, Doc]]) -> tuple[Entity, ...]:
    """Named entities of one article, one per real-world thing, each with every mention found."""
    views = [view_of(text, seg, segment, doc) for seg, (segment, doc) in enumerate(docs)]
    found, covered = spacy_candidates(text, views)
    found += [c for c, _ in match_lexicon(text, views, covered, GAZETTEER)]
    found += list(table_candidates(text, views, found, covered))
    found += list(initial_names(text, views, found))
    found += list(country_slots(text, views, found, covered))
    found += list(model_designations(text, views, found, covered))
    found = particle_names(text, views, found, covered)
    found = org_runs(text, views, found, covered)
    found += list(apposed_orgs(text, views, covered))
    found += list(bracket_acronyms(text, views, found, covered))
    hyphen_compounds(text, views, found)
    sports = is_sports_story(text, structure)
    if sports:
        sides_in_sports(views, found)
    found += dateline_candidates(text, structure)
    found += byline_candidates(text, structure)
    found += credit_candidates(text, structure)
    contacts = contact_candidates(text, structure)
    if contacts:  # the contact line's reading replaces the tagger's ("Dublin Newsroom +353" read as MISC)
        found = [c for c in found if not any(k.start < c.end and c.start < k.end for k in contacts)] + contacts
    forms = build_forms(found)
    links = link_forms(forms)
    _countries_joined(forms, links)
    by_root: dict[int, list[Form]] = {}
    for i, form in enumerate(forms):
        by_root.setdefault(links.find(i), []).append(form)
    groups = list(by_root.values())
    groups, kinds = split_places(groups, [entity_type(g, sports) for g in groups])
    lex = Lexicon()
    for g, forms_of in enumerate(groups):
        for f in forms_of:
            for c in f.candidates:
                lex.add(c.surface, g, None)
    _surname_lexicon(groups, kinds, lex)
    extra = repeat_mentions(text, views, covered, lex, groups, kinds, sports)
    entities = []
    for g, (forms_of, kind) in enumerate(zip(groups, kinds, strict=True)):
        if all(f.key in NOT_NAMES for f in forms_of):
            continue  # "Avg", "AUGUST", "In": a table heading or a calendar word, not a name
        name = canonical_name(forms_of, kind)
        spans = {(c.start, c.end) for f in forms_of for c in f.candidates}
        spans.update((c.start, c.end) for c in extra.get(g, []))
        mentions = tuple(Mention(text[a:b], a, b) for a, b in sorted(spans))
        country = COUNTRIES.get(fold(name)) if kind == "GPE" else None
        entities.append(Entity(name, kind, entity_key(kind, name), mentions, country.code if country else None))
    return tuple(sorted(entities, key=lambda e: e.mentions[0].start))
