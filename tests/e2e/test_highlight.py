"""The article highlighter and snippet escaping, without a browser (these run even where Chromium is missing)."""

from __future__ import annotations

from html.parser import HTMLParser

from markupsafe import Markup

from app.schemas import ArticleEntityOut, MentionOut, QuoteOut, SpeakerOut
from app.web.highlight import Span, highlight, render
from app.web.pages import is_web_url, safe_snippet

TEXT = 'Mayor Ana Ruiz said: "Madrid & <Seville> will share the cost." She left.'


def quote(qid: int, start: int, end: int, kind: str = "direct", speaker_id: int | None = 7) -> QuoteOut:
    speaker = SpeakerOut(name="Ana Ruiz", entity_id=speaker_id, mention="Ana Ruiz", start=6, end=14)
    return QuoteOut(
        id=qid, article_id=1, type=kind, text=TEXT[start:end], start=start, end=end, speaker=speaker, cue="said"
    )


def entity(eid: int, name: str, kind: str, *spans: tuple[int, int]) -> ArticleEntityOut:
    mentions = [MentionOut(text=TEXT[a:b], start=a, end=b) for a, b in spans]
    return ArticleEntityOut(id=eid, name=name, type=kind, mentions=mentions)


class Tree(HTMLParser):
    """Checks the markup nests properly and collects the text inside each element with a class."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.texts: dict[str, str] = {}
        self.plain = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        key = f"{values.get('class')}#{values.get('data-quote-id') or values.get('data-entity-id')}"
        self.stack.append((tag, key))
        self.texts.setdefault(key, "")

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> does not close {self.stack}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        chip = any(key.startswith("speaker-chip") for _, key in self.stack)
        if not chip:
            self.plain += data
        for _, key in self.stack:
            self.texts[key] += data


def parse(html: str) -> Tree:
    tree = Tree()
    tree.feed(str(html))  # a plain str: Markup would re-escape what the parser unescapes
    tree.close()
    assert not tree.stack
    return tree


def test_text_outside_the_markup_is_the_article_text_escaped() -> None:
    html = highlight(TEXT, [quote(1, 22, 61)], [entity(3, "Madrid", "GPE", (22, 28))])
    assert "<Seville>" not in html
    assert "&lt;Seville&gt;" in html
    assert parse(html).plain == TEXT


def test_mention_inside_a_quote_nests_inside_it() -> None:
    html = highlight(TEXT, [quote(1, 22, 61)], [entity(3, "Madrid", "GPE", (22, 28))])
    tree = parse(html)
    assert tree.texts["quote quote-direct#1"] == TEXT[22:61]
    assert tree.texts["mention mention-GPE#3"] == "Madrid"
    assert html.index('class="quote quote-direct"') < html.index('class="mention mention-GPE"')


def test_speaker_chip_follows_the_quote_and_links_to_the_speaker() -> None:
    html = highlight(TEXT, [quote(1, 22, 61)], [])
    end_of_quote = html.index("</span>", html.index('class="quote'))
    assert html.index('<a class="speaker-chip" data-quote-id="1" href="/entities/7">Ana Ruiz</a>') > end_of_quote


def test_speaker_without_an_entity_gets_a_plain_chip() -> None:
    html = highlight(TEXT, [quote(1, 22, 61, speaker_id=None)], [])
    assert '<span class="speaker-chip" data-quote-id="1">Ana Ruiz</span>' in html
    assert 'href="/entities/' not in html


def test_crossing_spans_are_split_so_tags_still_nest() -> None:
    # A mention that starts inside the quote and runs past its end.
    spans_html = highlight(TEXT, [quote(1, 22, 40)], [entity(3, "Seville", "GPE", (31, 45))])
    tree = parse(spans_html)
    assert tree.texts["quote quote-direct#1"] == TEXT[22:40]
    assert tree.texts["mention mention-GPE#3"] == TEXT[31:45]


def test_quote_nested_in_a_quote_keeps_its_chip_out_of_the_outer_text() -> None:
    html = highlight(TEXT, [quote(1, 22, 61, "indirect"), quote(2, 40, 61, "indirect")], [])
    tree = parse(html)
    assert tree.plain == TEXT
    assert TEXT[22:61] == tree.texts["quote quote-indirect#1"]
    assert tree.texts["quote quote-indirect#2"] == TEXT[40:61]


def test_overlapping_mentions_keep_the_longer_so_links_never_nest() -> None:
    html = highlight(TEXT, [], [entity(3, "Ana Ruiz", "PERSON", (6, 14)), entity(4, "Ruiz", "PERSON", (10, 14))])
    assert html.count("<a ") == 1
    assert parse(html).texts["mention mention-PERSON#3"] == "Ana Ruiz"


def test_spans_outside_the_text_are_ignored() -> None:
    bad = Span(5, 500, 0, Markup("<i>"), Markup("</i>"))
    assert render("short text", [bad]) == "short text"


def test_attribute_values_are_escaped() -> None:
    html = highlight(TEXT, [], [entity(3, 'Ruiz" onmouseover="x', "PERSON", (10, 14))])
    assert 'onmouseover="x"' not in html
    assert "&#34;" in html


def test_snippet_keeps_only_the_search_marks() -> None:
    snippet = safe_snippet("a <b>x</b> <mark>strike</mark> & <mark>more")
    assert snippet == "a &lt;b&gt;x&lt;/b&gt; <mark>strike</mark> &amp; <mark>more</mark>"


def test_only_http_urls_are_linked() -> None:
    assert is_web_url("https://example.org/a")
    assert not is_web_url("javascript:alert(1)")
    assert not is_web_url(None)
