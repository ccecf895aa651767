"""Web pages: a submitted HTML page's main text and metadata (trafilatura), as plain text for the parser.

Dateline never fetches a URL: the page is what the client sent, and the canonical link only names it."""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import decode_file, load_html

from app.errors import BadInput, Unprocessable

# Where a page states when its story was published, best first (Open Graph, schema.org, Dublin Core, news CMSs).
PUBLISHED_XPATHS = (
    '//meta[@property="article:published_time"]/@content',
    '//meta[@property="og:published_time"]/@content',
    '//meta[@itemprop="datePublished"]/@content',
    '//meta[@name="article:published_time"]/@content',
    '//meta[@name="pubdate"]/@content',
    '//meta[@name="publishdate"]/@content',
    '//meta[@name="DC.date.issued"]/@content',
    '//meta[@name="date"]/@content',
)
HEADLINE_XPATHS = ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content', "//h1")
SITE_SUFFIX = re.compile(r"\s+[|\-–—:·]\s+[^|\-–—:·]+$")  # " | The Riverside Courier"
MAX_URL = 2048


@dataclass(frozen=True)
class WebPage:
    """What a page gives Dateline: its story as plain text (headline, blank line, paragraphs) and metadata."""

    text: str
    headline: str | None
    byline: str | None
    published: str | None  # as the page writes it; the caller parses it
    url: str | None  # the canonical link


def decode_html(raw: bytes, charset: str | None) -> str:
    """A text/html body as text: in its declared charset, else as the page's own <meta charset> or a guess."""
    if charset is None:
        return decode_file(raw)
    try:
        return raw.decode(charset)
    except (LookupError, UnicodeDecodeError):
        raise BadInput(f"The body is not valid {charset} text.") from None


def _first(tree: HtmlElement, xpaths: tuple[str, ...]) -> str | None:
    for xpath in xpaths:
        for found in tree.xpath(xpath):
            value = " ".join((found if isinstance(found, str) else found.text_content()).split())
            if value:
                return value
    return None


def story_headline(headline: str | None, sitename: str | None) -> str | None:
    """The story's own headline (og:title or the first <h1>, read before extraction) without the site's name."""
    if headline and sitename and headline.endswith(sitename) and SITE_SUFFIX.search(headline):
        headline = SITE_SUFFIX.sub("", headline)
    return headline


def _canonical(url: str | None) -> str | None:
    if url and url.startswith(("http://", "https://")) and len(url) <= MAX_URL and "\x00" not in url:
        return url
    return None


def extract_page(html: str) -> WebPage:
    """The main text and metadata of an HTML page; navigation, banners, asides and footers are left out."""
    # Malformed markup is the client's problem, never a 500: lxml and trafilatura raise many kinds of error
    # on broken input (ValueError, ParserError, AssertionError in the tree walks), so any of them is a 422.
    try:
        tree = load_html(html)
        if tree is None:
            raise Unprocessable("The HTML could not be read as a web page.")
        published = _first(tree, PUBLISHED_XPATHS)
        headline_tag = _first(tree, HEADLINE_XPATHS)
        document = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Unprocessable:
        raise
    except Exception as exc:
        raise Unprocessable(f"The HTML could not be read as a web page ({type(exc).__name__}).") from None
    if document is None or isinstance(document, dict) or not any(c.isalnum() for c in document.text or ""):
        raise Unprocessable("No article text was found in the HTML page.")
    headline = story_headline(headline_tag or document.title, document.sitename)
    lines = [" ".join(line.split()) for line in (document.text or "").splitlines()]
    paragraphs = [line for line in lines if line]
    if headline and paragraphs and paragraphs[0] == headline:
        paragraphs = paragraphs[1:]  # trafilatura keeps the <h1> as the first line
    text = "\n\n".join([headline, *paragraphs] if headline else paragraphs)
    return WebPage(
        text=text,
        headline=headline,
        byline=document.author or None,
        published=published or document.date or None,
        url=_canonical(document.url),
    )
