"""Structure parser: headline, standfirst, byline, dateline, subheadings, paragraphs and furniture.

Every story here is invented for the test, written in the house style of the wire it imitates.
"""

from __future__ import annotations

import datetime as dt
import random
import time

import pytest

from app.nlp.structure import is_timestamp, parse_structure
from app.nlp.types import Segment, Structure, paragraph_text


def words(text: str, segment: Segment | None) -> str | None:
    """A segment's text with white space folded, or None."""
    return None if segment is None else paragraph_text(text, segment)


def body(text: str, structure: Structure) -> str:
    """The body as the API returns it."""
    return "\n\n".join(paragraph_text(text, p) for p in structure.paragraphs)


def assert_spans_exact(text: str, structure: Structure) -> None:
    """Every span lies inside the text and carries no white space at its ends."""
    for segment in (*structure.segments(), *structure.dropped):
        piece = text[segment.start : segment.end]
        assert 0 <= segment.start <= segment.end <= len(text)
        assert piece == piece.strip()


TASS_STORY = """All news

Kazakhstan and Russia agree to extend grain corridor — deputy minister

The deputy minister said talks on rail tariffs would resume in the autumn

ASTANA, April 3. /TASS/. Kazakhstan and Russia have agreed to keep the grain corridor open until the end of \
next year, Deputy Agriculture Minister Arman Dosov said on Wednesday.

"We are satisfied with the volumes," he told reporters.

Rail tariffs

The two sides will meet again in September to discuss freight rates, the ministry said.

Share
"""


def test_tass_story_yields_headline_standfirst_dateline_and_subheading() -> None:
    s = parse_structure(TASS_STORY, dt.date(2024, 4, 3))
    assert words(TASS_STORY, s.headline) == ("Kazakhstan and Russia agree to extend grain corridor — deputy minister")
    assert words(TASS_STORY, s.standfirst) == (
        "The deputy minister said talks on rail tariffs would resume in the autumn"
    )
    assert s.dateline is not None
    assert (s.dateline.place, s.dateline.date_text, s.dateline.agency) == ("Astana", "April 3", "TASS")
    assert s.dateline.date == dt.date(2024, 4, 3)
    assert TASS_STORY[s.dateline.place_start : s.dateline.place_end] == "ASTANA"
    assert TASS_STORY[s.dateline.agency_start : s.dateline.agency_end] == "TASS"
    assert body(TASS_STORY, s).startswith("Kazakhstan and Russia have agreed to keep")
    assert [TASS_STORY[h.start : h.end] for h in s.subheadings] == ["Rail tariffs"]
    dropped = {TASS_STORY[d.start : d.end] for d in s.dropped}
    assert {"All news", "Share"} <= dropped
    assert_spans_exact(TASS_STORY, s)


def test_tass_region_qualifier_stays_out_of_the_place() -> None:
    text = (
        "Business & Economy\n\nPort upgrade finished ahead of schedule\n\nThe works took eleven months\n\n"
        "UST-LUGA /Leningrad Region/, December 27. /TASS/. The new grain terminal opened on Friday.\n"
    )
    s = parse_structure(text, dt.date(2023, 12, 27))
    assert s.dateline is not None
    assert s.dateline.place == "Ust-Luga"
    assert s.dateline.date_text == "December 27"
    assert words(text, s.headline) == "Port upgrade finished ahead of schedule"
    assert "Business & Economy" in {text[d.start : d.end] for d in s.dropped}


REUTERS_1987 = """MIDLAND BANCORP <MIDB> RAISES QUARTERLY PAYOUT

MIDLAND, Texas, March 4 - Midland Bancorp Inc said its board
raised the quarterly dividend to 12 cts a share from 10 cts,
payable April 15 to holders of record March 31.
    The company said the increase reflects higher earnings from
its consumer lending unit, which grew 18 pct last year.
    Midland also said it expects to open two branches in
Odessa before the end of the year.
 Reuter
"""


def test_hard_wrapped_copy_keeps_each_indented_paragraph_whole() -> None:
    s = parse_structure(REUTERS_1987, dt.date(1987, 3, 4))
    assert len(s.paragraphs) == 3
    assert paragraph_text(REUTERS_1987, s.paragraphs[0]).endswith("holders of record March 31.")
    assert "\n" in REUTERS_1987[s.paragraphs[1].start : s.paragraphs[1].end]
    assert s.dateline is not None
    assert (s.dateline.place, s.dateline.date_text, s.dateline.date) == ("Midland", "March 4", dt.date(1987, 3, 4))
    assert s.dateline.agency == "Reuters"  # from the sign-off
    assert "Reuter" in {REUTERS_1987[d.start : d.end] for d in s.dropped}
    assert words(REUTERS_1987, s.headline) == "MIDLAND BANCORP <MIDB> RAISES QUARTERLY PAYOUT"


def test_hard_wrapped_copy_without_indentation_joins_lines_until_a_short_one() -> None:
    text = (
        "Ferry strike ends after two days\n\n"
        "Reuters - Ferry crews on the northern routes returned to\n"
        "work on Thursday after the union accepted a revised offer\n"
        "on overtime pay, the operator said in a statement.\n"
    )
    s = parse_structure(text)
    assert len(s.paragraphs) == 1
    assert body(text, s).startswith("Ferry crews on the northern routes returned to work on Thursday")
    assert s.dateline is not None and s.dateline.agency == "Reuters" and s.dateline.place is None


@pytest.mark.parametrize(
    ("first_line", "place", "date_text", "agency"),
    [
        ("Jan 30 (Reuters) - Copper prices slipped on Tuesday.", None, "Jan 30", "Reuters"),
        ("UNITED NATIONS (Reuters) - The council met on Sunday.", "United Nations", None, "Reuters"),
        ("Hamburg (dpa) - The port reported record volumes.", "Hamburg", None, "dpa"),
        ("Leipzig (tca/dpa) - The club sold its stadium.", "Leipzig", None, "dpa"),
        ("(ANSA) - ROME, JUL 11 - The senate passed the bill.", "Rome", "JUL 11", "ANSA"),
        ("OSAKA, Japan, Dec. 9 Kyodo - The city opened a new bridge.", "Osaka", "Dec. 9", "Kyodo"),
        ("OSLO, Aug 29, 2014 (AFP) - Parliament approved the budget.", "Oslo", "Aug 29, 2014", "AFP"),
        ("DENVER (AP) _ A snowstorm closed the airport on Monday.", "Denver", None, "AP"),
        ("CHENGDU, May 3 (Xinhua) -- The province planted new forests.", "Chengdu", "May 3", "Xinhua"),
        ("DOVER, Del., Sept. 26 (UPI) — A court ruled on the merger.", "Dover", "Sept. 26", "UPI"),
        ("NEW YORK (Bloomberg) -- Bond yields rose for a third day.", "New York", None, "Bloomberg"),
        ("PERTH, Feb 2 AAP - Firefighters contained the blaze.", "Perth", "Feb 2", "AAP"),
        ("WASHINGTON, Feb 26 - The Senate voted on the farm bill.", "Washington", "Feb 26", None),
        ("PORT-AU-PRINCE — Aid convoys reached the capital on Friday.", "Port-au-Prince", None, None),
        ("AFP - Australia's treasurer will visit Tokyo next week.", None, None, "AFP"),
        ("Madrid, 12 jun (EFE).- El Gobierno aprobó el plan.", "Madrid", "12 jun", "EFE"),
        ("BOGOTÁ, 3 dic (EFE).- La alcaldía cerró el puente.", "Bogotá", "3 dic", "EFE"),
    ],
)
def test_dateline_styles(first_line: str, place: str | None, date_text: str | None, agency: str | None) -> None:
    text = f"Invented headline for a wire story\n\n{first_line}\n\nSecond paragraph of the story.\n"
    s = parse_structure(text, dt.date(2020, 6, 1))
    assert s.dateline is not None
    assert (s.dateline.place, s.dateline.date_text, s.dateline.agency) == (place, date_text, agency)
    opening = first_line[text[s.dateline.start : s.dateline.end].__len__() :].strip()
    assert body(text, s).startswith(opening)
    assert words(text, s.headline) == "Invented headline for a wire story"


def test_conll_style_headline_and_iso_dateline_line() -> None:
    text = (
        "RUGBY LEAGUE - WIGAN CLINCH TITLE WITH ROUT .\n"
        "LONDON 1996-08-31\n"
        "Wigan clinched the title on Saturday with a 40-6 win over Leeds .\n"
        "Coach Graeme West said his side had peaked at the right time .\n"
    )
    s = parse_structure(text)
    assert words(text, s.headline) == "RUGBY LEAGUE - WIGAN CLINCH TITLE WITH ROUT ."
    assert s.dateline is not None
    assert (s.dateline.place, s.dateline.date_text, s.dateline.date) == ("London", "1996-08-31", dt.date(1996, 8, 31))
    assert body(text, s).startswith("Wigan clinched the title")
    assert len(s.paragraphs) == 2  # one tokenised sentence a line, none lost


def test_december_dateline_read_in_january_belongs_to_the_year_before() -> None:
    text = "Snow closes mountain passes\n\nGENEVA, Dec 30 (Reuters) - Heavy snow closed three passes.\n"
    s = parse_structure(text, dt.date(2021, 1, 2))
    assert s.dateline is not None and s.dateline.date == dt.date(2020, 12, 30)


def test_january_dateline_read_in_late_december_belongs_to_the_year_after() -> None:
    text = "Markets reopen\n\nTOKYO, Jan 4 (Reuters) - Trading resumed after the holiday.\n"
    s = parse_structure(text, dt.datetime(2021, 12, 31, 23, 0))
    assert s.dateline is not None and s.dateline.date == dt.date(2022, 1, 4)


def test_dateline_without_year_or_published_at_has_no_date() -> None:
    text = "Markets reopen\n\nTOKYO, Jan 4 (Reuters) - Trading resumed after the holiday.\n"
    s = parse_structure(text)
    assert s.dateline is not None
    assert s.dateline.date_text == "Jan 4" and s.dateline.date is None


def test_impossible_date_keeps_its_text_but_resolves_to_none() -> None:
    text = "Odd date\n\nLIMA, Feb 30 (Reuters) - A typo in the dateline.\n"
    s = parse_structure(text, dt.date(2020, 3, 1))
    assert s.dateline is not None and s.dateline.date_text == "Feb 30" and s.dateline.date is None


def test_headline_status_prefix_and_source_tag_are_left_out_of_the_span() -> None:
    text = "UPDATE 2-Dockworkers vote to end strike (Reuters)\n\nANTWERP (Reuters) - Dockworkers voted on Monday.\n"
    s = parse_structure(text)
    assert s.headline is not None
    assert text[s.headline.start : s.headline.end] == "Dockworkers vote to end strike"


def test_topic_slug_stays_in_the_headline() -> None:
    text = "METALS-Copper edges up on supply worries\n\nLONDON, March 3 (Reuters) - Copper rose on Friday.\n"
    s = parse_structure(text)
    assert words(text, s.headline) == "METALS-Copper edges up on supply worries"


WEB_PASTE = """Home > World > Europe
Council approves new fishing quotas
Updated 10:32 GMT
By Maria Olsen, Reuters
BRUSSELS (Reuters) - European Union ministers agreed new fishing quotas for the North Sea on Tuesday after \
talks that ran through the night.
Advertisement
"It was a hard night but a fair result," the Danish minister told reporters as she left the building.
Read more: Fishermen protest in harbour towns
Environmental groups said the quotas were still too high for several species.
Related: Cod stocks at record low
(Reporting by Maria Olsen; Editing by Tom Hale)
© 2024 Invented News Ltd. All rights reserved.
"""


def test_furniture_lines_are_dropped_and_prose_is_kept() -> None:
    s = parse_structure(WEB_PASTE)
    assert words(WEB_PASTE, s.headline) == "Council approves new fishing quotas"
    assert s.byline == "By Maria Olsen, Reuters"
    assert len(s.paragraphs) == 3
    assert body(WEB_PASTE, s).startswith("European Union ministers agreed new fishing quotas")
    dropped = "\n".join(WEB_PASTE[d.start : d.end] for d in s.dropped)
    for furniture in ("Home > World", "Updated 10:32", "Advertisement", "Read more:", "Related:", "Reporting by", "©"):
        assert furniture in dropped
    assert "Environmental groups said" not in dropped
    assert_spans_exact(WEB_PASTE, s)


def test_one_paragraph_a_line_paste_gives_one_paragraph_per_line() -> None:
    lines = [
        "Library reopens after flood repairs",
        "The central library reopened on Saturday after a year of repairs.",
        "Volunteers carried the last boxes of books back to the shelves on Friday night.",
        '"We are so glad to be back," the head librarian said.',
        "The council spent more than two million euros on the work.",
    ]
    text = "\n".join(lines) + "\n"
    s = parse_structure(text)
    assert words(text, s.headline) == lines[0]
    assert [paragraph_text(text, p) for p in s.paragraphs] == lines[1:]


def test_subheading_is_a_short_title_between_paragraphs_but_a_colon_lead_in_is_prose() -> None:
    text = (
        "Harbour plan approved\n\n"
        "The city council approved the harbour plan on Monday.\n\n"
        "Opposition's concerns\n\n"
        "Two councillors voted against it.\n\n"
        "The mayor said afterwards:\n\n"
        '"This is a good day for the city."\n'
    )
    s = parse_structure(text)
    assert [text[h.start : h.end] for h in s.subheadings] == ["Opposition's concerns"]
    assert "The mayor said afterwards:" in body(text, s)


def test_byline_employer_supplies_the_agency_when_there_is_no_dateline() -> None:
    text = (
        "Seaside towns report record summer\n\n"
        "By Jane Smith, Press Association\n\n"
        "Seaside towns across England reported their busiest summer in a decade.\n"
    )
    s = parse_structure(text)
    assert s.byline == "By Jane Smith, Press Association"
    assert s.dateline is not None and s.dateline.agency == "PA" and s.dateline.place is None
    assert body(text, s).startswith("Seaside towns across England")


def test_ap_wire_header_lines_are_dropped_and_byline_read() -> None:
    text = (
        "W1234asian\n"
        "r a BC-US--Bridge-Repairs 1stLd-Writethru   04-02 0845\n"
        "Old bridges wait years for repairs\n"
        "AP Photo NY101, NY102\n"
        "Eds: Updates with comment from state officials.\n"
        "By JOHN DOE\n"
        "Associated Press\n"
        "   ALBANY, N.Y. (AP) _ Hundreds of bridges in the state are rated poor.\n\n"
        "   ``We know the list,'' an official said.\n\n"
        "   AP-WF-04-02-19 1530GMT\n"
    )
    s = parse_structure(text)
    assert words(text, s.headline) == "Old bridges wait years for repairs"
    assert s.byline == "By JOHN DOE"
    assert s.standfirst is None
    assert s.dateline is not None and (s.dateline.place, s.dateline.agency) == ("Albany", "AP")
    assert body(text, s).startswith("Hundreds of bridges")
    assert len(s.paragraphs) == 2


def test_inline_byline_before_dateline_is_not_body() -> None:
    text = "Storm season starts early\n\nBy JANE ROE    MIAMI (AP) -- The first storm of the season formed early.\n"
    s = parse_structure(text)
    assert s.byline == "By JANE ROE"
    assert s.dateline is not None and s.dateline.place == "Miami"
    assert body(text, s).startswith("The first storm of the season")


def test_all_caps_headline_with_a_dash_is_not_a_dateline() -> None:
    text = "CRICKET - SURREY HOLD ON FOR DRAW .\nSurrey held on for a draw on Monday .\n"
    s = parse_structure(text)
    assert s.dateline is None
    assert words(text, s.headline) == "CRICKET - SURREY HOLD ON FOR DRAW ."
    assert body(text, s) == "Surrey held on for a draw on Monday ."


def test_transcript_speaker_label_is_not_a_dateline() -> None:
    text = (
        "Minister interviewed on budget\n\n"
        "The minister gave a long interview on Sunday.\n\n"
        "HOST: Will taxes rise next year?\n\n"
        "MINISTER: Not for working families.\n"
    )
    s = parse_structure(text)
    assert s.dateline is None
    assert body(text, s).startswith("The minister gave a long interview")
    assert len(s.paragraphs) == 3


def test_wire_trailer_after_notebook_marker_is_dropped() -> None:
    text = (
        "Rail strike called off =\n\n"
        "   Munich (dpa) - The rail union called off Friday's strike.\n\n"
        "# Notebook\n\n"
        "## Editorial contacts\n- Reporting by: A. Writer\n\ndpa ab cd\n"
    )
    s = parse_structure(text)
    assert words(text, s.headline) == "Rail strike called off"
    assert [paragraph_text(text, p) for p in s.paragraphs] == ["The rail union called off Friday's strike."]
    assert all(text[d.start : d.end] != "The rail union called off Friday's strike." for d in s.dropped)


def _junk(seed: int, size: int) -> str:
    rng = random.Random(seed)
    return "".join(chr(rng.randrange(0, 0x2FFF)) for _ in range(size))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n\t  \n",
        "x",
        "word " * 100_000,
        "a\n" * 50_000,
        _junk(7, 50_000),
        bytes(range(256)).decode("latin-1") * 200,
        ("بيروت، 3 نيسان - قال الوزير إن المحادثات ستستمر.\n\n" * 200),
        "(" * 10_000 + "/" * 10_000 + "-" * 10_000,
        "By " + "A " * 50_000,
        ("LONDON, March 2, " * 40 + "\n") * 200,
    ],
    ids=["empty", "blank", "one-char", "huge-line", "one-char-lines", "junk", "binary", "rtl", "punct", "by", "dates"],
)
def test_degenerate_input_never_raises_and_spans_stay_exact(text: str) -> None:
    s = parse_structure(text, dt.date(2020, 1, 1))
    assert_spans_exact(text, s)


def test_megabyte_input_parses_in_well_under_a_second() -> None:
    paragraph = "    The council voted on the plan on Monday, officials said, after a\nlong debate that ran late.\n"
    text = ("HARBOUR PLAN PASSES\n\nOSLO, May 2 - " + paragraph * 12_000)[:1_000_000]
    started = time.process_time()
    s = parse_structure(text)
    assert time.process_time() - started < 0.8
    assert len(s.paragraphs) > 10_000


def test_broadcaster_line_under_a_byline_is_not_body() -> None:
    text = (
        "Ministers clash over rail budget\n\nBy John Smith\nBBC News, Westminster\n\n"
        "Ministers clashed on Tuesday over the rail budget.\n"
    )
    s = parse_structure(text)
    assert s.byline == "By John Smith"
    assert body(text, s) == "Ministers clashed on Tuesday over the rail budget."


def test_site_name_after_a_pipe_is_left_out_of_the_headline() -> None:
    text = "Oil slides as stocks build | Reuters\n\nLONDON, Jan 5 (Reuters) - Oil fell on Monday.\n"
    s = parse_structure(text)
    assert words(text, s.headline) == "Oil slides as stocks build"


def test_agency_after_a_comma_in_the_dateline_is_the_credit() -> None:
    text = "Hospital opens new wing\n\nSYDNEY, AAP - A new hospital wing opened on Monday.\n"
    s = parse_structure(text)
    assert s.dateline is not None and (s.dateline.place, s.dateline.agency) == ("Sydney", "AAP")
    assert body(text, s).startswith("A new hospital wing")


def test_name_and_agency_line_is_a_byline_without_by() -> None:
    text = "Hospital opens new wing\n\nJane Doe, AAP\n\nA new hospital wing opened in Sydney on Monday.\n"
    s = parse_structure(text)
    assert s.byline == "Jane Doe, AAP"
    assert s.dateline is not None and s.dateline.agency == "AAP"
    assert body(text, s).startswith("A new hospital wing")


def test_photo_credit_under_the_standfirst_is_dropped() -> None:
    text = (
        "World\n\nPutin meets governors\n\nThe president discussed the harvest\n\nSergei Petrov/TASS\n\n"
        "MOSCOW, July 2. /TASS/. Vladimir Putin met regional governors on Tuesday.\n"
    )
    s = parse_structure(text)
    assert words(text, s.standfirst) == "The president discussed the harvest"
    assert "Sergei Petrov/TASS" in {text[d.start : d.end] for d in s.dropped}


def test_breadcrumb_above_headline_without_standfirst_is_dropped() -> None:
    text = "Science & Space\n\nProbe lands on comet\n\nMOSCOW, July 2. /TASS/. The probe landed on Tuesday.\n"
    s = parse_structure(text)
    assert words(text, s.headline) == "Probe lands on comet"
    assert s.standfirst is None


def test_title_case_place_with_an_unlisted_credit_is_a_dateline_but_a_parenthesis_in_prose_is_not() -> None:
    credit = "Oil spill reaches coast\n\nLagos (Premium Times) - Oil reached the coast on Monday.\n"
    s = parse_structure(credit)
    assert s.dateline is not None and (s.dateline.place, s.dateline.agency) == ("Lagos", "Premium Times")
    prose = "Vote held\n\nThe Senate (upper house) - which met on Monday - voted.\n"
    assert parse_structure(prose).dateline is None


# --- web and press-release copy: furniture, two-place and press-release datelines, sign-off agencies ----

CAPTIONED_WEB_STORY = """FILE PHOTO: A worker walks past the Norvale plant, March 3, 2021. REUTERS/Jane Holt/File Photo

Slideshow (5 Images)

LYNDHURST (Reuters) - Norvale Steel said on Tuesday it would cut 400 jobs at its main plant.

The company said demand had fallen sharply.
"""


def test_photo_caption_and_slideshow_count_are_never_the_headline_or_body() -> None:
    s = parse_structure(CAPTIONED_WEB_STORY)
    assert s.headline is None
    assert s.dateline is not None and (s.dateline.place, s.dateline.agency) == ("Lyndhurst", "Reuters")
    assert body(CAPTIONED_WEB_STORY, s).startswith("Norvale Steel said on Tuesday")
    dropped = " ".join(CAPTIONED_WEB_STORY[d.start : d.end] for d in s.dropped)
    assert "FILE PHOTO" in dropped and "Slideshow (5 Images)" in dropped


def test_photographer_credit_closing_a_caption_line_marks_it_furniture() -> None:
    text = (
        "Dam gates open after record rain\n\n"
        "Water pours through the gates of the Kessel dam, May 2, 2023. REUTERS/Omar Sadiq\n\n"
        "The gates of the Kessel dam were opened on Tuesday after record rain, the water authority said.\n\n"
        "A Reuters/Ipsos poll found most residents backed the decision."
    )
    s = parse_structure(text)
    assert body(text, s).startswith("The gates of the Kessel dam")
    # an agency's name beside a pollster's in prose is no credit
    assert body(text, s).endswith("most residents backed the decision.")


@pytest.mark.parametrize(
    "caption",
    [
        "Engineers inspect the bridge in Calder on March 4, 2024. Jane Holt/Calder Post",
        "Traffic queues on the ring road in Calder. PA/Jane Holt",
    ],
)
def test_caption_closed_by_any_photographer_credit_is_not_the_headline(caption: str) -> None:
    text = f"{caption}\n\nOfficials said on Tuesday the bridge would stay closed for six more weeks.\n\nMore follows."
    s = parse_structure(text)
    assert s.headline is None
    assert body(text, s).startswith("Officials said on Tuesday")


def test_a_slash_inside_prose_does_not_make_a_caption() -> None:
    text = "Poll shows support\n\nMost residents backed the plan, a survey by Calder Post/Ipsos found.\n\nMore follows."
    s = parse_structure(text)
    assert body(text, s).startswith("Most residents backed the plan")


def test_sentence_standfirst_above_the_page_stamp_stays_in_the_header() -> None:
    text = (
        "Protesters rally over fuel prices\n\n"
        "Thousands march as the government raises fuel prices again.\n\n"
        "Published On 5 Mar 2024\n\n"
        "Thousands of people rallied in the capital on Tuesday against a second rise in fuel prices.\n\n"
        "Police said the march was peaceful."
    )
    s = parse_structure(text)
    assert words(text, s.headline) == "Protesters rally over fuel prices"
    assert words(text, s.standfirst) == "Thousands march as the government raises fuel prices again."
    assert body(text, s).startswith("Thousands of people rallied")


def test_a_bare_credit_after_a_title_case_place_is_the_agency_not_part_of_the_place() -> None:
    text = "Bridge stays shut\n\nLondon CNN —\nOfficials said on Tuesday the bridge would stay closed.\n\nMore."
    s = parse_structure(text)
    assert s.dateline is not None and (s.dateline.place, s.dateline.agency) == ("London", "CNN")
    assert body(text, s).startswith("Officials said on Tuesday")


@pytest.mark.parametrize("kicker", ["WATCH:", "LIVE UPDATES", "Supported by\n\nSKIP ADVERTISEMENT\n", "In pictures"])
def test_a_kicker_or_sponsor_label_above_the_headline_is_not_the_headline(kicker: str) -> None:
    text = (
        f"{kicker}\nBridge to stay shut for six more weeks\n\nOfficials said on Tuesday the bridge would stay closed."
    )
    assert words(text, parse_structure(text).headline) == "Bridge to stay shut for six more weeks"


def test_key_points_without_bullet_marks_are_neither_body_nor_standfirst() -> None:
    text = (
        "Bridge to stay shut\n\nKey Points\nThe bridge has been closed since January.\nEngineers found cracks.\n\n"
        "Officials said on Tuesday that the bridge over the river Wend would stay closed for six more weeks.\n\n"
        "Drivers have been told to use the ring road."
    )
    s = parse_structure(text)
    assert words(text, s.headline) == "Bridge to stay shut"
    assert body(text, s).startswith("Officials said on Tuesday")
    assert "Engineers found cracks." not in body(text, s)


def test_writer_line_with_a_handle_and_an_edition_stamp_stay_in_the_header() -> None:
    text = (
        "Bridge to stay shut\n\nEngineers found cracks in two piers last month.\n\n"
        "Jane Holt\nNews reporter @janeholt\n\n"
        "Tuesday 5 March 2024 06:00, UK\n\n"
        "Officials said on Tuesday that the bridge over the river Wend would stay closed for six more weeks."
    )
    s = parse_structure(text)
    assert s.byline == "Jane Holt"
    assert body(text, s).startswith("Officials said on Tuesday")


def test_caption_closed_by_a_bracketed_credit_is_not_the_headline() -> None:
    text = (
        "The Wend bridge has been closed since January. (Jane Holt/Calder Post)\n\n"
        "Officials said on Tuesday the bridge would stay closed for six more weeks.\n\nMore follows."
    )
    s = parse_structure(text)
    assert s.headline is None
    assert body(text, s).startswith("Officials said on Tuesday")


@pytest.mark.parametrize(
    ("byline", "agency"),
    [
        ("By Reuters Staff", "Reuters"),
        ("By AFP", "AFP"),
        ("By The Associated Press", "AP"),
        ("Jane Holt | Reuters", "Reuters"),
        ("By Jane Holt", None),
    ],
)
def test_an_agency_signing_the_byline_is_the_agency(byline: str, agency: str | None) -> None:
    text = f"Bridge to stay shut\n\n{byline}\n\nOfficials said on Tuesday the bridge would stay closed.\n\nMore."
    s = parse_structure(text)
    assert (s.dateline.agency if s.dateline else None) == agency
    assert body(text, s).startswith("Officials said on Tuesday")


@pytest.mark.parametrize(
    ("top", "headline"),
    [
        ("A worker walks past the Norvale plant in Lyndhurst, March 3, 2021.", None),
        ("A worker walks past the Norvale plant in Lyndhurst.\n\nNorvale to cut 400 jobs", "Norvale to cut 400 jobs"),
        ("Norvale cuts jobs at U.S.", "Norvale cuts jobs at U.S."),
    ],
)
def test_a_caption_sentence_above_the_dateline_is_never_the_headline(top: str, headline: str | None) -> None:
    text = f"{top}\n\nLYNDHURST (Reuters) - Norvale Steel said on Tuesday it would cut 400 jobs.\n\nMore."
    s = parse_structure(text)
    assert words(text, s.headline) == headline
    assert s.dateline is not None and s.dateline.place == "Lyndhurst"


def test_summary_bullets_without_a_headline_leave_the_headline_null() -> None:
    text = (
        "* Factory output falls for third month\n\n"
        "* Exporters hit by weak demand\n\n"
        "Factory output in Eastland fell for a third month in May, the statistics office said on Friday.\n\n"
        "Orders from abroad dropped by four percent."
    )
    s = parse_structure(text)
    assert s.headline is None
    assert body(text, s).startswith("Factory output in Eastland fell")


def test_summary_bullets_under_a_headline_are_not_its_standfirst_or_body() -> None:
    text = (
        "Eastland factory output falls again\n\n"
        "- Third monthly fall\n- Exporters hit hardest\n\n"
        "EASTVILLE (Reuters) - Factory output in Eastland fell for a third month in May, officials said.\n\n"
        "Among the reasons:\n\n- weak demand abroad\n- higher energy prices"
    )
    s = parse_structure(text)
    assert words(text, s.headline) == "Eastland factory output falls again"
    assert s.standfirst is None
    assert body(text, s).startswith("Factory output in Eastland")
    assert "- weak demand abroad" in body(text, s)  # a list inside the story stays


def test_first_line_that_is_a_sentence_is_not_promoted_to_headline() -> None:
    text = "The town council approved plans for a new library on Tuesday after a long debate.\n\nWork starts in spring."
    s = parse_structure(text)
    assert s.headline is None
    assert body(text, s).startswith("The town council approved")


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("ANKARA/KYIV (Reuters) - Talks on a grain corridor stalled on Monday.", "Ankara/Kyiv"),
        ("MIAMI / TAMPA, Fla. (Reuters) - A storm hit the coast on Monday.", "Miami / Tampa"),
        ("BRUSSELS/LONDON, June 3 (Reuters) - Ministers met on Monday.", "Brussels/London"),
        ("PARIS/BERLIN/WARSAW, Jan 22 (Reuters) - Ministers disagreed on Monday.", "Paris/Berlin/Warsaw"),
        ("DALLAS/AMARILLO, Texas, May 7 (Reuters) - Hail swept the Panhandle.", "Dallas/Amarillo"),
        ("ALBANY, N.Y. / TRENTON, N.J. (Reuters) - Two states sued on Monday.", "Albany, N.Y. / Trenton"),
        ("LONDON AND PARIS (Reuters) - Ministers met on Monday.", "London and Paris"),
        ("LONDON and PARIS (Reuters) - Ministers met on Monday.", "London and Paris"),
        ("HOUSTON & LONDON (Reuters) - Two utilities agreed to merge on Monday.", "Houston & London"),
    ],
)
def test_two_place_dateline_keeps_both_places(line: str, place: str) -> None:
    text = f"Headline for the story\n\n{line}\n\nMore follows."
    s = parse_structure(text, dt.date(2024, 6, 4))
    assert s.dateline is not None and s.dateline.place == place and s.dateline.agency == "Reuters"
    assert body(text, s).split("\n\n")[0] == line.split(" - ", 1)[1]


def test_a_credit_after_a_qualified_place_is_not_a_second_place() -> None:
    text = "Headline\n\nDENVER, CO / ACCESSWIRE / February 20, 2024 / Acme Labs opened a laboratory."
    s = parse_structure(text)
    assert s.dateline is not None and (s.dateline.place, s.dateline.agency) == ("Denver", "Accesswire")


def test_places_joined_by_and_in_title_case_prose_are_no_dateline() -> None:
    text = "Headline\n\nParis and Berlin (AFP) - a film about two cities opens on Friday."
    assert parse_structure(text).dateline is None


def test_press_release_from_two_places_joined_by_an_ampersand() -> None:
    text = (
        "Acme and Kessel Agree to Merge\n\nHOUSTON & LONDON--(BUSINESS WIRE)--Mar 5, 2024--Acme Inc. agreed to merge."
    )
    s = parse_structure(text)
    assert s.dateline is not None
    assert (s.dateline.place, s.dateline.date_text, s.dateline.agency) == (
        "Houston & London",
        "Mar 5, 2024",
        "Business Wire",
    )
    assert body(text, s) == "Acme Inc. agreed to merge."


def test_tass_region_between_slashes_is_not_a_second_place() -> None:
    text = "Headline\n\nIGORA /Leningrad Region/, December 26. /TASS/. Governors will report on roads."
    s = parse_structure(text)
    assert s.dateline is not None and s.dateline.place == "Igora" and s.dateline.agency == "TASS"


@pytest.mark.parametrize(
    ("line", "place", "date", "agency"),
    [
        ("SAN JOSE, Calif.--(BUSINESS WIRE)--Mar 4, 2024-- Acme Robotics Inc. today announced record revenue.",
         "San Jose", "Mar 4, 2024", "Business Wire"),
        ("AUSTIN, Texas--(BUSINESS WIRE)--Acme Robotics Inc. today announced record revenue.",
         "Austin", None, "Business Wire"),
        ("CHICAGO, March 4, 2024 /PRNewswire/ -- Helio Foods today opened a new plant in Illinois.",
         "Chicago", "March 4, 2024", "PR Newswire"),
        ("BOSTON, March 04, 2024 (GLOBE NEWSWIRE) -- Brightline Bio, Inc. today reported results.",
         "Boston", "March 04, 2024", "GlobeNewswire"),
        ("DENVER, CO / ACCESSWIRE / February 20, 2024 / Pinecrest Labs today opened a laboratory.",
         "Denver", "February 20, 2024", "Accesswire"),
        ("Vancouver, British Columbia--(Newsfile Corp. - February 20, 2024) - Northwind Minerals Inc. reported.",
         "Vancouver", "February 20, 2024", "Newsfile"),
        ("RALEIGH, N.C., March 04, 2024--(BUSINESS WIRE)--Quarry Point Inc. today named a chief executive.",
         "Raleigh", "March 04, 2024", "Business Wire"),
        ("CHICAGO, March 4, 2024 /PRNewswire-PRWeb/ -- Helio Foods today opened a new plant in Illinois.",
         "Chicago", "March 4, 2024", "PR Newswire"),
    ],
)  # fmt: skip
def test_press_release_datelines(line: str, place: str, date: str | None, agency: str) -> None:
    text = f"Company Announces Results\n\n{line}\n\nAbout the company: it makes things."
    s = parse_structure(text)
    assert s.dateline is not None
    assert (s.dateline.place, s.dateline.date_text, s.dateline.agency) == (place, date, agency)
    first = body(text, s)
    assert first[0].isupper() and "--" not in first.split("\n")[0] and "WIRE" not in first.split("\n")[0]


def test_dash_signoff_on_the_last_line_names_the_outlet() -> None:
    text = (
        "Council approves new library\n\n"
        "The town council approved plans for a new library on Tuesday after a long debate.\n\n"
        "Work is expected to start next spring.\n\n-- Valley Daily Media\n"
    )
    s = parse_structure(text)
    assert s.dateline is not None and s.dateline.agency == "Valley Daily Media"
    assert "Valley Daily Media" not in body(text, s)


def test_dash_in_the_middle_of_the_story_is_no_signoff() -> None:
    text = "Council approves library\n\nThe council approved it.\n\n-- Second vote --\n\nWork starts soon, he said."
    s = parse_structure(text)
    assert s.dateline is None or s.dateline.agency is None


def test_numbered_results_after_the_dateline_stay_in_the_body() -> None:
    text = (
        "ATHLETICS - HARBOUR GAMES RESULTS .\nHALMSTAD 1996-08-30\nLeading results on Friday :\n"
        "1. Ada Lind ( Sweden ) 12.71 seconds\n2. Mia Berg ( Norway ) 12.74\n3. Eva Holm ( Denmark ) 12.92\n"
    )
    s = parse_structure(text)
    assert "1. Ada Lind" in body(text, s) and "3. Eva Holm" in body(text, s)


def test_a_long_run_of_dashed_lines_is_a_list_not_summary_bullets() -> None:
    items = "\n".join(f"- Item number {i} of the list" for i in range(8))
    text = f"Shopping list for the week\n\n{items}\n\nThe list was compiled by the council on Friday evening."
    assert "- Item number 7" in body(text, parse_structure(text))


# --- pasted pages: masthead and menu, stamps, share bars, author lines, stacked datelines ---------------

PAGE_WITH_MENU = """Skip to main content
Independent journalism for the valleys since 1874
Support us
Home
News
Sport
Business
My Valley
Local News
Mill owners fined after river turns blue
By Owen Price
4 minute read
Updated 2 hours ago
ABERDARE, Wales (Reuters) - Two mill owners were fined on Tuesday after dye from their works turned a river blue.
The court heard the dye had killed fish for two miles downstream.
"""


def test_masthead_tagline_and_menu_above_a_pasted_headline_are_dropped() -> None:
    s = parse_structure(PAGE_WITH_MENU)
    assert words(PAGE_WITH_MENU, s.headline) == "Mill owners fined after river turns blue"
    assert s.dateline is not None and (s.dateline.place, s.dateline.agency) == ("Aberdare", "Reuters")
    assert body(PAGE_WITH_MENU, s).startswith("Two mill owners were fined")
    dropped = " ".join(PAGE_WITH_MENU[d.start : d.end] for d in s.dropped)
    assert "Independent journalism" in dropped and "My Valley" in dropped and "Updated 2 hours ago" in dropped


def test_a_short_headline_right_above_its_byline_is_not_a_menu_item() -> None:
    text = "Home\nNews\nWorld\nEurope\nBrexit talks collapse\nBy Owen Price\n\nTalks between the two sides broke up."
    s = parse_structure(text)
    assert words(text, s.headline) == "Brexit talks collapse"


def test_three_short_header_lines_are_not_a_menu() -> None:
    text = "Brexit talks collapse\nOwen Price\nPolitical editor\nTalks between the two sides broke up on Friday."
    s = parse_structure(text)
    assert words(text, s.headline) == "Brexit talks collapse"
    assert body(text, s).startswith("Talks between the two sides")


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("Updated 3 hours ago", True),
        ("May 2, 2023 10:14 AM GMT+1 Updated 2 hours ago", True),
        ("Tue 9 Apr 2024 14.05 BST", True),
        ("Updated 3:14 PM EDT, September 11, 2023", True),
        ("March 04, 2024 08:00 AM Eastern Standard Time", True),
        ("Last updated on 2 May 2023, at 10:14 GMT", True),
        ("March 12, 2020 / 4:15 PM / Updated 2 hours ago", True),
        ("Reporting / 2 hours", False),  # a slash is a separator, not a stamp on its own
        ("Updated", False),  # a button, no time in it
        ("In May 2023", False),
        ("Bank of May 2023", False),
        ("Tuesday night football", False),
    ],
)
def test_time_stamp_lines(line: str, stamp: bool) -> None:
    assert is_timestamp(line) is stamp


def test_share_bar_pasted_one_button_a_line_is_not_body() -> None:
    text = (
        "Storm knocks out power\nShare\nCopy\nLink copied!\nEmail\nFacebook\nX\nReddit\nLinkedIn\nPrint\n"
        "MIAMI (AP) — A storm knocked out power to 80,000 homes on Monday.\nSchools were closed."
    )
    s = parse_structure(text)
    assert words(text, s.headline) == "Storm knocks out power"
    assert body(text, s).startswith("A storm knocked out power")
    assert "Facebook" not in body(text, s) and "Reddit" not in body(text, s)


def test_without_a_dateline_author_and_role_lines_stay_out_of_the_body() -> None:
    text = (
        "Ferry operator scraps winter timetable\n"
        "Islanders say they were given a day's notice of the cuts\n"
        "Callum Reid\nIslands correspondent\nTue 9 Apr 2024 14.05 BST\n"
        "The ferry operator has scrapped its winter timetable after two of its ships broke down.\n"
        "Islanders were given a day's notice."
    )
    s = parse_structure(text)
    assert words(text, s.headline) == "Ferry operator scraps winter timetable"
    assert words(text, s.standfirst) == "Islanders say they were given a day's notice of the cuts"
    assert body(text, s).startswith("The ferry operator has scrapped")


def test_hard_wrapped_first_paragraph_without_a_dateline_stays_whole() -> None:
    text = (
        "FARM LENDERS SEEK MORE FUNDS\n\n"
        "The agency that oversees the farm credit banks asked for\n"
        "an additional 300 mln dlrs to shore up lenders, its chairman\n"
        "said on Thursday in a statement to the committee members.\n"
    )
    s = parse_structure(text)
    assert words(text, s.headline) == "FARM LENDERS SEEK MORE FUNDS"
    assert body(text, s).startswith("The agency that oversees the farm credit banks")


def test_a_label_line_takes_its_value_on_the_next_line() -> None:
    text = (
        "News provided by\n\nHalvorsen Marine\n\nMar 04, 2024, 09:00 ET\n\n"
        "Halvorsen Marine Launches Electric Tug\n\n"
        "OSLO, Norway, March 4, 2024 /PRNewswire/ -- Halvorsen Marine today launched a tug.\n\n"
        "SOURCE Halvorsen Marine"
    )
    s = parse_structure(text)
    assert words(text, s.headline) == "Halvorsen Marine Launches Electric Tug"
    assert s.dateline is not None and s.dateline.agency == "PR Newswire"
    assert "SOURCE" not in body(text, s)


def test_dateline_laid_out_one_piece_a_line_is_read() -> None:
    text = (
        "Chipmaker delays new plant\nBy Sofia Marchetti, CNN\nUpdated 10:14 AM EDT, Tue May 2, 2023\n"
        "Milan\nCNN\n—\nChipmaker Veltra said on Tuesday it would delay its new plant.\nMore follows."
    )
    s = parse_structure(text)
    assert s.dateline is not None and (s.dateline.place, s.dateline.agency) == ("Milan", "CNN")
    assert s.dateline.place_start is not None and text[s.dateline.place_start : s.dateline.place_end] == "Milan"
    assert body(text, s).startswith("Chipmaker Veltra said")
    assert s.standfirst is None


def test_a_place_line_over_a_line_that_names_no_agency_is_no_dateline() -> None:
    text = "Chipmaker delays new plant\n\nMilan\nFashion week\n—\nChipmaker Veltra said on Tuesday it would wait."
    s = parse_structure(text)
    assert s.dateline is None


def test_agency_alone_on_the_last_line_is_a_signoff() -> None:
    text = (
        "Care homes warn of closures\n\n"
        "Dozens of care homes in Wales could close by the summer, an industry body said on Tuesday.\n\n"
        "It called for more support.\n\nPress Association"
    )
    s = parse_structure(text)
    assert s.dateline is not None and s.dateline.agency == "PA"
    assert body(text, s).endswith("It called for more support.")


def test_dash_signoff_before_trailing_page_furniture_names_the_outlet() -> None:
    text = (
        "Village shop saved\n\nResidents of a village have raised enough money to buy their last shop.\n\n"
        "-- Fellside Community Media\n\nShare this article\n"
    )
    s = parse_structure(text)
    assert s.dateline is not None and s.dateline.agency == "Fellside Community Media"


@pytest.mark.parametrize(
    ("first", "headline"),
    [
        ("Copper fell on Tuesday.", None),  # a sentence, however short
        ("Storm hits U.S.", "Storm hits U.S."),  # an abbreviation's stop
        ("SOCCER - ROVERS WIN AGAIN .", "SOCCER - ROVERS WIN AGAIN ."),  # tokenised copy
    ],
)
def test_a_first_line_ending_on_a_full_stop(first: str, headline: str | None) -> None:
    text = f"{first}\n\nTraders said a stronger dollar and weak factory data weighed on prices."
    assert words(text, parse_structure(text).headline) == headline


@pytest.mark.parametrize(
    "top",
    [
        "[1/3] A container ship is unloaded at Koper, November 17, 2023. REUTERS/Ana Kovac Acquire Licensing Rights",
        "1 of 3 | A man walks through floodwater in Tampa on Monday. (AP Photo/Chris Diaz)",
        "Credit: Ana Kovac/Getty Images",
    ],
)
def test_gallery_captions_and_credit_lines_are_never_the_headline(top: str) -> None:
    text = f"{top}\n\nLJUBLJANA, Nov 20 (Reuters) - Slovenia's main port handled a record number of containers."
    s = parse_structure(text)
    assert s.headline is None
    assert body(text, s).startswith("Slovenia's main port")


def test_kicker_masthead_and_outlet_suffix_are_not_the_headline() -> None:
    text = "BBC News\nExplainer\nWhy the river keeps flooding - BBC News\n\nHeavy rain has flooded homes again."
    s = parse_structure(text)
    assert words(text, s.headline) == "Why the river keeps flooding"


def test_a_standings_table_of_short_lines_is_not_a_menu() -> None:
    text = (
        "BASEBALL - HARBOUR LEAGUE STANDINGS .\nNEW YORK 1996-08-31\nHarbour League standings :\n"
        "NORTH DIVISION\nW L PCT\nPORTLAND 75 59 .560\nSALEM 71 63 .530\nSOUTH DIVISION\nEUGENE 69 66 .511\n"
        "Ducks\nBeavers\nOtters\nSeals\nFRIDAY 'S RESULTS\nPORTLAND 4 SALEM 2\n"
    )
    s = parse_structure(text)
    assert s.dateline is not None and s.dateline.place == "New York"
    assert "PORTLAND 75 59" in body(text, s) and "SALEM 71 63" in body(text, s)


@pytest.mark.parametrize(
    ("closing", "agency"),
    [
        ("Copyright 2023 The Associated Press. All rights reserved.", "AP"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "Reuters"),
        ("Associated Press writer John Roe in Tampa contributed to this report.", "AP"),
        ("Copyright 2023 Valley Media Group. All rights reserved.", None),  # no agency known by that name
    ],
)
def test_closing_credit_after_the_body_names_the_agency(closing: str, agency: str | None) -> None:
    text = f"Storm knocks out power\n\nA storm knocked out power to 80,000 homes on Monday.\n\n{closing}\n"
    s = parse_structure(text)
    assert (s.dateline.agency if s.dateline else None) == agency
    assert closing not in body(text, s)


def test_a_credit_inside_the_story_is_no_closing_credit() -> None:
    text = (
        "Storm knocks out power\n\nAssociated Press reporters contributed to coverage of the storm, it said.\n\n"
        "A storm knocked out power to 80,000 homes on Monday."
    )
    s = parse_structure(text)
    assert s.dateline is None or s.dateline.agency is None
