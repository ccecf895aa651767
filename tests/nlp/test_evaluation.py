"""The scorer behind `dateline eval`, on tiny hand-made records with known answers (no spaCy needed)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, cast

from app.evaluation import (
    evaluate_files,
    field_correct,
    format_report,
    published_date,
    score_ner,
    score_quotes,
    score_structure,
)
from app.nlp import Analysis, Dateline, Entity, Extractor, Mention, Quote, Segment, Speaker, Structure


def make_analysis(
    text: str,
    *,
    headline: Segment | None = None,
    dateline: Dateline | None = None,
    paragraphs: Iterable[Segment] = (),
    quotes: Iterable[Quote] = (),
    entities: Iterable[Entity] = (),
) -> Analysis:
    """An Analysis built by hand, standing in for the extractor's."""
    structure = Structure(
        headline=headline,
        standfirst=None,
        dateline=dateline,
        byline=None,
        subheadings=(),
        paragraphs=tuple(paragraphs),
    )
    return Analysis(
        text=text,
        structure=structure,
        entities=tuple(entities),
        quotes=tuple(quotes),
        language="en",
        extractor_version="test",
    )


def span_of(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def quote_at(text: str, part: str, kind: str, name: str | None, mention: str | None = None) -> Quote:
    """A predicted quote over `part`, its speaker standing at `mention` when given."""
    start, end = span_of(text, part)
    speaker = None
    if name is not None:
        m_start, m_end = span_of(text, mention) if mention else (None, None)
        speaker = Speaker(name=name, entity_key=None, mention=mention, start=m_start, end=m_end)
    return Quote(type=kind, text=text[start:end], start=start, end=end, speaker=speaker, cue="said")


def gold_quote(text: str, part: str, kind: str, speaker: str, at: str | None = None) -> dict[str, Any]:
    start, end = span_of(text, part)
    gold: dict[str, Any] = {"start": start, "end": end, "text": part, "speaker": speaker, "type": kind}
    if at:
        gold["speaker_span"] = list(span_of(text, at))
    return gold


STORY = (
    'LYON, May 4 (AFP) - "The bridge will open in June," Mayor Paul Girard said on Monday.\n\n'
    "He said that the budget had doubled since 2021."
)
DIRECT = '"The bridge will open in June,"'
INDIRECT = "the budget had doubled since 2021"


def test_perfect_quote_prediction_scores_one() -> None:
    row = {
        "id": "q",
        "text": STORY,
        "quotes": [
            gold_quote(STORY, DIRECT, "direct", "Paul Girard", "Paul Girard"),
            gold_quote(STORY, INDIRECT, "indirect", "Paul Girard", "He"),
        ],
    }
    predicted = make_analysis(
        STORY,
        quotes=[
            quote_at(STORY, DIRECT.strip('"'), "direct", "Paul Girard", "Paul Girard"),
            quote_at(STORY, INDIRECT, "indirect", "Paul Girard", "He"),
        ],
    )
    result = score_quotes([row], [predicted])
    assert result["all"]["f"] == 1.0
    assert result["direct"]["tp"] == result["indirect"]["tp"] == 1
    assert result["speaker_accuracy"] == 1.0
    assert result["end_to_end_f"] == 1.0
    assert result["speaker_is_a_pronoun"] == 0


def test_missing_quote_counts_as_false_negative_and_extra_one_as_false_positive() -> None:
    row = {"id": "q", "text": STORY, "quotes": [gold_quote(STORY, INDIRECT, "indirect", "Paul Girard", "He")]}
    predicted = make_analysis(STORY, quotes=[quote_at(STORY, "The bridge will open in June", "direct", "Paul Girard")])
    result = score_quotes([row], [predicted])
    assert result["indirect"] == {"p": 0.0, "r": 0.0, "f": 0.0, "tp": 0, "fp": 0, "fn": 1}
    assert result["direct"]["fp"] == 1
    assert result["speaker_accuracy"] is None
    assert result["end_to_end_f"] == 0.0


def test_pronoun_speaker_name_is_counted_but_its_mention_still_earns_the_speaker() -> None:
    row = {"id": "q", "text": STORY, "quotes": [gold_quote(STORY, INDIRECT, "indirect", "Paul Girard", "He")]}
    predicted = make_analysis(STORY, quotes=[quote_at(STORY, INDIRECT, "indirect", "He", "He")])
    result = score_quotes([row], [predicted])
    assert result["speaker_is_a_pronoun"] == 1
    assert result["speaker_accuracy"] == 1.0  # the mention overlaps the annotated speaker span


def test_speaker_right_by_shared_last_name_without_a_span() -> None:
    row = {"id": "q", "text": STORY, "quotes": [gold_quote(STORY, DIRECT, "direct", "Mayor Girard")]}
    predicted = make_analysis(STORY, quotes=[quote_at(STORY, "The bridge will open in June", "direct", "Paul Girard")])
    assert score_quotes([row], [predicted])["speaker_accuracy"] == 1.0
    wrong = make_analysis(STORY, quotes=[quote_at(STORY, "The bridge will open in June", "direct", "Anne Roux")])
    result = score_quotes([row], [wrong])
    assert result["speaker_accuracy"] == 0.0
    assert result["speaker_misses"][0]["got"] == "Anne Roux"


def test_split_quote_is_found_when_its_pieces_are_half_covered() -> None:
    text = '"Roads first," said Ana Ruiz, the mayor. "Then the schools, then the parks."'
    first, second = '"Roads first,"', '"Then the schools, then the parks."'
    gold = gold_quote(text, text, "direct", "Ana Ruiz", "Ana Ruiz")
    gold["fragments"] = [list(span_of(text, first)), list(span_of(text, second))]
    row = {"id": "q", "text": text, "quotes": [gold]}
    only_second = make_analysis(text, quotes=[quote_at(text, second.strip('"'), "direct", "Ana Ruiz", "Ana Ruiz")])
    assert score_quotes([row], [only_second])["direct"]["tp"] == 1
    only_first = make_analysis(text, quotes=[quote_at(text, first.strip('"'), "direct", "Ana Ruiz", "Ana Ruiz")])
    assert score_quotes([row], [only_first])["direct"]["fn"] == 1


def test_ner_folds_ontonotes_types_onto_conll_labels() -> None:
    text = "French voters in Lyon backed Paul Girard's Renewal party."
    row = {
        "id": "n",
        "text": text,
        "entities": [
            {"start": s, "end": e, "label": lab, "text": text[s:e]}
            for part, lab in [("French", "MISC"), ("Lyon", "LOC"), ("Paul Girard", "PER"), ("Renewal", "ORG")]
            for s, e in [span_of(text, part)]
        ],
    }

    def entity(part: str, label: str) -> Entity:
        s, e = span_of(text, part)
        return Entity(name=part, type=label, key=f"{label}:{part}", mentions=(Mention(part, s, e),))

    predicted = make_analysis(
        text,
        entities=[
            entity("French", "NORP"),
            entity("Lyon", "GPE"),
            entity("Paul Girard", "PERSON"),
            entity("Renewal", "ORG"),
            entity("voters", "CARDINAL"),  # no CoNLL label: ignored, not a false positive
        ],
    )
    result = score_ner([row], [predicted])
    assert result["all_four"]["f"] == 1.0
    assert result["per_label"]["MISC"]["tp"] == result["per_label"]["LOC"]["tp"] == 1


def test_ner_needs_exact_spans() -> None:
    text = "Paul Girard's plan was backed."
    row = {"id": "n", "text": text, "entities": [{"start": 0, "end": 11, "label": "PER", "text": "Paul Girard"}]}
    with_possessive = Entity(name="Paul Girard", type="PERSON", key="p", mentions=(Mention("Paul Girard's", 0, 13),))
    result = score_ner([row], [make_analysis(text, entities=[with_possessive])])
    assert result["per_label"]["PER"] == {"p": 0.0, "r": 0.0, "f": 0.0, "tp": 0, "fp": 1, "fn": 1}


def test_dateline_place_may_keep_or_drop_its_qualifier() -> None:
    assert field_correct("dateline_place", "Calgary", "CALGARY, Alberta")
    assert field_correct("dateline_place", "CALGARY, Alberta", "Calgary")
    assert field_correct("dateline_place", "Igora", "IGORA /Leningrad Region/")
    assert not field_correct("dateline_place", "Calgar", "CALGARY, Alberta")
    assert not field_correct("dateline_place", None, "CALGARY")
    assert field_correct("dateline_place", None, None)


def test_structure_compares_after_folding_case_space_and_curly_quotes() -> None:
    assert field_correct("headline", "Mayor’s  BRIDGE plan", "mayor's bridge plan")
    assert field_correct(
        "body_first_sentence", "The bridge will open in June. More later.", "The bridge will open in June."
    )
    assert not field_correct("body_first_sentence", "Roads first.", "The bridge will open in June.")


def test_structure_scores_each_field_and_overall() -> None:
    text = "Bridge to open in June\n\nLYON, May 4 (AFP) - The bridge will open in June, the mayor said."
    head = Segment("headline", 0, 22)
    body_start = text.index("The bridge")
    dateline = Dateline(place="Lyon", date_text="May 4", date=None, agency="AFP", start=24, end=body_start)
    predicted = make_analysis(
        text, headline=head, dateline=dateline, paragraphs=[Segment("paragraph", body_start, len(text))]
    )
    truth = {
        "headline": "Bridge to open in June",
        "dateline_place": "LYON",
        "dateline_date": "May 4",
        "agency": "Reuters",
        "body_first_sentence": "The bridge will open in June, the mayor said.",
    }
    result = score_structure([{"id": "s", "text": text, "truth": truth}], [predicted])
    assert result["accuracy"] == {
        "headline": 1.0,
        "dateline_place": 1.0,
        "dateline_date": 1.0,
        "agency": 0.0,
        "body_first_sentence": 1.0,
    }
    assert result["overall"] == 0.8
    assert result["misses"]["agency"] == [{"id": "s", "want": "Reuters", "got": "AFP"}]


def test_published_at_keeps_its_own_calendar_day() -> None:
    assert published_date("2024-12-26") == dt.date(2024, 12, 26)
    assert published_date("2024-12-26T01:30:00+03:00") == dt.date(2024, 12, 26)
    assert published_date("2024-12-26T23:30:00Z") == dt.date(2024, 12, 26)
    assert published_date(None) is None


class CannedExtractor:
    """Stands in for Extractor: returns a prepared Analysis per text and records the dates it got."""

    def __init__(self, answers: dict[str, Analysis]) -> None:
        self.answers = answers
        self.dates: list[dt.date | None] = []

    def analyze_many(self, items: Iterable[tuple[str, dt.date | None]]) -> Iterator[Analysis]:
        for text, published in items:
            self.dates.append(published)
            yield self.answers[text]


def test_evaluate_files_reads_the_task_from_the_name_and_skips_unknown_files(tmp_path: Path) -> None:
    text = "Paul Girard visited Lyon."
    row = {"id": "n", "text": text, "published_at": "2024-05-04", "entities": []}
    (tmp_path / "ner_mine.jsonl").write_text(json.dumps(row) + "\n\n", encoding="utf-8")
    (tmp_path / "notes.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    canned = CannedExtractor({text: make_analysis(text)})
    report = evaluate_files([tmp_path / "ner_mine.jsonl", tmp_path / "notes.jsonl"], cast(Extractor, canned), limit=1)
    assert report["ner_mine.jsonl"]["task"] == "ner"
    assert report["ner_mine.jsonl"]["articles"] == 1
    assert report["notes.jsonl"]["task"] is None
    assert canned.dates == [None]  # NER documents are scored without their publication date
    table = format_report(report)
    assert "PER/ORG/LOC" in table and "notes.jsonl: skipped" in table


def test_evaluate_files_passes_the_publication_date_to_structure(tmp_path: Path) -> None:
    text = "Bridge to open"
    truth = dict.fromkeys(("headline", "dateline_place", "dateline_date", "agency", "body_first_sentence"))
    row = {"id": "s", "text": text, "published_at": "2024-05-04T10:00:00+02:00", "truth": truth}
    path = tmp_path / "my_articles.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    canned = CannedExtractor({text: make_analysis(text)})
    report = evaluate_files([path], cast(Extractor, canned), task="structure")
    assert canned.dates == [dt.date(2024, 5, 4)]
    assert report["my_articles.jsonl"]["overall"] == 1.0
    assert "overall" in format_report(report)


def test_records_tagged_with_patterns_are_scored_per_pattern_too() -> None:
    from app.evaluation import score_patterns

    text = STORY
    rows = [
        {
            "id": "a",
            "text": text,
            "pattern": "late-cue",
            "quotes": [gold_quote(text, INDIRECT, "indirect", "Paul Girard")],
        },
        {
            "id": "b",
            "text": text,
            "pattern": ["late-cue", "slogan"],
            "quotes": [gold_quote(text, DIRECT, "direct", "X")],
        },
        {"id": "c", "text": text, "quotes": []},
    ]
    found = make_analysis(text, quotes=[quote_at(text, INDIRECT, "indirect", "Paul Girard")])
    nothing = make_analysis(text)
    patterns = score_patterns("quotes", rows, [found, nothing, nothing])
    assert set(patterns) == {"late-cue", "slogan"}  # an untagged record belongs to no pattern
    assert patterns["late-cue"]["n"] == 2 and patterns["late-cue"]["all"] == 0.6667
    assert patterns["slogan"]["n"] == 1 and patterns["slogan"]["direct"] == 0.0
    report = {"q.jsonl": {"task": "quotes", "seconds": 0.0, **score_quotes(rows, [found, nothing, nothing])}}
    report["q.jsonl"]["patterns"] = patterns
    shown = format_report(report)
    assert "by pattern" in shown and "late-cue" in shown and "slogan" in shown
