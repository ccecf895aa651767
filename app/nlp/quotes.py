"""Quotes with resolved speakers: direct (in quotation marks), mixed and indirect reported speech.

Direct quotes are found by scanning quotation marks per segment; their attribution is read
from the dependency parse around them (a speech verb and its subject). Indirect and mixed
quotes are the clausal (or object) complements of speech verbs. Speakers are resolved to the
article's entities: a subject inside an entity mention takes that entity's canonical name;
pronouns and descriptions ("the spokeswoman") take the most recent compatible entity.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from app.nlp.types import Entity, Quote, Segment, Speaker, Structure

DATA = Path(__file__).parent / "data"


@cache
def word_list(name: str) -> frozenset[str]:
    """One lower-cased word per line of a data file, comments and blanks skipped."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


CUE_VERBS = word_list("cue_verbs.txt")
OBJECT_CUES = word_list("cue_object_verbs.txt")
INTRO_NOUNS = word_list("quote_intro_nouns.txt")
PERSON_NOUNS = word_list("quote_person_nouns.txt")
ORG_NOUNS = word_list("quote_org_nouns.txt")
BODY_NOUNS = word_list("quote_body_nouns.txt")
XCOMP_CUES = word_list("cue_xcomp_verbs.txt")
HONORIFICS = word_list("quote_honorifics.txt")
REFUSALS = word_list("cue_refusal_verbs.txt")
INTENTS = word_list("cue_intent_verbs.txt")
COMMITMENTS = word_list("cue_commitment_verbs.txt")
VOICING = word_list("cue_voicing_verbs.txt")
STANCE_NOUNS = word_list("cue_stance_nouns.txt")
COURT_NOUNS = word_list("cue_court_nouns.txt")
CUE_NOUNS = word_list("cue_nouns.txt")
DIRECT_CUES = word_list("cue_direct_verbs.txt")
DISPLAY_NOUNS = word_list("quote_display_nouns.txt")
DOCUMENT_NOUNS = word_list("quote_document_nouns.txt")
MEDIUM_NOUNS = word_list("quote_medium_nouns.txt")
EVIDENCE_CUES = word_list("cue_evidence_verbs.txt")
CALL_ACTS = word_list("cue_call_acts.txt")
CHANT_VERBS = word_list("quote_chant_verbs.txt")
WORK_NOUNS = word_list("quote_work_nouns.txt")
# what a verb takes as its complement: words in quotation marks there are what the subject said
COMPLEMENT_DEPS = frozenset({"dobj", "oprd", "ccomp", "xcomp", "attr", "acomp", "dative"})
# "a source said, which ...", "... was over; residents ...": where reported content gives way to the writer's aside
ASIDE_OPENERS = frozenset({"which", "who", "whom", "whose"})
NEGATIONS = frozenset({"not", "n't", "never"})
# object cues whose "for" phrase is what was asked for ("called for unity"), not a reason ("criticised for")
# object cues whose "of" phrase is the charge laid ("accused the board of lying")
OF_CUES = frozenset({"accuse"})
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself"})
# particles that make "call" an act ("call off", "call up", "call back", "call in"), unlike "call on", "call out"
CALL_PARTICLES = frozenset({"off", "up", "back", "in"})
FOR_CUES = frozenset({"call", "appeal", "press", "push", "plead", "ask", "blame", "praise", "thank"})

# Each opening mark and the marks accepted as its close (writers mix styles).
CAPTION = re.compile("|".join(f"(?:{p})" for p in sorted(word_list("quote_caption_marks.txt"))), re.IGNORECASE)
CLOSERS = {"“": '”"', "«": "»", "„": '“”"', '"': '"”', "‘": "’", "‹": "›"}
MARKS = frozenset('“”«»„"‘’‹›')
MAX_DEPTH = 4  # nesting deeper than this is noise, not quotation
VERB_POS = frozenset({VERB, AUX})
SENTENCE_END = frozenset(".!?")
DASHES = frozenset("―—–")
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "we", "it"})
FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us"})
# words that never stand as a speaker's name
NOT_NAMES = frozenset(
    {"he", "she", "it", "they", "i", "we", "you", "who", "that", "which", "him", "her", "them", "this"}
    | {"his", "hers", "its", "their", "one", "someone", "these", "those", "what", "whom", "all", "both"}
)
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
PARTITIVES = frozenset({"one", "some", "many", "several", "two", "three", "most", "none", "both", "all"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# right dependents that start a new clause rather than continue a verb's complement
STOP_DEPS = frozenset({"cc", "conj", "advcl", "relcl", "parataxis", "punct", "mark", "nsubj"})
CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "acl", "pcomp"})
PERSON_TYPES = frozenset({"PERSON"})
GROUP_TYPES = frozenset({"ORG", "GPE", "NORP"})
BYLINE_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)
# words that show a passage is someone speaking, not a narrative excerpt
SPEAKER_VOICE = re.compile(r"\b(?:I|I'm|I've|me|my|mine|[Ww]e|[Uu]s|[Oo]ur|[Yy]ou|[Yy]our)\b")
SCARE_WORDS = 3  # quoted stretches this short inside a sentence are fragments, not quotes
MIN_CONTENT_TOKENS = 3
# A token knows its doc, not where that doc's segment starts in the article: noted on the doc.
BASE = "dateline.quotes.base"
STARTS = "dateline.quotes.starts"


@dataclass(frozen=True, slots=True)
class Marked:
    """A stretch inside quotation marks: the mark offsets and the words between (absolute)."""

    open: int
    start: int
    end: int
    close: int | None  # None when the paragraph leaves the quote open


@dataclass(slots=True)
class Draft:
    """A quote found but not yet attributed to a named speaker."""

    type: str
    start: int
    end: int
    subject: Token | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    show_mention: bool = True  # False when the speaker is inferred from earlier text
    carried: bool = False  # True when the speaker is to come from the previous quote
    label: tuple[int, int] | None = None  # "WALLACE:" transcript label span
    runs_on: bool = False  # left open at the paragraph's end and taken up by the next paragraph


@dataclass(slots=True)
class Context:
    """Per-article lookups: entity mentions by offset, titles seen next to names, quote spans."""

    text: str
    mentions: list[tuple[int, int, Entity]]
    starts: list[int]
    canonical: dict[str, Entity]
    titles: dict[str, list[tuple[int, Entity]]] = field(default_factory=dict)
    recent: dict[str, list[tuple[int, Entity]]] = field(default_factory=dict)
    quoted: list[tuple[int, int]] = field(default_factory=list)
    author: Speaker | None = None  # who "I" is in a first-person piece: the byline or closing bio's name
    docs: Sequence[tuple[Segment, Doc]] = ()  # the parsed segments, for looking back from a pronoun


def extract_quotes(
    text: str, structure: Structure, docs: Sequence[tuple[Segment, Doc]], entities: Sequence[Entity]
) -> tuple[Quote, ...]:
    """Direct, mixed and indirect quotes of an article, each with its speaker resolved."""
    ctx = build_context(text, entities)
    marked = [find_marked(text, seg.start, seg.end) for seg, _ in docs]
    directs: list[list[Marked]] = []
    fragments: list[list[Marked]] = []
    for (seg, doc), ms in zip(docs, marked, strict=True):
        doc.user_data[BASE] = seg.start
        opened = [inner_marks(text, m) if is_excerpt(text, seg, m) else None for m in ms]
        ms = [m for m, inner in zip(ms, opened, strict=True) if inner is None]
        ms = [m for m in ms if not displayed(doc, m.open - seg.start)]  # slogans on placards speak for nobody
        ms = [m for m in ms if not names_not_words(text, seg, doc, m)]
        kinds = [is_fragment(text, seg, doc, m) for m in ms]
        # the quotation marks inside a quoted passage of someone's writing hold the speech it reports
        for inner in filter(None, opened):
            ms, kinds = ms + inner, kinds + [False] * len(inner)
        directs.append([m for m, frag in zip(ms, kinds, strict=True) if not frag])
        fragments.append([m for m, frag in zip(ms, kinds, strict=True) if frag])
    ctx.quoted = sorted((m.start, m.end) for ms in directs for m in ms)
    ctx.docs = docs
    index_recent(ctx, docs)
    ctx.author = author_of(ctx, structure, docs)
    drafts: list[Draft] = []
    for i, (seg, doc) in enumerate(docs):
        if seg.kind == "paragraph" and CAPTION.search(text[seg.start : seg.end].strip()) is not None:
            continue  # a photo caption left in the body: "FILE PHOTO: ...", "... REUTERS/Jane Doe"
        drafts.extend(direct_drafts(text, docs, i, directs))
        drafts.extend(reported_drafts(text, seg, doc, ctx, fragments[i]))
        if seg.kind in ("headline", "standfirst", "subheading") and not directs[i]:
            drafts.extend(headline_drafts(text, seg, doc))
    drafts.sort(key=lambda d: (d.start, d.end))
    return tuple(resolve_all(drafts, ctx))


# ---------------------------------------------------------------- quotation marks


def find_marked(text: str, start: int, end: int) -> list[Marked]:
    """Top-level quoted stretches of text[start:end]; an unclosed one runs to the end."""
    found: list[Marked] = []
    stack: list[tuple[str, int]] = []
    for i in range(start, end):
        c = text[i]
        if c not in MARKS:
            continue
        depth = closing_depth(stack, text, i, end)
        if depth is not None:
            if depth == 0:
                found.append(inner(text, stack[0][1], i, i))
                stack.clear()
            else:
                del stack[depth:]
        elif c in CLOSERS and len(stack) < MAX_DEPTH and opens_here(text, i, start, end):
            stack.append((c, i))
    if stack:
        found.append(inner(text, stack[0][1], end, None))
    return [m for m in found if m.end > m.start]


def closing_depth(stack: list[tuple[str, int]], text: str, i: int, end: int) -> int | None:
    """Depth of the innermost open quote the mark at i closes, or None."""
    c = text[i]
    for depth in range(len(stack) - 1, -1, -1):
        opener = stack[depth][0]
        if c in CLOSERS[opener] and (opener != "‘" or closes_single(text, i, end)):
            return depth
    return None


def opens_here(text: str, i: int, start: int, end: int) -> bool:
    """Whether a mark can open a quote here (a single mark only before a word, after a non-word)."""
    if text[i] == '"':
        return not (i > start and text[i - 1].isdigit())  # 6'3" tall: an inch mark
    if text[i] != "‘":
        return True
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isalnum() and not after.isspace()


def closes_single(text: str, i: int, end: int) -> bool:
    """Whether ’ closes a single-quoted stretch rather than standing as an apostrophe."""
    after = text[i + 1] if i + 1 < end else " "
    return not after.isalnum() and not text[i - 1].isspace()


def inner(text: str, open_at: int, close_at: int, close: int | None) -> Marked:
    """The words between two marks, white space trimmed."""
    s, e = open_at + 1, close_at
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Marked(open_at, s, e, close)


def inner_marks(text: str, m: Marked) -> list[Marked]:
    """The quoted stretches inside a quoted stretch."""
    return find_marked(text, m.start, m.end)


def is_excerpt(text: str, seg: Segment, m: Marked) -> bool:
    """A paragraph-long quoted passage of writing told in the third person, holding quotes of its own.

    `McCrummen reports: / "The first time she saw him ... what she called a 'rant' ..."` cites an
    article: its own quotation marks, not the passage, hold what people said.
    """
    if m.open != seg.start or text[m.close + 1 : seg.end].strip(" .,") if m.close is not None else False:
        return False
    inner = [i for i in inner_marks(text, m) if i.close is not None]
    if not inner:
        return False
    bounds = [m.start, *(x for i in inner for x in (i.open, (i.close or i.end) + 1)), m.end]
    outside = " ".join(text[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True))
    return len(outside.split()) >= 5 and SPEAKER_VOICE.search(outside) is None


def is_fragment(text: str, seg: Segment, doc: Doc, m: Marked) -> bool:
    """A quoted stretch embedded in a sentence (a scare quote or quoted phrase), not a quote."""
    j = m.open - 1
    while j >= seg.start and text[j].isspace():
        j -= 1
    before = text[j] if j >= seg.start and "\n" not in text[j : m.open] else ""
    if before in ("", ":") or before in SENTENCE_END or before in MARKS or m.close is None:
        return False
    if before.isalnum() or before in "-/$(":
        # `Trump declared "I think ..."`: a speech verb right before a capitalised quote introduces it
        return not (text[m.start].isupper() and token_before_is_cue(doc, m.open - seg.start))
    if len(text[m.start : m.end].split()) <= SCARE_WORDS and not attributed_after(text, seg, m):
        return not (before == "," and text[m.start].isupper())
    return False


def token_before_is_cue(doc: Doc, rel: int) -> bool:
    """Whether the token before relative offset rel is a speech verb (not a placard "reading" words)."""
    k = bisect.bisect_left(token_starts(doc), rel) - 1
    return k >= 0 and is_direct_cue(doc[k]) and not on_display(doc[k])


def on_display(verb: Token) -> bool:
    """Whether a verb gives the words a thing carries: "placards reading", "a banner that said"."""
    carrier = subject_of(verb) or (verb.head if verb.dep_ in ("acl", "relcl") else None)
    return carrier is not None and carrier.lemma_.lower() in DISPLAY_NOUNS


def displayed(doc: Doc, rel: int) -> bool:
    """Whether the words right before relative offset rel put a quote on a placard, sign or slogan."""
    k = bisect.bisect_left(token_starts(doc), rel) - 1
    for tok in doc[max(0, k - 3) : k + 1]:
        if tok.lemma_.lower() in DISPLAY_NOUNS and tok.pos_ == "NOUN":
            return True
        if tok.pos_ in ("VERB", "AUX") and (on_display(tok) or tok.lemma_.lower() in CHANT_VERBS):
            return True
    return False


def names_not_words(text: str, seg: Segment, doc: Doc, m: Marked) -> bool:
    """Quotation marks around a nickname, a title or a stage direction, not around anyone's words.

    `Robert C. "Bobby" Scott`, `DuVernay's documentary, "13th," opens`, `his column headlined
    "Time to Go"`, `"(CROSSTALK.)"`.
    """
    inside = text[m.start : m.end].strip()
    if inside.startswith("(") and inside.rstrip(".").endswith(")"):
        return True
    after = text[m.close + 1 : m.close + 3].lstrip() if m.close is not None else ""
    words = inside.split()
    before = text[max(seg.start, m.open - 3) : m.open].rstrip()
    k = bisect.bisect_left(token_starts(doc), m.open - seg.start) - 1
    capitalised = 1 <= len(words) <= 2 and all(w[:1].isupper() for w in words) and after[:1].isupper()
    if capitalised and (before[-1:].isalpha() or before.endswith(".")) and k >= 0:
        nxt = bisect.bisect_left(token_starts(doc), (m.close or m.end) + 1 - seg.start)
        if doc[k].pos_ == "PROPN" and nxt < len(doc) and doc[nxt].ent_type_ in PERSON_TYPES:
            return True  # a nickname between the parts of a name
    while k >= 0 and doc[k].text == ",":
        k -= 1
    return k >= 0 and doc[k].lemma_.lower() in WORK_NOUNS and doc[k].pos_ in ("NOUN", "VERB")


def attributed_after(text: str, seg: Segment, m: Marked) -> bool:
    """Whether a quoted stretch ends the way a quote with a following attribution does."""
    if m.close is None:
        return False
    last = text[m.end - 1]
    nxt = text[m.close + 1 : m.close + 2]
    return last in ",?!" or nxt == ","


# ---------------------------------------------------------------- direct quotes


def direct_drafts(
    text: str, docs: Sequence[tuple[Segment, Doc]], i: int, directs: list[list[Marked]]
) -> Iterator[Draft]:
    """Drafts for the direct quotes of segment i, attributed where the text says who spoke."""
    seg, doc = docs[i]
    ms = directs[i]
    drafts: list[Draft] = []
    for k, m in enumerate(ms):
        draft = Draft("direct", m.start, m.end)
        label = transcript_label(text, m)
        if label:
            draft.start = label[1] + 1
            while draft.start < draft.end and text[draft.start].isspace():
                draft.start += 1
            draft.label = label
        else:
            # a lead-in (`X said, "...`) is surer than what follows, which may lead into the next quote
            found = [
                before_attribution(text, seg, doc, m, ms[:k]),
                after_attribution(text, seg, doc, m, ms[k + 1 :]),
            ]
            # ... unless the lead-in is only a verb before a colon and a speech verb follows: `...: "...," X wrote`
            if found[0] is not None and not is_direct_cue(found[0][0]) and found[1] is not None and found[1][1]:
                found.reverse()
            named = [f for f in found if f is not None and f[1] is not None]
            attach(draft, named[0] if named else next((f for f in found if f is not None), None))
        if draft.subject is None and draft.label is None:
            attach(draft, embedding_clause(text, seg, doc, m))
        drafts.append(draft)
    fill_within_paragraph(drafts)
    if drafts and ms[-1].close is None and continues_next(text, docs, i):
        drafts[-1].runs_on = True
    for k, draft in enumerate(drafts):
        if draft.subject is None and draft.label is None:
            intro = introduced_by(text, docs, i, ms[k])
            if intro is not None:
                draft.subject, draft.show_mention = intro, False
            else:
                draft.carried = True
    yield from drafts


def embedding_clause(text: str, seg: Segment, doc: Doc, m: Marked) -> tuple[Token, Token | None] | None:
    """The verb and subject of the sentence a quote sits inside: `a doctor had typed "homicidal ideation."`."""
    j = m.open - 1
    while j >= seg.start and text[j].isspace():
        j -= 1
    if j < seg.start or not text[j].isalnum():
        return None
    words = tokens_between(doc, seg.start, m.start, m.end)
    verb = governing_verb(words.root) if len(words) else None
    subject = subject_of(verb) if verb is not None else None
    if verb is None or subject is None or subject.i >= words.start:
        return None
    return verb, subject


def continues_next(text: str, docs: Sequence[tuple[Segment, Doc]], i: int) -> bool:
    """Whether the paragraph after segment i opens with a quotation mark, taking up an open quote."""
    if i + 1 >= len(docs) or docs[i + 1][0].kind != "paragraph":
        return False
    nxt = docs[i + 1][0]
    return text[nxt.start : nxt.start + 1] in CLOSERS


def attach(draft: Draft, found: tuple[Token, Token | None] | None) -> bool:
    """Give a draft the cue and subject found for it; True when there was one."""
    if found is None:
        return False
    cue, subject = found
    base = cue.doc.user_data.get(BASE, 0)
    draft.cue_start, draft.cue_end = base + cue.idx, base + cue.idx + len(cue.text)
    if cue.text[-1] in DASHES:
        draft.cue_start = draft.cue_end - 1  # a signing dash glued to the closing mark (`”―`)
    if cue.lower_ == "according" and cue.i + 1 < len(cue.doc):
        draft.cue_end = base + cue.doc[cue.i + 1].idx + len(cue.doc[cue.i + 1].text)
    draft.subject = subject
    return True


def fill_within_paragraph(drafts: list[Draft]) -> None:
    """Unattributed quotes in a paragraph take the attribution of a neighbour in it."""
    for k, draft in enumerate(drafts):
        if draft.subject is not None or draft.label is not None:
            continue
        donors = [d for d in drafts[:k][::-1] + drafts[k + 1 :] if d.subject is not None]
        if donors:
            draft.subject = donors[0].subject
            draft.cue_start, draft.cue_end = donors[0].cue_start, donors[0].cue_end


def transcript_label(text: str, m: Marked) -> tuple[int, int] | None:
    """The span of a "NAME:" speaker label opening a transcript quote."""
    head = text[m.start : min(m.end, m.start + 40)]
    colon = head.find(":")
    if colon <= 0:
        return None
    name = head[:colon]
    words = name.split()
    capitalised = all(w[:1].isupper() for w in words) and name.replace(" ", "").replace(".", "").isalpha()
    if 1 <= len(words) <= 3 and capitalised and (name.isupper() or len(words) >= 2):
        return m.start, m.start + colon
    return None


def token_starts(doc: Doc) -> list[int]:
    """Each token's offset in its doc, computed once per doc."""
    starts: list[int] | None = doc.user_data.get(STARTS)
    if starts is None:
        starts = doc.user_data[STARTS] = [t.idx for t in doc]
    return starts


def tokens_between(doc: Doc, base: int, start: int, end: int) -> Span:
    """The tokens of a doc lying inside absolute offsets [start, end)."""
    starts = token_starts(doc)
    lo = bisect.bisect_left(starts, start - base)
    hi = bisect.bisect_left(starts, end - base)
    return doc[lo:hi]


def after_attribution(
    text: str, seg: Segment, doc: Doc, m: Marked, later: list[Marked]
) -> tuple[Token, Token | None] | None:
    """The cue and subject right after a quote: `"...," said X` or `"...," X told reporters`."""
    if m.close is None:
        return None
    stop = later[0].open if later else seg.end
    gap = tokens_between(doc, seg.start, m.close + 1, stop)
    signed = signature(text, m.close + 1, gap)
    if signed is not None:
        return signed
    if not attributed_after(text, seg, m) and not lower_follows(text, m.close + 1, seg.end):
        return None
    words = []
    for tok in gap:
        if tok.text in SENTENCE_END:
            break
        words.append(tok)
    # the cue nearest the quote is its attribution: `"...," he said, adding that the plan suggests`
    return cue_in(words[:24], colon=False, forward=True)


def signature(text: str, after: int, gap: Span) -> tuple[Token, Token | None] | None:
    """A dash and a name signing a quote: `"..." ― Jane Doe, 25`."""
    words = [t for t in gap[:8] if not t.is_space]
    if words and words[0].text in DASHES:
        dash, words = words[0], words[1:]
    else:
        # the tokenizer glues a dash typed against the closing mark to it (`”―`), outside the gap
        stripped = text[after : after + 3].lstrip()
        if not stripped or stripped[0] not in DASHES or not len(gap) or not gap[0].i:
            return None
        dash = gap[0].doc[gap[0].i - 1]
    if not words or words[0].pos_ != "PROPN":
        return None
    name = words[0]
    while name.i + 1 < gap.end and name.nbor().pos_ == "PROPN":
        name = name.nbor()
    return dash, name


def lower_follows(text: str, i: int, end: int) -> bool:
    """Whether the next word after offset i starts lower case (the sentence goes on)."""
    while i < end and not text[i].isalnum():
        i += 1
    return i < end and text[i].islower()


def before_attribution(
    text: str, seg: Segment, doc: Doc, m: Marked, earlier: list[Marked]
) -> tuple[Token, Token | None] | None:
    """The cue and subject ending the sentence before a quote: `he replied: "..."`."""
    j = m.open - 1
    while j >= seg.start and text[j].isspace():
        j -= 1
    if j < seg.start or text[j] not in ":,—–":
        return None
    begin = earlier[-1].close + 1 if earlier and earlier[-1].close is not None else seg.start
    words = list(tokens_between(doc, seg.start, begin, j + 1))
    for k in range(len(words) - 1, -1, -1):
        if words[k].text in SENTENCE_END:
            words = words[k + 1 :]
            break
    return cue_in(words, colon=text[j] == ":")


def cue_in(words: list[Token], colon: bool, forward: bool = False) -> tuple[Token, Token | None] | None:
    """The speech verb nearest a quote among some tokens, and its subject; after a colon any verb introduces."""
    for tok in words if forward else reversed(words):
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            pobj = [c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"]
            return tok, (pobj[0] if pobj else None)
        if is_direct_cue(tok) or (colon and tok.pos_ == "VERB"):
            subject = subject_of(tok)
            # a subject outside the attribution is the parse reaching into the quote: `"Prices," said X`
            if subject is not None and not words[0].i <= subject.i <= words[-1].i:
                subject = None
            # an inverted subject follows its verb at once ("said Mayor X"), not after "on Fox News's"
            if subject is not None and subject.left_edge.i > tok.i + 1:
                subject = None
            return tok, subject or nearby_subject(tok, words)
    return None


def is_cue(tok: Token) -> bool:
    """Whether a token is a speech verb."""
    return tok.pos_ in ("VERB", "AUX") and (tok.lemma_.lower() in CUE_VERBS or tok.lower_ in CUE_VERBS)


def is_direct_cue(tok: Token) -> bool:
    """Whether a token attributes a quotation: a speech verb, or a verb like "shouted" or "read"."""
    return is_cue(tok) or (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in DIRECT_CUES)


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a verb, climbing out of participles and conjuncts."""
    tok: Token | None = verb
    for step in range(4):
        if tok is None:
            return None
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and not c.is_punct]
        # "The charity Age Concern said": a noun and the name it introduces, parsed as two subjects
        if (
            len(subjects) == 2
            and subjects[1].pos_ == "PROPN"
            and subjects[0].right_edge.i + 1 == subjects[1].left_edge.i
        ):
            subjects = subjects[1:]
        # "Acme's senior vice-president Jane Doyle said": a hyphenated title split into subjects of its own
        elif len(subjects) >= 2 and subjects[-1].ent_type_ in PERSON_TYPES and subjects[-1].i < tok.i:
            subjects = subjects[-1:]
        if not step and not subjects and tok.dep_ in ("conj", "ROOT"):
            stranded = subject_left_behind(tok)
            if stranded is not None:
                return stranded
        for child in subjects:
            # a climbed-to "we" or "you" is the speaker's own words, not the speaker ("I" is the writer)
            if step and child.lower_ in FIRST_SECOND_PERSON - {"i"}:
                return None
            return agent_of(tok) if child.dep_ == "nsubjpass" and agent_of(tok) else child
        quoted_as = quoting_source(tok)
        if quoted_as is not None:
            return quoted_as
        if tok.dep_ == "xcomp":
            # "forced the chief to admit that ...": the object of the governing verb does the speaking
            obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if obj is not None and (is_person(obj) or obj.pos_ in ("PROPN", "PRON")):
                return obj
        tok = tok.head if tok.dep_ in CLIMB_DEPS and tok.head.i != tok.i else None
    return None


def quoting_source(verb: Token) -> Token | None:
    """Who speaks in "Xinhua quoted an official as saying" (the official), or "he was quoted as saying" (he)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() != "quote":
        return None
    quoted = [c for c in prep.head.children if c.dep_ in ("dobj", "nsubjpass")]
    return quoted[0] if quoted else None


def subject_left_behind(verb: Token) -> Token | None:
    """The subject of a conjoined verb that the parse joined to the clause before instead.

    "met officials on Friday and its president, Gary Holt, said ...": the noun phrase between
    "and" and the verb is the verb's subject, though parsed as a conjunct of "Friday".
    """
    k = verb.i - 1
    if k > 0 and verb.doc[k].text == ",":
        k -= 1
    tok = verb.doc[k]
    while tok.dep_ in ("appos", "compound", "flat") and tok.head.i < verb.i:
        tok = tok.head
    opener = tok.left_edge.i - 1
    if opener > 0 and verb.doc[opener].text == "," and tok.ent_type_ in PERSON_TYPES:
        # "... and its chief executive, Lena Ross, said": the name set off after its title
        title = verb.doc[opener - 1]
        if is_person(title) and title.left_edge.i > 0 and verb.doc[title.left_edge.i - 1].dep_ == "cc":
            return tok
    if opener < 0 or verb.doc[opener].dep_ != "cc" or tok.right_edge.i < k or tok.i >= verb.i:
        return None
    person_like = is_person(tok) or tok.lower_ in PERSON_PRONOUNS | {"they"} or tok.lemma_.lower() in ORG_NOUNS
    return tok if person_like and tok.pos_ in ("NOUN", "PROPN", "PRON") else None


def agent_of(verb: Token) -> Token | None:
    """The "by X" agent of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def nearby_subject(verb: Token, words: list[Token]) -> Token | None:
    """When the parse gives no subject, the closest name or pronoun beside the verb."""
    # a subject stands before its verb unless the attribution is inverted right after it ("said X")
    near = sorted(words, key=lambda t: (t.i > verb.i + 1, abs(t.i - verb.i)))
    for tok in near:
        if tok.i != verb.i and (tok.ent_type_ in ("PERSON", "ORG") or tok.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS):
            return tok
    return None


def introduced_by(text: str, docs: Sequence[tuple[Segment, Doc]], i: int, m: Marked) -> Token | None:
    """Whose words a quote with no attribution gives, from the sentence just before it."""
    seg, doc = docs[i]
    sent = last_sentence_before(doc, m.open - seg.start)
    if sent is None and i > 0 and docs[i - 1][0].kind == "paragraph":
        prev = docs[i - 1][1]
        sent = prev[-1].sent if len(prev) else None
    if sent is None:
        return None
    # the remark named last is the one the quote gives ("speaking about X's statement, Y recalled a remark by Z")
    for tok in reversed(sent):
        if tok.lemma_.lower() in INTRO_NOUNS and tok.pos_ == "NOUN":
            owner = owner_of(tok)
            if owner is not None:
                return owner
    if sent[-1].text == ":" or (len(sent) > 1 and sent[-2].text == ":"):
        root = sent.root
        if root.pos_ in ("VERB", "AUX"):
            return subject_of(root)
    return None


def last_sentence_before(doc: Doc, rel: int) -> Span | None:
    """The last full sentence of a doc ending before relative offset rel."""
    best = None
    for sent in doc.sents:
        if sent.end_char <= rel:
            best = sent
        else:
            break
    return best


def owner_of(noun: Token) -> Token | None:
    """Who a remark belongs to: "a remark by X", "X's statement"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


# ---------------------------------------------------------------- indirect and mixed


def reported_drafts(text: str, seg: Segment, doc: Doc, ctx: Context, fragments: list[Marked]) -> Iterator[Draft]:
    """Indirect and mixed quotes: the complements of speech verbs outside direct quotes."""
    found = list(cued_drafts(text, seg, doc, ctx, fragments))
    for frag in fragments:
        if any(d.start <= frag.start and frag.end <= d.end + 1 for d in found):
            continue
        draft = fragment_draft(seg, doc, ctx, frag)
        if draft is None:
            continue
        # an object cue that stopped short of the fragment ("described X" of "described X as 'Y'") gives way
        found = [d for d in found if d.cue_start != draft.cue_start]
        found.append(draft)
    yield from found


def cued_drafts(text: str, seg: Segment, doc: Doc, ctx: Context, fragments: list[Marked]) -> Iterator[Draft]:
    """Indirect and mixed quotes governed by a speech verb or "according to"."""
    # "X said the output rose, state media reported": one report, credited to the first cue
    taken: set[tuple[int, int]] = set()
    for tok in doc:
        if tok.pos == NOUN:
            found, speaker = noun_content(tok)
        # cheap integer test first: only verbs and "according" can report speech
        elif tok.pos not in VERB_POS and tok.lower_ != "according":
            continue
        else:
            found = content_of(tok) if reports_speech(tok) else None
            speaker = speaker_token(tok) if found else None
        if found is None or inside_quote(ctx, seg.start + tok.idx):
            continue
        # '"He loves us," Ana said, and soon the lights went down': the clause before is the direct quote's
        first = next((t for t in doc[found[0] : tok.i] if not t.is_punct), None)
        if first is not None and inside_quote(ctx, seg.start + first.idx):
            continue
        for lo, hi in [found, *further_clauses(tok)]:
            hi = cut_aside(doc, ctx, seg.start, lo, hi)
            start, end = whole_fragments(fragments, *trim_content(doc, seg.start, lo, hi))
            end = predicate_end(doc, seg.start, tok, fragments, start, end)
            named = naming_fragment(text, tok, fragments, end)
            if named is not None:
                end = named
            elif end - start < 8 or hi - lo + 1 < MIN_CONTENT_TOKENS:
                continue
            if quoted_share(ctx, start, end) * 2 > end - start:
                continue
            has_fragment = any(f.start >= start and f.end <= end + 1 for f in fragments)
            kind = "mixed" if has_fragment or quoted_share(ctx, start, end) else "indirect"
            if kind == "indirect" and undertakes(tok):
                continue
            if (start, end) in taken:
                continue
            taken.add((start, end))
            draft = Draft(kind, start, end)
            attach(draft, (tok, speaker))
            yield draft


def predicate_end(doc: Doc, base: int, verb: Token, fragments: list[Marked], start: int, end: int) -> int:
    """Where an object cue's report ends: at the quoted words it puts on its object.

    `criticized the act as a "crazy system" during a stop in Flint`, `blasted Clinton as a "disgrace"
    Wednesday on a radio show`: what follows the quoted predicate tells when and where it was said.
    """
    if verb.lemma_.lower() not in OBJECT_CUES or (is_cue(verb) and any(c.dep_ == "ccomp" for c in verb.children)):
        return end
    closes = [f.close for f in fragments if f.close is not None and start <= f.open and f.close < end]
    if not closes:
        return end
    close = closes[-1]
    after = tokens_between(doc, base, close + 1, end)
    first = next((t for t in after if not t.is_space and t.text not in MARKS), None)
    if first is None:
        return end
    # the quoted words go on ("... "a con" and a "fraud""), or the object's own phrase does
    if first.dep_ in ("cc", "conj") or (first.text == "," and len(after) > 1 and after[1].dep_ == "conj"):
        return end
    if first.is_punct or first.head.i == verb.i or first.dep_ in ("prep", "npadvmod", "advmod", "relcl", "acl"):
        return close + 1
    return end


def naming_fragment(text: str, verb: Token, fragments: list[Marked], end: int) -> int | None:
    """The end of a quoted name right after an object cue's object: `who calls the project "a monster"`.

    The parse may hang the quoted words elsewhere (as an apposition of the subject); standing right
    after the object, with nothing between, they are what the object was called.
    """
    if verb.lemma_.lower() not in OBJECT_CUES or not any(c.dep_ == "dobj" for c in verb.children):
        return None
    for f in fragments:
        if f.close is not None and f.open >= end and not text[end : f.open].strip():
            return f.close + 1
    return None


def further_clauses(verb: Token) -> list[tuple[int, int]]:
    """Second that-clauses of one cue: "said it had not been told, and that it expected ..."."""
    if not any(c.dep_ == "ccomp" for c in verb.children):
        return []
    return [
        (c.left_edge.i, c.right_edge.i)
        for c in verb.rights
        if c.dep_ == "conj" and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"
    ]


def whole_fragments(fragments: list[Marked], start: int, end: int) -> tuple[int, int]:
    """Content offsets widened to take in whole any quoted fragment they cut into.

    Quoted words are the speaker's as a unit: the parse may end a complement inside them (`called
    Burma a "good news story in an era when ..."` cut after "era"), but the report takes them all.
    """
    for f in fragments:
        if f.close is None:
            continue
        if f.start < end <= f.end and start <= f.open:
            end = f.close + 1
        if f.start < start < f.end and f.end <= end:
            start = f.open
    return start, end


def noun_content(noun: Token) -> tuple[tuple[int, int] | None, Token | None]:
    """The "that" clause of a noun of speech and who spoke: "X's claim that ...", "said in a statement that"."""
    lemma = noun.lemma_.lower()
    voiced = noun.dep_ == "dobj" and noun.head.lemma_.lower() in VOICING
    if lemma not in CUE_NOUNS and not (lemma in STANCE_NOUNS and voiced):
        return None, None
    clause = next((c for c in noun.rights if c.dep_ in ("acl", "relcl") and starts_with_that(c)), None)
    if clause is None:
        return None, None
    speaker = owner_of(noun) or next((c for c in noun.lefts if c.dep_ == "compound" and c.ent_type_), None)
    if speaker is None and noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        speaker = subject_of(noun.head.head)
    if speaker is None and voiced:
        speaker = subject_of(noun.head)
    if speaker is None:
        return None, None
    return (clause.left_edge.i, clause.right_edge.i), speaker


def starts_with_that(clause: Token) -> bool:
    """Whether a clause opens with the complementiser "that" (not a relative "that" standing as subject)."""
    first = clause.left_edge
    return first.lower_ == "that" and first.dep_ == "mark"


def reports_speech(tok: Token) -> bool:
    """Whether a cue stands for speech that happened, by the one the sentence names.

    "declined to say how many" reports no speech, "Asked whether ..., she said" is a question put
    to the speaker, and "citing a manager" names a source, not what was said.
    """
    # "declined to say how many", "plans to call on", "dared him to say": speech refused or not yet made
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in REFUSALS | INTENTS:
        return False
    # "the review indicates he was registered", "a survey suggests": evidence shown, not speech
    if tok.lemma_.lower() in EVIDENCE_CUES:
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "csubj")), None)
        if subject is not None and names_a_thing(subject, evidence=True):
            return False
    # "a group calling itself "Clean Air Now"": a name taken, not words said
    reflexive = any(c.dep_ in ("dobj", "dative") and c.lower_ in REFLEXIVES for c in tok.children)
    if reflexive and not any(c.dep_ == "ccomp" for c in tok.children):
        return False
    # "called off the strike", "called lawmakers back", "called up reservists": a phrasal verb of acting
    if tok.lemma_.lower() == "call" and any(
        c.lower_ in CALL_PARTICLES for c in tok.rights if c.dep_ in ("prt", "advmod")
    ):
        return False
    # "called an emergency meeting", "called a snap election": convening, unless the thing is named ("a farce")
    if tok.lemma_.lower() == "call":
        objs = [c for c in tok.children if c.dep_ in ("dobj", "oprd", "ccomp", "xcomp")]
        act = len(objs) == 1 and objs[0].dep_ == "dobj" and objs[0].lemma_.lower() in CALL_ACTS
        if act and not any(t.text in MARKS for t in objs[0].subtree):
            return False
    # "did not say whether ...", "has never claimed that ...": negated speech reports none
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in NEGATIONS) for c in tok.children):
        return False
    # "was criticised for ...", "has been called a charlatan": the subject is the one spoken about, and
    # without a "by" agent nobody is named as speaking
    # "commuters who had been told to expect ...": the subject is the one addressed; a clause
    # ("it was announced that ...") still reports what was said
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    clausal = tok.lemma_.lower() not in OBJECT_CUES - CUE_VERBS and any(c.dep_ == "ccomp" for c in tok.children)
    if passive and agent_of(tok) is None and not clausal:
        return False
    if tok.tag_ == "VBN" and tok.dep_ == "advcl" and not any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return False
    rights = [c for c in tok.rights if c.dep_ in ("dobj", "oprd", "prep", "ccomp", "xcomp")]
    addressed = {c.lemma_.lower() for c in rights if c.dep_ == "dobj"}
    if tok.lemma_.lower() in XCOMP_CUES and addressed & COURT_NOUNS and any(c.dep_ == "xcomp" for c in rights):
        return False  # "asked the court to block the strike": a filing
    if tok.lemma_.lower() in OBJECT_CUES and len(rights) == 1 and rights[0].dep_ == "dobj":
        # "accused the mayor of hiding the cost": the parse may hang the charge on the person
        charge = next((c for c in rights[0].children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return (charge is not None and tok.lemma_.lower() in OF_CUES) or not is_person(rights[0])
    return True


def names_a_thing(subject: Token, evidence: bool = False) -> bool:
    """Whether a subject is a thing that cannot speak: "the raid killed", "his performance confirms".

    A singular common noun that is no person, body, document or medium of someone's words (for a
    verb of evidence, documents and media are things too: "the survey indicates"); a relative
    pronoun stands for its antecedent ("cancer, which confirmed ...").
    """
    if subject.lower_ in ("which", "that") and subject.head.dep_ == "relcl":
        subject = subject.head.head
    if subject.pos_ != "NOUN" or subject.tag_ != "NN" or subject.ent_type_:
        return False
    # "Another critic, Laurence H. Tribe,": a description set beside a name is that person
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in subject.children):
        return False
    lemma = subject.lemma_.lower()
    return lemma not in PERSON_NOUNS | ORG_NOUNS | (frozenset() if evidence else DOCUMENT_NOUNS | MEDIUM_NOUNS)


def undertakes(verb: Token) -> bool:
    """Whether a cue reports a commitment to act ("agreed to meet"), not what was said ("agreed that")."""
    return verb.lemma_.lower() in COMMITMENTS and not any(c.dep_ == "ccomp" for c in verb.children)


def is_person(tok: Token) -> bool:
    """Whether a noun phrase's head names a person: a PERSON name or a person noun ("a warehouse manager")."""
    return tok.ent_type_ == "PERSON" or (tok.pos_ == "NOUN" and tok.lemma_.lower() in PERSON_NOUNS)


def fragment_draft(seg: Segment, doc: Doc, ctx: Context, frag: Marked) -> Draft | None:
    """A mixed quote around a quoted fragment whose verb is no speech cue: `She branded the plan "a farce"`.

    Putting someone's words in quotation marks is itself the report, so the verb governing the
    fragment, when it has a subject, frames what that subject said.
    """
    words = tokens_between(doc, seg.start, frag.start, frag.end)
    if not len(words):
        return None
    verb = governing_verb(words.root)
    if verb is not None and verb.lemma_.lower() == "have":
        return None  # 'they had guns at the ready to "shoot ..."': holding is no framing of words
    # a speech verb had its chance to frame the fragment: "told MSNBC's "Morning Joe"" names an audience
    if verb is None or inside_quote(ctx, seg.start + verb.idx):
        return None
    # ... unless the quoted words are what it warned of: `warned of "countermeasures"`
    if is_cue(verb) and not topic_of_speech(verb, words.root):
        return None
    subject = subject_of(verb)
    if subject is None or subject.i > verb.i or names_a_thing(subject):
        return None
    span = right_complement(verb)
    if span is None or not (span[0] <= words.start and words.end - 1 <= span[1]):
        return None
    if not frames_words(verb, words.root):
        return None
    start, end = trim_content(doc, seg.start, span[0], span[1])
    if end - start < 8:
        return None
    draft = Draft("mixed", start, end)
    attach(draft, (verb, subject))
    return draft


def topic_of_speech(verb: Token, tok: Token) -> bool:
    """Whether a token sits in the "of"/"about"/"against" phrase of a speech verb ("warned of ...")."""
    while tok.head.i != verb.i:
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return tok.dep_ == "prep" and tok.lower_ in ("of", "about", "against")


def frames_words(verb: Token, tok: Token) -> bool:
    """Whether a fragment stands in what a verb says of its object, not in a circumstance of the act.

    `branded the plan "a farce"`, `accused him of "lying"`, `described it as "a mess"` put words in
    someone's mouth; `marched through the town against a planned "super-sewer"` only names a thing
    in the writer's (scare) quotation marks.
    """
    while tok.head.i != verb.i:
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    if tok.dep_ in COMPLEMENT_DEPS:
        return True
    return tok.dep_ == "prep" and (tok.lower_ in ("as", "of") or any(c.dep_ in COMPLEMENT_DEPS for c in verb.children))


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb above a token (the token itself excluded), within a few steps."""
    for _ in range(6):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok
    return None


def right_complement(verb: Token) -> tuple[int, int] | None:
    """Token range of what follows a verb as its complements, up to a comma or a new clause."""
    lo = hi = None
    for child in verb.rights:
        if child.text not in MARKS and (child.dep_ in STOP_DEPS or child.is_punct):
            if lo is not None:
                break
            continue
        lo = child.left_edge.i if lo is None else lo
        hi = child.right_edge.i
    return None if lo is None or hi is None else (lo, hi)


def content_of(tok: Token) -> tuple[int, int] | None:
    """Token range [lo, hi] of what a speech verb or "according to" reports."""
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return according_content(tok)
    lemma = tok.lemma_.lower()
    if not is_cue(tok) and not (tok.pos_ == "VERB" and lemma in OBJECT_CUES | XCOMP_CUES):
        return None
    if lemma in CUE_VERBS:
        clause = reported_clause(tok)
        if clause is not None:
            return None if clause_without_subject(tok, clause) else clause_content(tok, clause)
        if tok.dep_ == "parataxis" and subject_of(tok) is not None:
            # "The test, North Korea said, was its biggest": the whole sentence is reported; "X will cut
            # jobs, two people said, asking not to be named": what stands before a trailing cue
            after = [c for c in tok.head.rights if c.i > tok.right_edge.i]
            trailing = all(c.is_punct or (c.dep_ == "advcl" and c.left_edge.tag_ == "VBG") for c in after)
            if trailing and tok.head.i < tok.left_edge.i:
                return tok.sent.start, tok.left_edge.i - 1
            if tok.head.dep_ in ("relcl", "ccomp", "advcl"):
                # "the stadium, which, Tompkins said, is usually full": the clause the cue stands in
                return tok.head.left_edge.i, tok.head.right_edge.i
            return tok.sent.start, tok.sent.end - 1
        late = late_content(tok) or audience_clause(tok) or far_that_clause(tok)
        if late is not None:
            return late
        if lemma not in OBJECT_CUES:
            glued = glued_clause(tok)
            if glued is not None:
                return glued
    if lemma in XCOMP_CUES:
        xcomp = [c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i]
        if xcomp:
            objs = [c for c in tok.children if c.dep_ in ("dobj", "dative") and tok.i < c.i < xcomp[0].i]
            # "asked not to be named", "asked to speak": a request about oneself, said to nobody
            if not objs and lemma not in COMMITMENTS and not any(c.dep_ in ("prep", "prt") for c in tok.children):
                return None
            return (objs or xcomp)[0].left_edge.i, xcomp[0].right_edge.i
    if lemma in OBJECT_CUES:
        objs = [c for c in tok.children if c.dep_ in ("dobj", "oprd") or object_prep(tok, c)]
        if objs and all(c.i > tok.i for c in objs):
            return min(c.left_edge.i for c in objs), max(c.right_edge.i for c in objs)
    return None


def reported_clause(verb: Token) -> Token | None:
    """The clausal complement a cue reports: one after it, or one before that runs up to its subject.

    "The plan will fail, he said" reports what stands before; "It is unlikely; the office says she
    will attend" and "... was drifting off, and as X went on, Melanie said yes" join to the cue a
    clause the writer set apart from it.
    """
    clauses = sorted((c for c in verb.children if c.dep_ == "ccomp"), key=lambda c: c.i < verb.i)
    for clause in clauses:
        if clause.i > verb.i:
            return clause
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
        until = subject.left_edge.i if subject is not None else verb.i
        last = clause.right_edge.i
        while last > clause.i and verb.doc[last].is_punct:
            last -= 1  # the clause's own closing punctuation counts as standing between
        between = verb.doc[last + 1 : until]
        if all(t.is_punct and t.text not in ";:" for t in between):
            return clause
    return None


def clause_without_subject(verb: Token, clause: Token) -> bool:
    """Whether a finite clause after a cue has no subject anywhere: "Everything Trump says is a lie".

    The parse read the cue's own object clause ("everything Trump says") as the speaker saying "is a lie".
    """
    if clause.i < verb.i or clause.tag_ not in ("VBZ", "VBD", "VBP"):
        return False
    if any(c.dep_ in SUBJECT_DEPS | {"expl"} for c in clause.children):
        return False
    return stranded_subject(verb, clause.left_edge.i) == clause.left_edge.i


def late_content(verb: Token) -> tuple[int, int] | None:
    """What a cue standing after its content reports, when the parse made the content the main clause.

    "The fence had cut crossings by half, a deputy minister, X, told a news conference": the cue
    hangs as a conjunct of the content's verb, joined by a comma alone (no "and"), with a subject of
    its own standing right after that comma.
    """
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subject is None or any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children):
        return None
    comma = subject.left_edge.i - 1
    if comma <= head.left_edge.i or verb.doc[comma].text != ",":
        return None
    return head.left_edge.i, comma - 1


def audience_clause(verb: Token) -> tuple[int, int] | None:
    """A that-clause the parse hung on the audience of a cue: "told BBC Radio's Today programme that ..."."""
    for obj in verb.rights:
        if obj.dep_ not in ("dobj", "dative"):
            continue
        clause = next((c for c in obj.rights if c.dep_ in ("acl", "relcl") and starts_with_that(c)), None)
        if clause is not None:
            return clause.left_edge.i, clause.right_edge.i
    return None


def far_that_clause(verb: Token) -> tuple[int, int] | None:
    """A that-clause the parse hung on a noun in the cue's time or place phrase.

    "said on Saturday after a meeting with coalition partners that elections were not an option":
    "that ... were" reads as a relative clause of "partners", but a relative "that" stands in the
    clause as its subject or object; with a subject of its own beside it, the clause is reported.
    """
    for prep in (c for c in verb.rights if c.dep_ == "prep"):
        for tok in prep.subtree:
            if tok.dep_ not in ("relcl", "acl") or tok.left_edge.lower_ != "that":
                continue
            that = tok.left_edge
            own = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != that.i]
            if own and that.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
                return that.i + 1, tok.right_edge.i
    return None


def glued_clause(verb: Token) -> tuple[int, int] | None:
    """A reported clause the parse glued into an object: "said the offer ignored class sizes".

    A verb of saying takes what was said, not a thing: an object of "say" that holds a subject of its
    own ("offer" of "ignored") is a that-less clause read as a noun phrase.
    """
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    inner = next((t for t in obj.subtree if t.dep_ in ("nsubj", "nsubjpass")), None)
    if inner is None or inner.left_edge.i != verb.i + 1:
        return None
    return verb.i + 1, obj.right_edge.i


def object_prep(verb: Token, prep: Token) -> bool:
    """A preposition that carries what an object cue reports: "called for X", "described X as Y"."""
    if prep.dep_ != "prep" or prep.lower_ not in ("as", "for", "of"):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if prep.lower_ == "of":  # "accused the board of lying": what the accusation says
        return verb.lemma_.lower() in OF_CUES and bool(objects)
    if prep.lower_ == "as":  # "described X as Y", "describing as "unhinged" a tweet"
        return bool(objects) or prep.i == verb.i + 1
    if verb.lemma_.lower() in FOR_CUES:
        return True
    # "blamed the board for the closure": the reason follows the object at once; a "for" after other
    # modifiers ("criticised X during a stop in Flint for his wife") is no part of what was said
    return prep.i == verb.i + 1 or any(prep.i == o.right_edge.i + 1 for o in objects)


def cut_aside(doc: Doc, ctx: Context, base: int, lo: int, hi: int) -> int:
    """Where reported content ends before the writer's aside: a semicolon, ", which ...", ", according to"."""
    for k in range(lo + 1, hi + 1):
        tok = doc[k]
        if inside_quote(ctx, base + tok.idx):
            continue
        if tok.text == ";":
            return k - 1
        if tok.text in (",", "--", "—", "–") and k + 1 <= hi:
            nxt = doc[k + 1]
            # only a tail: a relative clause inside the reported subject ("X, who ..., watched it") stays
            clause = relative_clause(nxt) if nxt.lower_ in ASIDE_OPENERS else None
            if clause is not None and clause.right_edge.i >= hi - 1:
                return k - 1
            if nxt.lower_ == "according" and k + 2 <= hi and doc[k + 2].lower_ == "to" and nxt.right_edge.i >= hi - 1:
                return k - 1
            # "said the plans were under review, without giving details": the writer's note on the telling
            if nxt.lower_ == "without" and k + 2 <= hi and doc[k + 2].tag_ == "VBG" and nxt.right_edge.i >= hi - 1:
                return k - 1
            # "... in partnership with NATO, the existing military alliance that ...": the writer's gloss
            if doc[k - 1].pos_ == "PROPN":
                gloss = next((c for c in doc[k - 1].children if c.dep_ == "appos" and c.i > k + 1), None)
                if gloss is not None and gloss.left_edge.i == k + 1 and gloss.right_edge.i >= hi - 1:
                    return k - 1
            # "... no plans to close branches, a pledge she repeated in March": the writer names the report
            gloss = next((t for t in doc[k + 1 : hi + 1] if t.dep_ == "appos" and t.left_edge.i == k + 1), None)
            if gloss is not None and gloss.lemma_.lower() in CUE_NOUNS and gloss.right_edge.i >= hi - 1:
                return k - 1
            # "..., citing the strategic importance of ...": a second report by the same speaker
            if nxt.tag_ == "VBG" and nxt.right_edge.i >= hi - 1 and (is_cue(nxt) or nxt.lemma_.lower() in OBJECT_CUES):
                return k - 1
    return hi


def relative_clause(pronoun: Token) -> Token | None:
    """The relative clause a relative pronoun opens, found a few steps up ("which he said had been ...")."""
    tok = pronoun
    for _ in range(3):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.dep_ == "relcl":
            return tok
    return None


def clause_content(verb: Token, clause: Token) -> tuple[int, int]:
    """The span of a reported clause, cut before a second speech verb it runs into."""
    # "X said the output had risen, state media reported": the clause is itself a report whose
    # source trails it; what X said is that report's content
    inner = next((c for c in clause.children if c.dep_ == "ccomp" and c.i < clause.i), None)
    if inner is not None and is_cue(clause) and verb.i < inner.i:
        clause = inner
    lo, hi = clause.left_edge.i, clause.right_edge.i
    if clause.i > verb.i and not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        lo = stranded_subject(verb, lo)
    for tok in verb.doc[clause.i + 1 : hi + 1]:
        # a second report ("... and warned that"), not a passive ("... and would be charged next week")
        if tok.head.i == clause.i and conjoined_report(tok):
            hi = tok.left_edge.i - 1
            break
    if clause.i < verb.i:
        hi = parenthetical_end(verb, hi)
    return lo, hi


def conjoined_report(tok: Token) -> bool:
    """Whether a verb joined to a reported clause is a second report, not more of what was said.

    "... and warned that", "... and called for a review" (a speech act with no subject of its own:
    the speaker's, not the reported clause's); not "... and would be charged", "... and hired staff".
    """
    if tok.dep_ not in ("conj", "advcl") or not reports_speech(tok):
        return False
    if is_cue(tok):
        return True
    own_subject = any(c.dep_ in SUBJECT_DEPS for c in tok.children)
    return tok.dep_ == "conj" and not own_subject and tok.lemma_.lower() in OBJECT_CUES | XCOMP_CUES


def stranded_subject(verb: Token, lo: int) -> int:
    """Where a subjectless reported clause starts when the parse made its subject the cue's object.

    "told parliament inflation would fall": "inflation" hangs on "told" as an object, and the
    clause "would fall" has no subject; the object standing right before it is that subject.
    """
    doc = verb.doc
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i == lo - 1), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return lo
    start = obj.i
    while start - 1 > verb.i and doc[start - 1].dep_ in ("det", "amod", "poss", "nummod", "case"):
        start -= 1
    return start


def parenthetical_end(verb: Token, hi: int) -> int:
    """Where the report ends when "X said" is followed by ", and <clause>" that continues it."""
    conj = [c for c in verb.children if c.dep_ == "conj" and c.i > verb.i and c.pos_ in ("VERB", "AUX")]
    cc = [c for c in verb.children if c.dep_ == "cc" and c.i > verb.i]
    if conj and cc and cc[0].i < conj[0].i and not is_cue(conj[0]) and subject_of(conj[0]) is not conj[0]:
        has_subject = any(c.dep_ in SUBJECT_DEPS for c in conj[0].children)
        if has_subject and verb.doc[cc[0].i - 1].text == ",":
            return conj[0].right_edge.i
    return hi


def according_content(tok: Token) -> tuple[int, int] | None:
    """The sentence an "according to X" phrase attributes, without the phrase."""
    sent = tok.sent
    phrase_lo, phrase_hi = tok.left_edge.i, tok.right_edge.i
    if phrase_lo - sent.start <= 1:
        return phrase_hi + 1, sent.end - 1
    if sent.end - 1 - phrase_hi <= 1:
        return sent.start, phrase_lo - 1
    # "Incomes would rise 19.9 percent, according to X, more than ...": the clause before the phrase
    # is what X says; "The economy, according to X, will grow" has its verb after, and is said whole
    if sent.root.i < phrase_lo and tok.doc[phrase_lo - 1].text == ",":
        return sent.start, phrase_lo - 1
    return sent.start, sent.end - 1


def speaker_token(tok: Token) -> Token | None:
    """The speaker token of a reporting verb or of "according to X"."""
    if tok.lower_ == "according":
        nxt = tok.doc[tok.i + 1]
        pobj = [c for c in nxt.children if c.dep_ == "pobj"]
        return pobj[0] if pobj else None
    reporter = reporter_of(tok)
    if reporter is not None:
        return subject_of(reporter)
    # a participle the parse hangs elsewhere ("..., calling for X") speaks for the sentence's subject
    root = tok.sent.root
    return subject_of(tok) or name_before(tok) or (subject_of(root) if root.i != tok.i else None)


def reporter_of(tok: Token) -> Token | None:
    """The cue whose reported clause a subjectless conjoined report hangs on: "X said Y was cruel and
    called for a review" (the parse joins "called" to "was"); X speaks both."""
    if tok.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return None
    clause = tok.head
    if clause.dep_ == "ccomp" and is_cue(clause.head) and clause.head.i < clause.i and conjoined_report(tok):
        return clause.head
    return None


def name_before(verb: Token) -> Token | None:
    """A name standing right before a verb the parse left without a subject: "... the Post Trump said"."""
    k = verb.i - 1
    while k >= verb.sent.start and verb.doc[k].pos_ in ("ADV", "AUX", "PART"):
        k -= 1
    if k < verb.sent.start or verb.doc[k].ent_type_ not in PERSON_TYPES | GROUP_TYPES:
        return None
    return verb.doc[k]


def trim_content(doc: Doc, base: int, lo: int, hi: int) -> tuple[int, int]:
    """Absolute offsets of a content token range, without a leading "that" or edge punctuation."""
    while lo <= hi and ((doc[lo].dep_ == "mark" and doc[lo].lower_ == "that") or is_edge_punct(doc[lo])):
        lo += 1
    # "... since March, and" left by a cut before a conjoined report: the conjunction goes too
    while hi >= lo and (is_edge_punct(doc[hi]) or (doc[hi].dep_ == "cc" and hi > lo)):
        hi -= 1
    if hi < lo:
        return base, base
    return base + doc[lo].idx, base + doc[hi].idx + len(doc[hi].text)


def is_edge_punct(tok: Token) -> bool:
    """Punctuation that never belongs at the edge of reported content."""
    return (tok.is_punct and tok.text not in MARKS) or tok.is_space


def inside_quote(ctx: Context, pos: int) -> bool:
    """Whether an offset lies inside a direct quote."""
    k = bisect.bisect_right(ctx.quoted, (pos, 1 << 62)) - 1
    return k >= 0 and ctx.quoted[k][0] <= pos < ctx.quoted[k][1]


def quoted_share(ctx: Context, start: int, end: int) -> int:
    """How many characters of [start, end) lie inside direct quotes."""
    k = max(0, bisect.bisect_left(ctx.quoted, (start, 0)) - 1)
    total = 0
    while k < len(ctx.quoted) and ctx.quoted[k][0] < end:
        s, e = ctx.quoted[k]
        total += max(0, min(e, end) - max(s, start))
        k += 1
    return total


def headline_drafts(text: str, seg: Segment, doc: Doc) -> Iterator[Draft]:
    """A headline of the form "Name: what they said" is that person's reported speech."""
    for tok in doc[1:6]:
        if tok.text == ":":
            names = doc[: tok.i]
            # "Mayor Ines Portal: ..." names a speaker; "The Latest: ..." is a running story's label
            named = all(t.pos_ == "PROPN" or t.is_title for t in names) and not any(t.pos_ == "DET" for t in names)
            if named and tok.i + 3 < len(doc):
                start = seg.start + doc[tok.i + 1].idx
                end = seg.start + len(doc.text.rstrip(" ."))
                draft = Draft("indirect", start, end, subject=names[-1])
                draft.cue_start, draft.cue_end = seg.start + tok.idx, seg.start + tok.idx + 1
                yield draft
            return


# ---------------------------------------------------------------- speakers


def build_context(text: str, entities: Sequence[Entity]) -> Context:
    """Mentions sorted by offset, and each short person name's fuller form in the article."""
    mentions = sorted(((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: (x[0], -x[1]))
    persons = [e for e in entities if e.type == "PERSON"]
    canonical: dict[str, Entity] = {}
    for e in persons:
        if " " not in e.name.strip():
            longer = [p for p in persons if p.name.lower().endswith(" " + e.name.lower())]
            if longer:
                canonical[e.key] = max(longer, key=lambda p: len(p.mentions))
    return Context(text, mentions, [m[0] for m in mentions], canonical)


def entity_at(ctx: Context, start: int, end: int) -> tuple[int, int, Entity] | None:
    """The entity mention overlapping [start, end), if any."""
    k = bisect.bisect_right(ctx.starts, end - 1) - 1
    while k >= 0 and ctx.mentions[k][1] > start - 200:
        s, e, _ = ctx.mentions[k]
        if s < end and e > start:
            return ctx.mentions[k]
        k -= 1
    return None


def index_recent(ctx: Context, docs: Sequence[tuple[Segment, Doc]]) -> None:
    """Where people and organisations are named outside quotes, and titles stood next to them."""
    # the article's entity mentions, not the tagger's per-segment ents: a name the tagger missed in
    # one paragraph ("Calder told reporters") is still the mention the entity layer found there
    k = 0
    for seg, doc in docs:
        while k < len(ctx.mentions) and ctx.mentions[k][0] < seg.start:
            k += 1
        while k < len(ctx.mentions) and ctx.mentions[k][0] < seg.end:
            start, end, found = ctx.mentions[k]
            k += 1
            span = doc.char_span(start - seg.start, min(end, seg.end) - seg.start, alignment_mode="expand")
            if span is None or not len(span) or inside_quote(ctx, start):
                continue
            entity = canonical_entity(ctx, found)
            kind = "PERSON" if entity.type in PERSON_TYPES else "GROUP" if entity.type in GROUP_TYPES else ""
            if not kind:
                continue
            ctx.recent.setdefault(kind, []).append((start, entity))
            if stands_as_subject(span.root):
                ctx.recent.setdefault(kind + "_SUBJECT", []).append((start, entity))
            for noun in title_nouns(span):
                ctx.titles.setdefault(noun, []).append((start, entity))


def stands_as_subject(root: Token) -> bool:
    """Whether a name is a clause's subject, or the appositive naming one ("The chief, X, said")."""
    return root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS)


def title_nouns(ent: Span) -> Iterator[str]:
    """Nouns standing as a title or appositive beside a name: "spokeswoman Maria Zakharova"."""
    root = ent.root
    for tok in ent.doc[root.left_edge.i : ent.start]:
        if tok.pos_ in ("NOUN", "ADJ", "PROPN"):
            yield tok.lemma_.lower()
    # a title the tagger took into the name ("Superintendent Carla Mendes")
    for tok in ent[: len(ent) - 1]:
        if tok.lower_ not in PERSON_NOUNS:
            break
        yield tok.lower_
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            yield child.lemma_.lower()
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        yield root.head.lemma_.lower()


def author_of(ctx: Context, structure: Structure, docs: Sequence[tuple[Segment, Doc]]) -> Speaker | None:
    """The writer of the piece: the byline's name, or the person an op-ed's closing bio introduces."""
    if structure.byline:
        name = BYLINE_BY.sub("", structure.byline).split(",")[0].split(" and ")[0].strip()
        words = name.split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            person = next((e for _, e in ctx.recent.get("PERSON", []) if e.name == name), None)
            return Speaker(name, person.key if person else None, None, None, None)
    paragraphs = [(seg, doc) for seg, doc in docs if seg.kind == "paragraph"]
    if not paragraphs or not len(paragraphs[-1][1]):
        return None
    seg, doc = paragraphs[-1]
    # "Jane Doe is a professor of history at ...": the note that closes an opinion piece
    ent = next(iter(doc.ents), None)
    if ent is None or ent.start != 0 or ent.label_ != "PERSON" or ent.root.dep_ != "nsubj":
        return None
    if ent.root.head.lemma_ != "be" or ent.root.head.i != ent.end:
        return None
    hit = entity_at(ctx, seg.start + ent.start_char, seg.start + ent.end_char)
    person = canonical_entity(ctx, hit[2]) if hit is not None else None
    return Speaker(person.name if person else ent.text, person.key if person else None, None, None, None)


def person_by_surname(ctx: Context, surname: str, pos: int) -> Entity | None:
    """The person named in full whom a bare surname stands for: the latest named so before pos, else
    the first named so after it ("Loretta Lynch" and "Loretta E. Lynch" alike)."""
    tail = " " + surname.lower()
    found = [(at, e) for at, e in ctx.recent.get("PERSON", []) if e.name.lower().endswith(tail)]
    before = [x for x in found if x[0] < pos]
    return (before[-1] if before else found[0])[1] if found else None


def canonical_entity(ctx: Context, entity: Entity) -> Entity:
    """An entity, or the fuller person entity a bare surname stands for."""
    return ctx.canonical.get(entity.key, entity)


def latest(ctx: Context, kind: str, pos: int) -> tuple[int, Entity] | None:
    """The latest entity of a kind named before an offset."""
    items = ctx.recent.get(kind, [])
    k = bisect.bisect_left(items, pos, key=lambda x: x[0]) - 1
    return items[k] if k >= 0 else None


def resolve_all(drafts: list[Draft], ctx: Context) -> Iterator[Quote]:
    """Quotes with speakers, carrying the last speaker into unattributed follow-on quotes."""
    speakers = list(resolve_speakers(drafts, ctx))
    # news convention: '"Para one...\n\n"Para two," she said.' -- the closing attribution owns the whole run
    for k in range(len(drafts) - 2, -1, -1):
        nxt = speakers[k + 1]
        taken_up = drafts[k + 1].label is None  # a transcript label opens a new speaker's turn
        if drafts[k].runs_on and drafts[k].subject is None and drafts[k].label is None and nxt and taken_up:
            speakers[k] = Speaker(nxt.name, nxt.entity_key, None, None, None)
    for d, speaker in zip(drafts, speakers, strict=True):
        cue = ctx.text[d.cue_start : d.cue_end] if d.cue_start is not None and d.cue_end is not None else None
        yield Quote(d.type, ctx.text[d.start : d.end], d.start, d.end, speaker, cue, d.cue_start, d.cue_end)


def resolve_speakers(drafts: list[Draft], ctx: Context) -> Iterator[Speaker | None]:
    """Each draft's speaker in order, the last one carried into unattributed follow-on quotes."""
    last: Speaker | None = None
    for d in drafts:
        speaker = None
        if d.label is not None:
            speaker = label_speaker(ctx, d.label)
        elif d.subject is not None:
            speaker = resolve_subject(ctx, d.subject, last)
            if speaker is not None and not d.show_mention:
                speaker = Speaker(speaker.name, speaker.entity_key, None, None, None)
        elif d.carried and last is not None:
            speaker = Speaker(last.name, last.entity_key, None, None, None)
        if speaker is not None:
            last = speaker
        yield speaker


def label_speaker(ctx: Context, label: tuple[int, int]) -> Speaker:
    """The speaker named by a transcript label, matched to a person entity by surname."""
    words = ctx.text[label[0] : label[1]]
    surname = words.split()[-1].lower()
    for _, ent in ctx.recent.get("PERSON", []):
        if ent.name.lower().split()[-1] == surname:
            return Speaker(ent.name, ent.key, words, label[0], label[1])
    return Speaker(words.title() if words.isupper() else words, None, words, label[0], label[1])


def resolve_subject(ctx: Context, tok: Token, last: Speaker | None) -> Speaker | None:
    """A speaker for a subject token; a relative pronoun stays the mention, named by its antecedent."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
        speaker = resolve_token(ctx, tok.head.head, last)
        if speaker is None:
            return None
        start = tok.doc.user_data.get(BASE, 0) + tok.idx
        return Speaker(speaker.name, speaker.entity_key, tok.text, start, start + len(tok.text))
    return resolve_token(ctx, tok, last)


def resolve_token(ctx: Context, tok: Token, last: Speaker | None) -> Speaker | None:
    """A speaker for a subject token: its entity, or what a pronoun or description stands for."""
    base = tok.doc.user_data.get(BASE, 0)
    start, end = base + tok.idx, base + tok.idx + len(tok.text)
    hit = entity_at(ctx, start, end) or entity_in_phrase(ctx, tok, base)
    if hit is not None:
        s, e, ent = hit
        ent = canonical_entity(ctx, ent)
        if ent.type not in PERSON_TYPES and " " not in ent.name:
            ent = person_by_surname(ctx, ent.name, s) or ent  # "said Raman", the tagger's ORG
        return Speaker(ent.name, ent.key, ctx.text[s:e], s, e)
    lower = tok.lower_
    if tok.text == "I" and ctx.author is not None:
        return Speaker(ctx.author.name, ctx.author.entity_key, tok.text, start, end)
    if lower in PERSON_PRONOUNS:
        described = description_before(ctx, tok, start)
        if described is not None:
            # "A spokeswoman for the airline said ... She added": the unnamed person just spoken of
            speaker = resolve_token(ctx, described, last)
            if speaker is not None:
                return Speaker(speaker.name, speaker.entity_key, tok.text, start, end)
        person = person_before(ctx, start, last)
        if person is None and last is not None and (" " not in last.name or not speaks_as_body(last)):
            # "Reeves said: ..." then "She told the BBC": a speaker the tagger took for no person
            return Speaker(last.name, last.entity_key, tok.text, start, end)
        return named(ctx, person, lower, start, end)
    # "the ministry said ... In a statement, it said": the body just quoted
    recent_body = last is not None and last.start is not None and 0 < start - last.start < 400
    if lower == "it" and last is not None and recent_body and speaks_as_body(last):
        return Speaker(last.name, last.entity_key, tok.text, start, end)
    if lower in GROUP_PRONOUNS:
        return named(ctx, group_before(ctx, start, last, lower), lower, start, end)
    lemma = tok.lemma_.lower()
    phrase_start = base + tok.left_edge.idx if tok.left_edge.i <= tok.i else start
    phrase = ctx.text[phrase_start:end]
    definite = any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "his", "her") for c in tok.children
    )
    if lemma in DOCUMENT_NOUNS and tok.pos_ == "NOUN":
        issuer = document_issuer(ctx, tok, last, start)
        if issuer is not None:
            return Speaker(issuer.name, issuer.entity_key, phrase, phrase_start, end)
    if lemma in PERSON_NOUNS and tok.pos_ == "NOUN":
        apposed = apposed_name(ctx, tok, base)
        if apposed is not None:
            return apposed
        # "two sources familiar with the matter told Reuters ... the sources said": the ones just quoted
        if definite and last is not None and last.entity_key is None and last.name.lower().endswith(tok.lower_):
            return Speaker(last.name, None, phrase, phrase_start, end)
    if lemma in ORG_NOUNS and (tok.pos_ == "NOUN" or tok.is_lower):
        body = described_body(ctx, tok, last, start, end)
        if body is not None:
            return body
    if lemma in PERSON_NOUNS or lemma in ORG_NOUNS:
        mods = {c.lemma_.lower() for c in tok.lefts if c.dep_ in ("compound", "amod") and c.pos_ != "PROPN"}
        titled = latest_title_with(ctx, mods | {lemma}, start) if mods else None
        titled = titled or latest_title(ctx, lemma, start)
        if titled is None and definite and lemma in PERSON_NOUNS:
            titled = next_title(ctx, lemma, end)
        # "the opposition leader" is nobody named before unless named with that title
        if titled is None and definite and not mods:
            kind = "PERSON" if lemma in PERSON_NOUNS else "GROUP"
            # "the company said" is the company last named as doing something, not one named in passing
            found = latest(ctx, kind + "_SUBJECT", start) or latest(ctx, kind, start)
            titled = found[1] if found and start - found[0] < 600 else None
            # "Opposition leader Jan Novak ... The president said": a person titled otherwise is someone else
            if titled is not None and kind == "PERSON" and titled_otherwise(ctx, titled, lemma, start):
                titled = None
            # "the unions called ..." after "the High Court": a body of another kind is not what they stand for
            head = titled.name.lower().split()[-1:] if titled is not None else []
            if kind == "GROUP" and head and head[0] in BODY_NOUNS and head[0] != lemma:
                titled = None
        if titled is not None:
            return Speaker(titled.name, titled.key, phrase, phrase_start, end)
    if lower in PARTITIVES:
        # "One of the people, who asked not to be named, said": the group it is one of names it
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if group is not None and group.pos_ in ("NOUN", "PROPN"):
            part_end = base + group.idx + len(group.text)
            words = ctx.text[start:part_end]
            return Speaker(words, None, words, start, part_end)
    if lower in FIRST_SECOND_PERSON or lower in NOT_NAMES or phrase.lower() in NOT_NAMES:
        return None
    if tok.pos_ == "PROPN":
        name = bare_name(tok)
        person = person_by_surname(ctx, name, start) if " " not in name else None
        if person is not None:  # "Smeets said", a surname the tagger missed, of a person named in full
            return Speaker(person.name, person.key, phrase, phrase_start, end)
        # "Russia's foreign ministry": a common noun the tagger took for a name is named by its whole phrase
        return Speaker(name if name[:1].isupper() else phrase, None, phrase, phrase_start, end)
    return Speaker(phrase, None, phrase, phrase_start, end)


def titled_otherwise(ctx: Context, entity: Entity, lemma: str, pos: int) -> bool:
    """Whether a person was named before pos with titles, none of them this one."""
    held = {noun for noun, items in ctx.titles.items() for at, e in items if at < pos and e.key == entity.key}
    return bool(held & PERSON_NOUNS) and lemma not in held


def description_before(ctx: Context, pronoun: Token, pos: int) -> Token | None:
    """An unnamed person standing as the subject of a sentence after the last person named as one.

    Looks back over the pronoun's paragraph and the one before it, sentence by sentence.
    """
    named = latest(ctx, "PERSON_SUBJECT", pos)
    after = named[0] if named is not None else -1
    k = bisect.bisect_right([seg.start for seg, _ in ctx.docs], pos) - 1
    for seg, doc in reversed(ctx.docs[max(0, k - 1) : k + 1]):
        if seg.end <= after:
            return None
        sents = [s for s in doc.sents if seg.start + s.end_char <= pos] if doc is pronoun.doc else list(doc.sents)
        for sent in reversed(sents):
            if seg.start + sent.end_char <= after:
                return None
            subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or seg.start + subject.idx <= after:
                continue
            if subject.pos_ == "NOUN" and subject.lemma_.lower() in PERSON_NOUNS and not subject.ent_type_:
                return None if entity_in_phrase(ctx, subject, seg.start) else subject
            if subject.ent_type_ in PERSON_TYPES or subject.lower_ in PERSON_PRONOUNS:
                return None  # a person named or pointed to since: the pronoun is theirs
    return None


def apposed_name(ctx: Context, tok: Token, base: int) -> Speaker | None:
    """The name set off by commas right after a description: "The opposition leader, Per Dahl, said".

    The parse does not always see the apposition (it read "Per" as a preposition), but a run of
    capitalised words between two commas after a person noun is that person's name.
    """
    doc = tok.doc
    if tok.i + 3 >= len(doc) or doc[tok.i + 1].text != ",":
        return None
    k = tok.i + 2
    while k < len(doc) and k - tok.i - 2 < 4 and doc[k].is_title and doc[k].is_alpha:
        k += 1
    if k == tok.i + 2 or k >= len(doc) or doc[k].text != ",":
        return None
    s, e = base + doc[tok.i + 2].idx, base + doc[k - 1].idx + len(doc[k - 1].text)
    hit = entity_at(ctx, s, e)
    if hit is not None and hit[2].type in PERSON_TYPES:
        entity = canonical_entity(ctx, hit[2])
        return Speaker(entity.name, entity.key, ctx.text[s:e], s, e)
    if hit is not None or k - tok.i - 2 < 2:
        return None  # an organisation or a place in commas ("the mayor, Lyon, ..."), or one bare word
    return Speaker(ctx.text[s:e], None, ctx.text[s:e], s, e)


def described_body(ctx: Context, tok: Token, last: Speaker | None, start: int, end: int) -> Speaker | None:
    """The body a description names: "its foreign ministry said", then "the ministry said".

    A ministry, police force or agency speaks as itself, not as the country or city named before
    it: a description with modifiers ("foreign ministry") names the body unless an entity named
    so is at hand; a bare "the ministry" is the body just quoted under that noun.
    """
    lemma = tok.lemma_.lower()
    base = tok.doc.user_data.get(BASE, 0)
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod") or (c.dep_ == "poss" and c.pos_ == "PROPN")]
    phrase_start = base + (mods[0] if mods else tok).left_edge.idx
    phrase = ctx.text[phrase_start:end]

    def fits(name: str) -> bool:
        # every word of the description in the name: "Ukraine's foreign ministry" is not Russia's
        words = name.lower().split()
        return lemma in words and all(
            any(w[:4] == m.lower_[:4] for w in words) if m.dep_ == "poss" else m.lower_ in words for m in mods
        )

    groups = ctx.recent.get("GROUP", [])
    before = groups[: bisect.bisect_left(groups, start, key=lambda x: x[0])]
    for _, entity in reversed(before[-20:]):
        if fits(entity.name):
            return Speaker(entity.name, entity.key, phrase, phrase_start, end)
    just_quoted = last is not None and last.entity_key is None and last.name.lower().split()[-1:] == [tok.lower_]
    if last is not None and just_quoted and fits(last.name):
        return Speaker(last.name, None, phrase, phrase_start, end)
    if mods or lemma in BODY_NOUNS:
        return Speaker(phrase, None, phrase, phrase_start, end)
    return None


def speaks_as_body(speaker: Speaker) -> bool:
    """Whether a speaker is an organisation or a public body, not a person."""
    if speaker.entity_key is not None:
        return not speaker.entity_key.startswith("person:")
    return speaker.name.lower().split()[-1:] in ([n] for n in ORG_NOUNS)


def document_issuer(ctx: Context, tok: Token, last: Speaker | None, pos: int) -> Speaker | None:
    """Who speaks through a document: "the ministry's statement", "a letter from X", else the one just quoted."""
    owner = owner_of(tok) or next((c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    if owner is not None:
        return resolve_token(ctx, owner, last)
    if last is not None:
        return Speaker(last.name, last.entity_key, None, None, None)
    found = latest(ctx, "GROUP_SUBJECT", pos)
    return Speaker(found[1].name, found[1].key, None, None, None) if found else None


def bare_name(tok: Token) -> str:
    """A proper name as written, without the titles before it ("Mayor Ines Portal" -> "Ines Portal")."""
    words = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok]
    while words and words[0].lower_.rstrip(".") in PERSON_NOUNS | HONORIFICS:
        words = words[1:]
    return " ".join(t.text for t in words)


def entity_in_phrase(ctx: Context, tok: Token, base: int) -> tuple[int, int, Entity] | None:
    """A person named in a subject phrase's title or appositive part ("the president, X,")."""
    parts = [c for c in tok.children if c.dep_ == "compound"]
    parts += [t for t in tok.subtree if t.dep_ == "appos"]
    for part in parts:
        for t in part.subtree:
            hit = entity_at(ctx, base + t.idx, base + t.idx + len(t.text))
            if hit is not None and hit[2].type in PERSON_TYPES | GROUP_TYPES:
                return hit
    return None


def latest_title_with(ctx: Context, words: set[str], pos: int) -> Entity | None:
    """The latest entity named before an offset with every word of a title ("the health secretary")."""
    seen: dict[str, tuple[set[str], int, Entity]] = {}
    for word in words:
        for at, entity in ctx.titles.get(word, []):
            if at < pos:
                have, last, _ = seen.setdefault(entity.key, (set(), at, entity))
                have.add(word)
                seen[entity.key] = (have, max(last, at), entity)
    full = [(at, entity) for have, at, entity in seen.values() if have == words]
    return max(full, key=lambda x: x[0])[1] if full else None


def next_title(ctx: Context, lemma: str, pos: int) -> Entity | None:
    """The person named with a title just after a description that comes first: "the superintendent
    said ..." then "Superintendent Carla Mendes met ..." in the next paragraph."""
    items = ctx.titles.get(lemma, [])
    k = bisect.bisect_left(items, pos, key=lambda x: x[0])
    if k < len(items) and items[k][0] - pos < 400 and items[k][1].type in PERSON_TYPES:
        return items[k][1]
    return None


def latest_title(ctx: Context, lemma: str, pos: int) -> Entity | None:
    """The latest entity named with this title before an offset."""
    items = ctx.titles.get(lemma, [])
    k = bisect.bisect_left(items, pos, key=lambda x: x[0]) - 1
    return items[k][1] if k >= 0 else None


def person_before(ctx: Context, pos: int, last: Speaker | None) -> Entity | None:
    """Who "he" or "she" is: the latest person named as a subject, else the latest named."""
    found = latest(ctx, "PERSON_SUBJECT", pos) or latest(ctx, "PERSON", pos)
    return found[1] if found else None


def group_before(ctx: Context, pos: int, last: Speaker | None, pronoun: str) -> Entity | None:
    """Who "they" or "it" is: the latest organisation named before."""
    found = latest(ctx, "GROUP_SUBJECT", pos) or latest(ctx, "GROUP", pos)
    return found[1] if found else None


def named(ctx: Context, entity: Entity | None, mention: str, start: int, end: int) -> Speaker | None:
    """A pronoun's speaker: the entity it stands for, or nobody (never the pronoun itself)."""
    if entity is None:
        return None
    return Speaker(entity.name, entity.key, ctx.text[start:end], start, end)
