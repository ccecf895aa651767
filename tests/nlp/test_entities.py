"""Canonical entities over invented wire stories: clean names, one entity per thing, stable keys."""

from __future__ import annotations

import re

from spacy.language import Language

from app.nlp.entities import Candidate, _strong_run, build_forms, entity_type, extract_entities, link_forms
from app.nlp.pipeline import Extractor
from app.nlp.types import Dateline, Entity, Segment, Structure


def analyse(nlp: Language, text: str, dateline: Dateline | None = None) -> tuple[Entity, ...]:
    """Entities of a story whose blocks (split on blank lines) are a headline then paragraphs."""
    blocks = [m.span() for m in re.finditer(r"\S(?:.|\n(?!\n))*", text)]
    segments = [Segment("headline" if i == 0 else "paragraph", a, b) for i, (a, b) in enumerate(blocks)]
    structure = Structure(segments[0], None, dateline, None, (), tuple(segments[1:]))
    docs = [(s, nlp(text[s.start : s.end].replace("\n", " "))) for s in segments]
    return extract_entities(text, structure, docs)


def named(entities: tuple[Entity, ...], name: str) -> Entity:
    """The one entity with this canonical name."""
    hits = [e for e in entities if e.name == name]
    assert len(hits) == 1, [(e.name, e.type) for e in entities]
    return hits[0]


def mention_texts(entity: Entity) -> list[str]:
    """What stands in the text at each mention."""
    return [m.text for m in entity.mentions]


def test_possessive_is_cut_from_person_name_and_mention(nlp: Language) -> None:
    text = "Budget row deepens\n\nFinance Minister Helena Varga’s plan to cut farm subsidies drew protests on Monday."
    person = named(analyse(nlp, text), "Helena Varga")
    assert person.type == "PERSON"
    assert mention_texts(person) == ["Helena Varga"]


def test_possessive_inside_a_name_splits_place_from_body(nlp: Language) -> None:
    text = "Court ruling\n\nThe judges of Chile’s Supreme Court rejected the appeal, lawyers said on Friday."
    entities = analyse(nlp, text)
    assert named(entities, "Chile").type == "GPE"
    court = named(entities, "Supreme Court")
    assert court.type == "ORG"
    assert not any(re.search(r"['’]s\b", e.name) for e in entities)


def test_name_wrapped_across_lines_keeps_no_line_break(nlp: Language) -> None:
    text = (
        "Mayor resigns\n\nThe city council accepted the resignation of mayor Oliver\n"
        "Branton after a long row over the harbour contract, officials said."
    )
    for entity in analyse(nlp, text):
        assert "\n" not in entity.name
        assert all("\n" not in m.text for m in entity.mentions)


def test_surname_joins_the_full_name_of_one_person(nlp: Language) -> None:
    text = (
        "Talks stall\n\nNegotiator Marta Kowalczyk left the talks in Geneva early on Tuesday.\n\n"
        '"We are not finished," Kowalczyk told reporters outside the hotel.'
    )
    entities = analyse(nlp, text)
    person = named(entities, "Marta Kowalczyk")
    assert "Kowalczyk" in mention_texts(person)
    assert not [e for e in entities if e.type == "PERSON" and e.name == "Kowalczyk"]


def test_shared_surname_is_not_folded_into_either_person(nlp: Language) -> None:
    text = (
        "Family firm sold\n\nTom Ellery and his sister Grace Ellery agreed to sell the brewery on Monday.\n\n"
        "Ellery said the deal would keep all 40 jobs."
    )
    entities = analyse(nlp, text)
    for full in ("Tom Ellery", "Grace Ellery"):
        assert "Ellery" not in mention_texts(named(entities, full))


def test_us_aliases_fold_to_one_united_states_with_iso_code(nlp: Language) -> None:
    text = (
        "Trade talks resume\n\nThe United States will send a delegation to Ottawa next week.\n\n"
        "U.S. officials said the US position had not changed, and America wanted a deal by June."
    )
    entities = analyse(nlp, text)
    us = named(entities, "United States")
    assert us.type == "GPE"
    assert us.country_code == "US"
    assert us.key == "gpe:united states"
    assert {"U.S.", "US", "America"} <= set(mention_texts(us))
    assert not [e for e in entities if e.name in ("US", "U.S.", "America", "The United States")]


def test_country_keeps_its_press_name_with_the_iso_code(nlp: Language) -> None:
    text = "Gas deal\n\nRussia and Iran signed a gas supply agreement in Tehran on Wednesday."
    entities = analyse(nlp, text)
    assert (named(entities, "Russia").country_code, named(entities, "Iran").country_code) == ("RU", "IR")


def test_surname_tagged_as_org_is_typed_person_by_its_full_name() -> None:
    forms = build_forms(
        [
            Candidate(0, 9, "Lena Marsh", "PERSON"),
            Candidate(20, 25, "Marsh", "ORG"),
            Candidate(40, 45, "Marsh", "ORG"),
        ]
    )
    links = link_forms(forms)
    assert links.find(0) == links.find(1)
    assert entity_type(forms) == "PERSON"


def test_name_with_digits_is_a_product_not_a_person() -> None:
    assert entity_type(build_forms([Candidate(0, 11, "Antonov-124", "PERSON")])) == "PRODUCT"


def test_dateline_place_in_capitals_is_a_title_cased_gpe_and_agency_an_org(nlp: Language) -> None:
    text = "Border reopens\n\nOSH, May 4. /TASS/. Kyrgyzstan reopened the border crossing on Thursday."
    place = text.index("OSH")
    agency = text.index("TASS")
    dateline = Dateline("Osh", "May 4", None, "TASS", place, place + 20, place, place + 3, agency, agency + 4)
    entities = analyse(nlp, text, dateline)
    osh = named(entities, "Osh")
    assert (osh.type, mention_texts(osh)) == ("GPE", ["OSH"])
    assert named(entities, "TASS").type == "ORG"


def test_capitals_headline_names_join_the_body_entities(nlp: Language) -> None:
    text = (
        "HALVORSEN NAMED NORWAY CAPTAIN\n\nErik Halvorsen was named captain of Norway on Friday, "
        "the national federation said.\n\nHalvorsen, 29, replaces the injured Lars Dahl."
    )
    entities = analyse(nlp, text)
    person = named(entities, "Erik Halvorsen")
    assert "HALVORSEN" in mention_texts(person)
    assert "NORWAY" in mention_texts(named(entities, "Norway"))


def test_leading_the_is_not_part_of_the_name(nlp: Language) -> None:
    text = "Visit confirmed\n\nThe prime minister will visit the White House next month, aides said."
    house = named(analyse(nlp, text), "White House")
    assert mention_texts(house) == ["White House"]


def test_every_mention_slices_the_text(nlp: Language) -> None:
    text = (
        "Storm hits coast\n\nGovernor Ana Ruiz’s office said the storm hit Veracruz\non Sunday.\n\n"
        "Mexico’s weather service expects more rain, Ruiz said."
    )
    for entity in analyse(nlp, text):
        for m in entity.mentions:
            assert text[m.start : m.end] == m.text


def test_dates_numbers_and_money_are_not_entities(nlp: Language) -> None:
    text = "Bond sale\n\nThe treasury sold $2 billion of 10-year bonds on Tuesday, March 3, up 5 percent from 2019."
    kinds = {e.type for e in analyse(nlp, text)}
    assert not kinds & {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}


def test_acronym_joins_the_name_it_abbreviates(nlp: Language) -> None:
    text = (
        "Fishing quotas cut\n\nThe Coastal Fisheries Authority (CFA) cut cod quotas by a third on Monday.\n\n"
        "The CFA said stocks had fallen for five years."
    )
    body = named(analyse(nlp, text), "Coastal Fisheries Authority")
    assert "CFA" in mention_texts(body)


def test_nationality_before_a_ministry_is_split_but_the_name_keeps_it(nlp: Language) -> None:
    text = "Envoy summoned\n\nThe German Foreign Ministry summoned the ambassador on Friday, a spokesman said."
    entities = analyse(nlp, text)
    ministry = named(entities, "German Foreign Ministry")
    assert (ministry.type, mention_texts(ministry)) == ("ORG", ["Foreign Ministry"])
    assert named(entities, "German").type == "NORP"


def test_key_is_lowercase_without_accents(nlp: Language) -> None:
    text = "Striker signs\n\nJosé Núñez signed a two-year contract with the club on Thursday."
    assert named(analyse(nlp, text), "José Núñez").key == "person:jose nunez"


def test_region_after_the_dateline_place_is_a_place_too(nlp: Language) -> None:
    text = "Plant closes\n\nRED DEER, Alberta, June 2 (Reuters) - The meat plant shut its doors on Monday."
    place = text.index("RED DEER")
    dateline = Dateline("Red Deer", "June 2", None, None, place, place + 37, place, place + 8)
    entities = analyse(nlp, text, dateline)
    assert mention_texts(named(entities, "Red Deer")) == ["RED DEER"]
    assert named(entities, "Alberta").type == "GPE"


def test_dateline_month_after_the_place_is_not_a_region(extractor) -> None:
    text = "Ferries halted\n\nLISBON, May 4 (Reuters) - Ferry crews in Portugal walked out on Monday.\n"
    names = {(e.name, e.type) for e in extractor.analyze(text).entities}
    assert ("Lisbon", "GPE") in names
    assert not any(name == "May" for name, _ in names)


def test_region_named_alone_is_a_place_not_a_person(nlp: Language) -> None:
    text = (
        "Floods spread\n\nRescue teams reached Valencia late on Tuesday as rivers kept rising.\n\n"
        "Valencia declared a state of emergency after the storm."
    )
    entities = analyse(nlp, text)
    assert named(entities, "Valencia").type == "GPE"


def test_title_before_a_surname_makes_it_a_person(nlp: Language) -> None:
    entities = analyse(nlp, "Mill to close\n\nMr Brooks said the mill at Arlow would shut in March.")
    assert named(entities, "Brooks").type == "PERSON"


def test_name_qualifying_a_captain_is_a_team(nlp: Language) -> None:
    text = "Cricket\n\nDorset captain Tom Hale scored a century as the county built a big lead on Friday."
    entities = analyse(nlp, text)
    assert named(entities, "Dorset").type == "ORG"
    assert named(entities, "Tom Hale").type == "PERSON"


def test_entrants_listed_with_their_country_share_the_person_reading(nlp: Language) -> None:
    text = (
        "Athletics results\n\nWomen's 800 metres\n1. Maria Lopez ( Spain ) 1:58.20\n"
        "2. Anna Berg ( Sweden ) 1:58.90\n3. Jelka Moravcik ( Slovakia ) 1:59.10\n"
        "4. Grete Sunde ( Norway ) 1:59.40\n5. Olumide Adeyemi ( Nigeria ) 1:59.80"
    )
    entities = analyse(nlp, text)
    for name in ("Maria Lopez", "Anna Berg", "Jelka Moravcik", "Grete Sunde", "Olumide Adeyemi"):
        assert named(entities, name).type == "PERSON"


def test_sides_of_a_fixture_and_run_on_result_rows_are_teams(nlp: Language) -> None:
    text = (
        "County fixtures\n\nMay 12 v Rutland\nMay 19 v Cumbria ( three days )\n\n"
        "Results : Dorset 245 and 120-3 , Cumbria 198 ( T. Hale 61 ) ."
    )
    entities = analyse(nlp, text)
    for side in ("Rutland", "Cumbria", "Dorset"):
        assert named(entities, side).type == "ORG"


def test_lone_letter_is_not_an_entity(nlp: Language) -> None:
    text = "League standings\n\nEastern Division\nW L PCT GB\nHarbour City 80 52 .606 -\n\nN Rovers were third."
    entities = analyse(nlp, text)
    assert not [e for e in entities if len(e.name.rstrip(".")) < 2]


def test_town_in_a_sports_story_is_the_side_but_a_venue_stays_a_place(nlp: Language) -> None:
    text = (
        "RUGBY UNION - DENVER HOLD ON AGAINST BATH .\n\n"
        "Denver held on for a narrow win on Saturday after a late try in Gloucester sealed it."
    )
    entities = analyse(nlp, text)
    assert named(entities, "Denver").type == "ORG"
    assert named(entities, "Gloucester").type == "GPE"


def test_town_outside_a_sports_story_stays_a_place(nlp: Language) -> None:
    text = "Factory closes\n\nDenver lost 300 jobs on Monday when the engine plant shut its gates."
    assert named(analyse(nlp, text), "Denver").type == "GPE"


def test_town_after_at_in_a_fixture_list_is_the_venue(nlp: Language) -> None:
    text = (
        "BASEBALL - LEAGUE STANDINGS .\n\nEASTERN DIVISION\nBOSTON 70 60 .538 -\nDENVER 65 66 .496 5\n\n"
        "SATURDAY SCHEDULE\nBOSTON AT DENVER"
    )
    entities = analyse(nlp, text)
    denver = {(e.type, m.start) for e in entities for m in e.mentions if m.text == "DENVER"}
    assert ("ORG", text.index("DENVER 65")) in denver
    assert ("GPE", text.index("AT DENVER") + 3) in denver


def test_one_word_name_of_a_company_joins_its_suffixed_full_name(nlp: Language) -> None:
    text = (
        "Drug maker buys rival\n\nKessler Pharmaceuticals Inc agreed on Monday to buy a smaller rival.\n\n"
        "Kessler said the deal would close in March, and Kessler shares rose 3 percent."
    )
    company = named(analyse(nlp, text), "Kessler Pharmaceuticals Inc")
    assert company.type == "ORG"
    assert mention_texts(company).count("Kessler") == 2


def test_place_fused_by_a_hyphen_into_a_description_is_one_norp_word(nlp: Language) -> None:
    text = (
        "Bank deal\n\nDenver-based Halden Bancorp agreed to buy a rival on Monday, "
        "and the ex-Germany coach joined its board."
    )
    names = {(e.name, e.type) for e in analyse(nlp, text)}
    assert ("Denver-based", "NORP") in names
    assert ("ex-Germany", "NORP") in names
    assert not any(name == "Denver" for name, _ in names)


def test_model_designations_are_products_even_when_spacy_misses_one(nlp: Language) -> None:
    text = "Cargo flights\n\nTwo Tupolev-204 and Sukhoi-30 aircraft landed at the base; the Under-21 side flew home."
    entities = analyse(nlp, text)
    assert named(entities, "Tupolev-204").type == "PRODUCT"
    assert named(entities, "Sukhoi-30").type == "PRODUCT"
    assert not any(e.name == "Under-21" for e in entities)


# --- particles, one-word names that are no people, clubs and schools, bylines ---------------------


def test_name_with_particles_is_one_person(nlp: Language) -> None:
    text = (
        "Ministers meet\n\n"
        "Commission President Anna von der Berg met Dutch minister Pieter van den Broek in Brussels on Monday."
    )
    entities = analyse(nlp, text)
    assert named(entities, "Anna von der Berg").type == "PERSON"
    assert named(entities, "Pieter van den Broek").type == "PERSON"
    assert not [e for e in entities if e.name in ("Broek", "Pieter van", "Berg")]


def test_brexit_and_social_networks_are_never_people(nlp: Language) -> None:
    text = "Vote row\n\nThe Brexit deal was attacked on Twitter by Tom Hale, who later posted on Facebook."
    entities = analyse(nlp, text)
    assert named(entities, "Brexit").type == "EVENT"
    assert named(entities, "Twitter").type == "ORG"
    assert named(entities, "Tom Hale").type == "PERSON"


def test_clubs_and_schools_are_organisations(nlp: Language) -> None:
    text = (
        "Cup news\n\n"
        "Manchester United beat Leeds United 2-0 on Saturday.\n\n"
        "Pupils from St Mary's College and Lincoln High School watched the match."
    )
    entities = analyse(nlp, text)
    for name in ("Manchester United", "St Mary's College", "Lincoln High School"):
        assert named(entities, name).type == "ORG"


def test_byline_writers_and_outlet_are_entities(extractor: Extractor) -> None:
    text = (
        "Nurses vote to strike\n\nBy Tom Reed and Ana de Souza, Press Association\n\n"
        "Nurses in three hospitals voted to strike on Tuesday over pay.\n"
    )
    entities = extractor.analyze(text).entities
    assert {(e.name, e.type) for e in entities} >= {("Tom Reed", "PERSON"), ("Ana de Souza", "PERSON")}
    assert any(e.type == "ORG" and e.name == "Press Association" for e in entities)


def test_an_agency_signing_as_itself_is_an_organisation_not_a_person(extractor: Extractor) -> None:
    for byline, agency in (("By Reuters Staff", "Reuters"), ("By AFP", "AFP"), ("Jane Holt | Reuters", "Reuters")):
        text = f"Bridge shut\n\n{byline}\n\nOfficials said on Tuesday that the bridge would stay closed.\n"
        kinds = {e.name: e.type for e in extractor.analyze(text).entities}
        assert kinds.get(agency) == "ORG", kinds
        assert "PERSON" not in {kind for name, kind in kinds.items() if agency in name}


def test_a_one_word_agency_after_the_byline_comma_is_an_organisation(extractor: Extractor) -> None:
    text = "Bridge shut\n\nBy Jane Holt, dpa\n\nOfficials said on Tuesday that the bridge would stay closed.\n"
    kinds = {e.name: e.type for e in extractor.analyze(text).entities}
    assert kinds.get("Jane Holt") == "PERSON" and kinds.get("dpa") == "ORG", kinds


def test_two_place_dateline_gives_two_places(extractor: Extractor) -> None:
    text = "Grain talks stall\n\nANKARA/KYIV (Reuters) - Talks on a grain corridor stalled on Monday.\n"
    places = {e.name for e in extractor.analyze(text).entities if e.type == "GPE"}
    assert {"Ankara", "Kyiv"} <= places


def test_joined_and_qualified_dateline_places_are_each_a_place(extractor: Extractor) -> None:
    for line, want in (
        ("HOUSTON & LONDON (Reuters) - Two utilities agreed to merge on Monday.", {"Houston", "London"}),
        ("ALBANY, N.Y. / TRENTON, N.J. (Reuters) - Two states sued on Monday.", {"Albany", "Trenton"}),
    ):
        places = {e.name for e in extractor.analyze(f"Utilities merge\n\n{line}\n").entities if e.type == "GPE"}
        assert want <= places, places
        assert not any("&" in p or "/" in p for p in places)


def test_writers_editors_and_their_towns_in_a_wire_credit_line_are_entities(extractor: Extractor) -> None:
    text = (
        "Orchard cuts flights\n\nLONDON (Reuters) - Orchard Airlines said on Thursday it would cut flights.\n\n"
        "The shares fell. (Reporting by Jane Holt in Leeds and Omar Sadiq in Dubai; Additional reporting by "
        "Li Wei; Editing by Mark Potter and Susan Fenton)"
    )
    kinds = {e.name: e.type for e in extractor.analyze(text).entities}
    for person in ("Jane Holt", "Omar Sadiq", "Li Wei", "Mark Potter", "Susan Fenton"):
        assert kinds.get(person) == "PERSON", kinds
    assert kinds.get("Leeds") == kinds.get("Dubai") == "GPE"
    assert not any("Reporting" in name or "Editing" in name for name in kinds)


def test_a_credit_line_in_prose_is_read_by_the_tagger_not_as_a_credit(extractor: Extractor) -> None:
    text = "Film review\n\nThe film, with editing by a team in Paris, opens on Friday across the country.\n"
    kinds = {e.name: e.type for e in extractor.analyze(text).entities}
    assert "Paris" in kinds and not any(kind == "PERSON" for kind in kinds.values())


def test_mastheads_are_organisations_whatever_the_tagger_read(nlp: Language) -> None:
    text = (
        "Minister to resign\n\nThe Daily Telegraph first reported the plan on Sunday, and the Northern Echo "
        "said ministers had been warned, citing aides quoted by the Calder Gazette."
    )
    kinds = {e.name: e.type for e in analyse(nlp, text)}
    for outlet in ("Daily Telegraph", "Northern Echo", "Calder Gazette"):
        assert kinds.get(outlet) == "ORG", kinds


def test_a_blocs_body_keeps_its_adjective_and_a_nations_body_splits(nlp: Language) -> None:
    text = (
        "Talks resume\n\nThe European Commission and the European Parliament disagreed with the Russian "
        "Foreign Ministry on Monday."
    )
    entities = analyse(nlp, text)
    kinds = {e.name: e.type for e in entities}
    assert kinds.get("European Commission") == kinds.get("European Parliament") == "ORG", kinds
    assert kinds.get("Russian") == "NORP"
    assert mention_texts(named(entities, "Russian Foreign Ministry")) == ["Foreign Ministry"]


def test_well_known_companies_and_bodies_are_never_people(nlp: Language) -> None:
    text = (
        "Vaccine approved\n\nThe vaccine made by Pfizer and BioNTech was approved, the WHO said, and "
        "Congress will vote on funding. Who pays is unclear."
    )
    kinds = {e.name: e.type for e in analyse(nlp, text)}
    for name in ("Pfizer", "BioNTech", "WHO", "Congress"):
        assert kinds.get(name) == "ORG", kinds
    assert "Who" not in kinds


def test_a_place_after_over_or_against_is_a_side_only_after_a_contest(nlp: Language) -> None:
    text = (
        "Sanctions row\n\nThe bombing of the airliner over Lockerbie led to sanctions against Libya, "
        "and flights over Syria were halted."
    )
    kinds = {e.name: e.type for e in analyse(nlp, text)}
    assert kinds.get("Lockerbie") == kinds.get("Libya") == kinds.get("Syria") == "GPE", kinds


def test_a_department_inside_a_job_title_is_no_organisation(nlp: Language) -> None:
    text = (
        "Schools strike\n\nEducation Minister Helena Varga met Agriculture Secretary Tom Reed and the "
        "Secretary of State, Omar Aziz, on Monday."
    )
    entities = analyse(nlp, text)
    kinds = {e.name: e.type for e in entities}
    assert not {"Education", "Agriculture", "State"} & set(kinds), kinds
    assert kinds.get("Helena Varga") == kinds.get("Tom Reed") == "PERSON"


def test_a_nationality_run_into_a_persons_name_is_split_off(nlp: Language) -> None:
    text = (
        "Results\n\nBriton Linford Christie won ahead of Kenyan Daniel Komen , "
        "while British Airways sponsored the meet ."
    )
    kinds = {e.name: e.type for e in analyse(nlp, text)}
    assert kinds.get("Linford Christie") == kinds.get("Daniel Komen") == "PERSON", kinds
    assert kinds.get("Briton") == kinds.get("Kenyan") == "NORP"
    assert kinds.get("British Airways") == "ORG"


def test_a_name_after_analysts_at_is_their_employer_and_after_talks_in_a_place(nlp: Language) -> None:
    text = (
        "Banks\n\nAnalysts at JPMorgan and economists at Barclays said rates would rise , "
        "while talks in Leeds stalled ."
    )
    kinds = {e.name: e.type for e in analyse(nlp, text)}
    assert kinds.get("JPMorgan") == kinds.get("Barclays") == "ORG", kinds
    assert kinds.get("Leeds") == "GPE"


def test_company_suffix_written_in_lower_case_closes_the_name(nlp: Language) -> None:
    text = "Deal agreed\n\nShares in Kessel Power plc rose after Norvale Foods ltd said it would buy a stake."
    kinds = {e.name: e.type for e in analyse(nlp, text)}
    assert kinds.get("Kessel Power plc") == "ORG", kinds


def test_competitions_are_events_and_table_headings_are_no_names(nlp: Language) -> None:
    text = (
        "Cup news\n\n"
        "Spain won the Fed Cup and Maria Lopez took the Hong Kong Open title in August.\n\n"
        "Avg scores were lower than in the American League."
    )
    entities = analyse(nlp, text)
    kinds = {e.name: e.type for e in entities}
    assert kinds.get("Hong Kong Open") == kinds.get("American League") == "EVENT"
    assert "Avg" not in kinds and "August" not in kinds


# --- organisations read from their own words: club openers, heads and company suffixes -----------------


def test_club_named_by_opener_and_suffix_is_one_organisation_the_tagger_missed(nlp: Language) -> None:
    text = "Cup draw made\n\nReal Kessel FC beat Dinamo Varna 2-1 on Saturday in front of 40,000 fans."
    entities = analyse(nlp, text)
    assert named(entities, "Real Kessel FC").type == "ORG"
    varna = named(entities, "Dinamo Varna")
    assert varna.type == "ORG" and mention_texts(varna) == ["Dinamo Varna"]
    assert not any(e.name == "Dinamo" for e in entities)


def test_possessive_school_and_the_next_academy_are_two_organisations(nlp: Language) -> None:
    text = "Debate final\n\nPupils from St Anne's School and Hillcrest Academy won the national debating final."
    entities = analyse(nlp, text)
    assert named(entities, "St Anne's School").type == "ORG"
    assert named(entities, "Hillcrest Academy").type == "ORG"
    assert not any(" and " in e.name for e in entities)


def test_company_name_ends_at_its_suffix(nlp: Language) -> None:
    text = "Deal done\n\nKessel Corp completed the purchase of Daniels Pharmaceuticals Inc of St. Petersburg on Friday."
    entities = analyse(nlp, text)
    assert named(entities, "Daniels Pharmaceuticals Inc").type == "ORG"


def test_a_generic_head_alone_makes_no_organisation_where_the_tagger_saw_nothing(nlp: Language) -> None:
    def strong(name: str) -> bool:
        return _strong_run(list(nlp.make_doc(name)))

    assert strong("Hillcrest Academy") and strong("Real Kessel") and strong("Norvale Holdings Ltd")
    assert not strong("World Group") and not strong("Kessel Motors")


def test_person_name_run_on_over_particles_has_no_second_mention_inside(nlp: Language) -> None:
    text = "Talks resume\n\nDutch Prime Minister Jan van der Meer met officials in Riyadh on Monday."
    person = named(analyse(nlp, text), "Jan van der Meer")
    assert mention_texts(person) == ["Jan van der Meer"]


def test_one_word_company_name_is_not_a_persons_first_name_when_the_company_is_named() -> None:
    forms = build_forms(
        [
            Candidate(0, 7, "Pirelli", "ORG"),
            Candidate(20, 31, "Pirelli SpA", "ORG"),
            Candidate(60, 74, "Pirelli Cables", "PERSON"),
        ]
    )
    links = link_forms(forms)
    short = next(i for i, f in enumerate(forms) if f.key == "pirelli")
    person = next(i for i, f in enumerate(forms) if f.key == "pirelli cables")
    assert links.find(short) != links.find(person)


def test_county_read_as_a_person_in_a_sports_story_is_the_side(nlp: Language) -> None:
    text = (
        "CRICKET - WESSEX CLOSE IN ON TITLE .\n\n"
        "By stumps Dorset had reached 108 for three , while Somerset made up for lost time ."
    )
    entities = analyse(nlp, text)
    assert {e.type for e in entities if e.name in ("Dorset", "Somerset")} == {"ORG"}


def test_county_read_as_a_person_outside_sports_is_the_place() -> None:
    forms = build_forms([Candidate(0, 6, "Dorset", "PERSON")])
    assert entity_type(forms) == "GPE"
    assert entity_type(forms, sports=True) == "ORG"


def test_town_after_a_venue_in_a_sports_fixture_list_is_a_place(nlp: Language) -> None:
    text = (
        "CRICKET - TOURING SIDE FIXTURES .\n\n"
        "June 5-9 First test ( at Edgbaston , Birmingham ) .\n\nJune 11-13 v Dorset ( three days ) ."
    )
    entities = analyse(nlp, text)
    assert named(entities, "Birmingham").type == "GPE"


def test_wire_contact_line_names_the_writer_and_the_desk(extractor: Extractor) -> None:
    text = (
        "Rates steady\n\nWARSAW 1996-08-30\n\nThe central bank left its rates unchanged on Friday .\n\n"
        "-- Marta Nowicka , Warsaw Newsroom +48 22 653 9700"
    )
    entities = extractor.analyze(text).entities
    assert named(entities, "Marta Nowicka").type == "PERSON"
    assert named(entities, "Warsaw Newsroom").type == "ORG"
    assert not any("+48" in m.text for e in entities for m in e.mentions)


def test_lower_case_newsroom_in_a_contact_line_leaves_the_town(extractor: Extractor) -> None:
    text = "Rates steady\n\nThe bank left its rates unchanged on Friday .\n\n-- Stockholm newsroom +46-8-700 1017"
    entities = extractor.analyze(text).entities
    town = next(e for e in entities if any(m.text == "Stockholm" for m in e.mentions))
    assert town.type == "GPE"
    assert not any("newsroom" in m.text for e in entities for m in e.mentions)


def test_name_after_a_noun_that_says_organisation_is_one(nlp: Language) -> None:
    text = "Ships ordered\n\nThe navy will buy six ships , the state news agency WAM reported , citing the ministry ."
    entities = analyse(nlp, text)
    assert named(entities, "WAM").type == "ORG"


def test_capitalised_word_after_such_a_noun_at_a_sentence_start_is_no_name(nlp: Language) -> None:
    text = "Ships ordered\n\nThe navy will buy six ships from the company The deal was signed on Monday ."
    assert not any(e.name == "The" for e in analyse(nlp, text))


def test_a_name_ends_before_a_separate_lower_case_word_or_a_score(nlp: Language) -> None:
    text = (
        "Results\n\nThe plan was approved , the Tarkan news agency said on Friday .\n\n"
        "The Kessel Royals beat the Harbour City Sox 4-0 in Springfield province on Sunday ."
    )
    names = {m.text for e in analyse(nlp, text) for m in e.mentions}
    assert not any(n.endswith((" agency", " news", " province", " 4-0")) for n in names), names


def test_a_hyphen_fused_word_stays_with_its_name(nlp: Language) -> None:
    text = "Deal agreed\n\nThe Hong Kong-based group said on Friday it would buy the plant ."
    names = {m.text for e in analyse(nlp, text) for m in e.mentions}
    assert "Hong Kong" not in names or "Hong Kong-based" in names


def test_names_the_tagger_ran_together_over_at_or_v_are_split(nlp: Language) -> None:
    text = "Fixtures\n\nPostponed : Dorset v Essex , and the match against Wessex at Headingley ."
    names = {m.text for e in analyse(nlp, text) for m in e.mentions}
    assert not any(" v " in n or " at " in n for n in names), names


def test_acronym_in_brackets_after_its_name_is_that_name(nlp: Language) -> None:
    text = (
        "Drugs seized\n\nThe haul was seized by the Central Narcotics Bureau ( CNB ) on Friday .\n\n"
        "The CNB said two men had been arrested ."
    )
    entities = analyse(nlp, text)
    bureau = named(entities, "Central Narcotics Bureau")
    assert bureau.type == "ORG" and mention_texts(bureau).count("CNB") == 2


def test_bracketed_capitals_that_are_not_the_initials_stay_apart(nlp: Language) -> None:
    text = "Drugs seized\n\nThe haul was seized by the Central Narcotics Bureau ( XYZ ) on Friday ."
    bureau = named(analyse(nlp, text), "Central Narcotics Bureau")
    assert "XYZ" not in mention_texts(bureau)


def test_writer_named_on_a_line_over_a_role_line_is_a_person(extractor: Extractor) -> None:
    text = (
        "Ferry operator scraps winter timetable\nCallum Reid\nIslands correspondent\n"
        "The ferry operator has scrapped its winter timetable after two of its ships broke down."
    )
    entities = extractor.analyze(text).entities
    assert named(entities, "Callum Reid").type == "PERSON"


def test_town_more_often_a_side_than_a_place_is_the_side() -> None:
    def seen(start: int, cue: str) -> Candidate:
        c = Candidate(start, start + 7, "Portway", "GPE")
        c.cue = cue
        return c

    assert entity_type(build_forms([seen(0, "TEAM"), seen(20, "TEAM"), seen(40, "PLACE")])) == "ORG"
    assert entity_type(build_forms([seen(0, "TEAM"), seen(40, "PLACE"), seen(60, "PLACE")])) == "GPE"


def test_name_cut_at_its_particles_into_a_place_and_a_person_is_one_person(nlp: Language) -> None:
    text = "Stage won\n\nBelgian cyclist Wout van Aert won the stage ahead of Mathieu van der Poel ."
    entities = analyse(nlp, text)
    assert named(entities, "Mathieu van der Poel").type == "PERSON"
    assert not any(e.name in ("Mathieu", "Poel") for e in entities)


def test_two_organisation_pieces_joined_by_a_particle_are_one_organisation(nlp: Language) -> None:
    text = "Rates\n\nLuiz da Costa , the finance minister , said Banco do Brasil would raise rates ."
    entities = analyse(nlp, text)
    assert named(entities, "Banco do Brasil").type == "ORG"
