"""Article layout: headline, standfirst, byline, dateline, subheadings, body paragraphs and dropped furniture.

Pure line logic and regular expressions over the text as submitted; every piece is a span into it.
The parse runs in three passes over the lines: mark furniture, find the dateline (the anchor between
the header and the body), then group the body lines into paragraphs. Every expression is bounded
(no nested open repeats) and dateline matching only looks at the first few hundred characters of a
line, so the whole parse stays linear in the length of the text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from app.nlp.types import Dateline, Segment, Structure

DATA_DIR = Path(__file__).parent / "data"

MAX_WITHIN = 200  # "contains:" furniture patterns only apply to lines this short
MAX_SHORT = 400  # furniture, bylines, headlines and subheadings are short: longer lines are prose
DATELINE_WINDOW = 300  # a dateline prefix lies within this many characters of its line start
HEADER_SCAN_LINES = 15  # the dateline stands within the first lines that are not furniture
MAX_HEADER_CANDIDATES = 6  # more prose than this before a "dateline" means it is not one
SENTENCE_WORDS = 2  # a first line of this many words ending in a full stop is a sentence
CAPTION_WORDS = 6  # a header line this long closed by a full stop is a caption; "Yes." is a title
PROSE_WORDS = 15  # a line this long is a sentence of the story, not a headline or a summary bullet
TERMINAL = ".!?…:;\"”’'»)]"  # a line ending in one of these may close a paragraph

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    # Spanish, as EFE and Europa Press write them ("Madrid, 12 jun (EFE).-")
    "ene": 1, "enero": 1, "febrero": 2, "marzo": 3, "abr": 4, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "ago": 8, "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "dic": 12,
    "diciembre": 12,
}  # fmt: skip

# Place name particles that stay lower case inside a title-cased place ("Rio de Janeiro").
PLACE_PARTICLES = frozenset(
    [
        "de",
        "da",
        "do",
        "dos",
        "das",
        "del",
        "la",
        "le",
        "les",
        "es",
        "al",
        "el",
        "au",
        "aux",
        "on",
        "upon",
        "of",
        "the",
        "und",
        "am",
        "im",
        "an",
        "sur",
        "di",
        "van",
        "von",
    ]
)


# ---------------------------------------------------------------- data files


def _pattern_lines(name: str) -> list[str]:
    """Non-comment, non-empty lines of a data file."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _alternation(patterns: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive expression matching any of the patterns."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the parser reads from app/nlp/data, compiled once."""

    furniture: re.Pattern[str]
    furniture_within: re.Pattern[str]  # searched anywhere in a short line
    tail: re.Pattern[str]
    headline_prefix: re.Pattern[str]
    headline_suffix: re.Pattern[str]
    byline_title: re.Pattern[str]
    sections: frozenset[str]
    agencies: dict[str, str]  # alias casefolded -> canonical
    bare_agency: re.Pattern[str]  # agency names that may stand without brackets ("Kyodo -")
    lead_agency: re.Pattern[str]  # any agency name as written, opening a line ("AP - ")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load and compile the structure data files (once per process)."""
    furniture = _pattern_lines("furniture.txt")
    affixes = _pattern_lines("structure_headline_affixes.txt")
    raw = json.loads((DATA_DIR / "agencies.json").read_text(encoding="utf-8"))
    agencies = {alias.casefold(): name for name, aliases in raw.items() if not name.startswith("_")
                for alias in [name, *aliases]}  # fmt: skip
    # Only names of three letters or more stand bare; shorter ones ("PA", "TT") are ordinary words too.
    names = sorted({a for n, al in raw.items() if not n.startswith("_") for a in [n, *al]}, key=len, reverse=True)
    bare = [a for a in names if len(a) >= 3]
    return Lexicon(
        furniture=_alternation(p for p in furniture if not p.startswith(("tail:", "contains:"))),
        furniture_within=_alternation(
            p.removeprefix("contains:").strip() for p in furniture if p.startswith("contains:")
        ),
        tail=_alternation(p.removeprefix("tail:").strip() for p in furniture if p.startswith("tail:")),
        headline_prefix=re.compile(
            "(?:"
            + "|".join(f"(?:{p.removeprefix('prefix:').strip()})" for p in affixes if p.startswith("prefix:"))
            + ")",
            re.IGNORECASE,
        ),
        headline_suffix=re.compile(
            "(?:"
            + "|".join(f"(?:{p.removeprefix('suffix:').strip()})" for p in affixes if p.startswith("suffix:"))
            + r")\s*$",
            re.IGNORECASE,
        ),
        byline_title=_alternation(_pattern_lines("structure_byline_titles.txt")),
        sections=frozenset(s.casefold() for s in _pattern_lines("structure_sections.txt")),
        agencies=agencies,
        bare_agency=re.compile("|".join(re.escape(a) for a in bare)),
        lead_agency=re.compile("|".join(re.escape(a) for a in names)),
    )


def canonical_agency(written: str) -> str | None:
    """The canonical agency name for a credit as written ("tca/dpa" -> "dpa"), or None if unknown."""
    table = lexicon().agencies
    found = table.get(written.strip().casefold())
    if found:
        return found
    for pattern in (r"[/,&+]", r"[/,&+\-]"):  # "tca/dpa"; then "PRNewswire-PRWeb"
        for piece in reversed(re.split(pattern, written)):
            found = table.get(piece.strip().casefold())
            if found:
                return found
    return None


# ---------------------------------------------------------------- lines


@dataclass(slots=True)
class Line:
    """One non-blank line: its trimmed span, indentation and whether a blank line precedes it."""

    start: int
    end: int
    indent: int
    width: int  # columns from the line's first character to its last non-space one
    blank_before: bool
    kind: str = "text"  # "text" | "furniture" | "byline" | "dateline"


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of the text with their trimmed spans."""
    lines: list[Line] = []
    pos, blank = 0, True
    for raw in text.split("\n"):
        body = raw.lstrip()
        if body:
            lead = len(raw) - len(body)
            start = pos + lead
            end = start + len(body.rstrip())
            indent = lead + 3 * raw.count("\t", 0, lead)
            lines.append(Line(start, end, indent, indent + end - start, blank))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return lines


def folded(text: str, start: int, end: int) -> str:
    """The span's words joined by single spaces."""
    return " ".join(text[start:end].split())


def is_furniture(text: str, start: int, end: int) -> bool:
    """Whether a short span is page or wire furniture by the patterns in furniture.txt."""
    return end - start <= MAX_SHORT and _furniture_words(folded(text, start, end))


def is_tail(text: str, line: Line) -> bool:
    """Whether a line opens a trailer (wire notebook, contacts) that runs to the end of the text."""
    return line.end - line.start <= MAX_SHORT and _tail_words(folded(text, line.start, line.end))


# What a page's time stamp is made of besides numbers, months and zones (data/structure_stamp_words.txt).
STAMP_WORDS = frozenset(word for line in _pattern_lines("structure_stamp_words.txt") for word in line.split())
STAMP_ANCHORS = frozenset({"ago", "now", "today", "yesterday"})
_STAMP_TOKEN = re.compile(r"[ ,]+")
_STAMP_NUMBER = re.compile(r"[+\-]?\d{1,4}(?:[:.]\d{2}){0,2}(?:st|nd|rd|th|am|pm|h)?|\d{4}-\d{2}-\d{2}(?:t[\d:.]+z?)?")
_STAMP_ZONE = re.compile(
    r"(?-i:[A-Z]{1,4}T)(?:[+\-]\d{1,2}(?::?\d{2})?)?|(?:gmt|utc)[+\-]\d{1,2}(?::?\d{2})?", re.IGNORECASE
)
MAX_STAMP = 80


def is_timestamp(words: str) -> bool:
    """Whether a short line is only a page's time stamp ("Updated 3 hours ago", "Tue 9 Apr 2024 14.05 BST").

    Every word must be a number, a month, a weekday, a zone or a stamp word, and the line must hold a
    number or a relative anchor ("ago", "yesterday"): "Updated" alone is a button, not a stamp.
    """
    if len(words) > MAX_STAMP:
        return False
    tokens = [t for t in _STAMP_TOKEN.split(words.strip(" ,.")) if t]
    anchored = False
    for token in tokens:
        low = token.casefold().rstrip(":")
        if _STAMP_NUMBER.fullmatch(low) or low in STAMP_ANCHORS:
            anchored = True
        elif not (low in STAMP_WORDS or month_number(low) is not None or _STAMP_ZONE.fullmatch(token.rstrip(":"))):
            return False
    return anchored and len(tokens) >= 2


# Cached by the words: furniture lines repeat across articles (and within junk input).
@lru_cache(maxsize=4096)
def _furniture_words(words: str) -> bool:
    lex = lexicon()
    if lex.furniture.fullmatch(words) is not None or is_timestamp(words):
        return True
    return len(words) <= MAX_WITHIN and lex.furniture_within.search(words) is not None


@lru_cache(maxsize=4096)
def _tail_words(words: str) -> bool:
    return lexicon().tail.fullmatch(words) is not None


def unclosed(text: str, line: Line) -> bool:
    """Whether a short line opens a bracket it does not close."""
    span = text[line.start : line.end] if line.end - line.start <= MAX_SHORT else ""
    return span.count("(") > span.count(")")


def ends_sentence(text: str, line: Line) -> bool:
    """Whether a line ends with punctuation that can close a paragraph."""
    return text[line.end - 1] in TERMINAL


def starts_lower(text: str, line: Line) -> bool:
    """Whether a line opens with a lower-case letter (a wrapped sentence going on)."""
    return text[line.start].islower()


def mark_lead_bullets(text: str, lines: Sequence[Line]) -> None:
    """Flag the summary bullets above the story ("* Output falls for a third month") as furniture.

    Web copy opens with key points before its first paragraph: they are neither the headline nor
    the body's first sentence. Bullets after the first prose line are a list inside the story and stay.
    """
    bullets: list[Line] = []
    labels: list[Line] = []
    labelled = 0  # lines left of a "Key Points" list, which marks its points with no bullet
    for line in lines:
        if line.kind != "text":
            continue
        if labelled and line.blank_before and bullets and bullets[-1] is not labels[-1]:
            labelled = 0  # a blank line ends the unmarked points (one may stand under the label)
        if line.end - line.start <= 40 and SUMMARY_LABEL.fullmatch(folded(text, line.start, line.end)):
            labels.append(line)
            bullets.append(line)
            labelled = MAX_SUMMARY_BULLETS
        elif labelled and len(text[line.start : min(line.end, line.start + 400)].split()) < PROSE_WORDS:
            bullets.append(line)
            labelled -= 1
        elif SUMMARY_BULLET.match(text, line.start, min(line.end, line.start + 4)):
            bullets.append(line)
        elif (
            len(text[line.start : min(line.end, line.start + 400)].split()) >= PROSE_WORDS
            or match_dateline(text, line.start, line.end) is not None
        ):
            break
    # a handful of key points; a longer run is a list or a results table, which is content
    if len(bullets) - len(labels) <= MAX_SUMMARY_BULLETS:
        for line in bullets:
            line.kind = "furniture"


NAV_WORDS = 3  # a menu item is a word or three ("World", "My View", "Autos & Transportation")
NAV_CHARS = 30
MAX_NAV_SCAN = 60  # a page's menu stands at its top
MIN_NAV_RUN = 4  # menu items stand in runs; a headline, a byline and an employer make three short lines


def is_nav_item(text: str, line: Line) -> bool:
    """Whether a line is shaped like one item of a site's menu: a capitalised word or three, no sentence."""
    if line.end - line.start > NAV_CHARS:
        return False
    span = text[line.start : line.end]
    words = [w for w in span.split() if w not in {"&", "|", "/", "-"}]
    if not 1 <= len(words) <= NAV_WORDS or "," in span or any(c.isdigit() for c in span):
        return False  # a digit makes a results row or a date line, not a menu item
    if not any(c.isupper() for c in words[0]):
        return False
    return span[-1] not in ";:!?\"”’'»" and not (span.endswith(".") and not span.endswith(".S."))


def mark_navigation(text: str, lines: Sequence[Line]) -> None:
    """Flag a pasted page's menu above the story ("Home", "World", "Business", "My View") as furniture.

    A run of at least MIN_NAV_RUN menu-shaped lines (furniture between them does not break it) before
    the first line of prose is navigation. A short line that a byline follows is the headline and stays.
    """
    run: list[Line] = []
    for i, line in enumerate(lines[:MAX_NAV_SCAN]):
        if line.kind != "text":
            continue
        if len(text[line.start : min(line.end, line.start + 400)].split()) >= PROSE_WORDS:
            break
        if match_dateline(text, line.start, line.end) is not None:
            break
        nxt = next((ln for ln in lines[i + 1 :] if ln.kind == "text"), None)
        headed = nxt is not None and byline_text(text, nxt) is not None
        if is_nav_item(text, line) and not headed:
            run.append(line)
            continue
        if _is_menu(text, run):
            _drop_masthead(lines, run[-1])
        run = []
    if _is_menu(text, run):
        _drop_masthead(lines, run[-1])


def _is_menu(text: str, run: Sequence[Line]) -> bool:
    """Whether a run of short lines is a menu: long enough, and not the capitals of a table's headings."""
    mixed = [line for line in run if not text[line.start : line.end].isupper()]
    return len(mixed) >= MIN_NAV_RUN


def _drop_masthead(lines: Sequence[Line], last: Line) -> None:
    """Everything down to a menu's last item is the page's masthead: its name, tagline and menu."""
    for line in lines:
        if line.start > last.start:
            return
        if line.kind == "text":
            line.kind = "furniture"


def mark_furniture(text: str, lines: list[Line]) -> None:
    """Flag furniture lines, and every line of a trailer, in place."""
    for i, line in enumerate(lines):
        if i >= 2 and is_tail(text, line):
            for rest in lines[i:]:
                rest.kind = "furniture"
            return
        prev = lines[i - 1] if i else None
        # A lower-case line after a long unfinished one is a wrapped sentence, whatever words it holds.
        wrapped = (
            prev is not None
            and prev.kind == "text"
            and prev.width >= 30
            and not line.blank_before
            and not ends_sentence(text, prev)
        )
        if wrapped and starts_lower(text, line):
            continue
        if is_furniture(text, line.start, line.end):
            line.kind = "furniture"
        elif prev is not None and prev.kind == "furniture" and not line.blank_before and unclosed(text, prev):
            line.kind = "furniture"  # "(Reporting by ...; Editing by" wrapped onto a second line
        elif prev is not None and prev.kind == "furniture" and labels_next(text, prev, line):
            line.kind = "furniture"  # "News provided by" / "Helio Foods": a label's value on the next line


def labels_next(text: str, label: Line, line: Line) -> bool:
    """Whether a furniture line ends as a label ("News provided by", "Photo:") whose short value is the line."""
    if label.end - label.start > MAX_WITHIN or line.end - line.start > 60 or text[line.end - 1] in ".!?":
        return False
    return re.search(r"(?:\bby|:)$", text[label.start : label.end], re.IGNORECASE) is not None


# ---------------------------------------------------------------- bylines

_BYLINE = re.compile(r"By[ \t]+(?P<name>[^\W\d_][^\n]{0,110})", re.IGNORECASE)
_BYLINE_LINK = frozenset({"and", "&", "of", "the", "in", "for", "at", "de", "van", "von", "der", "da", "al", "bin"})
_SIGNED = re.compile(r"(?P<name>[^\W\d_][\w.'’\-]*(?: [^\W\d_][\w.'’\-]*){1,3})[ \t]*[,|][ \t]*(?P<org>[^,|\n]{2,40})")
_INLINE_BYLINE = re.compile(r"By[ \t]+(?P<name>[^\W\d_][^\n]{0,60}?)[ \t]{2,}(?=\S)")


def byline_text(text: str, line: Line) -> str | None:
    """The byline a line carries ("By Jane Smith, Reuters"), or None if it is not one."""
    if line.end - line.start > 120:
        return None
    m = _BYLINE.match(text, line.start, line.end)
    if not m:
        return signed_line(text, line)
    raw = text[line.start : line.end].rstrip(" \t=")
    words = [w.strip(",;") for w in raw.split()[1:]]
    words = [w for w in words if w]
    if not words or len(words) > 14 or raw.endswith("."):
        return None
    # The words after a comma may name the employer as it spells itself ("By Helen Maguire, dpa").
    employer = canonical_agency(raw.rsplit(",", 1)[1]) if "," in raw else None
    if employer is not None:
        words = [w.strip(",;") for w in raw.rsplit(",", 1)[0].split()[1:]]
    if all(w[0].isupper() or w.lower() in _BYLINE_LINK for w in words):
        return " ".join(raw.split())
    return None


def signed_line(text: str, line: Line) -> str | None:
    """A byline written without "By": a name and a known agency ("Jane Doe, AAP")."""
    m = _SIGNED.fullmatch(text, line.start, line.end)
    if not m or canonical_agency(m.group("org")) is None:
        return None
    if not all(w[0].isupper() for w in m.group("name").split()):
        return None
    return " ".join(text[line.start : line.end].split())


def is_name_line(text: str, line: Line) -> bool:
    """Whether a line is only a person's name: two to four capitalised words ("Callum Reid", "Anna de Vries")."""
    if line.end - line.start > 40:
        return False
    words = text[line.start : line.end].split()
    if not 2 <= len(words) <= 4 or not words[0][0].isupper():
        return False
    return all((w[0].isupper() and w.replace("-", "").replace("'", "").replace(".", "").isalpha())
               or w in _BYLINE_LINK for w in words)  # fmt: skip


def is_byline_title(text: str, line: Line) -> bool:
    """Whether a line names a writer's job or employer ("AP Business Writer", "Associated Press")."""
    if line.end - line.start > 80:
        return False
    return lexicon().byline_title.fullmatch(folded(text, line.start, line.end)) is not None


_BYLINE_BY = re.compile(r"by[ \t]+", re.IGNORECASE)
_STAFF = re.compile(r"[ \t]+(?:staff(?:[ \t]+(?:writers?|reporters?))?|reporters?|correspondents?)$", re.IGNORECASE)


def byline_agency(byline: str | None) -> str | None:
    """The agency a byline names: all of it ("By Reuters Staff", "By AFP") or after its last comma or bar
    ("By Ian Jones, Press Association" -> "PA", "Jane Holt | Reuters")."""
    if not byline:
        return None
    by = _BYLINE_BY.match(byline)
    whole = _STAFF.sub("", byline[by.end() if by else 0 :]).strip()
    if whole.casefold() in lexicon().agencies:
        return lexicon().agencies[whole.casefold()]
    for mark in (",", "|"):
        if mark in byline:
            return canonical_agency(byline.rsplit(mark, 1)[1])
    return None


# ---------------------------------------------------------------- datelines

_WORD = r"[^\W\d_][^\W_]*(?:['’.\-][^\W_]+)*\.?"  # BISHKEK, N'DJAMENA, Winston-Salem, N.Y., Minn.
_PLACE = re.compile(rf"{_WORD}(?: {_WORD}){{0,4}}")
_QUALIFIER = re.compile(rf"[ \t]*,[ \t]*(?P<q>{_WORD}(?: {_WORD}){{0,3}})")
_REGION = re.compile(r"[ \t]*/[^/\n]{1,60}/")
# "ANKARA/KYIV", "MIAMI / TAMPA": a second place after a slash, not a TASS region ("/Leningrad Region/")
_SECOND_PLACE = re.compile(rf"[ \t]*/[ \t]*{_WORD}(?: {_WORD}){{0,3}}(?![\w .'’\-]*/(?![ \t]*[^\W\d_]))")
# "HOUSTON & LONDON--(BUSINESS WIRE)--", "LONDON AND PARIS (Reuters) -": two places joined by a word, in capitals only
_JOINED_PLACE = re.compile(rf"[ \t]+(?:&|and|AND)[ \t]+{_WORD}(?: {_WORD}){{0,3}}")
_MONTH_DAY = r"(?P<mon>[^\W\d_]{3,9})\.?[ \t]+(?P<day>\d{1,2})(?:[ \t]*,[ \t]*(?P<year>\d{4}))?(?!\d)"
_DAY_MONTH = r"(?P<day2>\d{1,2})[ \t]+(?P<mon2>[^\W\d_]{3,9})\.?(?:[ \t]+(?P<year2>\d{4}))?(?!\d)"
_ISO = r"(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?!\d)"
_DATE = re.compile(rf"(?:{_MONTH_DAY}|{_DAY_MONTH}|{_ISO})")
_DATE_LEAD = re.compile(r"[ \t]*,[ \t]*|[ \t]+")
_PAREN_CREDIT = re.compile(r"[ \t]*\([ \t]*(?P<a>[^()\n]{1,40}?)[ \t]*\)")
# press releases: "SAN JOSE, Calif.--(BUSINESS WIRE)--Mar 4, 2024--" (the date, when given, after the credit)
_WIRE_CREDIT = re.compile(r"[ \t]*-{1,3}[ \t]*\([ \t]*(?P<a>[^()\n]{1,40}?)[ \t]*\)[ \t]*-{1,3}[ \t]*")
_WIRE_SEP = re.compile(r"[ \t]*-{1,3}[ \t]*|[ \t]*[–—―]{1,2}[ \t]*")
_SLASH_CREDIT = re.compile(r"[ \t]*/[ \t]*(?P<a>[^/\n]{1,24}?)[ \t]*/\.?")
# The last form is Spanish agencies' ".-" ("Madrid, 12 jun (EFE).- El Gobierno ...").
_SEP = re.compile(r"[ \t]*(?:-{1,3}|_{1,2})[ \t]+|[ \t]*[–—―]{1,2}[ \t]*|[ \t]*:[ \t]+|\.-[ \t]*")
_DASH_SEP = re.compile(r"[ \t]*(?:-{1,3}|_{1,2})[ \t]+|[ \t]*[–—―]{1,2}[ \t]*")
_SPACE = re.compile(r"[ \t]+|$")
_CREDIT_LEAD = re.compile(r"[ \t]*,[ \t]*|[ \t]+")
_DOT = re.compile(r"[ \t]*\.")


@dataclass(slots=True)
class DatelineHit:
    """What the dateline scanner found at the start of a line."""

    start: int
    end: int  # where the body text begins
    place: tuple[int, int] | None = None
    date: re.Match[str] | None = None
    agency: str | None = None
    agency_span: tuple[int, int] | None = None
    byline: str | None = None
    byline_span: tuple[int, int] | None = None
    credit_known: bool = True
    slashed: bool = False  # TASS writes its credit between slashes and needs no dash after it


def month_number(word: str | None) -> int | None:
    """The month a written month name stands for ("Sept" -> 9), or None."""
    return MONTHS.get(word.casefold().rstrip(".")) if word else None


def valid_date(m: re.Match[str]) -> bool:
    """Whether a date match names a real month and a plausible day."""
    if m.group("iy"):
        return 1 <= int(m.group("im")) <= 12 and 1 <= int(m.group("id")) <= 31
    mon, day = (m.group("mon"), m.group("day")) if m.group("mon") else (m.group("mon2"), m.group("day2"))
    return month_number(mon) is not None and 1 <= int(day) <= 31


def place_is_upper(text: str, span: tuple[int, int]) -> bool:
    """Whether a place is written in capitals, the wire convention ("NEW YORK")."""
    # "NEW YORK and LONDON": the word joining two places may stay in lower case
    letters = [c for w in text[span[0] : span[1]].split() if w != "and" for c in w if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def place_is_titled(text: str, span: tuple[int, int]) -> bool:
    """Whether every word of a place starts with a capital ("San Diego", "Rio de Janeiro")."""
    words = [w for w in text[span[0] : span[1]].split() if w != "/"]
    return all(w[0].isupper() or w.lower() in PLACE_PARTICLES for w in words)


def _read_credit(text: str, pos: int, end: int, hit: DatelineHit) -> int:
    """Read an agency credit in brackets, slashes or bare ("Kyodo") at pos; return the new position."""
    for pattern in (_PAREN_CREDIT, _SLASH_CREDIT):
        m = pattern.match(text, pos, end)
        if m:
            written = m.group("a")
            known = canonical_agency(written)
            if known is None and not re.fullmatch(r"[^\W\d_][\w.\- ]{0,30}", written):
                return pos
            hit.agency = known or written
            hit.credit_known = known is not None
            hit.agency_span = (m.start("a"), m.end("a"))
            hit.slashed = pattern is _SLASH_CREDIT
            return m.end()
    m = _CREDIT_LEAD.match(text, pos, end)
    if m:
        b = lexicon().bare_agency.match(text, m.end(), end)
        if b and _SEP.match(text, b.end(), end):
            hit.agency = canonical_agency(b.group())
            hit.agency_span = (b.start(), b.end())
            return b.end()
    return pos


def _read_wire_credit(text: str, pos: int, end: int, hit: DatelineHit) -> int | None:
    """Read a press-release credit ("--(BUSINESS WIRE)--" and the date after it); return where the body starts."""
    m = _WIRE_CREDIT.match(text, pos, end)
    if not m:
        return None
    a_start, a_end = m.start("a"), m.end("a")
    inner = _CREDIT_DATE.search(text, a_start, a_end)  # "(Newsfile Corp. - February 20, 2024)"
    if inner is not None:
        d = _DATE.match(text, inner.start("d"), a_end)
        if d is not None and d.end() == a_end and valid_date(d):
            hit.date, a_end = d, inner.start()
    written = text[a_start:a_end]
    known = canonical_agency(written)
    if known is None and not re.fullmatch(r"[^\W\d_][\w.\- ]{0,30}", written):
        return None
    hit.agency, hit.credit_known, hit.agency_span = known or written, known is not None, (a_start, a_end)
    body = m.end()
    d = _DATE.match(text, body, end)
    if hit.date is None and d and valid_date(d):
        sep = _WIRE_SEP.match(text, d.end(), end)
        if sep:
            hit.date = d
            body = sep.end()
    return body


_CREDIT_DATE = re.compile(r"[ \t]+[-–][ \t]+(?P<d>[^\W\d_]{3,9}\.?[ \t]+\d)")
_SLASH_DATE_END = re.compile(r"[ \t]*/")


def _read_slashed_date(text: str, pos: int, end: int, hit: DatelineHit) -> int:
    """Read the date a newswire writes between slashes after its credit ("/ ACCESSWIRE / Feb 20, 2024 /")."""
    lead = _SPACE.match(text, pos, end)
    d = _DATE.match(text, lead.end() if lead else pos, end)
    if d is None or not valid_date(d):
        return pos
    close = _SLASH_DATE_END.match(text, d.end(), end)
    if close is None:
        return pos
    hit.date = d
    return close.end()


def _read_lead_credit(text: str, pos: int, end: int, hit: DatelineHit) -> int:
    """Read a credit that opens the line ("(ANSA) - ", "AP - ", "Canadian Press - ")."""
    m = _PAREN_CREDIT.match(text, pos, end)
    if m and canonical_agency(m.group("a")):
        sep = _SEP.match(text, m.end(), end)
        if sep:
            hit.agency = canonical_agency(m.group("a"))
            hit.agency_span = (m.start("a"), m.end("a"))
            return sep.end()
    b = lexicon().lead_agency.match(text, pos, end)
    if b and canonical_agency(b.group()):
        sep = _DASH_SEP.match(text, b.end(), end)
        if sep:
            hit.agency = canonical_agency(b.group())
            hit.agency_span = (b.start(), b.end())
            return sep.end()
    return pos


def _read_place_and_date(text: str, pos: int, end: int, hit: DatelineHit) -> int:
    """Read "PLACE[, Qualifier][ /Region/][, Date]" or a bare date at pos; return the new position."""
    m = _DATE.match(text, pos, end)
    if m and valid_date(m):
        hit.date = m
        return m.end()
    p = _PLACE.match(text, pos, end)
    if not p:
        return pos
    place_end = p.end()
    for b in lexicon().bare_agency.finditer(text, p.start() + 1, place_end):
        if b.end() == place_end and text[b.start() - 1] in " \t":
            place_end = trim_end(text, p.start(), b.start())  # "London CNN —": the credit, bare, ends the run
            break
    for _ in range(3):  # "ANKARA/KYIV", "PARIS/BERLIN/ROME"
        more = _SECOND_PLACE.match(text, place_end, end)
        if more is None:
            # "ALBANY, N.Y. / TRENTON, N.J.": the first place's qualifier stands before the slash
            q = _QUALIFIER.match(text, place_end, end)
            more = _SECOND_PLACE.match(text, q.end(), end) if q and "/" in text[q.end() : q.end() + 3] else None
            if more is not None and canonical_agency(more.group().strip(" \t/")) is not None:
                more = None  # "DENVER, CO / ACCESSWIRE /": the credit, not a second place
        if more is None:
            more = _JOINED_PLACE.match(text, place_end, end)
            if more is None or not (place_is_upper(text, (p.start(), place_end)) and place_is_upper(text, more.span())):
                break
        place_end = more.end()
    hit.place = (p.start(), place_end)
    pos = hit.place[1]
    for _ in range(3):
        lead = _DATE_LEAD.match(text, pos, end)
        d = _DATE.match(text, lead.end(), end) if lead else None
        if d and valid_date(d):
            hit.date = d
            return d.end()
        r = _REGION.match(text, pos, end) or _QUALIFIER.match(text, pos, end)
        if not r:
            break
        if r.re is _QUALIFIER and canonical_agency(r.group("q")) and _SEP.match(text, r.end(), end):
            break  # "SYDNEY, AAP - ": the agency, not a region
        if r.re is _REGION and canonical_agency(r.group().strip(" \t/")):
            break  # "AUSTIN, TX / ACCESSWIRE /": the credit, not a TASS region
        pos = r.end()
    return pos


def _remainder_is_prose(text: str, pos: int, end: int) -> bool:
    """Whether the text after a bare "PLACE -" reads as a sentence (not an all-caps headline)."""
    window = text[pos : min(end, pos + 40)]
    return bool(window) and window[0].isupper() and any(c.islower() for c in window)


def match_dateline(text: str, start: int, end: int) -> DatelineHit | None:
    """The dateline prefix at the start of a line, e.g. ``BISHKEK, March 28. /TASS/.``, or None."""
    end = min(end, start + DATELINE_WINDOW)
    hit = DatelineHit(start, start)
    pos = start
    b = _INLINE_BYLINE.match(text, pos, end)
    if b:
        hit.byline = "By " + b.group("name").strip()
        hit.byline_span = (b.start(), b.start("name") + len(b.group("name").rstrip()))
        pos = hit.start = b.end()
    lead_end = _read_lead_credit(text, pos, end, hit)
    lead = DatelineHit(hit.start, lead_end, agency=hit.agency, agency_span=hit.agency_span, byline=hit.byline,
                       byline_span=hit.byline_span)  # fmt: skip
    full = _read_full(text, lead_end, end, hit)
    if full is not None:
        return full
    return lead if lead.agency and lead_end > pos else None


def _read_full(text: str, pos: int, end: int, hit: DatelineHit) -> DatelineHit | None:
    """Continue a dateline after any lead credit: place, date, credit and the separator."""
    body = _read_place_and_date(text, pos, end, hit)
    if body == pos:
        return None
    if hit.date is not None:
        dot = _DOT.match(text, body, end)
        body = dot.end() if dot else body
    lead_agency = hit.agency
    hit.agency = None
    wired = _read_wire_credit(text, body, end, hit)
    if wired is not None:
        hit.agency = hit.agency or lead_agency
        hit.end = wired
        return hit if accept(text, hit, True, None, end) else None
    body = _read_credit(text, body, end, hit)
    has_credit = hit.agency is not None
    hit.agency = hit.agency or lead_agency
    if hit.slashed and hit.date is None:
        body = _read_slashed_date(text, body, end, hit)
    sep = _SEP.match(text, body, end)
    if sep is None and hit.slashed:
        sep = _SPACE.match(text, body, end)  # TASS: "/TASS/. Russian ..."
    if sep is None and hit.date is not None and hit.date.group("iy") and _SPACE.match(text, body, end):
        sep = _SPACE.match(text, body, end)  # CoNLL: "LONDON 1996-08-30" alone on its line
    if sep is None:
        return None
    if not accept(text, hit, has_credit, sep, end):
        return None
    hit.end = sep.end()
    return hit


def accept(text: str, hit: DatelineHit, has_credit: bool, sep: re.Match[str] | None, end: int) -> bool:
    """Whether what was read is a dateline rather than the opening words of a sentence."""
    place = hit.place
    dashed = sep is None or _DASH_SEP.fullmatch(sep.group()) is not None  # None: a press release's dashes
    if place is not None:
        upper = place_is_upper(text, place)
        # A title-case place needs a date, a known agency, or a capitalised credit and a dash after it.
        credited = hit.credit_known or (has_credit and dashed
                                        and all(w[0].isupper() for w in (hit.agency or "x").split()))  # fmt: skip
        if not upper and not (place_is_titled(text, place) and (hit.date is not None or credited)):
            return False
        if not upper and not has_credit and hit.date is None:
            return False
    if has_credit or hit.date is not None:
        return place is not None or has_credit or hit.agency is not None
    # A bare "PLACE - " needs a capitalised place, a dash and a sentence after it.
    return (
        place is not None
        and place_is_upper(text, place)
        and len(text[place[0] : place[1]].split()) <= 4
        and sep is not None
        and dashed
        and _remainder_is_prose(text, sep.end(), end)
    )


def title_place(written: str) -> str:
    """A place as it is named: "NEW YORK" -> "New York", "RIO DE JANEIRO" -> "Rio de Janeiro"."""
    letters = [c for w in written.split() if w != "and" for c in w if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return written  # "NEW YORK and LONDON" is capitals too

    def cap(word: str, first: bool) -> str:
        if not first and (word.lower() in PLACE_PARTICLES or word.lower() == "and"):
            return word.lower()
        if re.fullmatch(r"(?:[A-Z]\.){2,}\W*", word):
            return word  # "N.Y.", "D.C.": an abbreviation keeps its capitals
        parts = re.split(r"([\-'’./])", word.lower())
        return "".join(p[:1].upper() + p[1:] if i % 2 == 0 and (i == 0 or len(p) > 2) else p
                       for i, p in enumerate(parts))  # fmt: skip

    return " ".join(cap(w, i == 0) for i, w in enumerate(written.split()))


def resolve_date(m: re.Match[str], published_at: dt.date | None) -> dt.date | None:
    """The calendar date of a dateline: its own year, else the year nearest published_at."""
    try:
        if m.group("iy"):
            return dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        month = month_number(m.group("mon") or m.group("mon2"))
        day = int(m.group("day") or m.group("day2"))
        year = m.group("year") or m.group("year2")
        if month is None:
            return None
        if year:
            return dt.date(int(year), month, day)
    except ValueError:
        return None
    if published_at is None:
        return None
    if isinstance(published_at, dt.datetime):
        published_at = published_at.date()
    # A late-December dateline on an early-January story belongs to the year before (and vice versa).
    options = []
    for year in (published_at.year - 1, published_at.year, published_at.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - published_at).days)) if options else None


def date_text(m: re.Match[str]) -> str:
    """The date as written ("Dec. 9", "Aug 29, 2014"), white space folded."""
    return " ".join(m.group().split())


def build_dateline(text: str, hit: DatelineHit, published_at: dt.date | None) -> Dateline:
    """The Dateline record for a scanner hit."""
    place = title_place(text[hit.place[0] : hit.place[1]].rstrip(".")) if hit.place else None
    return Dateline(
        place=place,
        date_text=date_text(hit.date) if hit.date else None,
        date=resolve_date(hit.date, published_at) if hit.date else None,
        agency=hit.agency,
        start=hit.start,
        end=trim_end(text, hit.start, hit.end),
        place_start=hit.place[0] if hit.place else None,
        place_end=hit.place[1] if hit.place else None,
        agency_start=hit.agency_span[0] if hit.agency_span else None,
        agency_end=hit.agency_span[1] if hit.agency_span else None,
    )


def trim_end(text: str, start: int, end: int) -> int:
    """End of a span with trailing white space removed."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# ---------------------------------------------------------------- header


@dataclass(slots=True)
class Unit:
    """A run of lines read as one piece: a header line or a body paragraph."""

    start: int
    end: int
    lines: int = 1
    kind: str = "paragraph"


def is_section_label(text: str, unit: Unit, following: int) -> bool:
    """Whether a header line is a site section or breadcrumb ("Business & Economy") above a headline."""
    words = folded(text, unit.start, unit.end)
    if words.casefold() in lexicon().sections:
        return following >= 1
    if following >= 1 and len(words) <= 40 and ("&" in words or " / " in words or " > " in words):
        return True  # breadcrumb shape: "Science & Space", "News / Europe"
    tokens = words.split()
    if following < 2 or len(tokens) > 4 or text[unit.end - 1] in TERMINAL:
        return False
    return all(t[0].isupper() or t in {"&", "and", "/", "|", "-"} for t in tokens) and not any(
        c.isdigit() for c in words
    )


def strip_headline(text: str, start: int, end: int) -> tuple[int, int]:
    """The headline's words without wire status prefixes ("UPDATE 1-") or source tags ("(Reuters)")."""
    lex = lexicon()
    for _ in range(3):
        m = lex.headline_prefix.match(text, start, end)
        if not m or m.end() >= end:
            break
        start = m.end()
    for _ in range(3):
        m = lex.headline_suffix.search(text, max(start, end - 80), end)
        if not m or m.start() <= start:
            break
        end = trim_end(text, start, m.start())
    return start, end


def header_units(text: str, lines: Sequence[Line]) -> list[Unit]:
    """Header lines as units: one per line, a lower-case line joining the one before (a wrapped title)."""
    units: list[Unit] = []
    prev: Line | None = None
    for line in lines:
        if line.kind != "text":
            prev = None
            continue
        if units and prev is not None and not line.blank_before and starts_lower(text, line):
            units[-1].end = line.end
            units[-1].lines += 1
        else:
            units.append(Unit(line.start, line.end))
        prev = line
    return units


@dataclass(slots=True)
class Header:
    """What stands above the body."""

    headline: Segment | None = None
    standfirst: Segment | None = None
    dropped: list[Segment] = field(default_factory=list)


def read_header(text: str, lines: Sequence[Line]) -> Header:
    """Headline and standfirst among the header lines; sections and leftovers are dropped."""
    header = Header()
    units = header_units(text, lines)
    while units and is_section_label(text, units[0], len(units) - 1):
        header.dropped.append(Segment("furniture", units[0].start, units[0].end))
        units.pop(0)
    # A sentence standing first is a photo's caption, never the headline: "A worker walks past the plant, March 3."
    while units and units[0].lines == 1 and is_caption_sentence(text, units[0]):
        header.dropped.append(Segment("furniture", units[0].start, units[0].end))
        units.pop(0)
    if not units:
        return header
    start, end = strip_headline(text, units[0].start, units[0].end)
    header.headline = Segment("headline", start, end)
    rest = units[1:]
    if rest:
        # The standfirst is the first run of summary lines under the headline; no furniture inside it.
        run_end = 0
        while run_end + 1 < len(rest) and not has_break(lines, rest[run_end].end, rest[run_end + 1].start):
            run_end += 1
        header.standfirst = Segment("standfirst", rest[0].start, rest[run_end].end)
        header.dropped += [Segment("furniture", u.start, u.end) for u in rest[run_end + 1 :]]
    return header


WRAPPED_WIDTH = 50  # two lines this wide with no blank between are one hard-wrapped paragraph
MAX_LEFTOVERS = 6  # header lines (standfirst, author, role) between a headline and the first paragraph


def reads_as_prose(text: str, lines: Sequence[Line], i: int) -> bool:
    """Whether a line can open the body: a sentence, a long line, or a line wrapped onto the next."""
    line = lines[i]
    # a standfirst ends on no full stop; only a very long unfinished line is prose all the same
    if ends_sentence(text, line) or len(text[line.start : min(line.end, line.start + 400)].split()) >= 2 * PROSE_WORDS:
        return True
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is None or nxt.kind != "text" or nxt.blank_before:
        return False
    return starts_lower(text, nxt) or (line.width >= WRAPPED_WIDTH and nxt.width >= WRAPPED_WIDTH)


def first_prose(text: str, lines: Sequence[Line], start: int) -> int:
    """The index of the body's first line at or after start, with no dateline to anchor it.

    A pasted page puts a standfirst, the author's name and role ("Jane Doe" / "BBC News, Leeds")
    between the headline and the story: short lines that end no sentence. Those stay in the header;
    when no prose line follows within a few lines, the body starts at start as before.
    """
    seen = 0
    for i in range(start, len(lines)):
        if lines[i].kind != "text":
            continue
        if reads_as_prose(text, lines, i) and not stamped_below(text, lines, i):
            return i
        seen += 1
        if seen > MAX_LEFTOVERS:
            break
    return start


def stamped_below(text: str, lines: Sequence[Line], i: int) -> bool:
    """Whether a page's time stamp ("Published On 5 Mar 2024") stands right under line i, prose after it.

    A page prints the stamp between its standfirst and the story: the sentence above the stamp is the
    standfirst, even when it ends on a full stop.
    """
    if i + 2 >= len(lines) or lines[i + 1].kind != "furniture" or lines[i + 2].kind != "text":
        return False
    stamp = lines[i + 1]
    return stamp.end - stamp.start <= MAX_STAMP and is_timestamp(folded(text, stamp.start, stamp.end))


def has_break(lines: Sequence[Line], start: int, end: int) -> bool:
    """Whether a non-text line (furniture, byline) lies between two offsets."""
    return any(line.kind != "text" and start <= line.start < end for line in lines)


def is_caption_sentence(text: str, unit: Unit) -> bool:
    """Whether a header line is a sentence of some length closed by a full stop (a caption, not a title)."""
    words = text[unit.start : unit.end].split()
    return len(words) >= CAPTION_WORDS and not looks_like_headline(text, unit)


def looks_like_headline(text: str, unit: Unit) -> bool:
    """Whether a first line, with nothing else to anchor the header, reads as a headline.

    A headline is short and does not close on a full stop; a line of many words ending in one is
    the story's first sentence (copy that has no headline), which must not be promoted.
    """
    words = text[unit.start : unit.end].split()
    if unit.lines != 1 or unit.end - unit.start > 250 or len(words) > 30:
        return False
    last = words[-1] if words else ""
    # "... SURPRISE DEFEAT ." (tokenised copy) and "... hits U.S." end on a full stop and are headlines
    sentence = last.endswith(".") and not last.endswith("..") and last != "." and "." not in last[:-1]
    return not (sentence and len(words) >= SENTENCE_WORDS)


# ---------------------------------------------------------------- body


def wrap_width(text: str, lines: Sequence[Line]) -> int | None:
    """The column hard-wrapped copy breaks at, or None when lines run free (one paragraph a line)."""
    widths = sorted(line.width for line in lines if line.width >= 20 and line.kind == "text")
    if len(widths) < 3:
        return None
    top = widths[int(0.9 * (len(widths) - 1))]
    if top > 110:
        return None
    near = sum(1 for w in widths if w >= 0.7 * top)
    # Wrapped copy breaks mid-sentence; a paste of one paragraph a line ends nearly every line on a stop.
    stops = sum(1 for line in lines if line.width >= 20 and line.kind == "text" and ends_sentence(text, line))
    return top if near * 2 >= len(widths) and stops * 10 < len(widths) * 6 else None


BULLET = re.compile(r"(?:[-•*·▪–—]|\d{1,2}[.)])[ \t]")
SUMMARY_BULLET = re.compile(r"[-•*·▪–—►][ \t]")  # key points are marked, never numbered (numbers make a list)
MAX_SUMMARY_BULLETS = 6
# The label over a page's key points, which may carry no bullet marks ("Key Points" / "Stocks fell." / ...)
SUMMARY_LABEL = re.compile(
    r"(?:key points|key takeaways|summary|highlights|in brief|at a glance|what you need to know)[ \t]*:?",
    re.IGNORECASE,
)


def continues(text: str, prev: Line, line: Line, width: int | None, indented: bool, base: int) -> bool:
    """Whether a line carries on the paragraph of the line before it (hard-wrapped copy)."""
    if line.blank_before or BULLET.match(text, line.start, line.start + 4):
        return False
    if indented:
        # Copy that marks paragraphs by indentation: an indented line opens one, a flush line continues.
        return line.indent < base + 2
    if starts_lower(text, line):
        return True
    if width is None:
        return False
    first_word = len(text[line.start : min(line.end, line.start + 40)].split(" ", 1)[0])
    if prev.width + 1 + first_word > width * 0.95:
        return True  # the break was forced by the width
    return not ends_sentence(text, prev) and prev.width >= 0.5 * width


def group_body(text: str, lines: Sequence[Line]) -> list[Unit]:
    """Body lines grouped into paragraphs (blank lines, indentation, or hard wrapping decide)."""
    prose = [line for line in lines if line.kind == "text"]
    width = wrap_width(text, prose)
    base = min((line.indent for line in prose), default=0)
    deep = sum(1 for line in prose if line.indent >= base + 2)
    indented = deep >= 2 and deep < len(prose)
    units: list[Unit] = []
    prev: Line | None = None
    for line in lines:
        if line.kind != "text":
            units.append(Unit(line.start, line.end, kind=line.kind))
            prev = None
            continue
        if prev is not None and units and continues(text, prev, line, width, indented, base):
            units[-1].end = line.end
            units[-1].lines += 1
        else:
            units.append(Unit(line.start, line.end))
        prev = line
    return units


_TRAILING_SIGNOFF = re.compile(
    r"(?:\(|--?[ \t]*)[ \t]*(?:additional[ \t]+)?(?:reporting|writing|editing|compiled)[ \t]+by\b[^()]{0,300}\)?\s*$",
    re.IGNORECASE,
)


def split_signoff(text: str, unit: Unit) -> tuple[Unit, Segment | None]:
    """A paragraph without a closing "(Reporting by ...; Editing by ...)", and that sign-off."""
    m = _TRAILING_SIGNOFF.search(text, max(unit.start, unit.end - 400), unit.end)
    if not m or m.start() <= unit.start:
        return unit, None
    end = trim_end(text, unit.start, m.start())
    return Unit(unit.start, end, unit.lines), Segment("furniture", m.start(), unit.end)


def is_subheading(text: str, unit: Unit) -> bool:
    """Whether a body line is a short title-like subheading, not a sentence."""
    span = text[unit.start : unit.end]
    if unit.lines > 1 or len(span) > 80 or unit.kind != "paragraph":
        return False
    words = span.split()
    if not 1 <= len(words) <= 10 or not span[0].isupper() or span[-1] in ".,;:!…\"”’'»)]-–—":
        return False
    if ": " in span:  # "HOST: Will taxes rise?" is a transcript turn
        return False
    wordy = sum(1 for w in words if w[0].isalpha())
    return wordy * 5 >= len(words) * 4 and BULLET.match(span[:4]) is None


def read_body(text: str, lines: Sequence[Line]) -> tuple[list[Segment], list[Segment], list[Segment]]:
    """Paragraphs, subheadings and dropped furniture of the body lines."""
    paragraphs: list[Segment] = []
    subheadings: list[Segment] = []
    dropped: list[Segment] = []
    units = group_body(text, lines)
    for unit in units:
        if unit.kind == "paragraph" and unit.lines > 1 and is_furniture(text, unit.start, unit.end):
            unit.kind = "furniture"
    mark_signoff_lines(text, units)
    prose = [u for u in units if u.kind == "paragraph"]
    for i, unit in enumerate(prose):
        between = 0 < i < len(prose) - 1
        if between and is_subheading(text, unit) and not is_subheading(text, prose[i + 1]):
            subheadings.append(Segment("subheading", unit.start, unit.end))
            continue
        kept, signoff = split_signoff(text, unit)
        if signoff is not None:
            dropped.append(signoff)
        if kept.end > kept.start:
            paragraphs.append(Segment("paragraph", kept.start, kept.end))
    dropped += [Segment(u.kind, u.start, u.end) for u in units if u.kind != "paragraph"]
    return paragraphs, subheadings, dropped


# ---------------------------------------------------------------- the whole article


def find_dateline(text: str, lines: Sequence[Line]) -> tuple[int, DatelineHit] | None:
    """The index of the first line opening with a dateline among the first lines, and the match."""
    seen = 0
    candidates = 0
    for i, line in enumerate(lines):
        if line.kind != "text":
            continue
        seen += 1
        if seen > HEADER_SCAN_LINES or candidates > MAX_HEADER_CANDIDATES:
            return None
        hit = match_dateline(text, line.start, line.end)
        if hit is not None:
            return i, hit
        stacked = stacked_dateline(text, lines, i)
        if stacked is not None:
            return stacked
        if byline_text(text, line) is None:
            candidates += 1
    return None


_LONE_DASH = re.compile(r"[-–—―]{1,3}")


def stacked_dateline(text: str, lines: Sequence[Line], i: int) -> tuple[int, DatelineHit] | None:
    """A dateline a page lays out one piece a line ("London" / "CNN" / "—"): the index of its dash line.

    The place must be a short capitalised name, the credit a known agency alone on its line, and the
    dash alone on the third; the place and credit lines are marked as the dateline's.
    """
    if i + 2 >= len(lines):
        return None
    place, credit, dash = lines[i], lines[i + 1], lines[i + 2]
    if place.end - place.start > 40 or credit.end - credit.start > 40 or place.kind != "text":
        return None
    p = _PLACE.match(text, place.start, place.end)
    if p is None:
        return None
    q = _QUALIFIER.match(text, p.end(), place.end)
    span = (p.start(), q.end() if q else p.end())
    if span[1] != place.end or not (place_is_upper(text, span) or place_is_titled(text, span)):
        return None
    agency = canonical_agency(text[credit.start : credit.end])
    if agency is None or _LONE_DASH.fullmatch(text, dash.start, dash.end) is None:
        return None
    place.kind = credit.kind = "dateline"
    hit = DatelineHit(place.start, dash.end, place=span, agency=agency, agency_span=(credit.start, credit.end))
    return i + 2, hit


def mark_bylines(text: str, lines: Sequence[Line]) -> str | None:
    """Flag byline lines, and the job lines under them, in the header; return the first byline."""
    found: str | None = None
    after_byline = False
    prose = [line for line in lines if line.kind == "text"]
    for i, line in enumerate(prose):
        byline = byline_text(text, line)
        if byline is None and i + 1 < len(prose) and is_name_line(text, line) and is_byline_title(text, prose[i + 1]):
            byline = " ".join(text[line.start : line.end].split())  # "Callum Reid" over "Islands correspondent"
        if byline is not None:
            line.kind = "byline"
            found = found or byline
            after_byline = True
        elif after_byline and is_byline_title(text, line):
            line.kind = "byline"
        else:
            after_byline = False
    return found


_SIGNOFF_WORD = re.compile(r"[=\-\s(]*(?P<a>[^\W\d_]{2,20})")
# "-- Valley Daily Media", "— The Northern Echo": an outlet signing the story off on the last line
_OUTLET_WORD = r"(?:[A-Z][\w.&'\-]*|of|the|and|&)"
_DASH_SIGNOFF = re.compile(rf"(?:--|[—–])[ \t]*(?P<a>[A-Z][\w.&'\-]*(?:[ \t]+{_OUTLET_WORD}){{0,5}})[ \t]*")


_CREDIT_NAME = r"(?P<a>[A-Z][\w.&'\-]*(?:[ \t]+[A-Z][\w.&'\-]*){0,3})"
_CLOSING_CREDITS = tuple(
    re.compile(p)
    for p in (
        rf"(?:©|\([cC]\)|[Cc]opyright)[ \t]*(?:\d{{4}}[ \t]*)?(?:[Tt]he[ \t]+)?{_CREDIT_NAME}",
        rf"[Oo]ur [Ss]tandards:[ \t]*[Tt]he[ \t]+{_CREDIT_NAME}[ \t]+[Tt]rust [Pp]rinciples",
        rf"(?:[Tt]he[ \t]+)?{_CREDIT_NAME}[ \t]+(?:[\w\-]+[ \t]+)?(?:writers?|reporters?|correspondents?)\b"
        r".{0,160}\bcontributed",
    )
)


def signoff_agency(text: str, dropped: Iterable[Segment], after: int = 0) -> tuple[str, int, int] | None:
    """An agency named by a sign-off such as "REUTER", "==Kyodo", "AP-WF-..." or "-- Some Media" after the body."""
    tail = [seg for seg in dropped if seg.end - seg.start <= 60]
    for seg in tail:
        written = text[seg.start : seg.end].strip(" \t\n=-—–()")
        if written and canonical_agency(written):  # "-- Press Association"
            at = text.index(written, seg.start)
            return canonical_agency(written) or written, at, at + len(written)
        m = _SIGNOFF_WORD.match(text, seg.start, seg.end)
        agency = canonical_agency(m.group("a")) if m else None
        if agency and m:
            return agency, m.start("a"), m.end("a")
    # a page's closing credit: "Copyright 2023 The Associated Press. All rights reserved.", "Our Standards:
    # The Thomson Reuters Trust Principles.", "Associated Press writer Jo Roe contributed to this report."
    for seg in dropped:
        if seg.start < after or seg.end - seg.start > 200:
            continue
        for credit in _CLOSING_CREDITS:
            c = credit.match(text, seg.start, seg.end)
            written = c.group("a").split(". ")[0].rstrip(".") if c else ""
            agency = canonical_agency(written) if written else None
            if agency and c:
                return agency, c.start("a"), c.start("a") + len(written)
    # an outlet unknown to the agency list counts only after the body's last paragraph, led by a dash
    # (page furniture such as "Share this article" may follow it)
    for seg in tail:
        d = _DASH_SIGNOFF.fullmatch(text, seg.start, seg.end) if seg.start >= after else None
        if d:
            return d.group("a"), d.start("a"), d.end("a")
    return None


def mark_signoff_lines(text: str, units: Sequence[Unit]) -> None:
    """Flag the last paragraphs that only name a known agency ("Press Association", "(AP)") as a sign-off."""
    for unit in reversed(units):
        if unit.kind != "paragraph":
            continue
        written = text[unit.start : unit.end].strip(" \t=-—–()[]") if unit.end - unit.start <= 60 else ""
        if unit.lines > 1 or not written or canonical_agency(written) is None:
            return
        unit.kind = "furniture"


def _body_lines(text: str, lines: list[Line], first: int, body_start: int) -> list[Line]:
    """Lines from index first on, the first one cut to begin at body_start (after a dateline)."""
    body = lines[first:]
    if body and body_start > body[0].start:
        head = body[0]
        start = body_start
        while start < head.end and text[start].isspace():
            start += 1
        if start >= head.end:
            return body[1:]
        body = [Line(start, head.end, head.indent, head.width, head.blank_before, head.kind), *body[1:]]
    return body


def parse_structure(text: str, published_at: dt.date | None = None) -> Structure:
    """Split an article into headline, standfirst, byline, dateline, subheadings, paragraphs and furniture."""
    try:
        return _parse(text, published_at)
    except Exception:  # layout guesses must never fail an ingest: fall back to plain blocks
        return plain_blocks(text)


def plain_blocks(text: str) -> Structure:
    """Every blank-line-separated block as a paragraph: the layout-free reading of a text."""
    paragraphs = []
    for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text):
        paragraphs.append(Segment("paragraph", m.start(), trim_end(text, m.start(), m.end())))
    return Structure(None, None, None, None, (), tuple(paragraphs))


def _parse(text: str, published_at: dt.date | None) -> Structure:
    lines = split_lines(text)
    if not lines:
        return Structure(None, None, None, None, (), ())
    mark_furniture(text, lines)
    mark_navigation(text, lines)
    mark_lead_bullets(text, lines)
    found = find_dateline(text, lines)
    dropped: list[Segment] = []
    hit: DatelineHit | None = None
    if found is not None:
        index, hit = found
        header_lines, first_body, body_start = lines[:index], index, hit.end
        byline = mark_bylines(text, header_lines) or hit.byline
        if hit.byline_span:
            dropped.append(Segment("byline", *hit.byline_span))
    else:
        byline = mark_bylines(text, lines[: HEADER_SCAN_LINES + 1])
        last_byline = max((i for i, line in enumerate(lines[: HEADER_SCAN_LINES + 1]) if line.kind == "byline"),
                          default=-1)  # fmt: skip
        if last_byline >= 0:
            first_body = first_prose(text, lines, last_byline + 1)
            header_lines = [line for line in lines[:first_body] if line.kind != "byline"]
        else:
            first_text = next((i for i, line in enumerate(lines) if line.kind == "text"), len(lines))
            first_units = header_units(text, lines[first_text : first_text + 2])
            takes_headline = bool(first_units) and looks_like_headline(text, first_units[0])
            if takes_headline and first_units[0].lines == 1 and first_units[0].end == lines[first_text].end:
                first_body = first_prose(text, lines, first_text + 1)
                header_lines = lines[:first_body]
            else:
                header_lines, first_body = lines[:first_text], first_text
        body_start = lines[first_body].start if first_body < len(lines) else len(text)
    header = read_header(text, header_lines)
    dropped += header.dropped
    dropped += [Segment(line.kind, line.start, line.end) for line in lines[:first_body]
                if line.kind not in ("text", "dateline")]  # fmt: skip
    paragraphs, subheadings, body_dropped = read_body(text, _body_lines(text, lines, first_body, body_start))
    dropped += body_dropped
    dateline = _dateline(text, hit, published_at, byline, body_dropped, paragraphs)
    return Structure(
        headline=header.headline,
        standfirst=header.standfirst,
        dateline=dateline,
        byline=byline,
        subheadings=tuple(subheadings),
        paragraphs=tuple(paragraphs),
        dropped=tuple(sorted(dropped, key=lambda s: s.start)),
    )


def _dateline(
    text: str,
    hit: DatelineHit | None,
    published_at: dt.date | None,
    byline: str | None,
    tail: Sequence[Segment],
    paragraphs: Sequence[Segment],
) -> Dateline | None:
    """The dateline, its agency filled from the byline or a sign-off when the prefix names none."""
    dateline = build_dateline(text, hit, published_at) if hit is not None else None
    if dateline is not None and dateline.agency:
        return dateline
    agency = byline_agency(byline)
    span: tuple[int, int] | None = None
    if agency is None:
        signed = signoff_agency(text, tail, paragraphs[-1].end if paragraphs else 0)
        if signed is not None:
            agency, span = signed[0], (signed[1], signed[2])
    if agency is None:
        return dateline
    if dateline is None:
        at = paragraphs[0].start if paragraphs else len(text)
        return Dateline(None, None, None, agency, at, at, agency_start=span and span[0], agency_end=span and span[1])
    return Dateline(
        dateline.place, dateline.date_text, dateline.date, agency, dateline.start, dateline.end,
        dateline.place_start, dateline.place_end,
        span[0] if span else None, span[1] if span else None,
    )  # fmt: skip
