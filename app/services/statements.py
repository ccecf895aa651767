"""Statements: the same quote in different articles (the same speaker, the same words or nearly) is one statement.

A quote's words are compared as normalised words (case, accents and punctuation ignored). Candidates are the
speaker's statements with the same words, the same first words or the same last words (each an index lookup),
so a word changed in the middle, or a cut at either end, still finds its statement; a candidate is the same
statement when the two word sequences are at least SIMILARITY alike (difflib's ratio)."""

from __future__ import annotations

import hashlib
import re
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import Table, bindparam, insert, or_, select, update
from sqlmodel import Session

from app import nlp
from app.models import Statement
from app.services.linking import normalise

EDGE_WORDS = 4  # the first and last words that index a statement
MIN_WORDS = 3  # a shorter quote ("No.") is no statement of its own
SIMILARITY = 0.8
STATEMENTS: Table = Statement.__table__  # type: ignore[attr-defined]
_WORD = re.compile(r"\w+")


def quote_words(text: str) -> list[str]:
    """A quote's words as compared: lower case, without accents or punctuation."""
    return _WORD.findall(normalise(text))


def _key(words: list[str]) -> str:
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:32]


def speaker_lock_key(speaker_norm: str) -> int:
    """The advisory lock key of a speaker's statements (31 bits)."""
    return int.from_bytes(hashlib.blake2b(speaker_norm.encode("utf-8"), digest_size=4).digest(), "little") & 0x7FFFFFFF


def lock_keys(quotes: tuple[nlp.Quote, ...]) -> list[int]:
    """The lock keys of the speakers an article quotes: writers adding statements of one speaker take turns."""
    return [speaker_lock_key(normalise(q.speaker.name)) for q in quotes if q.speaker is not None]


CANDIDATES = (
    select(STATEMENTS.c.id, STATEMENTS.c.text)
    .where(
        STATEMENTS.c.speaker_norm == bindparam("speaker"),
        or_(
            STATEMENTS.c.words_key == bindparam("words"),
            STATEMENTS.c.head_key == bindparam("head"),
            STATEMENTS.c.tail_key == bindparam("tail"),
        ),
    )
    .order_by(STATEMENTS.c.id)
)
COUNT_ARTICLE = (
    update(STATEMENTS)
    .where(STATEMENTS.c.id == bindparam("statement"))
    .values(article_count=STATEMENTS.c.article_count + 1)
)


def find_statement(session: Session, speaker: str, words: list[str]) -> int | None:
    """The speaker's stored statement with these words or nearly, the most alike (the earliest on a tie)."""
    params = {
        "speaker": speaker,
        "words": _key(words),
        "head": _key(words[:EDGE_WORDS]),
        "tail": _key(words[-EDGE_WORDS:]),
    }
    best: tuple[float, int] | None = None
    for row in session.execute(CANDIDATES, params):
        score = SequenceMatcher(None, words, quote_words(row.text), autojunk=False).ratio()
        if score >= SIMILARITY and (best is None or score > best[0]):
            best = (score, row.id)
    return best[1] if best else None


def assign_statements(session: Session, quotes: list[dict[str, Any]]) -> None:
    """Give each of an article's quote rows (with a speaker) its statement_id: a stored statement of the same
    speaker with the same words or nearly, or a new one; each statement counts the article once."""
    counted: set[int] = set()
    for row in quotes:
        speaker, words = row["speaker_norm"], quote_words(row["text"])
        if not speaker or len(words) < MIN_WORDS:
            continue
        statement_id = find_statement(session, speaker, words)
        if statement_id is None:
            statement_id = session.execute(
                insert(STATEMENTS).returning(STATEMENTS.c.id),
                {
                    "speaker_norm": speaker,
                    "speaker_name": row["speaker_name"],
                    "speaker_entity_id": row["speaker_entity_id"],
                    "text": row["text"],
                    "words_key": _key(words),
                    "head_key": _key(words[:EDGE_WORDS]),
                    "tail_key": _key(words[-EDGE_WORDS:]),
                    "article_count": 1,
                },
            ).scalar_one()
            counted.add(statement_id)
        elif statement_id not in counted:
            session.execute(COUNT_ARTICLE, {"statement": statement_id})
            counted.add(statement_id)
        row["statement_id"] = statement_id
