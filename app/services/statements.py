"""Statements: the same quote in different articles (the same speaker, the same words or nearly) is one statement.

A quote's words are compared as normalised words (case, accents and punctuation ignored). Candidates are the
speaker's statements with the same words, the same first words or the same last words (each an index lookup),
so a word changed in the middle, or a cut at either end, still finds its statement; a candidate is the same
statement when the two word sequences are at least SIMILARITY alike (difflib's ratio)."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, or_, select, update
from sqlmodel import Session

from app import nlp
from app.models import Quote, Statement
from app.services.linking import normalise
from app.services.locks import lock_for_article

EDGE_WORDS = 4  # the first and last words that index a statement
MIN_WORDS = 3  # a shorter quote ("No.") is no statement of its own
SIMILARITY = 0.8
STATEMENTS: Table = Statement.__table__  # type: ignore[attr-defined]
QUOTES: Table = Quote.__table__  # type: ignore[attr-defined]
_WORD = re.compile(r"\w+")


def quote_words(text: str) -> list[str]:
    """A quote's words as compared: lower case, without accents or punctuation."""
    return _WORD.findall(normalise(text))


def _key(words: list[str]) -> str:
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:32]


def edge_keys(words: list[str]) -> dict[str, str]:
    """The digests that find a statement: of all its words, of its first words, of its last words."""
    return {"words": _key(words), "head": _key(words[:EDGE_WORDS]), "tail": _key(words[-EDGE_WORDS:])}


def speaker_lock_key(speaker_norm: str) -> int:
    """The advisory lock key of a speaker's statements (31 bits)."""
    return int.from_bytes(hashlib.blake2b(speaker_norm.encode("utf-8"), digest_size=4).digest(), "little") & 0x7FFFFFFF


def lock_keys(quotes: tuple[nlp.Quote, ...]) -> list[int]:
    """The lock keys of the speakers an article quotes: writers adding statements of one speaker take turns."""
    return [speaker_lock_key(normalise(q.speaker.name)) for q in quotes if q.speaker is not None]


@dataclass
class Known:
    """A statement an article's quote may be: stored (with its id) or new in this article (id after insert)."""

    id: int | None
    words: list[str]
    keys: dict[str, str]
    new_row: dict[str, Any] | None = None

    def alike(self, words: list[str], keys: dict[str, str]) -> float:
        """How alike a quote's words are (0 when no digest is shared: not a candidate)."""
        if not any(self.keys[name] == keys[name] for name in keys):
            return 0.0
        return SequenceMatcher(None, words, self.words, autojunk=False).ratio()


def _stored(session: Session, wanted: list[tuple[str, list[str], dict[str, str]]]) -> dict[str, list[Known]]:
    """The stored statements that share a digest with one of the article's quotes, by speaker: one query."""
    found: dict[str, list[Known]] = defaultdict(list)
    stmt = (
        select(STATEMENTS.c.id, STATEMENTS.c.speaker_norm, STATEMENTS.c.text)
        .where(
            STATEMENTS.c.speaker_norm.in_(sorted({speaker for speaker, _, _ in wanted})),
            or_(
                STATEMENTS.c.words_key.in_(sorted({k["words"] for _, _, k in wanted})),
                STATEMENTS.c.head_key.in_(sorted({k["head"] for _, _, k in wanted})),
                STATEMENTS.c.tail_key.in_(sorted({k["tail"] for _, _, k in wanted})),
            ),
        )
        .order_by(STATEMENTS.c.id)
    )
    for row in session.execute(stmt):
        words = quote_words(row.text)
        found[row.speaker_norm].append(Known(row.id, words, edge_keys(words)))
    return found


def assign_statements(session: Session, quotes: list[dict[str, Any]]) -> None:
    """Give each of an article's quote rows (with a speaker) its statement_id: a stored statement of the same
    speaker with the same words or nearly (the most alike, the earliest on a tie), or a new one; each statement
    counts the article once. Three statements at most, whatever the number of quotes."""
    wanted = [
        (row, row["speaker_norm"], words)
        for row in quotes
        if row["speaker_norm"] and len(words := quote_words(row["text"])) >= MIN_WORDS
    ]
    if not wanted:
        return
    keyed = [(row, speaker, words, edge_keys(words)) for row, speaker, words in wanted]
    known = _stored(session, [(speaker, words, keys) for _, speaker, words, keys in keyed])
    chosen: list[tuple[dict[str, Any], Known]] = []
    for row, speaker, words, keys in keyed:
        scored = [(k.alike(words, keys), k) for k in known[speaker]]
        best = max((sk for sk in scored if sk[0] >= SIMILARITY), key=lambda sk: sk[0], default=None)
        if best is None:
            new_row = {
                "speaker_norm": speaker,
                "speaker_name": row["speaker_name"],
                "speaker_entity_id": row["speaker_entity_id"],
                "text": row["text"],
                **{f"{name}_key": key for name, key in keys.items()},
                "article_count": 1,
            }
            best = (1.0, Known(None, words, keys, new_row))
            known[speaker].append(best[1])  # a quote repeated later in the article is the same statement
        chosen.append((row, best[1]))
    pending = [k for k in {id(k): k for _, k in chosen}.values() if k.id is None]
    if pending:
        inserted = session.execute(
            insert(STATEMENTS).returning(STATEMENTS.c.id, sort_by_parameter_order=True),
            [k.new_row for k in pending if k.new_row is not None],
        )
        for k, statement_id in zip(pending, inserted.scalars(), strict=True):
            k.id = statement_id
    carried_again = sorted({k.id for _, k in chosen if k.new_row is None and k.id is not None})
    if carried_again:
        session.execute(COUNT_ARTICLE, {"ids": carried_again})
    for row, k in chosen:
        row["statement_id"] = k.id


COUNT_ARTICLE = (
    update(STATEMENTS)
    .where(STATEMENTS.c.id.in_(bindparam("ids", expanding=True)))
    .values(article_count=STATEMENTS.c.article_count + 1)
)


def forget_article(session: Session, article_id: int) -> None:
    """Take an article out of the statements its quotes appear in (before its quotes are deleted); a statement
    no article carries any more is dropped. Writers quoting the same speakers wait, as for an ingest."""
    rows = session.execute(
        select(QUOTES.c.statement_id, QUOTES.c.speaker_norm).where(
            QUOTES.c.article_id == article_id, QUOTES.c.statement_id.is_not(None)
        )
    ).all()
    if not rows:
        return
    lock_for_article(session, [speaker_lock_key(speaker) for _, speaker in rows if speaker])
    ids = sorted({statement_id for statement_id, _ in rows})
    session.execute(UNCOUNT_ARTICLE, {"ids": ids})
    session.execute(delete(STATEMENTS).where(STATEMENTS.c.id.in_(ids), STATEMENTS.c.article_count <= 0))


UNCOUNT_ARTICLE = (
    update(STATEMENTS)
    .where(STATEMENTS.c.id.in_(bindparam("ids", expanding=True)))
    .values(article_count=STATEMENTS.c.article_count - 1)
)
