"""Article text as HTML with quotes, entity mentions and speaker references marked from their offsets."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

from app.schemas import ArticleEntityOut, QuoteOut

# When two spans cover the same text, the lower rank is the outer one.
QUOTE_RANK, MENTION_RANK, SPEAKER_RANK = 0, 1, 2
NOTHING = Markup("")
LINK_END = Markup("</a>")


@dataclass(frozen=True)
class Span:
    """One marked stretch of text: the tags that open and close it, and markup to add after its end."""

    start: int
    end: int
    rank: int
    open_tag: Markup
    close_tag: Markup
    is_link: bool = False
    after: Markup = NOTHING
    after_link: Markup = NOTHING


def _nesting_key(span: Span) -> tuple[int, int, int]:
    """Earlier first, then longer first, then by rank: the order spans nest in."""
    return (span.start, -span.end, span.rank)


def quote_span(quote: QuoteOut) -> Span:
    """A quote, coloured by type, titled with its speaker, followed by a speaker chip."""
    speaker = quote.speaker
    who = speaker.name if speaker else "unattributed"
    title = f"{quote.type} quote — {who}" + (f" ({quote.cue})" if quote.cue else "")
    attrs = Markup(' class="quote quote-{t}" data-quote-id="{i}" data-speaker="{s}" title="{title}"').format(
        t=quote.type, i=quote.id, s=speaker.name if speaker else "", title=title
    )
    chip = Markup('<span class="speaker-chip" data-quote-id="{i}">{n}</span>').format(i=quote.id, n=who)
    linked = chip
    if speaker and speaker.entity_id is not None:
        linked = Markup('<a class="speaker-chip" data-quote-id="{i}" href="/entities/{e}">{n}</a>').format(
            i=quote.id, e=speaker.entity_id, n=who
        )
    return Span(
        quote.start,
        quote.end,
        QUOTE_RANK,
        Markup("<span") + attrs + Markup(' id="q-{i}">').format(i=quote.id),
        Markup("</span>"),
        after=chip,
        after_link=linked,
    )


def mention_tag(entity: ArticleEntityOut) -> Markup:
    """The opening link tag for an entity's mentions, coloured by type, pointing at the entity's page."""
    return Markup('<a class="mention mention-{t}" href="/entities/{i}" data-entity-id="{i}" title="{n} ({t})">').format(
        t=entity.type, i=entity.id, n=entity.name
    )


def mention_spans(entity: ArticleEntityOut) -> list[Span]:
    """An entity's mentions; one tag built per entity, since articles can name one thing many times."""
    tag = mention_tag(entity)
    return [Span(m.start, m.end, MENTION_RANK, tag, LINK_END, is_link=True) for m in entity.mentions]


def speaker_span(quote: QuoteOut) -> Span | None:
    """The words in the text that name a quote's speaker ("he", "the minister"), if they were found."""
    s = quote.speaker
    if s is None or s.start is None or s.end is None:
        return None
    tag = Markup('<span class="speaker-ref" data-quote-id="{i}" title="Speaker: {n}">').format(i=quote.id, n=s.name)
    return Span(s.start, s.end, SPEAKER_RANK, tag, Markup("</span>"))


def _without_crossing_links(spans: Iterable[Span]) -> list[Span]:
    """Drop link spans that overlap an earlier kept link: a link may not sit inside another link."""
    kept: list[Span] = []
    last_end = -1
    for span in sorted(spans, key=_nesting_key):
        if span.start < last_end:
            continue
        kept.append(span)
        last_end = span.end
    return kept


def article_spans(text: str, quotes: list[QuoteOut], entities: list[ArticleEntityOut]) -> list[Span]:
    """Every span to mark in an article, with no link inside another."""
    mentions = [span for e in entities for span in mention_spans(e)]
    others: list[Span] = [quote_span(q) for q in quotes]
    others += [s for s in map(speaker_span, quotes) if s is not None]
    return sorted([*_without_crossing_links(mentions), *others], key=_nesting_key)


def render(text: str, spans: list[Span]) -> Markup:
    """The text, escaped, with each span's tags around it; spans that cross are split so tags nest."""
    ordered = sorted((s for s in spans if 0 <= s.start < s.end <= len(text)), key=_nesting_key)
    cuts = sorted({0, len(text), *(s.start for s in ordered), *(s.end for s in ordered)})
    out: list[str] = []
    stack: list[Span] = []
    active: list[Span] = []  # the spans covering the current piece, in nesting order
    following = 0
    for a, b in pairwise(cuts):
        # Pieces run between consecutive cuts, so a span covers a piece exactly when start <= a < end.
        active = [s for s in active if s.end > a]
        while following < len(ordered) and ordered[following].start <= a:
            active.append(ordered[following])
            following += 1
        wanted = sorted(active, key=_nesting_key)
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        _close(stack, keep, a, out)
        for span in wanted[keep:]:
            stack.append(span)
            out.append(span.open_tag)
        out.append(escape(text[a:b]))
    _close(stack, 0, len(text), out)
    return Markup("".join(out))


def _close(stack: list[Span], keep: int, at: int, out: list[str]) -> None:
    """Close the stack down to `keep` spans, then add the trailing markup of those that end here.

    The trailing markup goes after all the closing tags, so a speaker chip never lands inside a quote
    that ends at the same place (nested quotes) and so never counts as part of its text.
    """
    ended = []
    while len(stack) > keep:
        span = stack.pop()
        out.append(span.close_tag)
        if span.end == at and span.after:
            ended.append(span)
    inside_link = any(s.is_link for s in stack)
    out.extend(span.after if inside_link else span.after_link for span in ended)


def highlight(text: str, quotes: list[QuoteOut], entities: list[ArticleEntityOut]) -> Markup:
    """An article's text as safe HTML with its quotes, mentions and speaker references marked."""
    return render(text, article_spans(text, quotes, entities))
