"""Extraction overhead: Extractor.analyze_many against spaCy alone on the very segments it feeds spaCy.

Target (issue): the whole extraction (structure + entities + quotes) adds at most 20% to spaCy's own
time: full / spaCy <= 1.20. Times are process CPU seconds (robust when other work shares the cores),
the best of several alternating runs (and the median of each run's own ratio, for the spread);
wall seconds are shown alongside.
"""

from __future__ import annotations

import argparse
import datetime as dt

from bench.common import Row, Timing, finish, fmt, load_nlp, log, median, parser, timed
from bench.corpus import Story, corpus

TARGET = 1.20


def segment_texts(stories: list[Story]) -> list[str]:
    """What the Extractor hands spaCy for these articles, in the same order."""
    from app.nlp.pipeline import fold_text, segment_source
    from app.nlp.structure import parse_structure

    sources: list[str] = []
    for story in stories:
        text = fold_text(story.text)
        structure = parse_structure(text, story.published_at)
        sources.extend(segment_source(text, s) for s in structure.segments())
    return sources


def parts(stories: list[Story], nlp: object) -> tuple[float, float]:
    """CPU seconds of the two non-spaCy stages: structure parsing, then entities + quotes on parsed docs."""
    import time

    from app.nlp.entities import extract_entities
    from app.nlp.pipeline import fold_text, segment_source
    from app.nlp.quotes import extract_quotes
    from app.nlp.structure import parse_structure

    texts = [fold_text(s.text) for s in stories]
    start = time.process_time()
    structures = [parse_structure(t, s.published_at) for t, s in zip(texts, stories, strict=True)]
    structure_s = time.process_time() - start
    pairs = []
    for text, structure in zip(texts, structures, strict=True):
        segs = structure.segments()
        docs = list(nlp.pipe([segment_source(text, s) for s in segs], batch_size=64))  # type: ignore[attr-defined]
        pairs.append(list(zip(segs, docs, strict=True)))
    start = time.process_time()
    for text, structure, p in zip(texts, structures, pairs, strict=True):
        entities = extract_entities(text, structure, p)
        extract_quotes(text, structure, p, entities)
    return structure_s, time.process_time() - start


def run(args: argparse.Namespace) -> list[Row]:
    """Measure and return the table rows."""
    from app.nlp import Extractor

    n = 12 if args.quick else 40
    repeats = 1 if args.quick else 5
    stories = corpus(n, args.corpus)
    words = sum(s.words for s in stories)
    nlp = load_nlp()
    extractor = Extractor(nlp)
    sources = segment_texts(stories)
    items: list[tuple[str, dt.date | None]] = [(s.text, s.published_at) for s in stories]
    log(f"extraction: {len(stories)} articles, {words} words, {len(sources)} segments, {repeats} runs each")

    def spacy_only() -> None:
        for _ in nlp.pipe(sources, batch_size=extractor.batch_size):
            pass

    def full() -> None:
        for _ in extractor.analyze_many(items):
            pass

    list(extractor.analyze_many(items[:4]))  # warm caches and lazy loads before timing
    spacy_runs: list[Timing] = []
    full_runs: list[Timing] = []
    for i in range(repeats):
        # Alternate, so drift in machine load hits both sides alike.
        spacy_runs.append(timed(spacy_only))
        full_runs.append(timed(full))
        log(f"  run {i + 1}: spaCy {spacy_runs[-1].cpu:.2f}s cpu, full {full_runs[-1].cpu:.2f}s cpu")
    s_cpu = min(t.cpu for t in spacy_runs)
    f_cpu = min(t.cpu for t in full_runs)
    ratio = f_cpu / s_cpu
    paired = median([f.cpu / s.cpu for s, f in zip(spacy_runs, full_runs, strict=True)])
    structure_s, post_s = parts(stories, nlp)
    b = "extraction"
    return [
        Row(b, f"corpus ({'file' if args.corpus else 'synthetic'})", f"{len(stories)} articles, {words} words"),
        Row(b, "spaCy only, cpu s (wall s)", f"{fmt(s_cpu)} ({fmt(min(t.wall for t in spacy_runs))})"),
        Row(b, "full extraction, cpu s (wall s)", f"{fmt(f_cpu)} ({fmt(min(t.wall for t in full_runs))})"),
        Row(b, "  of which structure / entities+quotes cpu s", f"{fmt(structure_s, 3)} / {fmt(post_s, 3)}"),
        Row(b, "spaCy words/s (cpu)", fmt(words / s_cpu)),
        Row(b, "median of the runs' own ratios", fmt(paired)),
        Row(b, "ratio full / spaCy (best / best)", fmt(ratio), f"<= {TARGET:.2f}", ratio <= TARGET),
    ]


def main() -> None:
    """Run this benchmark alone."""
    args = parser(__doc__ or "").parse_args()
    finish(run(args), args.strict)


if __name__ == "__main__":
    main()
