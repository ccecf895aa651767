"""Score extraction against annotated articles in the shared JSON-lines format (`dateline eval`).

The rules are those of the team's reference scorer (eval/score.py and its README), applied to
the library's Analysis in-process instead of the HTTP reply, so that users measure Dateline on
their own annotated news with numbers that mean the same everywhere:

  structure: {"id", "text", "published_at"?, "truth": {"headline", "dateline_place",
              "dateline_date", "agency", "body_first_sentence"}}        (null = not present)
  quotes:    {"id", "text", "published_at"?, "quotes": [{"start", "end", "text", "speaker",
              "type", "speaker_span"?: [start, end], "fragments"?: [[start, end], ...]}]}
  ner:       {"id", "text", "entities": [{"start", "end", "label", "text"}]}  (PER/ORG/LOC/MISC)

Any record may carry "pattern": a name or a list of names of the failure patterns it shows
("furniture", "press-release-dateline", "non-speech-cue", ...): the report then scores each
pattern's records on their own too, so a weakness shows by its kind.

A file's task is read from its name (structure*, quotes*, ner*) unless one is given.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.nlp import Analysis, Extractor
from app.nlp.types import paragraph_text

Row = dict[str, Any]
Span = tuple[int, int]

PRONOUNS = frozenset(
    {"he", "she", "it", "they", "i", "we", "you", "who", "that", "which", "him", "her", "them", "this"}
    | {"his", "hers", "its", "their", "one", "someone"}
)
QUOTE_CHARS = "\"'“”‘’«»„‟‹› \n\t"
# Words that do not identify a speaker when names are compared ("Mr", "President", "said").
TITLES = frozenset(
    {"mr", "mrs", "ms", "dr", "sir", "president", "prime", "minister", "the", "said", "spokesman"}
    | {"spokeswoman", "spokesperson", "gen", "general", "sen", "senator", "rep"}
)
# spaCy/OntoNotes labels folded onto CoNLL-2003's four.
TO_CONLL = {
    "PERSON": "PER",
    "PER": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "MISC": "MISC",
}
STRUCTURE_FIELDS = ("headline", "dateline_place", "dateline_date", "agency", "body_first_sentence")
QUOTE_TYPES = ("direct", "mixed", "indirect")
NER_LABELS = ("PER", "ORG", "LOC", "MISC")
CORE_LABELS = ("PER", "ORG", "LOC")
MAX_MISSES = 5
MAX_SPEAKER_MISSES = 8


# --- comparison helpers (the reference scorer's, rule for rule) -----------------------------------


def norm(s: str | None) -> str:
    """Accents, curly quotes, case and runs of white space folded away."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().casefold()


def name_tokens(s: str | None) -> list[str]:
    """The words of a name that identify a person: titles and possessive s dropped."""
    return [t for t in re.findall(r"[a-z0-9]+", norm(s)) if t not in TITLES and t != "s"]


def same_speaker(pred: str | None, gold: str | None) -> bool:
    """Names of one speaker: the last word of one is a word of the other."""
    p, g = name_tokens(pred), name_tokens(gold)
    if not p or not g:
        return False
    return p[-1] in g or g[-1] in p


def trim_span(text: str, start: int, end: int) -> Span:
    """A quote span without quotation marks, edge white space and a trailing comma or full stop."""
    while start < end and text[start] in QUOTE_CHARS:
        start += 1
    while end > start and text[end - 1] in QUOTE_CHARS + ",.":
        end -= 1
    return start, end


def overlap(a: Span, b: Span) -> int:
    """How many characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Precision, recall and F1 rounded to four places, with the counts behind them."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def published_date(value: str | None) -> dt.date | None:
    """The date of an ISO date or datetime string (its own calendar day, not converted to UTC)."""
    if not value or not str(value).strip():
        return None
    raw = str(value).strip()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date()


# --- what the API would report for an Analysis ----------------------------------------------------


def structure_fields(analysis: Analysis) -> dict[str, str | None]:
    """The five structure fields as the Article reply carries them."""
    s = analysis.structure
    dl = s.dateline
    return {
        "headline": paragraph_text(analysis.text, s.headline) if s.headline else None,
        "dateline_place": dl.place if dl else None,
        "dateline_date": dl.date_text if dl else None,
        "agency": dl.agency if dl else None,
        "body_first_sentence": analysis.body,
    }


@dataclass(frozen=True, slots=True)
class PredictedQuote:
    """A predicted quote as the scorer sees it: trimmed span, type and speaker."""

    span: Span
    type: str
    speaker: str | None
    mention: str | None
    mspan: Span | None


def predicted_quotes(text: str, analysis: Analysis) -> list[PredictedQuote]:
    """The analysis' quotes in the order the API lists them (by start), spans trimmed."""
    out = []
    for q in sorted(analysis.quotes, key=lambda q: q.start):
        sp = q.speaker if q.speaker is not None and q.speaker.name else None
        mspan = (sp.start, sp.start if sp.end is None else sp.end) if sp and sp.start is not None else None
        out.append(
            PredictedQuote(
                span=trim_span(text, q.start, q.end),
                type=q.type,
                speaker=sp.name if sp else None,
                mention=sp.mention if sp else None,
                mspan=mspan,
            )
        )
    return out


def predicted_entity_spans(analysis: Analysis) -> set[tuple[int, int, str]]:
    """Every entity mention as (start, end, CoNLL label); types with no CoNLL label are left out."""
    spans: set[tuple[int, int, str]] = set()
    for ent in analysis.entities:
        label = TO_CONLL.get(ent.type.upper())
        if label:
            spans.update((m.start, m.end, label) for m in ent.mentions)
    return spans


# --- the three scorers -----------------------------------------------------------------------------


def field_correct(name: str, got: str | None, want: str | None) -> bool:
    """Whether one structure field is right, by the reference rules."""
    if name == "body_first_sentence":
        return norm(got).startswith(norm(want)[: max(20, len(norm(want)) // 2)])
    if name == "dateline_place" and want and got:
        # "Calgary" for "CALGARY, Alberta" or "IGORA /Leningrad Region/" is right too.
        a, b = sorted((norm(got).strip(" ,/"), norm(want)), key=len)
        return a == b or (b.startswith(a) and not b[len(a)].isalnum())
    return norm(got) == norm(want)


def score_structure(rows: Sequence[Row], analyses: Sequence[Analysis]) -> dict[str, Any]:
    """Per-field and overall accuracy of headline, dateline place/date/agency and first sentence."""
    hit: Counter[str] = Counter()
    n: Counter[str] = Counter()
    misses: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
    for row, analysis in zip(rows, analyses, strict=True):
        got = structure_fields(analysis)
        for f in STRUCTURE_FIELDS:
            want = row["truth"].get(f)
            if f == "body_first_sentence" and not want:
                continue
            ok = field_correct(f, got[f], want)
            n[f] += 1
            hit[f] += ok
            if not ok and len(misses[f]) < MAX_MISSES:
                shown = (got[f] or "")[:80] if f == "body_first_sentence" else got[f]
                misses[f].append({"id": row["id"], "want": want, "got": shown})
    accuracy = {f: round(hit[f] / n[f], 4) for f in STRUCTURE_FIELDS if n[f]}
    overall = sum(hit.values()) / max(1, sum(n.values()))
    return {"accuracy": accuracy, "overall": round(overall, 4), "articles": len(rows), "misses": dict(misses)}


def score_ner(rows: Sequence[Row], analyses: Sequence[Analysis]) -> dict[str, Any]:
    """Exact-span P/R/F per CoNLL label, over PER/ORG/LOC and over all four."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for row, analysis in zip(rows, analyses, strict=True):
        pred = predicted_entity_spans(analysis)
        gold = {(e["start"], e["end"], e["label"]) for e in row["entities"]}
        for lab in NER_LABELS:
            p = {x for x in pred if x[2] == lab}
            g = {x for x in gold if x[2] == lab}
            tp[lab] += len(p & g)
            fp[lab] += len(p - g)
            fn[lab] += len(g - p)
    per_label = {lab: prf(tp[lab], fp[lab], fn[lab]) for lab in NER_LABELS}
    core = prf(*(sum(c[lab] for lab in CORE_LABELS) for c in (tp, fp, fn)))
    every = prf(*(sum(c.values()) for c in (tp, fp, fn)))
    return {"per_org_loc": core, "all_four": every, "per_label": per_label, "articles": len(rows)}


def score_quotes(rows: Sequence[Row], analyses: Sequence[Analysis]) -> dict[str, Any]:
    """Quote P/R/F per type and overall, speaker accuracy on found quotes, pronoun speakers.

    A gold quote is found when the predicted quotes lying mostly (>= half) inside it cover at
    least half of its characters (of its fragments, where it has them). Its speaker is right
    when the predicted speaker's mention overlaps the annotated speaker span, or the names
    share their last word (titles and case ignored).
    """
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    spk_ok = spk_n = unresolved = 0
    spk_misses: list[dict[str, Any]] = []
    for row, analysis in zip(rows, analyses, strict=True):
        text = row["text"]
        preds = predicted_quotes(text, analysis)
        used: set[int] = set()
        for g in row["quotes"]:
            ext = trim_span(text, int(g["start"]), int(g["end"]))
            pieces = [trim_span(text, int(s), int(e)) for s, e in g.get("fragments") or [ext]]
            glen = sum(e - s for s, e in pieces) or 1
            cands = [
                i
                for i, p in enumerate(preds)
                if i not in used and overlap(p.span, ext) * 2 >= max(1, p.span[1] - p.span[0])
            ]
            covered: set[int] = set()
            for i in cands:
                for s, e in pieces:
                    covered.update(range(max(s, preds[i].span[0]), min(e, preds[i].span[1])))
            gtype = g.get("type", "direct")
            if not cands or len(covered) * 2 < glen:
                fn[gtype] += 1
                continue
            used.update(cands)
            tp[gtype] += 1
            unresolved += any(preds[i].speaker is not None and norm(preds[i].speaker) in PRONOUNS for i in cands)
            if g.get("speaker"):
                spk_n += 1
                best = preds[max(cands, key=lambda i: overlap(preds[i].span, ext))]
                ok = speaker_correct(best, g)
                spk_ok += ok
                if not ok and len(spk_misses) < MAX_SPEAKER_MISSES:
                    quoted = text[ext[0] : ext[1]][:70]
                    spk_misses.append({"id": row["id"], "quote": quoted, "want": g["speaker"], "got": best.speaker})
        for i, p in enumerate(preds):
            if i not in used:
                fp[p.type if p.type in QUOTE_TYPES else "direct"] += 1
    out: dict[str, Any] = {k: prf(tp[k], fp[k], fn[k]) for k in QUOTE_TYPES}
    out["all"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    out["speaker_accuracy"] = round(spk_ok / spk_n, 4) if spk_n else None
    out["speaker_checked"] = spk_n
    out["speaker_is_a_pronoun"] = unresolved  # the contract wants a canonical name there
    out["end_to_end_f"] = round(out["all"]["f"] * (out["speaker_accuracy"] or 0), 4)
    out["articles"] = len(rows)
    out["speaker_misses"] = spk_misses
    return out


def speaker_correct(pred: PredictedQuote, gold: Row) -> bool:
    """The speaker is right when its mention overlaps the gold span or the names match."""
    gs = gold.get("speaker_span")
    if gs and pred.mspan and overlap((int(gs[0]), int(gs[1])), pred.mspan) > 0:
        return True
    return same_speaker(pred.speaker, gold["speaker"]) or same_speaker(pred.mention, gold["speaker"])


Scorer = Callable[[Sequence[Row], Sequence[Analysis]], dict[str, Any]]
TASKS: dict[str, Scorer] = {"structure": score_structure, "ner": score_ner, "quotes": score_quotes}
# The reference scorer sends published_at with structure and quotes articles, not with NER documents.
USES_PUBLISHED_AT = {"structure": True, "quotes": True, "ner": False}


# --- files -----------------------------------------------------------------------------------------


def task_of(path: Path, task: str | None = None) -> str | None:
    """The task a file is scored as: the one given, else the one its name starts with."""
    if task:
        return task if task in TASKS else None
    return next((t for t in TASKS if path.name.startswith(t)), None)


def read_rows(path: Path, limit: int = 0) -> list[Row]:
    """The annotated records of a JSON-lines file, the first `limit` of them when limit > 0."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return rows[:limit] if limit else rows


def analyze_rows(rows: Iterable[Row], extractor: Extractor, with_dates: bool) -> list[Analysis]:
    """Run the extractor over records in one batched pass."""
    items = [(row["text"], published_date(row.get("published_at")) if with_dates else None) for row in rows]
    return list(extractor.analyze_many(items))


def patterns_of(row: Row) -> list[str]:
    """The failure patterns a record is tagged with: its "pattern" field, one name or a list of names."""
    tags = row.get("pattern") or row.get("patterns") or []
    return [tags] if isinstance(tags, str) else [str(t) for t in tags]


def headline_measures(task: str, result: dict[str, Any]) -> dict[str, Any]:
    """The few numbers a per-pattern line shows for a task's report."""
    if task == "structure":
        return {**result["accuracy"], "overall": result["overall"], "n": result["articles"]}
    if task == "quotes":
        out = {k: result[k]["f"] for k in (*QUOTE_TYPES, "all") if result[k]["tp"] + result[k]["fn"] + result[k]["fp"]}
        return {**out, "speaker": result["speaker_accuracy"], "n": result["articles"]}
    seen = [lab for lab in NER_LABELS if sum(result["per_label"][lab][k] for k in ("tp", "fp", "fn"))]
    return {**{lab: result["per_label"][lab]["f"] for lab in seen}, "per_org_loc": result["per_org_loc"]["f"],
            "n": result["articles"]}  # fmt: skip


def score_patterns(task: str, rows: Sequence[Row], analyses: Sequence[Analysis]) -> dict[str, dict[str, Any]]:
    """The task's measures over the records of each pattern tag, so a weakness shows by its kind."""
    by_tag: defaultdict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        for tag in patterns_of(row):
            by_tag[tag].append(i)
    return {
        tag: headline_measures(task, TASKS[task]([rows[i] for i in idx], [analyses[i] for i in idx]))
        for tag, idx in sorted(by_tag.items())
    }


def evaluate_file(path: Path, extractor: Extractor, task: str, limit: int = 0) -> dict[str, Any]:
    """The report of one annotated file scored as `task`, with a breakdown by pattern tag when records have one."""
    t0 = time.perf_counter()
    rows = read_rows(path, limit)
    analyses = analyze_rows(rows, extractor, USES_PUBLISHED_AT[task])
    result = TASKS[task](rows, analyses)
    patterns = score_patterns(task, rows, analyses)
    if patterns:
        result["patterns"] = patterns
    result["seconds"] = round(time.perf_counter() - t0, 2)
    return {"task": task, **result}


def evaluate_files(
    paths: Sequence[Path], extractor: Extractor, task: str | None = None, limit: int = 0
) -> dict[str, dict[str, Any]]:
    """Score extraction on annotated JSON-lines files; a report per file (task read from the name)."""
    report: dict[str, dict[str, Any]] = {}
    for path in map(Path, paths):
        chosen = task_of(path, task)
        if chosen is None:
            why = f"unknown task {task!r}" if task else "no task in its name"
            report[path.name] = {"task": None, "skipped": f"{why}; use one of {', '.join(sorted(TASKS))}"}
            continue
        try:
            report[path.name] = evaluate_file(path, extractor, chosen, limit)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            report[path.name] = {"task": chosen, "skipped": f"unreadable record file: {exc!r}"[:300]}
    return report


# --- the human-readable report -----------------------------------------------------------------------


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _prf_line(name: str, m: dict[str, Any]) -> str:
    return f"  {name:<22}{m['p']:>7.3f}{m['r']:>7.3f}{m['f']:>7.3f}{m['tp']:>6}{m['fp']:>6}{m['fn']:>6}"


def _prf_header() -> str:
    return f"  {'':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"


def _structure_lines(r: dict[str, Any]) -> list[str]:
    lines = [f"  {'field':<22}{'accuracy':>9}"]
    lines += [f"  {f:<22}{_num(acc):>9}" for f, acc in r["accuracy"].items()]
    lines.append(f"  {'overall':<22}{_num(r['overall']):>9}")
    for f, misses in r.get("misses", {}).items():
        for m in misses[:3]:
            lines.append(f"  miss {f} [{m['id']}]: want {m['want']!r}, got {m['got']!r}")
    return lines


def _quote_lines(r: dict[str, Any]) -> list[str]:
    lines = [_prf_header()]
    lines += [_prf_line(k, r[k]) for k in (*QUOTE_TYPES, "all")]
    checked = r["speaker_checked"]
    lines.append(f"  {'speaker accuracy':<22}{_num(r['speaker_accuracy']):>7}  (of {checked} found quotes)")
    lines.append(f"  {'speaker is a pronoun':<22}{r['speaker_is_a_pronoun']:>7}")
    lines.append(f"  {'end-to-end F1':<22}{_num(r['end_to_end_f']):>7}")
    for m in r.get("speaker_misses", [])[:5]:
        lines.append(f"  speaker miss [{m['id']}]: {m['quote'][:50]!r} want {m['want']!r}, got {m['got']!r}")
    return lines


def _ner_lines(r: dict[str, Any]) -> list[str]:
    lines = [_prf_header()]
    lines += [_prf_line(lab, r["per_label"][lab]) for lab in NER_LABELS]
    lines.append(_prf_line("PER/ORG/LOC", r["per_org_loc"]))
    lines.append(_prf_line("all four", r["all_four"]))
    return lines


SECTIONS: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    "structure": _structure_lines,
    "quotes": _quote_lines,
    "ner": _ner_lines,
}


def _pattern_lines(patterns: dict[str, dict[str, Any]]) -> list[str]:
    """One line per pattern tag: its measures and how many records carry it."""
    if not patterns:
        return []
    order = [*STRUCTURE_FIELDS, *QUOTE_TYPES, "all", "speaker", *NER_LABELS, "per_org_loc", "overall"]
    present = {k for measures in patterns.values() for k in measures if k != "n"}
    columns = [k for k in order if k in present]
    lines = ["  by pattern" + " " * 19 + "".join(f"{c[:11]:>12}" for c in columns) + f"{'n':>5}"]
    for tag, measures in patterns.items():
        cells = "".join(f"{_num(measures.get(c)):>12}" for c in columns)
        lines.append(f"  {tag[:28]:<28}{cells}{measures['n']:>5}")
    return lines


def format_report(report: dict[str, dict[str, Any]]) -> str:
    """A human-readable table of the measures, and of each pattern tag's where records carry tags."""
    blocks = []
    for name, r in report.items():
        if r.get("skipped"):
            blocks.append(f"{name}: skipped ({r['skipped']})")
            continue
        head = f"{name}: {r['task']}, {r['articles']} articles, {r['seconds']} s"
        blocks.append("\n".join([head, *SECTIONS[r["task"]](r), *_pattern_lines(r.get("patterns", {}))]))
    return "\n\n".join(blocks)
