"""Quote extraction: direct, mixed and indirect quotes and who said them, on invented wire copy."""

from __future__ import annotations

import pytest

from app.nlp.pipeline import Extractor
from app.nlp.types import Quote

PRONOUNS = {"he", "she", "they", "it", "i", "we", "him", "her", "them"}


def quotes_of(extractor: Extractor, text: str) -> tuple[Quote, ...]:
    """The quotes found in a story, each checked to slice the text exactly."""
    quotes = extractor.analyze(text).quotes
    for q in quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker is not None:
            assert q.speaker.name.lower() not in PRONOUNS
            if q.speaker.start is not None and q.speaker.end is not None:
                assert text[q.speaker.start : q.speaker.end] == q.speaker.mention
        if q.cue is not None and q.cue_start is not None and q.cue_end is not None:
            assert text[q.cue_start : q.cue_end] == q.cue
    return quotes


def find(quotes: tuple[Quote, ...], words: str) -> Quote:
    """The quote whose text contains some words."""
    hits = [q for q in quotes if words in q.text]
    assert hits, f"no quote with {words!r} in {[q.text for q in quotes]}"
    return hits[0]


HARBOUR = """Harbour deal stalls as talks drag on

The port authority chief Elena Marsh said on Monday that the harbour expansion would be delayed until spring.

"We are not going to rush a project of this size," Marsh told reporters. "The tides do not negotiate."

Asked whether the budget would rise, she replied: "That is a question for the council."

"Every delay costs the town money."

The town's mayor, Peter Quill, called the plan "a slow disaster" in a statement on Tuesday.
"""


def test_direct_quote_after_attribution_names_the_speaker(extractor: Extractor) -> None:
    quote = find(quotes_of(extractor, HARBOUR), "We are not going to rush")
    assert quote.type == "direct"
    assert quote.speaker is not None and quote.speaker.name == "Elena Marsh"
    assert quote.speaker.mention == "Marsh"
    assert quote.cue == "told"


def test_direct_quote_span_excludes_quotation_marks(extractor: Extractor) -> None:
    quote = find(quotes_of(extractor, HARBOUR), "We are not going to rush")
    assert quote.text == "We are not going to rush a project of this size,"
    assert HARBOUR[quote.start - 1] == '"'


def test_second_sentence_quote_after_attribution_keeps_the_speaker(extractor: Extractor) -> None:
    quote = find(quotes_of(extractor, HARBOUR), "The tides do not negotiate")
    assert quote.speaker is not None and quote.speaker.name == "Elena Marsh"


def test_colon_introduced_quote_takes_pronoun_speaker_resolved_to_name(extractor: Extractor) -> None:
    quote = find(quotes_of(extractor, HARBOUR), "That is a question for the council")
    assert quote.type == "direct"
    assert quote.cue == "replied"
    assert quote.speaker is not None
    assert quote.speaker.mention == "she"
    assert quote.speaker.name == "Elena Marsh"


def test_unattributed_paragraph_quote_carries_the_previous_speaker(extractor: Extractor) -> None:
    quote = find(quotes_of(extractor, HARBOUR), "Every delay costs the town money")
    assert quote.speaker is not None and quote.speaker.name == "Elena Marsh"
    assert quote.speaker.mention is None and quote.speaker.start is None
    assert quote.cue is None


def test_scare_quote_makes_a_mixed_quote_not_a_direct_one(extractor: Extractor) -> None:
    quotes = quotes_of(extractor, HARBOUR)
    assert not [q for q in quotes if q.type == "direct" and "slow disaster" in q.text]
    mixed = find(quotes, "slow disaster")
    assert mixed.type == "mixed"
    assert mixed.speaker is not None and mixed.speaker.name == "Peter Quill"


def test_indirect_quote_excludes_that_and_the_final_stop(extractor: Extractor) -> None:
    quote = find(quotes_of(extractor, HARBOUR), "harbour expansion")
    assert quote.type == "indirect"
    assert quote.text == "the harbour expansion would be delayed until spring"
    assert quote.speaker is not None and quote.speaker.name == "Elena Marsh"


MINISTRY = """Ministry rejects report on grain exports

Agriculture Ministry spokeswoman Anna Delacroix said the figures published last week were wrong.

The spokeswoman said the ministry would publish its own data by Friday.

Grain exports fell by a fifth in the first quarter, according to the Northern Farmers Union.

The daily Harbour Gazette said the shipments had been held at the border for two weeks.

Delacroix believes the dispute will be settled soon. Farmers hope prices recover. She said nothing more.
"""


def test_description_speaker_resolves_to_the_titled_name(extractor: Extractor) -> None:
    quote = find(quotes_of(extractor, MINISTRY), "publish its own data")
    assert quote.speaker is not None
    assert quote.speaker.name == "Anna Delacroix"
    assert quote.speaker.mention is not None and "spokeswoman" in quote.speaker.mention


def test_indirect_quote_without_that(extractor: Extractor) -> None:
    quote = find(quotes_of(extractor, MINISTRY), "figures published last week")
    assert quote.type == "indirect"
    assert quote.text.startswith("the figures")
    assert quote.speaker is not None and quote.speaker.name == "Anna Delacroix"


def test_according_to_gives_an_indirect_quote_from_the_organisation(extractor: Extractor) -> None:
    quote = find(quotes_of(extractor, MINISTRY), "Grain exports fell")
    assert quote.type == "indirect"
    assert "according" not in quote.text
    assert quote.speaker is not None and "Northern Farmers Union" in quote.speaker.name


def test_organisation_speaker(extractor: Extractor) -> None:
    quote = find(quotes_of(extractor, MINISTRY), "held at the border")
    assert quote.speaker is not None and quote.speaker.name == "Harbour Gazette"


def test_beliefs_and_hopes_and_bare_said_are_not_quotes(extractor: Extractor) -> None:
    quotes = quotes_of(extractor, MINISTRY)
    assert not [q for q in quotes if "settled soon" in q.text or "prices recover" in q.text]
    assert not [q for q in quotes if "nothing more" in q.text]


RELAY = """Relay team names new coach

Coach Martin Oduya said, "We start from zero," and then added, "Nobody keeps a place by reputation."

"The first race is in April," said Oduya. "We will be ready."

Team captain Lisa Brandt recalled a remark by the club's founder, Henrik Vale. "A team is only as fast
as its slowest handover."

"It is time for younger legs," Brandt said. "I will miss it.

"But I will be in the stands every week."
"""


def test_quotes_split_by_attribution_share_the_speaker(extractor: Extractor) -> None:
    quotes = quotes_of(extractor, RELAY)
    first, second = find(quotes, "We start from zero"), find(quotes, "Nobody keeps a place")
    assert first.type == second.type == "direct"
    assert first.speaker is not None and second.speaker is not None
    assert first.speaker.name == second.speaker.name == "Martin Oduya"


def test_inverted_said_takes_the_subject_after_the_verb(extractor: Extractor) -> None:
    quote = find(quotes_of(extractor, RELAY), "The first race is in April")
    assert quote.speaker is not None and quote.speaker.name == "Martin Oduya"
    assert quote.cue == "said"


def test_quote_after_a_remark_by_someone_is_theirs(extractor: Extractor) -> None:
    quote = find(quotes_of(extractor, RELAY), "slowest handover")
    assert quote.speaker is not None and quote.speaker.name == "Henrik Vale"


def test_quote_across_paragraphs_gives_each_part_to_the_speaker(extractor: Extractor) -> None:
    quotes = quotes_of(extractor, RELAY)
    opened, continued = find(quotes, "I will miss it"), find(quotes, "in the stands every week")
    assert opened.type == continued.type == "direct"
    assert not opened.text.endswith('"')
    assert continued.speaker is not None and continued.speaker.name == "Lisa Brandt"


def test_curly_quotes_guillemets_and_signatures(extractor: Extractor) -> None:
    text = (
        "Readers write in\n\n"
        "The mayor was asked about the bridge. «The bridge will open in May,» said Mayor Ines Portal.\n\n"
        "“The buses never come on time and nobody at the depot answers the phone.” ― Rosa Lind\n"
    )
    quotes = quotes_of(extractor, text)
    bridge = find(quotes, "The bridge will open in May")
    assert bridge.speaker is not None and bridge.speaker.name == "Ines Portal"
    buses = find(quotes, "The buses never come")
    assert buses.speaker is not None and buses.speaker.name == "Rosa Lind"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no sentences at all",
        '"' * 1000,
        "“" * 500 + "”" * 3,
        "He said, “unclosed quote that never ends and said that it would go on",
        "Headline\n\n” stray closing mark, she said ‘ and « and „ all open.",
        "Emoji 🎉🎉 “party time 🎉,” said Ana Ruiz. \u202eRTL \u05e9\u05dc\u05d5\u05dd “\u05e9\u05dc\u05d5\u05dd”",
        "\n\n\n:\n\n“:”\n\n‘’‘’",
    ],
)
def test_odd_input_never_raises_and_offsets_slice_the_text(extractor: Extractor, text: str) -> None:
    quotes_of(extractor, text)


def test_a_megabyte_of_quotation_marks_is_handled(extractor: Extractor) -> None:
    text = "Headline\n\n" + ('He said "yes" and ‘no’ ' * 20 + "\n\n") * 200
    quotes_of(extractor, text)


LEVY = """Farmers reject new water levy

The farmers' union leader, Marta Solberg, branded the levy "a tax on rain" at a rally in the valley.

Solberg described the consultation as "a box-ticking exercise" for officials in the capital.
"""


def test_quoted_fragment_after_a_non_speech_verb_makes_a_mixed_quote(extractor: Extractor) -> None:
    quote = find(quotes_of(extractor, LEVY), "a tax on rain")
    assert quote.type == "mixed"
    assert quote.text.startswith("the levy")
    assert quote.speaker is not None and quote.speaker.name == "Marta Solberg"


def test_object_cue_quote_extends_over_its_quoted_fragment(extractor: Extractor) -> None:
    quotes = quotes_of(extractor, LEVY)
    quote = find(quotes, "a box-ticking exercise")
    assert quote.type == "mixed"
    assert quote.text.startswith("the consultation as")
    assert not [q for q in quotes if q.text == "the consultation"]


BAKERS = """Millers warn of flour shortage

"Flour," said Hanna Lindqvist, who chairs the millers' association, "will be scarce until the harvest."

"Can the small mills survive another year like this?" asked farmer Oskar Brandt at the meeting.

Asked whether prices would rise, Lindqvist said the mills were still talking to buyers.

A ministry spokesman declined to say how much grain was left in state stores.

"The silos are half empty," the paper said, citing a grain inspector.
"""


def test_word_quoted_before_a_split_attribution_is_not_the_speaker(extractor: Extractor) -> None:
    quote = find(quotes_of(extractor, BAKERS), "Flour")
    assert quote.speaker is not None and quote.speaker.name == "Hanna Lindqvist"


def test_question_with_asked_after_it_takes_the_asker(extractor: Extractor) -> None:
    quote = find(quotes_of(extractor, BAKERS), "Can the small mills survive")
    assert quote.speaker is not None and quote.speaker.name.endswith("Oskar Brandt")


def test_asked_participle_is_not_the_speakers_own_report(extractor: Extractor) -> None:
    quotes = quotes_of(extractor, BAKERS)
    assert not [q for q in quotes if q.text.startswith("whether prices")]
    assert find(quotes, "the mills were still talking").type == "indirect"


def test_declining_to_say_is_not_a_quote(extractor: Extractor) -> None:
    assert not [q for q in quotes_of(extractor, BAKERS) if "grain was left" in q.text]


def test_citing_a_person_names_a_source_not_a_quote(extractor: Extractor) -> None:
    assert not [q for q in quotes_of(extractor, BAKERS) if q.text == "a grain inspector"]


FERRY = """Ferry operator defends timetable cuts

The ferry company's director, Ruth Abernethy, spoke to passengers on the quay on Friday.

"Nobody wants fewer sailings. But the fuel bill has doubled since the winter.

"We will bring the evening crossing back as soon as the numbers allow," Abernethy said.

Islanders who depend on the crossing said the cuts had left them stranded.
"""


def test_first_paragraph_of_a_running_quote_takes_the_closing_attribution(extractor: Extractor) -> None:
    quote = find(quotes_of(extractor, FERRY), "Nobody wants fewer sailings")
    assert quote.speaker is not None and quote.speaker.name == "Ruth Abernethy"
    assert quote.speaker.mention is None


def test_relative_pronoun_speaker_keeps_its_mention_and_takes_the_antecedents_name(extractor: Extractor) -> None:
    text = "Farmers protest\n\nThe protest was led by Ines Dahl, who said the new rules would ruin small dairies.\n"
    quote = find(quotes_of(extractor, text), "the new rules would ruin")
    assert quote.speaker is not None and quote.speaker.name == "Ines Dahl"
    assert quote.speaker.mention == "who"


def test_said_in_a_statement_that_reports_the_clause(extractor: Extractor) -> None:
    text = "Miner cuts output\n\nKoppar Resources said in a statement on Monday that flooding had closed a shaft.\n"
    quote = find(quotes_of(extractor, text), "flooding had closed a shaft")
    assert quote.type == "indirect"
    assert quote.speaker is not None and quote.speaker.name == "Koppar Resources"


def test_possessed_claim_that_clause_is_the_owners_report(extractor: Extractor) -> None:
    text = "Row over figures\n\nAuditors examined Mayor Lena Fisk's claim that the budget had been balanced.\n"
    quote = find(quotes_of(extractor, text), "the budget had been balanced")
    assert quote.speaker is not None and quote.speaker.name == "Lena Fisk"


def test_attribution_after_a_quote_is_the_cue_nearest_it(extractor: Extractor) -> None:
    text = (
        "Mill sale halted\n\n"
        '"We will not sell the mill," Ruth Anand said, adding that the auditors\' report suggests a buyer exists.\n'
    )
    quote = find(quotes_of(extractor, text), "We will not sell the mill")
    assert quote.cue == "said"
    assert quote.speaker is not None and quote.speaker.name == "Ruth Anand"


def test_signature_dash_typed_against_the_closing_mark_names_the_speaker(extractor: Extractor) -> None:
    text = (
        "What readers told us\n\n"
        "“The bridge should have been repaired years ago and the council knows it.”― Tomas Wylie\n\n"
        "“Nobody asked the people who cross it every morning.”― Greta Holm\n"
    )
    quotes = quotes_of(extractor, text)
    bridge = find(quotes, "The bridge should have been repaired")
    assert bridge.speaker is not None and bridge.speaker.name == "Tomas Wylie"
    assert bridge.cue == "―"
    nobody = find(quotes, "Nobody asked the people")
    assert nobody.speaker is not None and nobody.speaker.name == "Greta Holm"


OPINION = """I was wrong about the tram

When the city first proposed the tram line, I said that it would empty the old town of shoppers.

My neighbour laughed and told me to wait. I shrugged and said, "It will be a white elephant."

Jane Porter is a columnist and former editor of the Riverside Courier.
"""


def test_first_person_speaker_in_an_opinion_piece_is_the_writer_from_the_closing_bio(extractor: Extractor) -> None:
    quotes = quotes_of(extractor, OPINION)
    reported = find(quotes, "it would empty the old town")
    assert reported.speaker is not None and reported.speaker.name == "Jane Porter"
    assert reported.speaker.mention == "I"
    direct = find(quotes, "It will be a white elephant")
    assert direct.speaker is not None and direct.speaker.name == "Jane Porter"


def test_first_person_speaker_without_a_known_writer_stays_unnamed(extractor: Extractor) -> None:
    text = OPINION.rsplit("\n\n", 1)[0] + "\n"
    reported = find(quotes_of(extractor, text), "it would empty the old town")
    assert reported.speaker is None


def test_first_person_speaker_is_the_bylined_writer(extractor: Extractor) -> None:
    text = OPINION.rsplit("\n\n", 1)[0].replace("\n\n", "\n\nBy Marcus Hale\n\n", 1) + "\n"
    reported = find(quotes_of(extractor, text), "it would empty the old town")
    assert reported.speaker is not None and reported.speaker.name == "Marcus Hale"


def test_object_of_a_forcing_verb_is_the_speaker_of_its_infinitive(extractor: Extractor) -> None:
    text = (
        "Bank chief grilled\n\n"
        "Senator Ada Wren forced the bank's chief executive, Paul Stroud, to admit that no manager had been fired.\n"
    )
    quote = find(quotes_of(extractor, text), "no manager had been fired")
    assert quote.speaker is not None and quote.speaker.name == "Paul Stroud"


SHOUTING = """Protest at the depot

"Give us back our night buses!" Mira Solt shouted at the gates.

Union leaders demanded that the depot manager publish the new rota.
"""


def test_shouted_attributes_a_quote_but_a_demand_reports_no_speech(extractor: Extractor) -> None:
    quotes = quotes_of(extractor, SHOUTING)
    shout = find(quotes, "Give us back our night buses")
    assert shout.speaker is not None and shout.speaker.name == "Mira Solt"
    assert not [q for q in quotes if "publish the new rota" in q.text]


def test_speech_verb_after_a_quote_beats_a_plain_verb_before_its_colon(extractor: Extractor) -> None:
    text = (
        "Nurses back candidate\n\n"
        "The letter also described the impact it said Senator Ilse Varga would have on hospitals: "
        '"Our members know she will fight for safe staffing," the nurses\' union wrote.\n'
    )
    quote = find(quotes_of(extractor, text), "Our members know she will fight")
    assert quote.cue == "wrote"
    assert quote.speaker is not None and "union" in quote.speaker.name


def test_attribution_with_a_long_apposition_after_the_quote_names_the_speaker(extractor: Extractor) -> None:
    text = (
        "States sue over rules\n\n"
        '"It is an invasion of what the states regulate," Carl Brenner, the Republican attorney general '
        "of Kansas, one of the states suing the agency, said on Friday.\n"
    )
    quote = find(quotes_of(extractor, text), "It is an invasion")
    assert quote.speaker is not None and quote.speaker.name == "Carl Brenner"


def test_name_after_a_preposition_behind_the_verb_is_not_an_inverted_subject(extractor: Extractor) -> None:
    text = (
        "General backs candidate\n\n"
        '"He is right about the army," Ole Brand, a retired general, said on Radio North\'s "Morning Show."'
        '"The ranks are frustrated."\n'
    )
    quote = find(quotes_of(extractor, text), "He is right about the army")
    assert quote.speaker is not None and quote.speaker.name == "Ole Brand"


EXCERPT = """Paper's profile of voter draws fire

The profile describes her history in detail. The reporter writes:

"The first time she saw the candidate was at a fair in May, and she was already convinced. Her doctor had
written “acute anxiety” on a form she still keeps in a drawer."

"We are proud of the reporting," the paper's editor, Lars Fenn, said.
"""


def test_quotes_inside_a_cited_third_person_passage_are_the_quotes(extractor: Extractor) -> None:
    quotes = quotes_of(extractor, EXCERPT)
    assert not [q for q in quotes if q.text.startswith("The first time she saw")]
    inner = find(quotes, "acute anxiety")
    assert inner.type == "direct" and inner.text == "acute anxiety"
    assert inner.speaker is not None and "doctor" in inner.speaker.name


def test_a_first_person_quote_holding_a_quote_stays_one_quote(extractor: Extractor) -> None:
    text = (
        "Coach on referee\n\n"
        '"I told him the call was “a joke” and I would say it again, and we will appeal this result."\n'
    )
    quote = find(quotes_of(extractor, text), "I told him the call was")
    assert quote.type == "direct"


def test_objects_of_blame_and_acknowledge_are_reported_speech(extractor: Extractor) -> None:
    text = (
        "Council clash\n\n"
        "Councillor Edith Mayne blamed the transport board for the closure of the night routes.\n\n"
        "The board's chair, Tom Reyes, acknowledged a long delay in the tendering process.\n"
    )
    quotes = quotes_of(extractor, text)
    blame = find(quotes, "the transport board for the closure")
    assert blame.type == "indirect" and blame.speaker is not None and blame.speaker.name == "Edith Mayne"
    delay = find(quotes, "a long delay in the tendering")
    assert delay.speaker is not None and delay.speaker.name == "Tom Reyes"


# --- speech that did not happen, slogans, writers' asides, documents as speakers ----------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Mayor Ruth Okafor did not say whether the city would appeal the ruling.",
        "The ministry has not confirmed that the talks will resume.",
        "Coach Dan Pryor never claimed that the team could win the league.",
    ],
)
def test_negated_cue_reports_no_speech(extractor: Extractor, sentence: str) -> None:
    assert quotes_of(extractor, f"City news\n\n{sentence}\n") == ()


def test_agentless_passive_object_cue_is_no_quote_but_an_agent_speaks(extractor: Extractor) -> None:
    text = (
        "Minister under fire\n\n"
        "The transport minister was criticised for failing to act on the warnings.\n\n"
        "The plan was described as reckless by opposition leader Hana Ito.\n"
    )
    quotes = quotes_of(extractor, text)
    assert not [q for q in quotes if "failing to act" in q.text]
    described = [q for q in quotes if "reckless" in q.text]
    assert all(q.speaker is not None and q.speaker.name == "Hana Ito" for q in described)


def test_slogans_on_placards_and_banners_are_not_quotes(extractor: Extractor) -> None:
    text = (
        "Hospital protest\n\n"
        'Hundreds of nurses carried placards reading "No more cuts" outside the Linden hospital on Saturday.\n\n'
        'A banner on the gate said "Hands off our ward".\n\n'
        '"We will not let them close it," union organiser Priya Nand said.\n'
    )
    quotes = quotes_of(extractor, text)
    assert [q.text for q in quotes if q.type == "direct"] == ["We will not let them close it,"]
    assert not [q for q in quotes if "No more cuts" in q.text or "Hands off" in q.text]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Sofia Lind said the bridge would reopen in May, which surprised commuters who had expected a year.",
            "the bridge would reopen in May",
        ),
        (
            "Officials said the fire was under control; residents returned home on Tuesday.",
            "the fire was under control",
        ),
        (
            "The senator acknowledged the scale of the deficit, which makes her an outlier in her party.",
            "the scale of the deficit",
        ),
    ],
)
def test_reported_content_stops_before_the_writers_aside(extractor: Extractor, sentence: str, content: str) -> None:
    quotes = quotes_of(extractor, f"News\n\n{sentence}\n")
    assert [q.text for q in quotes] == [content]


def test_relative_clause_inside_the_reported_subject_is_kept(extractor: Extractor) -> None:
    text = "News\n\nLawyers said the families, who asked to see the footage, watched it on Thursday.\n"
    quote = find(quotes_of(extractor, text), "the families")
    assert quote.text == "the families, who asked to see the footage, watched it on Thursday"


def test_object_cue_for_phrase_after_other_modifiers_is_not_reported(extractor: Extractor) -> None:
    text = "News\n\nKarl Ek criticized the tax plan as unfair during a rally in Umea for his party.\n"
    (quote,) = quotes_of(extractor, text)
    assert quote.text == "the tax plan as unfair"


def test_statement_as_subject_speaks_for_its_issuer(extractor: Extractor) -> None:
    text = (
        "Envoy summoned\n\n"
        "The Eastland foreign ministry said in a statement on Friday that the ambassador had been summoned.\n\n"
        "The statement said the expulsions were unjustified.\n"
    )
    quotes = quotes_of(extractor, text)
    second = find(quotes, "the expulsions were unjustified")
    assert second.speaker is not None and "ministry" in second.speaker.name.lower()
    assert second.speaker.mention == "The statement"  # what stands at the attribution is kept


def test_possessive_country_before_a_ministry_names_the_ministry(extractor: Extractor) -> None:
    text = "Expulsions\n\nRussia's foreign ministry said on Friday that the expulsions were unjustified.\n"
    (quote,) = quotes_of(extractor, text)
    assert quote.speaker is not None and quote.speaker.name == "Russia's foreign ministry"


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "Talks on the border would resume next month, a junior foreign office minister said on Monday.",
            "a junior foreign office minister",
            "Talks on the border would resume next month",
        ),
        (
            "Prime Minister Alan Forde said on Saturday after a phone call with President Maria Lenz that the "
            "two countries would sign the deal in May.",
            "Alan Forde",
            "the two countries would sign the deal in May",
        ),
        (
            "Acme Media's senior vice-president Jane Doyle said the company would cut 200 jobs.",
            "Jane Doyle",
            "the company would cut 200 jobs",
        ),
        (
            "Kai Brandt met the minister on Monday and said the plan would fail.",
            "Kai Brandt",
            "the plan would fail",
        ),
    ],
)
def test_late_cues_titles_and_coordinated_verbs_find_the_speaker(
    extractor: Extractor, sentence: str, speaker: str, content: str
) -> None:
    (quote,) = quotes_of(extractor, f"News\n\n{sentence}\n")
    assert quote.text == content
    assert quote.speaker is not None and quote.speaker.name == speaker


# ---------------------------------------------------------------- issue 10: copy nobody tuned on


@pytest.mark.parametrize(
    "sentence",
    [
        "The two ministers agreed to meet again in March.",
        "The railway promised to refund every passenger on the cancelled trains.",
        "The government announced a three-week lockdown of the capital on Sunday.",
        "The workers rejected the latest pay offer from the management.",
        "The union called off the strike on Friday after a late offer.",
        "The governor will call lawmakers back for a special session in January.",
        'The protest was organised by a group calling itself "Clean Air Now".',
        "The airline asked a labour court on Monday to block the planned strike.",
        "Lawyers for the firm asked the judge to throw out the lawsuit.",
        'Crowds chanted "Out with the old guard" outside the parliament.',
        'Hundreds marched through the old town against a planned "mega-dam" on the river.',
    ],
)
def test_acts_requests_slogans_and_scare_quotes_are_not_quotes(extractor: Extractor, sentence: str) -> None:
    assert quotes_of(extractor, f"News\n\n{sentence}\n") == ()


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "The railway promised that the line would reopen before Christmas.",
            "the line would reopen before Christmas",
        ),
        (
            "The government announced that schools would stay closed for another week.",
            "schools would stay closed for another week",
        ),
        (
            "Union leader Marta Costa urged members to reject the latest pay offer.",
            "members to reject the latest pay offer",
        ),
    ],
)
def test_the_same_cues_with_reported_content_stay_quotes(extractor: Extractor, sentence: str, content: str) -> None:
    (quote,) = quotes_of(extractor, f"News\n\n{sentence}\n")
    assert quote.text == content


def test_late_cue_parsed_as_a_conjunct_reports_what_comes_before(extractor: Extractor) -> None:
    text = (
        "News\n\nThe fence had cut crossings by more than half since it was completed, a deputy interior "
        "minister, Tomas Valys, told a news conference.\n"
    )
    (quote,) = quotes_of(extractor, text)
    assert quote.text == "The fence had cut crossings by more than half since it was completed"
    assert quote.speaker is not None and quote.speaker.name == "Tomas Valys"


def test_clause_after_say_read_as_an_object_is_still_reported(extractor: Extractor) -> None:
    text = "News\n\nHollins Valley Education Association president Derek Wynn said the offer ignored class sizes.\n"
    (quote,) = quotes_of(extractor, text)
    assert quote.text == "the offer ignored class sizes"
    assert quote.speaker is not None and quote.speaker.name == "Derek Wynn"


def test_that_clause_hung_on_the_audience_is_reported(extractor: Extractor) -> None:
    text = (
        "News\n\nHarcourt's chief executive, Simon Blake, told BBC Radio 4's Today programme that suppliers "
        "were still passing on higher energy bills.\n"
    )
    (quote,) = quotes_of(extractor, text)
    assert quote.text == "suppliers were still passing on higher energy bills"
    assert quote.speaker is not None and quote.speaker.name == "Simon Blake"


def test_quoted_fragment_is_taken_whole_when_the_parse_cuts_into_it(extractor: Extractor) -> None:
    text = (
        'News\n\nObama called Burma a "good news story in an era when so often we see countries going the '
        'opposite direction."\n'
    )
    quote = find(quotes_of(extractor, text), "good news story")
    assert quote.type == "mixed"
    assert quote.text.endswith('opposite direction."')


def test_a_ministry_speaks_as_itself_not_as_its_country_or_its_statement(extractor: Extractor) -> None:
    text = (
        "Moscow protests over detention of reporter\n\n"
        "MOSCOW (Reuters) - Russia on Thursday protested against the detention of a Russian reporter in Tallinn, "
        "and its foreign ministry said in a statement that the arrest was unlawful.\n\n"
        "The statement said the reporter had been held for three days without a lawyer.\n\n"
        '"We regard this as an attack on the press," the ministry said.\n'
    )
    quotes = quotes_of(extractor, text)
    for words in ("the arrest was unlawful", "held for three days", "an attack on the press"):
        speaker = find(quotes, words).speaker
        assert speaker is not None and speaker.name.lower().endswith("ministry"), (words, speaker)


def test_name_set_off_by_commas_after_a_description_is_the_speaker(extractor: Extractor) -> None:
    text = "News\n\nThe opposition leader, Per Dahl, acknowledged the speed of the repairs on the bridge.\n"
    (quote,) = quotes_of(extractor, text)
    assert quote.speaker is not None and quote.speaker.name == "Per Dahl"


def test_pronoun_after_a_name_the_tagger_missed_resolves_to_that_person(extractor: Extractor) -> None:
    text = (
        "Senators clash over farm bill\n\n"
        "WASHINGTON (AP) — Sen. Ruth Calder met Democratic leaders on Thursday, and Sen. Omar Haddad said "
        "afterward that a deal was within reach.\n\n"
        "Calder told reporters she was less optimistic, saying the two sides remained far apart on food stamps.\n"
    )
    speaker = find(quotes_of(extractor, text), "far apart").speaker
    assert speaker is not None and speaker.name == "Ruth Calder"


def test_accusation_reports_its_charge(extractor: Extractor) -> None:
    text = "News\n\nThe opposition accused the mayor of hiding the true cost of the stadium from voters.\n"
    (quote,) = quotes_of(extractor, text)
    assert quote.text == "the mayor of hiding the true cost of the stadium from voters"


def test_voiced_concern_is_reported_but_a_hope_is_not(extractor: Extractor) -> None:
    voiced = "News\n\nFarmers' groups expressed concern that the new rules would drive small dairies out of business.\n"
    (quote,) = quotes_of(extractor, voiced)
    assert quote.text == "the new rules would drive small dairies out of business"
    hoped = "News\n\nThe council cut the fares in the hope that more people would take the bus to work.\n"
    assert quotes_of(extractor, hoped) == ()


def test_a_passive_conjunct_does_not_cut_the_report(extractor: Extractor) -> None:
    text = "News\n\nPolice said the man was suspected of arson and would be charged on Monday.\n"
    (quote,) = quotes_of(extractor, text)
    assert quote.text == "the man was suspected of arson and would be charged on Monday"


def test_a_report_credited_twice_is_one_quote_of_the_first_cue(extractor: Extractor) -> None:
    text = (
        "News\n\nIran's oil minister Javad Owji said on Monday the country's output had reached 3.2 million "
        "barrels a day, state media reported.\n"
    )
    (quote,) = quotes_of(extractor, text)
    assert quote.text == "the country's output had reached 3.2 million barrels a day"
    assert quote.speaker is not None and quote.speaker.name == "Javad Owji"


def test_subject_the_parse_made_an_object_belongs_to_the_reported_clause(extractor: Extractor) -> None:
    text = "News\n\nThe central bank's governor told parliament inflation would fall to 3% by December.\n"
    (quote,) = quotes_of(extractor, text)
    assert quote.text == "inflation would fall to 3% by December"


def test_a_conjoined_speech_act_is_the_speakers_not_the_reported_subjects(extractor: Extractor) -> None:
    text = (
        'News\n\nLabour\'s shadow health secretary, Dawn Reilly, said the decision was "cruel and unnecessary" '
        "and called for an urgent review.\n"
    )
    quotes = quotes_of(extractor, text)
    said = find(quotes, "the decision was")
    assert said.text == 'the decision was "cruel and unnecessary"'
    called = find(quotes, "urgent review")
    assert called.speaker is not None and called.speaker.name == "Dawn Reilly"


def test_report_cut_before_a_conjoined_report_drops_the_conjunction(extractor: Extractor) -> None:
    text = (
        "News\n\nThe charity said thousands of residents had not seen their families since March, and warned "
        "that isolation was harming their health.\n"
    )
    quote = find(quotes_of(extractor, text), "thousands of residents")
    assert quote.text == "thousands of residents had not seen their families since March"


def test_a_description_takes_the_person_named_with_all_its_title_words(extractor: Extractor) -> None:
    text = (
        "Care home visits\n\nHealth Secretary Oliver Grant told MPs the rules would protect residents.\n\n"
        "Labour's shadow health secretary, Dawn Reilly, said the rules were cruel.\n\n"
        "In a letter to MPs, the health secretary said he would publish the scientific advice next month.\n\n"
        "The opposition leader described the policy as a failure of leadership.\n"
    )
    quotes = quotes_of(extractor, text)
    letter = find(quotes, "scientific advice").speaker
    assert letter is not None and letter.name == "Oliver Grant"
    # nobody was named as opposition leader: the description stands, not the last person named
    leader = find(quotes, "failure of leadership").speaker
    assert leader is not None and leader.name == "The opposition leader"


def test_a_mixed_quote_ending_on_its_fragment_keeps_the_closing_mark(extractor: Extractor) -> None:
    text = 'News\n\nAssembly Minority Leader Frank Dorsey called the budget "a house of cards" on Friday.\n'
    quote = find(quotes_of(extractor, text), "house of cards")
    assert quote.type == "mixed"
    assert quote.text == 'the budget "a house of cards"'


def test_a_second_that_clause_of_one_cue_is_reported_too(extractor: Extractor) -> None:
    text = (
        "News\n\nThe IG Metall union, which represents most of the carmaker's workers, said it had not been "
        "informed of any plans, and that it expected the company to honour a job guarantee until 2029.\n"
    )
    quotes = quotes_of(extractor, text)
    assert [q.text for q in quotes] == [
        "it had not been informed of any plans",
        "it expected the company to honour a job guarantee until 2029",
    ]


def test_the_sources_are_the_sources_just_quoted(extractor: Extractor) -> None:
    text = (
        "Carmaker to cut jobs\n\nBERLIN (Reuters) - German carmaker Voltwerk plans to cut 3,000 jobs in Europe "
        "by 2026, two sources familiar with the matter told Reuters on Tuesday.\n\n"
        "The cuts will mostly hit administrative staff, the sources said.\n"
    )
    speaker = find(quotes_of(extractor, text), "administrative staff").speaker
    assert speaker is not None and speaker.name == "two sources"


def test_a_note_on_the_telling_is_not_part_of_the_report(extractor: Extractor) -> None:
    text = "News\n\nBrenner said last month that the company was reviewing its battery plans, without giving details.\n"
    (quote,) = quotes_of(extractor, text)
    assert quote.text == "the company was reviewing its battery plans"


def test_quoted_name_right_after_the_object_is_what_it_was_called(extractor: Extractor) -> None:
    text = 'News\n\nAmani, who calls the project "a monster", said she would take the council to court.\n'
    quote = find(quotes_of(extractor, text), "monster")
    assert quote.type == "mixed"
    assert quote.text == 'the project "a monster"'
    assert quote.speaker is not None and quote.speaker.name == "Amani"


def test_telling_oneself_a_clause_is_still_reported(extractor: Extractor) -> None:
    text = "News\n\nEvery morning I tell myself that the trains will run on time one day.\n"
    (quote,) = quotes_of(extractor, text)
    assert quote.text == "the trains will run on time one day"


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Analysts said the rules had helped the bank's lending, citing the strength of its deposits.",
            "the rules had helped the bank's lending",
        ),
        (
            "Critics say the money could be better spent in partnership with NATO, the existing military "
            "alliance that includes most European countries.",
            "the money could be better spent in partnership with NATO",
        ),
        (
            "Incomes of the top 1 percent would rise by 19.9 percent, according to the Tax Foundation, more "
            "than any other group.",
            "Incomes of the top 1 percent would rise by 19.9 percent",
        ),
    ],
)
def test_reports_stop_before_the_writers_additions(extractor: Extractor, sentence: str, content: str) -> None:
    quote = find(quotes_of(extractor, f"News\n\n{sentence}\n"), content[:20])
    assert quote.text == content


def test_an_object_cues_report_ends_with_its_quoted_predicate(extractor: Extractor) -> None:
    text = 'News\n\nThe senator criticized the health law as a "crazy system" during a campaign stop in Flint.\n'
    quote = find(quotes_of(extractor, text), "crazy system")
    assert quote.text == 'the health law as a "crazy system"'


def test_quoted_words_a_speaker_warned_of_are_a_mixed_quote(extractor: Extractor) -> None:
    text = 'News\n\nThe commerce ministry warned of "firm countermeasures" if the new chip curbs went ahead.\n'
    quote = find(quotes_of(extractor, text), "countermeasures")
    assert quote.type == "mixed"
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert "ministry" in quote.speaker.mention


def test_a_bare_surname_speaker_takes_the_full_name_of_the_person(extractor: Extractor) -> None:
    # the tagger reads the bare "Jordan" as the country: the speaker is still the congressman
    text = "News\n\nCongressman Jim Jordan led the questioning.\n\nJordan said the agency had hidden documents.\n"
    (quote,) = quotes_of(extractor, text)
    assert quote.speaker is not None and quote.speaker.name == "Jim Jordan"


def test_a_noun_introducing_a_name_gives_the_name_as_speaker(extractor: Extractor) -> None:
    text = "News\n\nThe charity Age Concern said thousands of residents had not seen their families since March.\n"
    (quote,) = quotes_of(extractor, text)
    assert quote.speaker is not None and quote.speaker.name == "Age Concern"


def test_a_description_before_the_name_takes_the_person_named_next_with_that_title(extractor: Extractor) -> None:
    text = (
        "Strike enters second week\n\n"
        "COLUMBUS, Ohio (AP) — Striking teachers rejected a new offer on Sunday, and the superintendent said "
        "classes would stay canceled through Wednesday.\n\n"
        "Superintendent Carla Mendes met union negotiators for six hours on Saturday.\n"
    )
    speaker = find(quotes_of(extractor, text), "stay canceled").speaker
    assert speaker is not None and speaker.name.endswith("Carla Mendes")
    assert speaker.mention == "the superintendent"


# ---------------------------------------------------------------- issue 10, third round


def test_title_split_at_its_hyphen_does_not_hide_the_name(extractor: Extractor) -> None:
    text = "News\n\nAcme Media's senior vice-president Jane Doyle said the deal would close in March.\n"
    (quote,) = quotes_of(extractor, text)
    assert quote.text == "the deal would close in March"
    assert quote.speaker is not None and quote.speaker.name == "Jane Doyle"


@pytest.mark.parametrize(
    "sentence",
    [
        "The union met company officials on Friday and its president, Gary Holt, said members would vote next week.",
        "The firm hired 200 staff in March and its chief executive, Gary Holt, said members would vote next week.",
    ],
)
def test_conjoined_cue_takes_the_subject_standing_before_it_not_the_first_clauses(
    extractor: Extractor, sentence: str
) -> None:
    (quote,) = quotes_of(extractor, f"News\n\n{sentence}\n")
    assert quote.text == "members would vote next week"
    assert quote.speaker is not None and quote.speaker.name == "Gary Holt"


def test_a_ministry_is_not_another_countrys_ministry_named_later(extractor: Extractor) -> None:
    text = (
        "Talks stall\n\nKYIV (Reuters) - Ukraine's foreign ministry said on Monday that peace talks had stalled.\n\n"
        "France's interior ministry said 300 people had been detained.\n\n"
        "Russian Foreign Ministry spokeswoman Maria Zakharova said Moscow was open to talks.\n"
    )
    quotes = quotes_of(extractor, text)
    ukraine = find(quotes, "peace talks had stalled").speaker
    france = find(quotes, "300 people").speaker
    assert ukraine is not None and "Ukraine" in ukraine.name and ukraine.name.lower().endswith("ministry")
    assert france is not None and "France" in france.name and "interior" in france.name


def test_it_after_a_body_just_quoted_is_that_body(extractor: Extractor) -> None:
    text = (
        "Arrests\n\nPARIS (Reuters) - France's interior ministry said 300 people had been detained overnight. "
        "In a statement, it said 40 officers had been injured.\n"
    )
    quote = find(quotes_of(extractor, text), "40 officers")
    assert quote.speaker is not None and quote.speaker.name.lower().endswith("interior ministry")


def test_a_bare_ministry_is_not_the_company_named_before(extractor: Extractor) -> None:
    text = (
        "Deal\n\nAcme Media said on Monday it would buy a rival. "
        "The ministry said in a statement that it would review the deal.\n"
    )
    quote = find(quotes_of(extractor, text), "review the deal")
    assert quote.speaker is not None and "Acme" not in quote.speaker.name


@pytest.mark.parametrize(
    "sentence",
    [
        "Senator Ruth Vale plans to call on young voters to register before the deadline.",
        "The opposition dared the minister to say that the hospital would stay open.",
        "A review of the records indicates he had lived in the town since 2003.",
        "The drought, which confirmed what farmers had long feared, ended in May.",
        "The council called an emergency meeting to discuss the flooding.",
        'The 2011 flood that wrecked the "old bridge" is still remembered.',
    ],
)
def test_intended_speech_evidence_and_convening_are_not_quotes(extractor: Extractor, sentence: str) -> None:
    assert [q for q in quotes_of(extractor, f"News\n\n{sentence}\n") if q.type != "direct"] == []


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Senator Ruth Vale called on young voters to register before the deadline.", "to register"),
        ("The mayor's office confirmed that the mayor would attend the meeting.", "the mayor would attend the meeting"),
    ],
)
def test_the_same_cues_said_by_someone_stay_quotes(extractor: Extractor, sentence: str, content: str) -> None:
    quote = find(quotes_of(extractor, f"News\n\n{sentence}\n"), content)
    assert quote.type == "indirect"


def test_clause_set_apart_by_a_semicolon_is_not_what_the_cue_reports(extractor: Extractor) -> None:
    text = "News\n\nIt is a remote possibility; the mayor's office says she will attend the meeting.\n"
    quotes = quotes_of(extractor, text)
    assert [q.text for q in quotes] == ["she will attend the meeting"]


def test_the_cue_of_a_direct_quote_reports_nothing_more(extractor: Extractor) -> None:
    text = 'News\n\n"He really does care about us," Ana Ruiz said, and soon the lights went down over the hall.\n'
    quotes = quotes_of(extractor, text)
    assert [q.type for q in quotes] == ["direct"]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Ana Ruiz"


def test_a_running_story_label_before_a_colon_is_no_speaker(extractor: Extractor) -> None:
    text = "The Latest: Flood waters recede in the river valley\n\nFlood waters receded on Monday.\n"
    assert quotes_of(extractor, text) == ()


def test_a_trailing_cue_with_a_participle_reports_what_stands_before_it(extractor: Extractor) -> None:
    text = (
        "News\n\nHollin Foods will close two plants, three people familiar with the matter said, "
        "asking not to be named because the plans are private.\n"
    )
    quotes = quotes_of(extractor, text)
    assert [q.text for q in quotes] == ["Hollin Foods will close two plants"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A union official, who asked not to be identified, confirmed the vote.",
        "The witness asked to speak before the break.",
    ],
)
def test_a_request_about_oneself_is_not_a_quote(extractor: Extractor, sentence: str) -> None:
    assert quotes_of(extractor, f"News\n\n{sentence}\n") == ()


def test_the_writers_name_for_a_report_is_not_part_of_it(extractor: Extractor) -> None:
    text = "News\n\nLast year, Ida Berg told the paper the firm had no plans to close stores, a pledge she repeated.\n"
    (quote,) = quotes_of(extractor, text)
    assert quote.text == "the firm had no plans to close stores"


def test_one_of_a_group_speaks_as_that_part_of_the_group(extractor: Extractor) -> None:
    text = "News\n\nOne of the officials, who asked not to be named, said the vote would be delayed.\n"
    (quote,) = quotes_of(extractor, text)
    assert quote.text == "the vote would be delayed"
    assert quote.speaker is not None and quote.speaker.name == "One of the officials"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("State media quoted a ministry official as saying the border would stay shut.", "a ministry official"),
        ("The agency quoted Deputy Minister Oleg Varin as saying the border would stay shut.", "Oleg Varin"),
    ],
)
def test_the_one_quoted_as_saying_is_the_speaker_not_the_outlet(
    extractor: Extractor, sentence: str, speaker: str
) -> None:
    (quote,) = quotes_of(extractor, f"News\n\n{sentence}\n")
    assert quote.text == "the border would stay shut"
    assert quote.speaker is not None and quote.speaker.name == speaker


@pytest.mark.parametrize(
    "caption",
    [
        'FILE PHOTO: Farmers, who said the rules would "ruin us", drive tractors in Lyon. REUTERS/Ana Vidal',
        'Image caption, The mayor said the bridge would "never" reopen',
        'Farmers, who said the rules would "ruin us", drive tractors in Lyon, France. REUTERS/Ana Vidal/File Photo',
    ],
)
def test_a_photo_caption_left_in_the_body_gives_no_quote(extractor: Extractor, caption: str) -> None:
    text = f"Farm protest\n\nLYON (Reuters) - Farmers blocked roads on Monday.\n\n{caption}\n"
    assert quotes_of(extractor, text) == ()


def test_a_pronoun_with_no_person_named_before_is_the_last_speaker(extractor: Extractor) -> None:
    text = (
        "Budget\n\nLONDON (PA) - The chancellor defended her budget on Sunday.\n\n"
        'Reeves said: "This is a budget for growth."\n\n'
        "She told the BBC's Sunday with Laura Kuenssberg programme that taxes would not rise again.\n"
    )
    quote = find(quotes_of(extractor, text), "taxes would not rise")
    assert quote.speaker is not None and quote.speaker.name == "Reeves"


def test_a_that_clause_hung_on_a_noun_of_the_cues_time_phrase_is_reported(extractor: Extractor) -> None:
    text = (
        "News\n\nThe prime minister said on Saturday after a two-hour meeting with coalition partners in the "
        "capital that early elections were not an option.\n"
    )
    (quote,) = quotes_of(extractor, text)
    assert quote.text == "early elections were not an option"


def test_a_pronoun_after_an_unnamed_speaker_is_that_speaker_not_the_person_named_before(
    extractor: Extractor,
) -> None:
    text = (
        "Flights\n\nDUBLIN (Reuters) - Chief executive Michael Doran said on Monday that the airline would cancel "
        "200 flights. A spokeswoman for the airline said passengers would be offered refunds. She added that "
        "the schedule would return to normal by Friday.\n"
    )
    quote = find(quotes_of(extractor, text), "return to normal")
    assert quote.speaker is not None and quote.speaker.name == "A spokeswoman"


def test_a_definite_title_is_not_a_person_named_with_another_title(extractor: Extractor) -> None:
    text = (
        "Dispute\n\nOpposition leader Jan Novak said his party would table a motion. "
        "The president said the dispute must end before the budget vote.\n"
    )
    quote = find(quotes_of(extractor, text), "the dispute must end")
    assert quote.speaker is not None and quote.speaker.name != "Jan Novak"


def test_a_cue_inside_a_relative_clause_reports_that_clause(extractor: Extractor) -> None:
    text = "News\n\nThe square is near the old market, which, Rosa Lind said, is usually full on Saturdays.\n"
    (quote,) = quotes_of(extractor, text)
    assert quote.text.startswith("which") and quote.text.endswith("full on Saturdays")
    assert "old market" not in quote.text


@pytest.mark.parametrize(
    "sentence",
    [
        "We have been here before: the rebels declared a ceasefire in 2019.",
        "Everything the mayor says is a promise unless proven otherwise.",
        'They had sandbags at the ready to "hold back the river" all week.',
    ],
)
def test_clauses_the_cue_does_not_govern_are_not_reported(extractor: Extractor, sentence: str) -> None:
    assert quotes_of(extractor, f"News\n\n{sentence}\n") == ()


@pytest.mark.parametrize(
    "sentence",
    [
        'Rep. Robert J. "Bobby" Lane hosted the picnic in his back yard on Sunday.',
        "Check out the trailer for Ruiz's documentary, “Tidewater,” below.",
        "The senator is 6'3\" tall and weighs 200 pounds, his doctor wrote in a letter on Monday.",
    ],
)
def test_nicknames_titles_and_inch_marks_are_not_direct_quotes(extractor: Extractor, sentence: str) -> None:
    assert [q for q in quotes_of(extractor, f"News\n\n{sentence}\n") if q.type == "direct"] == []


def test_stage_directions_and_sign_offs_in_quotation_marks_are_not_quotes(extractor: Extractor) -> None:
    text = 'Debate\n\nThe two men clashed on taxes.\n\n"(CROSSTALK.)\n\n"Follow Dana Reyes on Twitter @danareyes."\n'
    assert quotes_of(extractor, text) == ()


def test_a_quote_after_a_colon_following_a_work_noun_stays_a_quote(extractor: Extractor) -> None:
    text = 'News\n\nThe paper used one of her remarks as its headline: "Finally, someone who listens to us."\n'
    quote = find(quotes_of(extractor, text), "Finally, someone")
    assert quote.type == "direct"


def test_a_description_is_not_a_body_of_another_kind_named_before(extractor: Extractor) -> None:
    text = (
        "Strike\n\nLONDON (Reuters) - The rail operator is asking the High Court to block the strike. "
        "The unions called on members to back the walkout.\n"
    )
    quote = find(quotes_of(extractor, text), "to back the walkout")
    assert quote.speaker is not None and "Court" not in quote.speaker.name
