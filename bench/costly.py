"""Costly inputs: the CPU a parse of the worst texts the limits let through costs, against prose.

Target (issue 13): any accepted text costs at most a small multiple of prose of the same length:
costly / prose CPU <= 4 for every shape below, each as long as the prose. Shapes past the limits (one
token per character: 100,000 quotation marks, one-letter lines) are refused at validation (413) and cost
nothing; the rows say so. Times are process CPU seconds of Extractor.analyze, the best of alternating runs.
"""

from __future__ import annotations

import argparse
import itertools
import string

from bench.common import Row, Timing, finish, fmt, load_nlp, log, parser, timed
from bench.corpus import corpus

TARGET = 4.0


def shapes(length: int) -> dict[str, str]:
    """Texts of about `length` characters that are cheap to send and were costly to parse."""
    three = ("".join(p) for p in itertools.product(string.ascii_uppercase, repeat=3))
    return {
        "three-letter lines": "".join(next(three) + "\n" for _ in range(length // 4)),
        "one-letter words": "x " * (length // 2),
        "quoted words": '"abc" ' * (length // 6),
        "one-letter lines": "".join(string.ascii_uppercase[i % 26] + "\n" for i in range(length // 2)),
        "quotation marks": '"' * length,
    }


def run(args: argparse.Namespace) -> list[Row]:
    """Measure and return the table rows."""
    from app.errors import DomainError
    from app.nlp import Extractor
    from app.services.ingest import validate_text

    length = 8_000 if args.quick else 30_000
    repeats = 1 if args.quick else 3
    prose = ""
    for story in corpus(200, args.corpus):
        prose += story.text + "\n\n"
        if len(prose) >= length:
            break
    prose = prose[:length]
    extractor = Extractor(load_nlp())
    extractor.analyze(prose[:2000])  # warm caches
    rows: list[Row] = []
    for name, text in shapes(length).items():
        try:
            validate_text(text, 10 * length)
        except DomainError as exc:
            rows.append(
                Row("costly", f"{name} ({len(text):,} chars)", f"refused: {exc.status}", "refused or <= 4x", True)
            )
            continue
        prose_runs: list[Timing] = []
        costly_runs: list[Timing] = []
        for _ in range(repeats):
            prose_runs.append(timed(lambda: extractor.analyze(prose)))
            costly_runs.append(timed(lambda t=text: extractor.analyze(t)))  # type: ignore[misc]
        p, c = min(t.cpu for t in prose_runs), min(t.cpu for t in costly_runs)
        log(f"costly: {name}: {c:.2f}s cpu against prose {p:.2f}s cpu")
        ratio = c / p
        rows.append(
            Row("costly", f"{name} / prose CPU ({len(text):,} chars)", fmt(ratio), f"<= {TARGET:g}", ratio <= TARGET)
        )
    return rows


if __name__ == "__main__":
    args = parser(__doc__ or "").parse_args()
    finish(run(args), args.strict)
