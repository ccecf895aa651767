"""A corpus of hostile requests, generated in code: each gets a 4xx problem or a clean article, never a 5xx."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from tests.robustness.invariants import assert_spans_slice_text
from tests.robustness.textgen import story

BASE = story(7001)  # a normal story that hostile variants are built around
JSON = "application/json"
PLAIN = "text/plain"


@dataclass(frozen=True)
class Attack:
    """One hostile request and the statuses it may get (None: any non-5xx)."""

    name: str
    method: str = "POST"
    path: str = "/v1/articles"
    body: bytes | None = None
    content_type: str | None = PLAIN
    params: dict[str, str] = field(default_factory=dict)
    allowed: frozenset[int] | None = None


def only(*statuses: int) -> frozenset[int]:
    """A set of allowed statuses."""
    return frozenset(statuses)


ACCEPTED = only(200, 201)


# --- texts ---------------------------------------------------------------------------------------


def hostile_texts() -> Iterator[tuple[str, str, frozenset[int] | None]]:
    """(name, text, allowed statuses) for texts that are odd but decodable."""
    yield "nul byte", BASE[:50] + "\x00" + BASE[50:], only(400)
    yield "only nul bytes", "\x00" * 100, only(400)
    yield "binary controls", "".join(chr(i) for i in range(1, 32)) * 20, only(400)
    yield "few controls", BASE.replace(" ", "\x07", 2), None
    yield "bell in a word", "The mayor\x07s office said yes.", None
    yield "megabyte of quotation marks", '"' * 1_000_000, only(413)
    yield "megabyte of spaced quotation marks", '" ' * 500_001, only(413)
    yield "ten thousand quotation marks", '"' * 10_000, None  # took 30 s before long runs were broken
    yield "curly quotes flood", "\u201c\u201d" * 3_000, None
    yield "guillemets flood", "«»‹›„‚" * 1_000, None
    yield "unbalanced opening quote", '"We will never stop,' + BASE, None
    yield "unbalanced closing quote", BASE + ' never," he said.', None
    yield "nested quotes", 'He said: "She told me \'they said "no" twice\' again," said Anna Kowalski.', None
    yield "quote spanning every paragraph", '"' + BASE.replace("\n\n", "\n\n ") + '"', None
    yield "no sentences", "word " * 3_000, None
    yield "one word", "Reuters", None
    yield "one letter", "a", None
    yield "one digit", "7", None
    yield "only punctuation", "!?.,;:-—–()[]{}" * 400, None
    yield "only dashes", "-" * 5_000, None
    yield "only dots", "." * 5_000, None
    yield "very long word", "a" * 200_000, None
    yield "very long word in a story", BASE.replace("Tuesday", "Tues" + "day" * 30_000), None
    yield "long url", BASE + "\n\nhttps://example.com/" + "a/" * 1_000, None
    yield "long email", "Write to " + "x" * 3_000 + "@example.com, said Anna Kowalski.", None
    yield "fifty thousand one-character lines", "".join("abcdefghij"[i % 10] + "\n" for i in range(50_000)), None
    yield "fifty thousand blank lines", "\n" * 50_000 + BASE, None
    yield "many tiny paragraphs", "Yes.\n\n" * 2_000, None
    yield "cr only line endings", BASE.replace("\n", "\r"), ACCEPTED
    yield "crlf line endings", BASE.replace("\n", "\r\n"), ACCEPTED
    yield "mixed line endings", BASE.replace("\n\n", "\r\n\r").replace("\n", "\r"), ACCEPTED
    yield "lf cr pairs", BASE.replace("\n", "\n\r"), ACCEPTED
    yield "unicode line separators", BASE.replace("\n\n", "\u2028\u2029"), None
    yield "next line and vertical tab", BASE.replace("\n\n", "\x85\x0b", 1), None
    yield "form feeds", BASE.replace("\n\n", "\n\x0c\n"), None
    yield "tabs everywhere", BASE.replace(" ", "\t"), None
    yield "no-break spaces", BASE.replace(" ", "\u00a0"), None
    yield "ideographic spaces", BASE.replace(" ", "\u3000"), None
    yield "only unicode white space", "\u00a0\u2003\u3000\u2028\u2029" * 20, only(400)
    yield "only zero-width characters", "\u200b\u200c\u200d\u2060\ufeff" * 50, None
    yield "zero-width joiners inside names", BASE.replace("a", "a\u200d"), None
    yield "soft hyphens", BASE.replace("e", "e\u00ad"), None
    yield "bom at start", "\ufeff" + BASE, None
    yield "boms everywhere", BASE.replace(" ", " \ufeff"), None
    yield (
        "right-to-left arabic",
        "قال الرئيس \u201cسنبني الجسر\u201d يوم الثلاثاء في بغداد.\n\nوأضاف أن العمل سيبدأ قريبا.",
        None,
    )
    yield "right-to-left hebrew", 'ירושלים, 3 במאי (רויטרס) - "נבנה את הגשר", אמר השר.', None
    yield "bidi overrides", "\u202eLONDON\u202c, May 3 (Reuters) - \u202d\u201cYes,\u201d said John Smith.\u202c", None
    yield "isolates", BASE.replace("said", "\u2066said\u2069"), None
    yield "mixed scripts", "ТОКИО, 3 мая (ТАСС) - «Мы готовы», заявил Иван Петров. 東京で会議。 " + BASE, None
    yield "emoji", BASE.replace("families", "families 👨‍👩‍👧‍👦🇵🇱🏳️‍🌈"), None
    yield "emoji names", '"We won 🎉," said 🦊 Fox 🦊, the mascot.\n\n🔥🔥🔥 said the crowd.', None
    yield "emoji flood", "😀" * 5_000, None
    yield "skin tone modifiers alone", "\U0001f3fb\U0001f3fc\U0001f3fd" * 500, None
    yield "regional indicators", "🇺🇸🇷🇺🇨🇳" * 1_000, None
    yield "astral plane letters", "𝐓𝐡𝐞 𝐦𝐚𝐲𝐨𝐫 said “𝔜𝔢𝔰,” said 𝒜𝓃𝓃𝒶.", None
    yield "combining marks", "".join(c + "\u0301\u0308\u0327" for c in BASE[:2_000]), None
    yield "zalgo", "Z" + "\u0336\u0337\u0338\u0489" * 5_000 + "algo said Anna.", None
    yield "combining mark first", "\u0301\u0301 said Anna Kowalski.", None
    yield "decomposed accents", "Jose\u0301 Mu\u0303noz said \u201cs\u00ed\u201d in Bogota\u0301.", None
    yield "ligatures and fullwidth", "ＴＯＫＹＯ， Ｍａｙ ３ (Ｒｅｕｔｅｒｓ) － “ﬁne,” said ﬀ Smith.", None
    yield "case folding changes length", "İSTANBUL, May 3 (Reuters) - “İyi,” said İsmail Şahin of STRASSE ß ŉ ǰ.", None
    yield "private use", "\ue000\uf8ff said \U000f0000.", None
    yield "noncharacters", "\ufffe\uffff\U0010ffff said Anna.", None
    yield "replacement characters", "\ufffd" * 500 + BASE, None
    yield (
        "html",
        "<html><head><script>alert(1)</script></head><body><p>“Yes,” said <b>John Smith</b>.</p></body></html>",
        None,
    )
    yield "html entities", "&lt;b&gt;&quot;Yes,&quot; said John Smith&lt;/b&gt; &amp; &#x201C;", None
    yield "sql", "'; DROP TABLE articles; -- \" OR 1=1 said Robert'); DELETE FROM quotes;--", None
    yield "like wildcards", "100% of _all_ %s said \\ Anna_Kowalski %%", None
    yield "fts syntax", 'NEAR(a b) AND "x" OR y* NOT z ^col:w said MATCH.', None
    yield "json as text", json.dumps({"text": BASE, "nested": [[[[1]]]]}), None
    yield (
        "markdown",
        "# Headline\n\n## Sub\n\n> \u201cQuote,\u201d said *Anna*.\n\n- item\n- item\n\n```\ncode\n```",
        None,
    )
    yield "dateline only", "LONDON, May 3 (Reuters) -", None
    yield "dateline garbage", "LONDON, Februar 31 (Reuters) - ,,,", None
    yield "byline only", "By Anna Kowalski", None
    yield "headline only", "Port workers end strike after pay deal", None
    yield "repeated dateline", "LONDON (Reuters) - " * 500, None
    yield "said without speaker", "said said said said said, said said.", None
    yield "speaker without quote", "Anna Kowalski said.", None
    yield "pronoun first", '"Yes," she said. "No," he said. "Maybe," they said.', None
    yield "huge numbers in text", BASE.replace("families", "9" * 5_000 + " families"), None
    yield "dates out of range", "LONDON, May 99 (Reuters) - On February 30, 99999 the year 0 began.", None
    yield "surrogate pair text", "😀 said Anna \U0001d11e Kowalski.", None
    yield "all white space kinds", " \t\n\r\x0b\x0c" * 100, None


def text_attacks() -> Iterator[Attack]:
    """Every hostile text sent as UTF-8 text/plain and as a JSON string."""
    for name, text, allowed in hostile_texts():
        raw = text.encode("utf-8", "surrogatepass")
        yield Attack(f"text/plain: {name}", body=raw, allowed=allowed)
        payload = json.dumps({"text": text}).encode()
        yield Attack(f"json: {name}", body=payload, content_type=JSON, allowed=allowed)


# --- JSON bodies ---------------------------------------------------------------------------------


def json_attacks() -> Iterator[Attack]:
    """JSON that is malformed, mistyped, deep, huge or carries fields it should not."""
    text = json.dumps(BASE)
    bodies: list[tuple[str, str | bytes, frozenset[int] | None]] = [
        ("lone high surrogate escape", '{"text": "\\ud800 said Anna."}', only(400)),
        ("lone low surrogate escape", '{"text": "\\udc00 said Anna."}', only(400)),
        ("reversed surrogate escapes", '{"text": "\\udc00\\ud800"}', only(400)),
        ("surrogate escape at end", '{"text": "Anna said yes \\ud83d"}', only(400)),
        ("valid surrogate pair escape", '{"text": "\\ud83d\\ude00 said Anna Kowalski."}', None),
        ("escaped nul", '{"text": "abc\\u0000def"}', only(400)),
        ("cesu-8 surrogate bytes", b'{"text": "\xed\xa0\x80 said Anna."}', only(400)),
        ("invalid utf-8 in string", b'{"text": "\xff\xfe said Anna."}', only(400)),
        ("overlong utf-8", b'{"text": "\xc0\xaf said Anna."}', only(400)),
        ("truncated utf-8", b'{"text": "caf\xc3"}', only(400)),
        ("latin-1 bytes", '{"text": "Café said José."}'.encode("latin-1"), only(400)),
        ("utf-16 json", json.dumps({"text": BASE[:300] + " utf16"}).encode("utf-16"), None),
        ("utf-32 json", json.dumps({"text": BASE[:300] + " utf32"}).encode("utf-32"), None),
        ("bom before json", b"\xef\xbb\xbf" + json.dumps({"text": BASE[:300] + " bom"}).encode(), None),
        ("deeply nested arrays", "[" * 100_000 + "]" * 100_000, only(400, 422)),
        ("deeply nested objects", '{"a":' * 50_000 + "1" + "}" * 50_000, only(400, 422)),
        ("deep text value", '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}", only(400, 422)),
        ("unclosed nesting", "[" * 200_000, only(400, 422)),
        ("text is a number", '{"text": 12345}', only(422)),
        ("text is a huge integer", '{"text": ' + "9" * 5_000 + "}", only(400, 422)),
        ("text is null", '{"text": null}', only(422)),
        ("text is a list", '{"text": ["a", "b"]}', only(422)),
        ("text is an object", '{"text": {"text": "a"}}', only(422)),
        ("text is true", '{"text": true}', only(422)),
        ("text is NaN", '{"text": NaN}', only(400, 422)),
        ("text is Infinity", '{"text": -Infinity}', only(400, 422)),
        ("no text field", '{"body": "Anna said yes."}', only(422)),
        ("empty object", "{}", only(422)),
        ("empty text", '{"text": ""}', only(400, 422)),
        ("white space text", '{"text": " \\n\\t "}', only(400, 422)),
        ("extra field", '{"text": ' + text + ', "admin": true}', only(422)),
        ("many extra fields", json.dumps({"text": BASE, **{f"f{i}": i for i in range(5_000)}}), only(422)),
        ("id field", '{"text": ' + text + ', "id": 1}', only(422)),
        ("duplicate text keys", '{"text": "first said Anna.", "text": ' + text + "}", None),
        ("top-level string", text, only(422)),
        ("top-level array", "[" + text + "]", only(422)),
        ("top-level number", "42", only(422)),
        ("top-level null", "null", only(422)),
        ("top-level huge integer", "9" * 4_500, only(400, 422)),
        ("top-level huge float", "1e999999", only(400, 422)),
        ("trailing comma", '{"text": "a",}', only(400)),
        ("single quotes", "{'text': 'a'}", only(400)),
        ("comments", '{"text": "a" /* c */}', only(400)),
        ("two documents", '{"text": "a"}{"text": "b"}', only(400)),
        ("truncated document", '{"text": "Anna said', only(400)),
        ("only a bom", b"\xef\xbb\xbf", only(400)),
        ("white space body", b" \n\t ", only(400)),
        ("empty body", b"", only(400)),
        ("published_at garbage", '{"text": ' + text + ', "published_at": "yesterday"}', only(422)),
        ("published_at huge year", '{"text": ' + text + ', "published_at": "99999-01-01"}', only(422)),
        ("published_at year zero", '{"text": ' + text + ', "published_at": "0000-01-01"}', only(422)),
        ("published_at year one", '{"text": ' + text + ', "published_at": "0001-01-01T00:00:00-23:59"}', only(422)),
        ("published_at last day", '{"text": ' + text + ', "published_at": "9999-12-31T23:59:59-23:59"}', only(422)),
        ("published_at feb 30", '{"text": ' + text + ', "published_at": "2024-02-30"}', only(422)),
        ("published_at hour 25", '{"text": ' + text + ', "published_at": "2024-01-01T25:00:00"}', only(422)),
        ("published_at offset 99h", '{"text": ' + text + ', "published_at": "2024-01-01T10:00:00+99:00"}', only(422)),
        ("published_at huge number", '{"text": ' + text + ', "published_at": 1e300}', only(422)),
        ("published_at negative number", '{"text": ' + text + ', "published_at": -99999999999999}', only(422)),
        ("published_at huge integer", '{"text": ' + text + ', "published_at": ' + "9" * 400 + "}", only(400, 422)),
        ("published_at bool", '{"text": ' + text + ', "published_at": true}', only(422)),
        ("published_at list", '{"text": ' + text + ', "published_at": ["2024-01-01"]}', only(422)),
        ("url too long", json.dumps({"text": BASE, "url": "https://x.example/" + "a" * 3_000}), only(422)),
        ("url is javascript", json.dumps({"text": BASE + " js", "url": "javascript:alert(1)"}), None),
        ("url with nul", json.dumps({"text": BASE + " nulurl", "url": "https://x\u0000.example"}), only(400, 422)),
        ("source with nul", json.dumps({"text": BASE + " nulsrc", "source": "Wire\u0000"}), only(400, 422)),
        ("source lone surrogate", '{"text": ' + text + ', "source": "\\ud800"}', only(400, 422)),
        ("source too long", json.dumps({"text": BASE, "source": "S" * 300}), only(422)),
        ("source is a number", '{"text": ' + text + ', "source": 7}', only(422)),
    ]
    for name, body, allowed in bodies:
        raw = body if isinstance(body, bytes) else body.encode("utf-8", "surrogatepass")
        yield Attack(f"json body: {name}", body=raw, content_type=JSON, allowed=allowed)


# --- content types and charsets ------------------------------------------------------------------


def content_type_attacks() -> Iterator[Attack]:
    """Wrong or tricky media types and charsets."""
    utf8 = BASE.encode()
    cases: list[tuple[str, str | None, bytes, frozenset[int] | None]] = [
        ("no content type", None, utf8, only(415)),
        ("empty content type", "", utf8, only(415)),
        ("xml", "application/xml", b"<text>Anna said yes.</text>", only(415)),
        ("html", "text/html", b"<p>Anna said yes.</p>", only(200, 201, 422)),  # a web page: its story, or none
        ("html in latin-1", "text/html; charset=latin-1", "<p>René dit oui.</p>".encode("latin-1"), None),
        ("html bad charset", "text/html; charset=nope", b"<p>Anna said yes.</p>", only(400)),
        ("form", "application/x-www-form-urlencoded", b"text=Anna+said+yes.", only(415)),
        ("multipart", "multipart/form-data; boundary=x", b"--x\r\n\r\nAnna said yes.\r\n--x--", only(415)),
        ("octet stream", "application/octet-stream", utf8, only(415)),
        ("problem json", "application/problem+json", b'{"text": "a"}', only(415)),
        ("json patch", "application/json-patch+json", b'{"text": "a"}', only(415)),
        ("wildcard", "*/*", utf8, only(415)),
        ("garbage media type", ";;;===;;", utf8, only(415)),
        ("very long media type", "text/" + "x" * 5_000, utf8, only(415)),
        ("upper case plain", "TEXT/PLAIN", BASE.encode() + b" upper", ACCEPTED),
        ("upper case json", "Application/JSON", json.dumps({"text": BASE + " json upper"}).encode(), ACCEPTED),
        ("json with charset", "application/json; charset=utf-8", json.dumps({"text": BASE + " j8"}).encode(), ACCEPTED),
        ("json with wrong charset", "application/json; charset=latin-1", json.dumps({"text": BASE}).encode(), None),
        ("json sent as plain", PLAIN, json.dumps({"text": BASE}).encode(), None),
        ("plain sent as json", JSON, utf8, only(400)),
        ("latin-1 declared", "text/plain; charset=latin-1", "José said “oui”".encode("cp1252"), None),
        ("iso-8859-1 declared", "text/plain; charset=ISO-8859-1", "Café au lait, said René.".encode("latin-1"), None),
        ("cp1252 declared", "text/plain; charset=windows-1252", "“Oui,” said René.".encode("cp1252"), None),
        ("utf-16 with bom", "text/plain; charset=utf-16", (BASE + " u16").encode("utf-16"), ACCEPTED),
        ("utf-16le no bom", "text/plain; charset=utf-16-le", (BASE + " u16le").encode("utf-16-le"), ACCEPTED),
        ("utf-16 odd length", "text/plain; charset=utf-16", b"\xff\xfeA\x00B", only(400)),
        ("utf-32", "text/plain; charset=utf-32", (BASE + " u32").encode("utf-32"), ACCEPTED),
        ("utf-8 declared invalid bytes", "text/plain; charset=utf-8", b"Anna \xff\xfe said \xc0\xaf yes.", only(400)),
        ("utf-8 truncated sequence", "text/plain; charset=utf-8", b"caf\xc3", only(400)),
        ("utf-8 encoded surrogate", "text/plain; charset=utf-8", b"\xed\xa0\x80 said Anna.", only(400)),
        ("undeclared invalid bytes", PLAIN, bytes(range(128, 256)), only(400)),
        ("random binary", PLAIN, bytes((i * 37 + 11) % 256 for i in range(4_000)), only(400)),
        ("gzip magic", PLAIN, b"\x1f\x8b\x08\x00" + bytes(200), only(400)),
        ("utf-8 bom", PLAIN, b"\xef\xbb\xbf" + BASE.encode() + b" bom8", ACCEPTED),
        ("utf-16 bom read as utf-8", PLAIN, (BASE + " 16as8").encode("utf-16"), only(400)),
        ("unknown charset", "text/plain; charset=klingon", utf8, only(400)),
        ("empty charset", "text/plain; charset=", utf8, None),
        ("quoted charset", 'text/plain; charset="utf-8"', BASE.encode() + b" quoted", ACCEPTED),
        ("charset without value", "text/plain; charset", utf8, None),
        ("two charsets", "text/plain; charset=utf-8; charset=latin-1", "Zoë said “yes”.".encode(), None),
        ("rot13 charset", "text/plain; charset=rot13", utf8, only(400)),
        ("base64 charset", "text/plain; charset=base64", b"QW5uYSBzYWlkIHllcy4=", only(400)),
        ("zlib charset", "text/plain; charset=zlib", utf8, only(400)),
        ("hex charset", "text/plain; charset=hex", b"416e6e61", only(400)),
        ("utf-7 charset", "text/plain; charset=utf-7", b"Anna said +ACI-yes+ACI-.", None),
        ("unicode-escape charset", "text/plain; charset=unicode_escape", b"Anna said \\u0000 \\ud800.", only(400)),
        ("raw-unicode-escape charset", "text/plain; charset=raw_unicode_escape", b"\\ud800 said Anna.", only(400)),
        ("punycode charset", "text/plain; charset=punycode", b"Anna said yes-", None),
        ("idna charset", "text/plain; charset=idna", b"xn--caf-dma.example said Anna", None),
        ("utf-8-sig charset", "text/plain; charset=utf-8-sig", b"\xef\xbb\xbf" + BASE.encode() + b" sig", ACCEPTED),
        ("mbcs-like charset", "text/plain; charset=shift_jis", "東京で「はい」と言った。".encode("shift_jis"), None),
        ("gb18030", "text/plain; charset=gb18030", "北京 5月3日 (新华社) - “是的，”他说。".encode("gb18030"), None),
    ]
    for name, ctype, body, allowed in cases:
        yield Attack(f"content type: {name}", body=body, content_type=ctype, allowed=allowed)


# --- query parameters on ingest --------------------------------------------------------------------


def ingest_param_attacks() -> Iterator[Attack]:
    """Query parameters that ride along with an ingest."""
    params: list[tuple[str, dict[str, str], frozenset[int] | None]] = [
        ("published_at garbage", {"published_at": "not a date"}, only(422)),
        ("published_at huge year", {"published_at": "99999-12-31"}, only(422)),
        ("published_at huge integer", {"published_at": "9" * 300}, only(422)),
        ("published_at negative", {"published_at": "-1"}, None),  # a Unix time to pydantic
        ("published_at nul", {"published_at": "2024-01-01\x00"}, only(422)),
        ("published_at last moment", {"published_at": "9999-12-31T23:59:59.999999-23:59"}, only(422)),
        ("published_at first moment", {"published_at": "0001-01-01T00:00:00+23:59"}, only(422)),
        ("published_at blank", {"published_at": "   "}, ACCEPTED),
        ("url too long", {"url": "https://x.example/" + "a" * 3_000}, only(422)),
        ("source too long", {"source": "S" * 500}, only(422)),
        ("source with nul", {"source": "Wire\x00Service"}, only(422)),
        ("url with controls", {"url": "https://x.example/\x01\x02\x1b[31m"}, None),
        ("unknown parameter", {"admin": "1", "id": "5"}, None),
    ]
    for name, query, allowed in params:
        # A text of its own for each, so no attack is answered from an earlier identical text.
        body = f"{BASE} Filed with {name}.".encode()
        yield Attack(f"ingest params: {name}", body=body, params=query, allowed=allowed)


# --- reads -----------------------------------------------------------------------------------------

HUGE = "9" * 400


def read_attacks() -> Iterator[Attack]:
    """Hostile ids, limits, offsets and filters on every read endpoint."""
    ids = [
        "0",
        "-1",
        "1",
        "2147483647",
        "2147483648",
        "9223372036854775808",
        HUGE,
        "1e5",
        "1.0",
        "0x10",
        " 1",
        "１２",
        "NaN",
        "%00",
        "..%2F..%2Fetc%2Fpasswd",
        "1;DROP TABLE articles",
        "null",
    ]
    for resource in ("/v1/articles/{}", "/v1/articles/{}/quotes", "/v1/articles/{}/entities", "/v1/entities/{}"):
        for ident in ids:
            yield Attack(
                f"GET {resource} id={ident[:20]!r}x{len(ident)}", method="GET", path=resource.format(ident), body=None
            )
    pages = [
        ("limit", "0"),
        ("limit", "-1"),
        ("limit", "101"),
        ("limit", HUGE),
        ("limit", "1e3"),
        ("limit", "abc"),
        ("offset", "-1"),
        ("offset", HUGE),
        ("offset", "9223372036854775808"),
        ("offset", "10000000"),
        ("offset", "10000001"),
        ("limit", ""),
    ]
    for path in ("/v1/articles", "/v1/quotes", "/v1/entities"):
        for name, value in pages:
            yield Attack(
                f"GET {path} {name}={value[:20]!r}x{len(value)}",
                method="GET",
                path=path,
                params={name: value},
                body=None,
            )
    words = [
        "\x00",
        "\ud800",
        '"',
        '""',
        "'",
        "*",
        "NEAR(",
        "a OR",
        "AND",
        "-",
        "^x",
        "col:x",
        "%",
        "_",
        "\\",
        "x" * 500,
        "x" * 501,
        "é" * 400,
        "😀" * 100,
        "<script>",
        "' OR '1'='1",
        "Anna\x00Kowalski",
        " ",
        HUGE[:300],
    ]
    filters = {
        "/v1/articles": ["q", "entity", "speaker", "agency", "language"],
        "/v1/quotes": ["q", "speaker", "type"],
        "/v1/entities": ["type", "prefix"],
        "/v1/stats/top": ["q", "entity", "speaker", "type"],
        "/v1/stats/timeseries": ["q", "entity", "speaker", "type"],
    }
    for path, names in filters.items():
        for name in names:
            for word in words:
                yield Attack(
                    f"GET {path} {name}={word[:12]!r}x{len(word)}",
                    method="GET",
                    path=path,
                    params={name: word},
                    body=None,
                )
    dates = [
        "0001-01-01",
        "9999-12-31",
        "10000-01-01",
        "2024-02-30",
        "2024-13-01",
        "-2024-01-01",
        "20240101",
        "2024-01-01T00:00:00+99:00",
        HUGE,
    ]
    for path in ("/v1/articles", "/v1/stats/timeseries", "/v1/stats/top"):
        for name in ("published_from", "published_to"):
            for value in dates:
                yield Attack(
                    f"GET {path} {name}={value[:20]!r}x{len(value)}",
                    method="GET",
                    path=path,
                    params={name: value},
                    body=None,
                )
    stats = [
        ("metric", "x"),
        ("interval", "year"),
        ("split", "everything"),
        ("series", "0"),
        ("series", HUGE),
        ("format", "xml"),
        ("format", "csv"),
        ("dimension", "pairs"),
        ("limit", HUGE),
    ]
    for path in ("/v1/stats/timeseries", "/v1/stats/top"):
        for name, value in stats:
            yield Attack(
                f"GET {path} {name}={value[:20]!r}x{len(value)}",
                method="GET",
                path=path,
                params={name: value},
                body=None,
            )
    yield Attack("GET unknown path", method="GET", path="/v1/" + "x" * 5_000, body=None, allowed=only(404))
    yield Attack("DELETE articles", method="DELETE", path="/v1/articles", body=None, allowed=only(405))
    yield Attack(
        "PUT an article", method="PUT", path="/v1/articles/1", body=b"{}", content_type=JSON, allowed=only(405)
    )
    yield Attack("POST to a read", method="POST", path="/v1/quotes", body=b"{}", content_type=JSON, allowed=only(405))


ATTACKS = [*text_attacks(), *json_attacks(), *content_type_attacks(), *ingest_param_attacks(), *read_attacks()]


def test_corpus_is_large_and_names_are_unique() -> None:
    names = [a.name for a in ATTACKS]
    assert len(names) >= 200
    assert len(names) == len(set(names))


def article_count(client: TestClient) -> int:
    """How many articles are stored."""
    reply = client.get("/v1/articles", params={"limit": 1})
    assert reply.status_code == 200, reply.text
    return int(reply.json()["total"])


def send(client: TestClient, attack: Attack, key: str) -> Any:
    """Send one attack with a valid API key."""
    headers = {"Authorization": f"Bearer {key}"}
    if attack.content_type is not None:
        headers["Content-Type"] = attack.content_type
    # Encoded by hand: httpx refuses lone surrogates, which a raw client can still send as UTF-8 bytes.
    query = urlencode({k: v.encode("utf-8", "surrogatepass") for k, v in attack.params.items()})
    url = f"{attack.path}?{query}" if query else attack.path
    return client.request(attack.method, url, content=attack.body, headers=headers)


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.name for a in ATTACKS])
def test_hostile_request_gets_a_problem_or_a_clean_article(
    served: TestClient, settings: Settings, attack: Attack
) -> None:
    writes = attack.method == "POST" and attack.path == "/v1/articles"
    before = article_count(served) if writes else 0
    reply = send(served, attack, settings.api_keys[0])
    assert reply.status_code < 500, reply.text[:500]
    if attack.allowed is not None:
        assert reply.status_code in attack.allowed, reply.text[:500]
    if reply.status_code >= 400:
        assert reply.headers["content-type"].startswith("application/problem+json"), reply.headers
        problem = reply.json()
        assert problem["status"] == reply.status_code
        assert problem["title"] and problem["detail"]
        assert "Traceback" not in reply.text
        if writes:
            assert article_count(served) == before, "a rejected ingest changed the article count"
        return
    if writes:
        assert reply.status_code in (200, 201)
        article = reply.json()
        assert_spans_slice_text(article)
        assert served.get(f"/v1/articles/{article['id']}").json() == article
        assert article_count(served) == before + (reply.status_code == 201)
