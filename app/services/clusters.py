"""Story clusters: versions of one wire story (a re-lede, a word changed, an outlet's own headline) share a
cluster. MinHash over the body's word shingles, with locality-sensitive hashing bands stored in SQL (one row
per band, found by an index), so SQLite and PostgreSQL answer alike and no index lives in memory.

An article's cluster id is the id of the cluster's first version. The column holds it only for an article that
joined a cluster; a founder stores NULL (so no row is ever updated after its insert) and serves its own id."""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import ColumnElement, Table, bindparam, func, insert, select
from sqlmodel import Session

from app.models import Article, ArticleBand

NUM_PERM = 128
BANDS, ROWS = 32, 4  # 32 bands of 4 rows: a pair at Jaccard 0.5 shares a band 87% of the time, at 0.7 99.98%
SHINGLE = 3  # words per shingle
THRESHOLD = 0.5  # estimated Jaccard similarity of two bodies' shingles from which they are one story
MIN_SHINGLES = 12  # a brief this short matches too much by chance: it stays alone
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
# The permutations are part of the stored data: they must never change (a fixed seed, drawn once).
_rng = np.random.RandomState(20261201)
_A = _rng.randint(1, int(_MERSENNE), size=NUM_PERM, dtype=np.uint64)
_B = _rng.randint(0, int(_MERSENNE), size=NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+")
ARTICLES: Table = Article.__table__  # type: ignore[attr-defined]
BAND_ROWS: Table = ArticleBand.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Fingerprint:
    """An article body's MinHash signature and its band hashes (empty for a text too short to cluster)."""

    signature: np.ndarray
    bands: tuple[int, ...]

    def similarity(self, other: bytes) -> float:
        """The estimated Jaccard similarity with a stored signature."""
        stored = np.frombuffer(other, dtype=np.uint32)
        return float(np.count_nonzero(stored == self.signature)) / NUM_PERM


@functools.lru_cache(maxsize=1 << 16)  # a word's hash is asked for again and again: a language's words repeat
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=4).digest(), "little")


def shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of the text's distinct word shingles (lower-cased words, punctuation ignored)."""
    words = np.array([_word_hash(w) for w in _WORD.findall(text.casefold())], dtype=np.uint64)
    if len(words) < SHINGLE:
        return np.zeros(0, dtype=np.uint64)
    mixed = np.zeros(len(words) - SHINGLE + 1, dtype=np.uint64)
    for i in range(SHINGLE):  # a polynomial over the words' hashes (wrapping in 64 bits), folded to 32
        mixed = mixed * np.uint64(1_000_003) + words[i : len(words) - SHINGLE + 1 + i]
    return np.unique((mixed ^ (mixed >> np.uint64(32))) & _MAX_HASH)


def fingerprint(body: str) -> Fingerprint | None:
    """The MinHash signature and LSH bands of a body, or None when it is too short to compare."""
    shingles = shingle_hashes(body)
    if len(shingles) < MIN_SHINGLES:
        return None
    with np.errstate(over="ignore"):  # the universal hash wraps in 64 bits, as datasketch's does
        permuted = (np.outer(_A, shingles) + _B[:, None]) % _MERSENNE & _MAX_HASH
    signature = permuted.min(axis=1).astype(np.uint32)
    return Fingerprint(signature, tuple(band_hash(band, signature) for band in range(BANDS)))


def band_hash(band: int, signature: np.ndarray) -> int:
    """A signed 64-bit hash of one band's rows and its number (so that bands never collide with each other)."""
    rows = bytes([band]) + signature[band * ROWS : (band + 1) * ROWS].tobytes()
    return int.from_bytes(hashlib.blake2b(rows, digest_size=8).digest(), "little", signed=True)


CANDIDATES = (
    select(ARTICLES.c.id, ARTICLES.c.cluster_id, ARTICLES.c.minhash)
    .where(
        ARTICLES.c.id.in_(
            select(BAND_ROWS.c.article_id).where(BAND_ROWS.c.hash.in_(bindparam("bands", expanding=True))).distinct()
        )
    )
    .order_by(ARTICLES.c.id)
)


def find_cluster(session: Session, found: Fingerprint) -> int | None:
    """The cluster a new article belongs to (the id of its first version), or None when it starts its own: of
    the stored articles sharing a band with it, the most similar at THRESHOLD or more (the earliest on a tie)."""
    best: tuple[float, int] | None = None
    for row in session.execute(CANDIDATES, {"bands": list(found.bands)}):
        if row.minhash is None:
            continue
        score = found.similarity(row.minhash)
        cluster = row.cluster_id or row.id
        if score >= THRESHOLD and (best is None or score > best[0]):
            best = (score, cluster)
    return best[1] if best else None


def store_bands(session: Session, article_id: int, found: Fingerprint) -> None:
    """Index an article's bands, so later versions find it."""
    session.execute(
        insert(BAND_ROWS), [{"article_id": article_id, "band": i, "hash": h} for i, h in enumerate(found.bands)]
    )


def cluster_key() -> ColumnElement[Any]:
    """The cluster of an article as SQL: the stored cluster id, or the article's own id for a founder."""
    return func.coalesce(ARTICLES.c.cluster_id, ARTICLES.c.id)


def lock_keys(found: Fingerprint | None) -> list[int]:
    """The advisory lock keys that serialise writers of articles that might cluster together: their bands."""
    return [] if found is None else [h & 0x7FFFFFFF for h in found.bands]
