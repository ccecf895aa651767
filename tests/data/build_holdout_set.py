# ruff: noqa: E501
"""A held-out set: invented copy about invented people, written apart from the extraction rules (by someone
who did not write them, before reading them) to measure whether they hold on copy they were not made on.
Score it, don't tune on it: a failure here is a pattern to fix with a general mechanism and its own new
fixture in build_own_set.py, never by editing a rule until this set passes. Same formats as *_own.jsonl.
Run from the repository root:

    .venv/bin/python -m tests.data.build_holdout_set
    .venv/bin/dateline eval tests/data/*_holdout.jsonl
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.data.build_own_set import build_ner_row, build_quote_row, check, q

HERE = Path(__file__).parent

QUOTES: list[dict[str, Any]] = [
    {
        "id": "ho-q-rail-strike",
        "pattern": ["late-cue", "non-speech-cue", "speaker-title-org", "according-to"],
        "text": """Rail unions call off weekend strike after late pay offer

LONDON (Reuters) - Two of Britain's biggest rail unions called off a planned weekend strike on Thursday after train operators improved their pay offer, a union spokeswoman said.

The Rail and Maritime Transport union said its members would vote on the new offer next week.

"This is not a victory, it is a ceasefire," the union's general secretary, Harriet Moyle, told reporters outside its London headquarters. "Our members will decide whether it is good enough."

Operators had asked the government to intervene, and Transport Secretary Daniel Okafor promised to meet both sides on Monday.

Okafor said the offer showed that negotiation worked better than disruption, but he did not say whether the government would fund any part of it.

Passenger groups welcomed the decision. Commuters had faced "a fortnight of chaos", according to Lena Brightwater of the campaign group Transport Focus.

The strike would have been the fourth this year, the Office of Rail and Road said.""",
        "quotes": [
            q(
                "indirect",
                "Two of Britain's biggest rail unions called off a planned weekend strike on Thursday after train operators improved their pay offer",
                "spokeswoman",
                "spokeswoman",
            ),
            q(
                "indirect",
                "its members would vote on the new offer next week",
                "Rail and Maritime Transport union",
                "The Rail and Maritime Transport union",
            ),
            q(
                "direct",
                '"This is not a victory, it is a ceasefire," the union\'s general secretary, Harriet Moyle, told reporters outside its London headquarters. "Our members will decide whether it is good enough."',
                "Harriet Moyle",
                "Harriet Moyle",
                ['"This is not a victory, it is a ceasefire,"', '"Our members will decide whether it is good enough."'],
            ),
            q("indirect", "the offer showed that negotiation worked better than disruption", "Daniel Okafor", "Okafor"),
            q("mixed", 'Commuters had faced "a fortnight of chaos"', "Lena Brightwater", "Lena Brightwater"),
            q(
                "indirect",
                "The strike would have been the fourth this year",
                "Office of Rail and Road",
                "the Office of Rail and Road",
            ),
        ],
    },
    {
        "id": "ho-q-ministry-statement",
        "pattern": ["org-speaker", "document-speaker", "tass-dateline", "according-to"],
        "text": """Ministry rejects report on grain export quotas

MOSCOW, June 4. /TASS/. Russia's Agriculture Ministry on Tuesday rejected a newspaper report that it planned to cut grain export quotas for the second half of the year.

"The information published by the newspaper does not correspond to reality," the ministry said in a statement. "No decision on quotas for the second half of the year has been taken."

The statement added that the ministry would publish its forecast for the harvest in early July.

Deputy Minister Oleg Vetrov told the Rossiya-24 television channel that the harvest was expected to be "in line with last year's", despite the late spring.

According to Vetrov, exporters have already signed contracts for about a third of the expected volume.""",
        "quotes": [
            q(
                "direct",
                '"The information published by the newspaper does not correspond to reality," the ministry said in a statement. "No decision on quotas for the second half of the year has been taken."',
                "Agriculture Ministry",
                "the ministry",
                [
                    '"The information published by the newspaper does not correspond to reality,"',
                    '"No decision on quotas for the second half of the year has been taken."',
                ],
            ),
            q(
                "indirect",
                "the ministry would publish its forecast for the harvest in early July",
                "Agriculture Ministry",
                "The statement",
            ),
            q(
                "mixed",
                'the harvest was expected to be "in line with last year\'s", despite the late spring',
                "Oleg Vetrov",
                "Oleg Vetrov",
            ),
            q(
                "indirect",
                "exporters have already signed contracts for about a third of the expected volume",
                "Oleg Vetrov",
                "Vetrov",
            ),
        ],
    },
    {
        "id": "ho-q-late-cue-title-org",
        "pattern": ["late-cue", "speaker-title-org", "non-speech-cue"],
        "text": """Chipmaker delays new plant as demand cools

SAN JOSE, California (Reuters) - Semiconductor maker Orvane Systems will delay the opening of its new plant in Arizona by at least a year because demand for its chips has slowed, the company's chief financial officer said on Wednesday.

The plant, which was due to open next spring, will now start production in 2027 at the earliest, Orvane's chief financial officer Priya Ramaswamy said during a call with analysts.

Ramaswamy said the company still expected revenue to grow this year, though more slowly than it had forecast in January.

Analysts had expected the delay. "The surprise would have been if they had kept the old timetable," said Mark Ellery, an analyst at Brookline Securities.

Shares of Orvane fell 3% in extended trading.

The company agreed to repay part of a state grant it received for the plant, a spokesman for the Arizona Commerce Authority said.""",
        "quotes": [
            q(
                "indirect",
                "Semiconductor maker Orvane Systems will delay the opening of its new plant in Arizona by at least a year because demand for its chips has slowed",
                "chief financial officer",
                "chief financial officer",
            ),
            q(
                "indirect",
                "The plant, which was due to open next spring, will now start production in 2027 at the earliest",
                "Priya Ramaswamy",
                "Priya Ramaswamy",
            ),
            q(
                "indirect",
                "the company still expected revenue to grow this year, though more slowly than it had forecast in January",
                "Priya Ramaswamy",
                "Ramaswamy",
            ),
            q(
                "direct",
                '"The surprise would have been if they had kept the old timetable,"',
                "Mark Ellery",
                "Mark Ellery",
            ),
            q(
                "indirect",
                "The company agreed to repay part of a state grant it received for the plant",
                "spokesman",
                "a spokesman",
            ),
        ],
    },
    {
        "id": "ho-q-coordinated-subject",
        "pattern": ["coordinated-speaker", "non-speech-cue"],
        "text": """Mayor and police chief clash over festival security

The mayor of the northern port of Kestrel Bay, Ruth Abernathy, and the town's police chief disagreed in public on Friday over how many officers should patrol next month's harbour festival.

Abernathy told a council meeting that the festival had never seen serious trouble and that extra patrols would "scare families away".

Police chief Colin Dunmore, who was sitting beside her, said he had a duty to plan for the worst.

"I would rather explain why we had too many officers than why we had too few," Dunmore said.

The council voted to ask both of them to present a joint plan by the end of the month.

Organisers said they expected about 40,000 visitors over the three days.""",
        "quotes": [
            q(
                "mixed",
                'the festival had never seen serious trouble and that extra patrols would "scare families away"',
                "Ruth Abernathy",
                "Abernathy",
            ),
            q("indirect", "he had a duty to plan for the worst", "Colin Dunmore", "Colin Dunmore"),
            q(
                "direct",
                '"I would rather explain why we had too many officers than why we had too few,"',
                "Colin Dunmore",
                "Dunmore",
            ),
            q("indirect", "they expected about 40,000 visitors over the three days", "Organisers", "Organisers"),
        ],
    },
    {
        "id": "ho-q-ap-style-pronouns",
        "pattern": ["ap-style", "pronoun-speaker", "non-speech-cue", "full-name"],
        "text": """Wildfire forces evacuation of mountain towns

DENVER (AP) — A fast-moving wildfire forced hundreds of people to leave two mountain towns west of Denver on Sunday, and officials warned that strong winds could push it further overnight.

"We are asking people not to wait for a knock on the door," said Clear Creek County Sheriff Anita Delgado. "If you feel you need to go, go now."

Delgado said about 600 homes were under evacuation orders. She said no injuries had been reported.

Gov. Martin Hale declared a state of emergency for the county and called for patience from residents who had been told to leave.

Resident Joe Whitcomb, 71, said he had packed his car within 20 minutes. "You don't argue with a fire like that," he said.

The U.S. Forest Service said the cause of the fire was under investigation.""",
        "quotes": [
            q("indirect", "strong winds could push it further overnight", "officials", "officials"),
            q(
                "direct",
                '"We are asking people not to wait for a knock on the door," said Clear Creek County Sheriff Anita Delgado. "If you feel you need to go, go now."',
                "Anita Delgado",
                "Anita Delgado",
                [
                    '"We are asking people not to wait for a knock on the door,"',
                    '"If you feel you need to go, go now."',
                ],
            ),
            q("indirect", "about 600 homes were under evacuation orders", "Anita Delgado", "Delgado"),
            q("indirect", "no injuries had been reported", "Anita Delgado", "She"),
            q("indirect", "he had packed his car within 20 minutes", "Joe Whitcomb", "Joe Whitcomb"),
            q("direct", '"You don\'t argue with a fire like that,"', "Joe Whitcomb", "he"),
            q(
                "indirect",
                "the cause of the fire was under investigation",
                "U.S. Forest Service",
                "The U.S. Forest Service",
            ),
        ],
    },
    {
        "id": "ho-q-placards-scare",
        "pattern": ["slogan", "non-speech-cue", "pronoun-speaker"],
        "text": """Thousands march against hospital closure

Thousands of people marched through the centre of Brockwell on Saturday to protest against plans to close the town's maternity unit, carrying placards reading "Born in Brockwell" and "Save our unit".

The health trust has described the plan as a "necessary modernisation" of services.

Organiser Amira Shah said the march was the largest the town had seen in a generation. "People are angry, and they have every right to be," she said.

The trust's chief executive, Gordon Pell, said in a letter to staff last week that no final decision had been made.

A consultation on the plans closes on 30 November.""",
        "quotes": [
            q("mixed", 'the plan as a "necessary modernisation" of services', "health trust", "The health trust"),
            q("indirect", "the march was the largest the town had seen in a generation", "Amira Shah", "Amira Shah"),
            q("direct", '"People are angry, and they have every right to be,"', "Amira Shah", "she"),
            q("indirect", "no final decision had been made", "Gordon Pell", "Gordon Pell"),
        ],
    },
    {
        "id": "ho-q-phone-call-late-that",
        "pattern": ["late-cue", "non-speech-cue"],
        "text": """Leaders discuss border crossing after talks

BERLIN (Reuters) - German Chancellor Frieda Lorenz said on Saturday after a phone call with Polish Prime Minister Tomasz Wierzbicki that both governments wanted the Frankfurt an der Oder crossing reopened to lorries within a week.

The two leaders also agreed to set up a joint working group on border controls, Lorenz's spokesman Jens Haller said in a written statement.

Wierzbicki wrote on X that the call had been "constructive and friendly".

Neither side gave details of how checks on lorries would change, and a spokeswoman for the Polish interior ministry declined to comment.""",
        "quotes": [
            q(
                "indirect",
                "both governments wanted the Frankfurt an der Oder crossing reopened to lorries within a week",
                "Frieda Lorenz",
                "Frieda Lorenz",
            ),
            q(
                "indirect",
                "The two leaders also agreed to set up a joint working group on border controls",
                "Jens Haller",
                "Jens Haller",
            ),
            q("mixed", 'the call had been "constructive and friendly"', "Tomasz Wierzbicki", "Wierzbicki"),
        ],
    },
    {
        "id": "ho-q-press-release",
        "pattern": ["press-release-dateline", "boilerplate"],
        "text": """Harlow Foods to acquire regional bakery chain

NORWICH, England, March 12, 2025 /PRNewswire/ -- Harlow Foods plc today announced an agreement to acquire Greenhill Bakeries, a chain of 42 bakeries in the east of England, for 38 million pounds.

"Greenhill has built a loyal following over four generations, and we intend to keep what makes it special," said Simon Ashcroft, chief executive of Harlow Foods. "Its bakers will stay at the heart of the business."

Claire Greenhill, managing director of Greenhill Bakeries, said the family was confident that Harlow would protect jobs at every shop.

The transaction is expected to close in the second quarter, subject to regulatory approval.

About Harlow Foods
Harlow Foods plc is a food manufacturer based in Norwich.""",
        "quotes": [
            q(
                "direct",
                '"Greenhill has built a loyal following over four generations, and we intend to keep what makes it special," said Simon Ashcroft, chief executive of Harlow Foods. "Its bakers will stay at the heart of the business."',
                "Simon Ashcroft",
                "Simon Ashcroft",
                [
                    '"Greenhill has built a loyal following over four generations, and we intend to keep what makes it special,"',
                    '"Its bakers will stay at the heart of the business."',
                ],
            ),
            q(
                "indirect",
                "the family was confident that Harlow would protect jobs at every shop",
                "Claire Greenhill",
                "Claire Greenhill",
            ),
        ],
    },
    {
        "id": "ho-q-ministry-lockdown",
        "pattern": ["non-speech-cue", "late-cue", "org-speaker", "signoff-agency"],
        "text": """Province orders two-week lockdown as flu cases climb

VANCOUVER, Jan 12 (Reuters) - The government of the Canadian province of British Columbia announced a two-week lockdown of schools and gyms on Monday after hospital admissions for influenza doubled in a week.

Provincial Health Minister Dana Oyelaran called for calm and urged residents not to stockpile medicines.

"We are not where we were in 2020, and we will not be," Oyelaran told a news conference in Victoria. "But our hospitals need a breathing space."

The province's health ministry said in a statement that 1,240 people were in hospital with the virus, up from 610 a week earlier.

Opposition leader Grant McAllister criticised the timing of the decision and said parents had been given less than a day to arrange childcare.

Hospital staff had been warning of the pressure for weeks, a senior nurse at Vancouver General Hospital said on Monday.

The lockdown will be reviewed on Jan. 26, the ministry said.

(Reporting by Sarah Colquhoun in Vancouver; Editing by Diane Craft)""",
        "quotes": [
            q(
                "direct",
                '"We are not where we were in 2020, and we will not be," Oyelaran told a news conference in Victoria. "But our hospitals need a breathing space."',
                "Dana Oyelaran",
                "Oyelaran",
                [
                    '"We are not where we were in 2020, and we will not be,"',
                    '"But our hospitals need a breathing space."',
                ],
            ),
            q(
                "indirect",
                "1,240 people were in hospital with the virus, up from 610 a week earlier",
                "health ministry",
                "The province's health ministry",
            ),
            q(
                "indirect",
                "parents had been given less than a day to arrange childcare",
                "Grant McAllister",
                "Grant McAllister",
            ),
            q(
                "indirect",
                "Hospital staff had been warning of the pressure for weeks",
                "senior nurse",
                "a senior nurse",
            ),
            q("indirect", "The lockdown will be reviewed on Jan. 26", "health ministry", "the ministry"),
        ],
    },
    {
        "id": "ho-q-ceo-coordinated",
        "pattern": ["speaker-title-org", "coordinated-cue", "late-cue", "non-speech-cue", "signoff-agency"],
        "text": """Lumen Freight to cut 1,800 jobs in restructuring

FRANKFURT, March 4 (Reuters) - German logistics group Lumen Freight will cut 1,800 jobs, about 6% of its workforce, and close two sorting centres by the end of next year, it said on Tuesday.

Lumen Freight's chief executive Katrin Oberholzer said the cuts were painful but necessary and added that the group would offer voluntary redundancy first.

"Volumes are not coming back to pandemic levels, and we have to be honest about that," Oberholzer told analysts on a call.

The works council said it would fight the closures. Management was "hiding behind the economy", its chairman Uwe Brandl said.

Lumen's finance chief, Tobias Riedl, said savings of 240 million euros a year were expected from 2027, but he declined to give a figure for the restructuring charge.

Shares in the company rose 4.2% by 1015 GMT. Analysts at Berenberg said the plan was "overdue but credible".

(Reporting by Anna Feldmann; Editing by Mark Potter)""",
        "quotes": [
            q(
                "indirect",
                "German logistics group Lumen Freight will cut 1,800 jobs, about 6% of its workforce, and close two sorting centres by the end of next year",
                "Lumen Freight",
                "it",
            ),
            q("indirect", "the cuts were painful but necessary", "Katrin Oberholzer", "Katrin Oberholzer"),
            q("indirect", "the group would offer voluntary redundancy first", "Katrin Oberholzer", "Katrin Oberholzer"),
            q(
                "direct",
                '"Volumes are not coming back to pandemic levels, and we have to be honest about that,"',
                "Katrin Oberholzer",
                "Oberholzer",
            ),
            q("indirect", "it would fight the closures", "works council", "The works council"),
            q("mixed", 'Management was "hiding behind the economy"', "Uwe Brandl", "Uwe Brandl"),
            q(
                "indirect",
                "savings of 240 million euros a year were expected from 2027",
                "Tobias Riedl",
                "Tobias Riedl",
            ),
            q("mixed", 'the plan was "overdue but credible"', "Analysts at Berenberg", "Analysts at Berenberg"),
        ],
    },
    {
        "id": "ho-q-multi-paragraph",
        "pattern": ["multi-paragraph", "pronoun-speaker", "full-name"],
        "text": """Retired teacher's lottery win goes to village school

ELMSWORTH, Vt. (AP) — A retired teacher who won $4 million in a state lottery draw said Thursday she would give most of it to the village school where she taught for 35 years.

"I kept thinking about the leaking roof in the gym, and the music room that hasn't had a new piano since 1988," Marjorie Feld, 74, said at a ceremony in the school library.

"My husband and I never needed much. We have a house, we have our health, and we have more grandchildren than we can count.

"The school gave me a life. It seemed only fair to give something back."

Principal Anthony Ruiz said the money would pay for a new roof and a full-time music teacher. He said the school board would meet next week to set up a trust.

Feld said she would keep enough to take her grandchildren to Yellowstone next summer.

"That trip is not negotiable," she said, laughing.""",
        "quotes": [
            q(
                "indirect",
                "she would give most of it to the village school where she taught for 35 years",
                "Marjorie Feld",
                "A retired teacher",
            ),
            q(
                "direct",
                '"I kept thinking about the leaking roof in the gym, and the music room that hasn\'t had a new piano since 1988," Marjorie Feld, 74, said at a ceremony in the school library.\n\n"My husband and I never needed much. We have a house, we have our health, and we have more grandchildren than we can count.\n\n"The school gave me a life. It seemed only fair to give something back."',
                "Marjorie Feld",
                "Marjorie Feld",
                [
                    '"I kept thinking about the leaking roof in the gym, and the music room that hasn\'t had a new piano since 1988,"',
                    '"My husband and I never needed much. We have a house, we have our health, and we have more grandchildren than we can count.',
                    '"The school gave me a life. It seemed only fair to give something back."',
                ],
            ),
            q(
                "indirect",
                "the money would pay for a new roof and a full-time music teacher",
                "Anthony Ruiz",
                "Anthony Ruiz",
            ),
            q("indirect", "the school board would meet next week to set up a trust", "Anthony Ruiz", "He"),
            q(
                "indirect",
                "she would keep enough to take her grandchildren to Yellowstone next summer",
                "Marjorie Feld",
                "Feld",
            ),
            q("direct", '"That trip is not negotiable,"', "Marjorie Feld", "she"),
        ],
    },
    {
        "id": "ho-q-court-negatives",
        "pattern": ["non-speech-cue", "pronoun-speaker", "speaker-title-org", "org-speaker"],
        "text": """Regulator asks court to block airport merger

SYDNEY (Reuters) - Australia's competition regulator asked the Federal Court on Wednesday to block a planned merger of two regional airport operators, saying the deal would push up landing fees for smaller airlines.

The Australian Competition and Consumer Commission (ACCC) said the combined company would control nine of the 12 busiest regional airports in New South Wales.

Skyport Holdings and Coral Aviation Group, which agreed in July to merge their operations, have promised to freeze fees for three years. Their chief executives were criticised by the regulator last month for their selective use of passenger data.

ACCC chair Helena Marsh said the promise was not enough. "A three-year freeze is not a remedy when the harm lasts for decades," she said.

Skyport's chief executive, Warren Cobb, said the company was disappointed and would defend the deal in court. He did not say whether the companies would offer to sell any airports.

A hearing has been set for November.""",
        "quotes": [
            q(
                "indirect",
                "the deal would push up landing fees for smaller airlines",
                "Australian Competition and Consumer Commission",
                "Australia's competition regulator",
            ),
            q(
                "indirect",
                "the combined company would control nine of the 12 busiest regional airports in New South Wales",
                "Australian Competition and Consumer Commission",
                "The Australian Competition and Consumer Commission",
            ),
            q("indirect", "the promise was not enough", "Helena Marsh", "Helena Marsh"),
            q(
                "direct",
                '"A three-year freeze is not a remedy when the harm lasts for decades,"',
                "Helena Marsh",
                "she",
            ),
            q(
                "indirect",
                "the company was disappointed and would defend the deal in court",
                "Warren Cobb",
                "Warren Cobb",
            ),
        ],
    },
    {
        "id": "ho-q-late-cue-junior-minister",
        "pattern": ["late-cue", "full-name", "document-speaker", "org-speaker", "slogan", "pronoun-speaker"],
        "text": """Japan to tighten rules on short-term rentals

TOKYO (Reuters) - Japan will require owners of short-term rental flats to register with local police from April, a junior minister said on Monday, after complaints about noise and rubbish in residential streets of Kyoto and Osaka.

The change would apply to about 30,000 properties, State Minister for Land, Infrastructure and Tourism Kenji Harada told reporters.

Harada said the government did not want to discourage tourism. "Visitors are welcome. Bad neighbours are not," he said.

Platform operators will have to remove listings that lack a registration number within 30 days, according to a draft of the rules seen by Reuters.

The Japan Association of Vacation Rentals said in a statement it supported registration but feared the deadline was too short.

Kyoto's mayor has long campaigned under the slogan "Kyoto for Kyotoites".""",
        "quotes": [
            q(
                "indirect",
                "Japan will require owners of short-term rental flats to register with local police from April",
                "Kenji Harada",
                "a junior minister",
            ),
            q("indirect", "The change would apply to about 30,000 properties", "Kenji Harada", "Kenji Harada"),
            q("indirect", "the government did not want to discourage tourism", "Kenji Harada", "Harada"),
            q("direct", '"Visitors are welcome. Bad neighbours are not,"', "Kenji Harada", "he"),
            q(
                "indirect",
                "Platform operators will have to remove listings that lack a registration number within 30 days",
                "draft of the rules",
                "a draft of the rules",
            ),
            q(
                "indirect",
                "it supported registration but feared the deadline was too short",
                "Japan Association of Vacation Rentals",
                "The Japan Association of Vacation Rentals",
            ),
        ],
    },
    {
        "id": "ho-q-afp-told-afp",
        "pattern": ["told-agency", "org-speaker", "pronoun-speaker", "non-speech-cue", "signoff-agency"],
        "text": """Chilean miners end strike at state copper mine

SANTIAGO (AFP) - Workers at one of Chile's largest copper mines voted on Friday to end a 12-day strike after the state-owned operator offered a bonus of 4.5 million pesos per worker, the union said.

"It is not everything we asked for, but it is a fair deal," union president Rodrigo Almonacid told AFP by telephone.

The strike at the Cerro Pardo mine had cut output by about 1,300 tonnes a day, according to the company, Minera Austral.

In a statement, Minera Austral said production would return to normal within a week and thanked workers for their patience.

Mining Minister Valentina Echeverria welcomed the agreement. She had warned on Wednesday that a longer stoppage could cost the state hundreds of millions of dollars.

pa/mlr/jm""",
        "quotes": [
            q(
                "indirect",
                "Workers at one of Chile's largest copper mines voted on Friday to end a 12-day strike after the state-owned operator offered a bonus of 4.5 million pesos per worker",
                "union",
                "the union",
            ),
            q(
                "direct",
                '"It is not everything we asked for, but it is a fair deal,"',
                "Rodrigo Almonacid",
                "Rodrigo Almonacid",
            ),
            q(
                "indirect",
                "The strike at the Cerro Pardo mine had cut output by about 1,300 tonnes a day",
                "Minera Austral",
                "Minera Austral",
            ),
            q("indirect", "production would return to normal within a week", "Minera Austral", "Minera Austral"),
            q(
                "indirect",
                "a longer stoppage could cost the state hundreds of millions of dollars",
                "Valentina Echeverria",
                "She",
            ),
        ],
    },
    {
        "id": "ho-q-dpa-no-headline",
        "pattern": ["no-headline", "org-speaker", "called-mixed", "non-speech-cue", "pronoun-speaker"],
        "text": """Berlin (dpa) - Germany's Interior Ministry wants to extend checks at the border with Austria by another six months, a ministry spokesman said on Friday in Berlin.

The checks had helped police detect more than 4,000 unauthorised entries since March, the spokesman said. He did not give a figure for last year.

Interior Minister Sabine Kroll told the Funke media group that the decision was "not a sign of mistrust" towards Vienna. "Austria is our closest partner on migration," Kroll said.

Austria's Interior Ministry said it regretted the move but would continue to cooperate.

The Greens called the extension "symbolic politics" and demanded an independent review.

dpa lkl xx z2""",
        "quotes": [
            q(
                "indirect",
                "Germany's Interior Ministry wants to extend checks at the border with Austria by another six months",
                "spokesman",
                "a ministry spokesman",
            ),
            q(
                "indirect",
                "The checks had helped police detect more than 4,000 unauthorised entries since March",
                "spokesman",
                "the spokesman",
            ),
            q("mixed", 'the decision was "not a sign of mistrust" towards Vienna', "Sabine Kroll", "Sabine Kroll"),
            q("direct", '"Austria is our closest partner on migration,"', "Sabine Kroll", "Kroll"),
            q(
                "indirect",
                "it regretted the move but would continue to cooperate",
                "Austria's Interior Ministry",
                "Austria's Interior Ministry",
            ),
            q("mixed", 'the extension "symbolic politics"', "Greens", "The Greens"),
        ],
    },
    {
        "id": "ho-q-tass-diplomat",
        "pattern": [
            "headline-quote",
            "late-cue",
            "descriptor-speaker",
            "pronoun-speaker",
            "according-to",
            "non-speech-cue",
        ],
        "text": """Moscow says it will respond to new EU sanctions

MOSCOW, October 14. /TASS/. Russia will respond to the European Union's latest package of sanctions in a way that best serves its own interests, Foreign Ministry Spokeswoman Yevgenia Sorokina said at a briefing on Thursday.

"Our response will be measured, and it will not necessarily be symmetrical," the diplomat stressed.

According to her, Brussels has once again chosen "the path of confrontation" instead of dialogue.

Earlier, Kremlin Spokesman Arkady Belov told reporters that Moscow was studying the document. He declined to comment on possible counter-measures.

The EU adopted the package on Monday. It includes restrictions on 27 companies and 14 individuals.""",
        "quotes": [
            q("indirect", "it will respond to new EU sanctions", "Moscow", "Moscow"),
            q(
                "indirect",
                "Russia will respond to the European Union's latest package of sanctions in a way that best serves its own interests",
                "Yevgenia Sorokina",
                "Yevgenia Sorokina",
            ),
            q(
                "direct",
                '"Our response will be measured, and it will not necessarily be symmetrical,"',
                "Yevgenia Sorokina",
                "the diplomat",
            ),
            q(
                "mixed",
                'Brussels has once again chosen "the path of confrontation" instead of dialogue',
                "Yevgenia Sorokina",
                "her",
            ),
            q("indirect", "Moscow was studying the document", "Arkady Belov", "Arkady Belov"),
        ],
    },
    {
        "id": "ho-q-businesswire-launch",
        "pattern": ["press-release-dateline", "boilerplate", "scare-quote", "org-speaker"],
        "text": """Corvanta Launches AI-Powered Inventory Platform for Mid-Sized Retailers

AUSTIN, Texas--(BUSINESS WIRE)--Corvanta Inc., a provider of supply chain software, today announced the general availability of Corvanta Shelfwise, a platform that forecasts stock levels for retailers with 20 to 500 stores.

"Mid-sized retailers have been priced out of serious forecasting tools for too long," said Denise Okwu, co-founder and chief executive officer of Corvanta. "Shelfwise gives them the same accuracy as the biggest chains at a fraction of the cost."

Early users reported a 17% drop in out-of-stock items, the company said.

“We cut our weekly ordering time in half,” said Paul Varga, operations director at Fenwick Home Stores, one of the pilot customers.

Forward-Looking Statements
This press release contains forward-looking statements. Words such as "expects", "plans" and "will" are intended to identify such statements.

About Corvanta
Corvanta Inc. is headquartered in Austin, Texas.

Media Contact:
Leah Brandt
press@corvanta.example""",
        "quotes": [
            q(
                "direct",
                '"Mid-sized retailers have been priced out of serious forecasting tools for too long," said Denise Okwu, co-founder and chief executive officer of Corvanta. "Shelfwise gives them the same accuracy as the biggest chains at a fraction of the cost."',
                "Denise Okwu",
                "Denise Okwu",
                [
                    '"Mid-sized retailers have been priced out of serious forecasting tools for too long,"',
                    '"Shelfwise gives them the same accuracy as the biggest chains at a fraction of the cost."',
                ],
            ),
            q("indirect", "Early users reported a 17% drop in out-of-stock items", "Corvanta", "the company"),
            q("direct", "“We cut our weekly ordering time in half,”", "Paul Varga", "Paul Varga"),
        ],
    },
    {
        "id": "ho-q-web-paste-election",
        "pattern": ["web-paste", "caption", "furniture", "non-speech-cue", "org-speaker"],
        "text": """Skip to content
Menu
Search
Politics
Opposition wins mayoral race in Porto Alegre upset
By Renata Siqueira
5 min read
Share this article
FILE PHOTO: Candidate Luiz Fontana speaks at a rally in Porto Alegre, Brazil, September 28, 2024. REUTERS/Diego Vara/File Photo
Slideshow (3 Images)
PORTO ALEGRE, Brazil, Oct 27 (Reuters) - Opposition candidate Luiz Fontana won the mayoral election in Brazil's southern city of Porto Alegre on Sunday, beating the incumbent by fewer than 9,000 votes, the electoral court said.
"The city has chosen to change course, and I will not let it down," Fontana told supporters in a downtown square.
Outgoing mayor Claudia Reis conceded defeat in a short video posted on Instagram and said she would help with the transition.
Turnout was 71%, the court said.
Reporting by Renata Siqueira; Editing by Christian Plumb
Our Standards: The Thomson Reuters Trust Principles.
Read Next
Brazil's central bank holds rates steady
Floods in the south: one year on""",
        "quotes": [
            q(
                "indirect",
                "Opposition candidate Luiz Fontana won the mayoral election in Brazil's southern city of Porto Alegre on Sunday, beating the incumbent by fewer than 9,000 votes",
                "electoral court",
                "the electoral court",
            ),
            q(
                "direct",
                '"The city has chosen to change course, and I will not let it down,"',
                "Luiz Fontana",
                "Fontana",
            ),
            q("indirect", "she would help with the transition", "Claudia Reis", "Claudia Reis"),
            q("indirect", "Turnout was 71%", "electoral court", "the court"),
        ],
    },
    {
        "id": "ho-q-titles-slogans",
        "pattern": ["slogan", "titles-in-quotes", "non-speech-cue", "document-speaker", "full-name", "pronoun-speaker"],
        "text": """Festival director defends programme after boycott call

EDINBURGH (Reuters) - The director of the Aldgate Book Festival defended her programme on Tuesday after more than 200 writers signed an open letter calling for a boycott over its sponsorship by an oil company.

Fiona Carrick said the festival could not survive without private money. "Every pound we take from a sponsor is a pound we don't charge a reader," she told BBC Radio Scotland.

The letter, signed by the authors of "The Salt Road" and "Winter in Varna", accused the festival of "greenwashing" a polluter.

Protesters outside the festival's offices held banners reading "Books not barrels" and chanted "Drop the sponsor now".

The festival's main sponsor, Northsea Petroleum, said it was proud of its 15-year partnership with the festival.

The film "Quiet Harbour", based on one of the festival's prize-winning novels, will open this year's programme.""",
        "quotes": [
            q("indirect", "the festival could not survive without private money", "Fiona Carrick", "Fiona Carrick"),
            q(
                "direct",
                '"Every pound we take from a sponsor is a pound we don\'t charge a reader,"',
                "Fiona Carrick",
                "she",
            ),
            q("mixed", 'the festival of "greenwashing" a polluter', "open letter", "The letter"),
            q(
                "indirect",
                "it was proud of its 15-year partnership with the festival",
                "Northsea Petroleum",
                "Northsea Petroleum",
            ),
        ],
    },
    {
        "id": "ho-q-pa-colon",
        "pattern": [
            "colon-quote",
            "speaker-title-org",
            "signoff-agency",
            "no-dateline",
            "non-speech-cue",
            "finding-cue",
        ],
        "text": """Rail operator fined over Christmas timetable chaos

A rail operator has been fined £2.3 million by the industry regulator after thousands of passengers were stranded during the Christmas holidays.

The Office of Rail and Road (ORR) found that Southmere Trains had failed to give passengers accurate information when services were cancelled at short notice.

ORR director of strategy Martin Gale said: "Passengers were left in the dark on one of the busiest weekends of the year. That is simply not acceptable."

A spokesman for the Department for Transport said: "We expect Southmere to learn from this and to put passengers first."

Southmere Trains managing director Alison Pryce apologised to customers and said the company had already hired 40 more customer service staff.

The company has 28 days to pay the fine.

– PA""",
        "quotes": [
            q(
                "indirect",
                "Southmere Trains had failed to give passengers accurate information when services were cancelled at short notice",
                "Office of Rail and Road",
                "The Office of Rail and Road",
            ),
            q(
                "direct",
                '"Passengers were left in the dark on one of the busiest weekends of the year. That is simply not acceptable."',
                "Martin Gale",
                "Martin Gale",
            ),
            q(
                "direct",
                '"We expect Southmere to learn from this and to put passengers first."',
                "Department for Transport",
                "A spokesman for the Department for Transport",
            ),
            q(
                "indirect",
                "the company had already hired 40 more customer service staff",
                "Alison Pryce",
                "Alison Pryce",
            ),
        ],
    },
    {
        "id": "ho-q-coordinated-clauses",
        "pattern": ["coordinated-speaker", "coordinated-cue", "full-name", "speaker-title-org"],
        "text": """Coalition partners split over pension age

WELLINGTON (Reuters) - New Zealand's coalition partners gave conflicting signals on Thursday over plans to raise the pension age, with Finance Minister Hemi Tautahi saying the change was "on the table" and his deputy insisting it had been ruled out.

Associate Finance Minister Rachel Dunleavy said the government would not touch the pension age this term, and Tautahi said only that all options would be looked at in next year's budget.

"Nobody is going to wake up one morning and find they have to work two more years," Dunleavy told Radio New Zealand.

Prime Minister Craig Halloway's office said in a statement that no decision had been taken and that the two ministers were "in full agreement on the basics".

The cost of pensions is forecast to rise to 7.2% of GDP by 2040.""",
        "quotes": [
            q("mixed", 'the change was "on the table"', "Hemi Tautahi", "Hemi Tautahi"),
            q("indirect", "it had been ruled out", "Rachel Dunleavy", "his deputy"),
            q(
                "indirect",
                "the government would not touch the pension age this term",
                "Rachel Dunleavy",
                "Rachel Dunleavy",
            ),
            q("indirect", "all options would be looked at in next year's budget", "Hemi Tautahi", "Tautahi"),
            q(
                "direct",
                '"Nobody is going to wake up one morning and find they have to work two more years,"',
                "Rachel Dunleavy",
                "Dunleavy",
            ),
            q(
                "mixed",
                'no decision had been taken and that the two ministers were "in full agreement on the basics"',
                "Craig Halloway's office",
                "Prime Minister Craig Halloway's office",
            ),
        ],
    },
    {
        "id": "ho-q-football-statement",
        "pattern": ["clubs-schools", "org-speaker", "non-speech-cue", "no-dateline", "coordinated-cue"],
        "text": """Hartley leaves Rovers after relegation

Bramford Rovers have parted company with manager Steve Hartley two days after the club's relegation from the Championship was confirmed.

The club said in a statement that Hartley had left "by mutual consent" and that he had shown "commitment and honesty" over 18 months in charge.

"It hurts, and it will hurt for a long time," Hartley told the club's website. "But I leave with my head held high."

Captain Danny Osei, who has played more than 300 games for Bramford, said the players had let the manager down.

First-team coach Mick Rowntree will take charge for the final two games of the season.

Rovers chairman Alan Whitlock promised to appoint a permanent successor within weeks and vowed to bring the club straight back up.""",
        "quotes": [
            q("mixed", 'Hartley had left "by mutual consent"', "Bramford Rovers", "The club"),
            q(
                "mixed",
                'he had shown "commitment and honesty" over 18 months in charge',
                "Bramford Rovers",
                "The club",
            ),
            q(
                "direct",
                '"It hurts, and it will hurt for a long time," Hartley told the club\'s website. "But I leave with my head held high."',
                "Steve Hartley",
                "Hartley",
                ['"It hurts, and it will hurt for a long time,"', '"But I leave with my head held high."'],
            ),
            q("indirect", "the players had let the manager down", "Danny Osei", "Danny Osei"),
        ],
    },
    {
        "id": "ho-q-ap-statehouse",
        "pattern": ["ap-style", "pronoun-speaker", "full-name", "speaker-title-org", "aside-run-on"],
        "text": """Lawmakers approve ban on phones in classrooms

HELENA, Mont. (AP) — Montana lawmakers on Tuesday approved a ban on cellphones in public school classrooms, sending the bill to Gov. Rebecca Stroud, who has said she will sign it.

"Kids can't learn when they're checking their phones every 30 seconds," said Rep. Tom Vasquez, a Billings Republican who sponsored the bill. He said teachers in his district had begged for it.

Opponents argued that parents needed to reach their children in an emergency. Sen. Linda Oakes, a Missoula Democrat, said the bill was "a solution in search of a problem."

The state's largest teachers union, the Montana Education Association, said it supported the ban.

The law would take effect in the 2026-27 school year.

___

Associated Press writer Joe Fennell contributed to this report.""",
        "quotes": [
            q("indirect", "she will sign it", "Rebecca Stroud", "Rebecca Stroud"),
            q(
                "direct",
                "\"Kids can't learn when they're checking their phones every 30 seconds,\"",
                "Tom Vasquez",
                "Tom Vasquez",
            ),
            q("indirect", "teachers in his district had begged for it", "Tom Vasquez", "He"),
            q("indirect", "parents needed to reach their children in an emergency", "Opponents", "Opponents"),
            q("mixed", 'the bill was "a solution in search of a problem."', "Linda Oakes", "Linda Oakes"),
            q("indirect", "it supported the ban", "Montana Education Association", "the Montana Education Association"),
        ],
    },
    {
        "id": "ho-q-derby-clashes",
        "pattern": ["according-to", "org-speaker", "document-speaker", "non-speech-cue", "clubs-schools"],
        "text": """Police arrest 14 after clashes before derby match

MARSEILLE, France (Reuters) - French police arrested 14 people after fans clashed outside the stadium before Sunday's match between Olympique Marseille and Nice, the local prefecture said on Monday.

Nine officers were slightly injured, according to the prefecture, which said some fans had thrown flares at police vans.

Prefect Helene Barthou condemned the violence and announced a ban on away fans for the rest of the season.

The two clubs issued a joint statement condemning the violence. "These people are not supporters," the statement said.

Nice president Jean-Marc Lefort said he would ask the league to review the ban.""",
        "quotes": [
            q(
                "indirect",
                "French police arrested 14 people after fans clashed outside the stadium before Sunday's match between Olympique Marseille and Nice",
                "prefecture",
                "the local prefecture",
            ),
            q("indirect", "Nine officers were slightly injured", "prefecture", "the prefecture"),
            q("indirect", "some fans had thrown flares at police vans", "prefecture", "which"),
            q("direct", '"These people are not supporters,"', "two clubs", "the statement"),
            q("indirect", "he would ask the league to review the ban", "Jean-Marc Lefort", "Jean-Marc Lefort"),
        ],
    },
    {
        "id": "ho-q-ministry-summons",
        "pattern": ["no-headline", "org-speaker", "pronoun-speaker", "noun-cue", "non-speech-cue"],
        "text": """NAIROBI, Feb 3 (Reuters) - Kenya's foreign ministry summoned the ambassador of neighbouring Tarvania on Monday over a Tarvanian minister's claim that Nairobi was "harbouring rebels".

"Kenya categorically rejects these baseless allegations," the ministry said in a statement posted on X. It added that Kenya remained committed to "good neighbourliness".

Tarvania's government spokesman, Idris Mwale, said the minister's remarks had been taken out of context.

The regional bloc urged both sides to show restraint and offered to mediate.""",
        "quotes": [
            q("mixed", 'Nairobi was "harbouring rebels"', "Tarvanian minister", "a Tarvanian minister"),
            q(
                "direct",
                '"Kenya categorically rejects these baseless allegations,"',
                "Kenya's foreign ministry",
                "the ministry",
            ),
            q("mixed", 'Kenya remained committed to "good neighbourliness"', "Kenya's foreign ministry", "It"),
            q(
                "indirect",
                "the minister's remarks had been taken out of context",
                "Idris Mwale",
                "Idris Mwale",
            ),
        ],
    },
    {
        "id": "ho-q-astronaut-pronouns",
        "pattern": [
            "headline-quote",
            "late-cue",
            "pronoun-speaker",
            "coordinated-cue",
            "speaker-title-org",
            "non-speech-cue",
        ],
        "text": """Astronaut says Moon base could be ready by 2035

COLOGNE, Germany (Reuters) - A permanent base on the Moon could be ready by the middle of the next decade if Europe and its partners keep their budgets steady, veteran astronaut Ingrid Solberg said on Wednesday.

Solberg, who spent 190 days on the International Space Station, told reporters at the European Astronaut Centre that the technology was "basically there".

"What we lack is not engineering, it's patience," she said. "Every time a budget is cut, the calendar slips by two years."

She added that young engineers should not be discouraged by the delays.

The European Space Agency's director of human spaceflight, Marco Bellandi, was more cautious. He said the agency would publish a realistic timeline in the autumn, and that 2035 was "one scenario among several".""",
        "quotes": [
            q("indirect", "Moon base could be ready by 2035", "Ingrid Solberg", "Astronaut"),
            q(
                "indirect",
                "A permanent base on the Moon could be ready by the middle of the next decade if Europe and its partners keep their budgets steady",
                "Ingrid Solberg",
                "Ingrid Solberg",
            ),
            q("mixed", 'the technology was "basically there"', "Ingrid Solberg", "Solberg"),
            q(
                "direct",
                '"What we lack is not engineering, it\'s patience," she said. "Every time a budget is cut, the calendar slips by two years."',
                "Ingrid Solberg",
                "she",
                [
                    '"What we lack is not engineering, it\'s patience,"',
                    '"Every time a budget is cut, the calendar slips by two years."',
                ],
            ),
            q("indirect", "young engineers should not be discouraged by the delays", "Ingrid Solberg", "She"),
            q(
                "mixed",
                'the agency would publish a realistic timeline in the autumn, and that 2035 was "one scenario among several"',
                "Marco Bellandi",
                "He",
            ),
        ],
    },
    {
        "id": "ho-q-globenewswire-output",
        "pattern": ["press-release-dateline", "bullets", "defined-term", "non-speech-cue"],
        "text": """Brightwell Mining Reports Record Quarterly Gold Output

TORONTO, July 22, 2025 (GLOBE NEWSWIRE) -- Brightwell Mining Corp. (TSX: BWM) ("Brightwell" or "the Company") today reported record gold production of 61,400 ounces for the second quarter of 2025.

Highlights
- Production up 18% year on year
- All-in sustaining costs of $1,210 per ounce
- No lost-time injuries for the fourth consecutive quarter

"This was the best quarter in Brightwell's history, and we expect the second half to be even stronger," said Olusegun Adeyemi, President and CEO. "Our Kestrel underground expansion is now ahead of schedule."

The Company reiterated its full-year guidance of 230,000 to 250,000 ounces.

For further information, please contact:
Megan Lowry, Vice President, Investor Relations
ir@brightwell.example""",
        "quotes": [
            q(
                "direct",
                '"This was the best quarter in Brightwell\'s history, and we expect the second half to be even stronger," said Olusegun Adeyemi, President and CEO. "Our Kestrel underground expansion is now ahead of schedule."',
                "Olusegun Adeyemi",
                "Olusegun Adeyemi",
                [
                    '"This was the best quarter in Brightwell\'s history, and we expect the second half to be even stronger,"',
                    '"Our Kestrel underground expansion is now ahead of schedule."',
                ],
            ),
        ],
    },
    {
        "id": "ho-q-survey-showed",
        "pattern": [
            "headline-quote",
            "document-speaker",
            "late-cue",
            "titles-in-quotes",
            "speaker-title-org",
            "non-speech-cue",
        ],
        "text": """UK households cut back on eating out, survey shows

LONDON, Sept 9 (Reuters) - British households cut spending on restaurants and takeaways for a third month in August as higher energy bills squeezed budgets, a survey by the Retail Spending Council showed on Tuesday.

"Consumers are drawing in their horns," RSC chief executive Amelia Thorne said. "Anything that feels like a treat is the first thing to go."

Spending on eating out fell 3.1% year on year, while spending on groceries rose 2.4%, the RSC said.

Kate Lindqvist, an economist at Harbour Capital, said she did not expect a recovery before the spring. The Bank of England is widely expected to hold interest rates on Thursday.

A separate survey by the market research firm Pollwise, published in "Shopfloor Weekly" magazine, found that almost half of shoppers had switched to cheaper brands.""",
        "quotes": [
            q("indirect", "UK households cut back on eating out", "Retail Spending Council", "survey"),
            q(
                "indirect",
                "British households cut spending on restaurants and takeaways for a third month in August as higher energy bills squeezed budgets",
                "Retail Spending Council",
                "a survey by the Retail Spending Council",
            ),
            q(
                "direct",
                '"Consumers are drawing in their horns," RSC chief executive Amelia Thorne said. "Anything that feels like a treat is the first thing to go."',
                "Amelia Thorne",
                "Amelia Thorne",
                [
                    '"Consumers are drawing in their horns,"',
                    '"Anything that feels like a treat is the first thing to go."',
                ],
            ),
            q(
                "indirect",
                "Spending on eating out fell 3.1% year on year, while spending on groceries rose 2.4%",
                "Retail Spending Council",
                "the RSC",
            ),
            q("indirect", "she did not expect a recovery before the spring", "Kate Lindqvist", "Kate Lindqvist"),
            q("indirect", "almost half of shoppers had switched to cheaper brands", "Pollwise", "Pollwise"),
        ],
    },
    {
        "id": "ho-q-pledges-and-refusals",
        "pattern": ["non-speech-cue", "quoted-as-saying", "document-speaker", "according-to", "hyphenated-names"],
        "text": """Teachers' union rejects pay deal, threatens strikes

CARDIFF (Reuters) - The National Union of Classroom Teachers on Wednesday rejected a 3.5% pay offer from the Welsh government and threatened to hold strikes in the spring term.

Education Secretary Gareth Penhallow had pledged to find more money before Christmas, and the government agreed last week to review teachers' workloads. He refused to reopen the offer on Wednesday.

“The offer is final,” Penhallow was quoted as saying by the Valleys Courier. “There is no more money in the pot.”

The union's leader, Bethan Rhys-Ellis, vowed to keep fighting. She was accused by ministers last month of putting politics before pupils.

“We are not asking for the moon,” Rhys-Ellis said in an interview with BBC Wales. “We are asking to be paid what we were paid ten years ago, in real terms.”

A government spokeswoman said talks would continue, but the statement did not say whether a new offer would be made.

The union has about 18,000 members in Wales, according to its website.""",
        "quotes": [
            q(
                "direct",
                "“The offer is final,” Penhallow was quoted as saying by the Valleys Courier. “There is no more money in the pot.”",
                "Gareth Penhallow",
                "Penhallow",
                ["“The offer is final,”", "“There is no more money in the pot.”"],
            ),
            q(
                "direct",
                "“We are not asking for the moon,” Rhys-Ellis said in an interview with BBC Wales. “We are asking to be paid what we were paid ten years ago, in real terms.”",
                "Bethan Rhys-Ellis",
                "Rhys-Ellis",
                [
                    "“We are not asking for the moon,”",
                    "“We are asking to be paid what we were paid ten years ago, in real terms.”",
                ],
            ),
            q("indirect", "talks would continue", "spokeswoman", "A government spokeswoman"),
            q(
                "indirect",
                "The union has about 18,000 members in Wales",
                "National Union of Classroom Teachers",
                "its website",
            ),
        ],
    },
    {
        "id": "ho-q-aap-honorifics",
        "pattern": ["honorific-speaker", "told-agency", "speaker-title-org", "non-speech-cue", "late-cue"],
        "text": """Minister defends drought relief package

SYDNEY, Nov 6 (AAP) - Agriculture Minister Joanne Whitlam has defended a $1.2 billion drought relief package, saying every eligible farmer will receive help by February.

Ms Whitlam told ABC radio on Thursday the payments were capped so that no single business could take more than $500,000.

The Nationals' deputy leader, Angus Quill, said the cap was too low for family farms that had borrowed heavily to buy feed.

"The minister means well, but the numbers don't add up out here," Mr Quill said.

The minister's spokeswoman later said applications would open on Monday.

Farmers' groups want the package extended to fruit growers. "Orchards are dying too," Riverina Growers Association president Claire Dunstan told AAP.""",
        "quotes": [
            q("indirect", "every eligible farmer will receive help by February", "Joanne Whitlam", "Joanne Whitlam"),
            q(
                "indirect",
                "the payments were capped so that no single business could take more than $500,000",
                "Joanne Whitlam",
                "Ms Whitlam",
            ),
            q(
                "indirect",
                "the cap was too low for family farms that had borrowed heavily to buy feed",
                "Angus Quill",
                "Angus Quill",
            ),
            q(
                "direct",
                '"The minister means well, but the numbers don\'t add up out here,"',
                "Angus Quill",
                "Mr Quill",
            ),
            q("indirect", "applications would open on Monday", "spokeswoman", "The minister's spokeswoman"),
            q("direct", '"Orchards are dying too,"', "Claire Dunstan", "Claire Dunstan"),
        ],
    },
    {
        "id": "ho-q-asked-and-wrote",
        "pattern": ["no-headline", "no-dateline", "colon-quote", "titles-in-quotes", "non-speech-cue", "wrote-cue"],
        "text": """In a post on X late on Sunday, Senator Marisol Ortega wrote that the bill would be "dead on arrival" in the Senate.

Asked whether she would meet the bill's sponsors, Ortega said: "My door is always open. My vote is not for sale."

Why would the party support a tax it campaigned against? "That is the question voters will ask in November," said Dan Whitfield, a strategist at the consultancy Redline Partners.

Ortega's office did not respond to a request for comment on Monday. Her chief of staff, Leon Baptiste, told the Capitol Ledger that she had not seen the final text.

The bill, titled the "Fair Share Act", would raise taxes on incomes above $1 million.""",
        "quotes": [
            q("mixed", 'the bill would be "dead on arrival" in the Senate', "Marisol Ortega", "Marisol Ortega"),
            q("direct", '"My door is always open. My vote is not for sale."', "Marisol Ortega", "Ortega"),
            q("direct", '"That is the question voters will ask in November,"', "Dan Whitfield", "Dan Whitfield"),
            q("indirect", "she had not seen the final text", "Leon Baptiste", "Leon Baptiste"),
        ],
    },
]

STRUCTURE: list[dict[str, Any]] = [
    {
        "id": "ho-s-web-paste",
        "pattern": ["web-paste", "furniture", "byline-agency"],
        "text": """Skip to main content
World
Business
Markets
Sustainability
Europe's farmers brace for second dry summer
By Lucia Ferraro and Tom Brandt
4 minute read
Updated 2 hours ago
MADRID, May 20 (Reuters) - Farmers across southern Europe are preparing for a second summer of drought, with reservoirs in parts of Spain and Italy at less than a third of their capacity, industry groups said on Monday.
Irrigation quotas have already been cut in Andalusia and Sicily.
Reporting by Lucia Ferraro; Editing by Tom Brandt
Our Standards: The Thomson Reuters Trust Principles.""",
        "truth": {
            "headline": "Europe's farmers brace for second dry summer",
            "dateline_place": "MADRID",
            "dateline_date": "May 20",
            "agency": "Reuters",
            "body_first_sentence": "Farmers across southern Europe are preparing for a second summer of drought, with reservoirs in parts of Spain and Italy at less than a third of their capacity, industry groups said on Monday.",
        },
    },
    {
        "id": "ho-s-business-wire",
        "pattern": ["press-release-dateline", "boilerplate"],
        "text": """Velmora Therapeutics Reports Positive Results from Phase 2 Trial

BOSTON--(BUSINESS WIRE)--Feb. 6, 2025--Velmora Therapeutics, Inc. (Nasdaq: VLMR) today announced positive results from its Phase 2 trial of VT-104 in adults with moderate asthma.

The trial met its primary endpoint, the company said.

About Velmora Therapeutics
Velmora is a clinical-stage biotechnology company.

Contacts
Media: press@velmora.example""",
        "truth": {
            "headline": "Velmora Therapeutics Reports Positive Results from Phase 2 Trial",
            "dateline_place": "BOSTON",
            "dateline_date": "Feb. 6, 2025",
            "agency": "Business Wire",
            "body_first_sentence": "Velmora Therapeutics, Inc. (Nasdaq: VLMR) today announced positive results from its Phase 2 trial of VT-104 in adults with moderate asthma.",
        },
    },
    {
        "id": "ho-s-two-places",
        "pattern": ["two-place-dateline"],
        "text": """EU and Canada sign critical minerals pact

BRUSSELS/OTTAWA (Reuters) - The European Union and Canada signed an agreement on Tuesday to coordinate investment in lithium, cobalt and rare earth mining, officials from both sides said.

The pact is the first of its kind for the EU outside Europe.""",
        "truth": {
            "headline": "EU and Canada sign critical minerals pact",
            "dateline_place": "BRUSSELS/OTTAWA",
            "dateline_date": None,
            "agency": "Reuters",
            "body_first_sentence": "The European Union and Canada signed an agreement on Tuesday to coordinate investment in lithium, cobalt and rare earth mining, officials from both sides said.",
        },
    },
    {
        "id": "ho-s-no-headline-caption",
        "pattern": ["no-headline", "caption"],
        "text": """FILE PHOTO: A container ship leaves the port of Rotterdam, Netherlands, January 9, 2024. REUTERS/Piroschka van de Wouw/File Photo

ROTTERDAM, Netherlands (Reuters) - Container traffic through Europe's largest port fell 4% in the first quarter as shipping lines continued to avoid the Red Sea, the port authority said on Wednesday.

Volumes are expected to recover in the second half, it said.""",
        "truth": {
            "headline": None,
            "dateline_place": "ROTTERDAM, Netherlands",
            "dateline_date": None,
            "agency": "Reuters",
            "body_first_sentence": "Container traffic through Europe's largest port fell 4% in the first quarter as shipping lines continued to avoid the Red Sea, the port authority said on Wednesday.",
        },
    },
    {
        "id": "ho-s-pa-signoff",
        "pattern": ["signoff-agency", "no-dateline"],
        "text": """Council approves new cycle lanes for city centre

Plans for five kilometres of protected cycle lanes in the centre of Leicester were approved by the city council on Thursday evening.

Councillors voted 31 to 19 in favour of the scheme, which will cost about four million pounds.

Work is due to begin in the spring.

- Press Association""",
        "truth": {
            "headline": "Council approves new cycle lanes for city centre",
            "dateline_place": None,
            "dateline_date": None,
            "agency": "PA",  # the agency's own short name, as the shared dev set gives a "Press Association" byline
            "body_first_sentence": "Plans for five kilometres of protected cycle lanes in the centre of Leicester were approved by the city council on Thursday evening.",
        },
    },
    {
        "id": "ho-s-globenewswire",
        "pattern": ["press-release-dateline"],
        "text": """Northway Energy Completes Sale of Wind Portfolio

CALGARY, Alberta, Sept. 30, 2024 (GLOBE NEWSWIRE) -- Northway Energy Corp. ("Northway") announced today that it has completed the previously announced sale of its Saskatchewan wind portfolio.

Proceeds will be used to reduce debt.""",
        "truth": {
            "headline": "Northway Energy Completes Sale of Wind Portfolio",
            "dateline_place": "CALGARY, Alberta",
            "dateline_date": "Sept. 30, 2024",
            "agency": "GlobeNewswire",
            "body_first_sentence": 'Northway Energy Corp. ("Northway") announced today that it has completed the previously announced sale of its Saskatchewan wind portfolio.',
        },
    },
    {
        "id": "ho-s-ap-byline",
        "pattern": ["byline-agency"],
        "text": """Zoo welcomes rare twin snow leopard cubs

By MARIA KOWALCZYK Associated Press

CHICAGO (AP) — Two snow leopard cubs born at a Chicago zoo last month made their first public appearance on Friday, drawing crowds despite the cold.

The cubs, both female, have not yet been named.

Copyright 2025 The Associated Press. All rights reserved.""",
        "truth": {
            "headline": "Zoo welcomes rare twin snow leopard cubs",
            "dateline_place": "CHICAGO",
            "dateline_date": None,
            "agency": "AP",
            "body_first_sentence": "Two snow leopard cubs born at a Chicago zoo last month made their first public appearance on Friday, drawing crowds despite the cold.",
        },
    },
    {
        "id": "ho-s-bullets-first",
        "pattern": ["bullets"],
        "text": """Oil prices climb on supply worries
* Brent up 1.2%, WTI up 1.4%
* Inventories fell for third week
SINGAPORE, Nov 3 (Reuters) - Oil prices rose on Monday as falling U.S. inventories and supply cuts by major producers outweighed concerns about weak demand in China.
Brent crude futures were up 98 cents at $83.10 a barrel by 0430 GMT.""",
        "truth": {
            "headline": "Oil prices climb on supply worries",
            "dateline_place": "SINGAPORE",
            "dateline_date": "Nov 3",
            "agency": "Reuters",
            "body_first_sentence": "Oil prices rose on Monday as falling U.S. inventories and supply cuts by major producers outweighed concerns about weak demand in China.",
        },
    },
    {
        "id": "ho-s-cookie-slideshow",
        "pattern": ["web-paste", "furniture", "caption", "signoff-agency"],
        "text": """We use cookies to improve your experience. By continuing, you accept our use of cookies. Accept all | Manage preferences
Skip to main content
Exclusive news, data and analytics for financial market professionals
World
Business
Markets
Breakingviews
Technology
Baltic ports race to expand as northern route stays shut
By Mikkel Aaberg
October 3, 2025 4:12 PM UTC Updated ago
Slideshow (5 Images)
A crane operator works at the container terminal in Klaipeda, Lithuania, September 30, 2025. REUTERS/Inga Kalvaityte
KLAIPEDA, Lithuania, Oct 3 (Reuters) - Ports around the Baltic Sea are spending more than 2 billion euros on new berths and cranes as shipping lines reroute cargo away from the northern sea route, port officials said on Friday.
The Lithuanian port of Klaipeda alone plans to double its container capacity by 2030.
Reporting by Mikkel Aaberg; Editing by Jan Harvey
Our Standards: The Thomson Reuters Trust Principles.
Share this article""",
        "truth": {
            "headline": "Baltic ports race to expand as northern route stays shut",
            "dateline_place": "KLAIPEDA, Lithuania",
            "dateline_date": "Oct 3",
            "agency": "Reuters",
            "body_first_sentence": "Ports around the Baltic Sea are spending more than 2 billion euros on new berths and cranes as shipping lines reroute cargo away from the northern sea route, port officials said on Friday.",
        },
    },
    {
        "id": "ho-s-afp-byline",
        "pattern": ["byline-agency", "signoff-agency"],
        "text": """Paris to ban diesel delivery vans from city centre by 2028
By Claire Moreau
Published on 14/05/2025 - 09:12
PARIS (AFP) - Paris will ban diesel delivery vans from its city centre from January 2028, the city's deputy mayor for transport announced on Wednesday, in the latest step of a campaign against air pollution.
Around 25,000 vans enter the centre every day, according to city hall figures.
© 2025 AFP""",
        "truth": {
            "headline": "Paris to ban diesel delivery vans from city centre by 2028",
            "dateline_place": "PARIS",
            "dateline_date": None,
            "agency": "AFP",
            "body_first_sentence": "Paris will ban diesel delivery vans from its city centre from January 2028, the city's deputy mayor for transport announced on Wednesday, in the latest step of a campaign against air pollution.",
        },
    },
    {
        "id": "ho-s-dpa-lowercase-place",
        "pattern": ["dpa-dateline", "signoff-agency"],
        "text": """Rhine water level falls to record low near Kaub

Kaub (dpa) - The water level of the Rhine at the key gauge of Kaub fell to a record low for the time of year on Tuesday, forcing barges to sail with less than a third of their usual load.

The gauge showed 31 centimetres in the morning, the waterways authority said.

dpa mrs yyzz a3""",
        "truth": {
            "headline": "Rhine water level falls to record low near Kaub",
            "dateline_place": "Kaub",
            "dateline_date": None,
            "agency": "dpa",
            "body_first_sentence": "The water level of the Rhine at the key gauge of Kaub fell to a record low for the time of year on Tuesday, forcing barges to sail with less than a third of their usual load.",
        },
    },
    {
        "id": "ho-s-tass-st-petersburg",
        "pattern": ["tass-dateline", "abbreviation-place"],
        "text": """Neva museum to open new wing for contemporary art

ST. PETERSBURG, March 3. /TASS/. The Neva Museum of Modern Art will open a new wing dedicated to contemporary art in the autumn, the museum's press service told TASS on Monday.

The wing will house about 600 works donated by private collectors.""",
        "truth": {
            "headline": "Neva museum to open new wing for contemporary art",
            "dateline_place": "ST. PETERSBURG",
            "dateline_date": "March 3",
            "agency": "TASS",
            "body_first_sentence": "The Neva Museum of Modern Art will open a new wing dedicated to contemporary art in the autumn, the museum's press service told TASS on Monday.",
        },
    },
    {
        "id": "ho-s-prnewswire-two-places",
        "pattern": ["press-release-dateline", "two-place-dateline", "boilerplate"],
        "text": """Halberd Security and Nimbus Cloud Announce Strategic Partnership

NEW YORK and LONDON, Jan. 14, 2026 /PRNewswire/ -- Halberd Security, a provider of identity protection software, and Nimbus Cloud Ltd. today announced a strategic partnership to offer joint services to banks in North America and Europe.

The partnership will launch in the second quarter.

About Halberd Security
Halberd Security protects the identities of 40 million people.

SOURCE Halberd Security""",
        "truth": {
            "headline": "Halberd Security and Nimbus Cloud Announce Strategic Partnership",
            "dateline_place": "NEW YORK and LONDON",
            "dateline_date": "Jan. 14, 2026",
            "agency": "PR Newswire",
            "body_first_sentence": "Halberd Security, a provider of identity protection software, and Nimbus Cloud Ltd. today announced a strategic partnership to offer joint services to banks in North America and Europe.",
        },
    },
    {
        "id": "ho-s-businesswire-ampersand",
        "pattern": ["press-release-dateline", "two-place-dateline", "boilerplate"],
        "text": """Tessaly Robotics Raises $120 Million Series C to Scale Autonomous Forklifts

SAN FRANCISCO & MUNICH--(BUSINESS WIRE)--Tessaly Robotics, which makes autonomous forklifts for warehouses, today announced it has raised $120 million in a Series C funding round led by Greyline Ventures.

The company will use the funds to open a factory in Bavaria.

About Tessaly Robotics
Tessaly Robotics was founded in 2019.

Contacts
Jonas Feld
jonas@tessaly.example""",
        "truth": {
            "headline": "Tessaly Robotics Raises $120 Million Series C to Scale Autonomous Forklifts",
            "dateline_place": "SAN FRANCISCO & MUNICH",
            "dateline_date": None,
            "agency": "Business Wire",
            "body_first_sentence": "Tessaly Robotics, which makes autonomous forklifts for warehouses, today announced it has raised $120 million in a Series C funding round led by Greyline Ventures.",
        },
    },
    {
        "id": "ho-s-no-headline-no-dateline",
        "pattern": ["no-headline", "no-dateline"],
        "text": """A family of beavers has been filmed building a dam in a stream in Devon, wildlife volunteers said on Sunday.

The footage, recorded by a motion-activated camera, shows two adults and three young beavers at work near the village of Lowerbridge.

Volunteers have been monitoring the stream since 2023.""",
        "truth": {
            "headline": None,
            "dateline_place": None,
            "dateline_date": None,
            "agency": None,
            "body_first_sentence": "A family of beavers has been filmed building a dam in a stream in Devon, wildlife volunteers said on Sunday.",
        },
    },
    {
        "id": "ho-s-two-place-date",
        "pattern": ["two-place-dateline", "signoff-agency"],
        "text": """Chile and Argentina agree to reopen Andes pass after landslide

SANTIAGO/BUENOS AIRES, Aug 14 (Reuters) - Chile and Argentina agreed on Thursday to reopen the main mountain pass between Santiago and Mendoza to lorries next week, three weeks after a landslide closed it, officials from both countries said.

About 2,000 lorries a day use the pass in winter.

(Reporting by Ana Luisa Peralta in Santiago and Martin Okonski in Buenos Aires; Editing by Leslie Adler)""",
        "truth": {
            "headline": "Chile and Argentina agree to reopen Andes pass after landslide",
            "dateline_place": "SANTIAGO/BUENOS AIRES",
            "dateline_date": "Aug 14",
            "agency": "Reuters",
            "body_first_sentence": "Chile and Argentina agreed on Thursday to reopen the main mountain pass between Santiago and Mendoza to lorries next week, three weeks after a landslide closed it, officials from both countries said.",
        },
    },
    {
        "id": "ho-s-ap-two-bylines-updated",
        "pattern": ["bylines", "byline-agency", "abbreviation-place"],
        "text": """Storms knock out power to 200,000 in the Carolinas

By JANE HOLLOWAY and DEREK MUNSON
Updated 3:12 PM EST, March 3, 2025

CHARLOTTE, N.C. (AP) — A line of severe storms knocked out power to more than 200,000 homes and businesses in North and South Carolina on Monday, utilities said.

Crews expected to restore most of it by Tuesday night.

Holloway reported from Raleigh.""",
        "truth": {
            "headline": "Storms knock out power to 200,000 in the Carolinas",
            "dateline_place": "CHARLOTTE, N.C.",
            "dateline_date": None,
            "agency": "AP",
            "body_first_sentence": "A line of severe storms knocked out power to more than 200,000 homes and businesses in North and South Carolina on Monday, utilities said.",
        },
    },
    {
        "id": "ho-s-pa-byline-no-dateline",
        "pattern": ["byline-agency", "no-dateline"],
        "text": """Number of first-time buyers hits 10-year high

By Holly Trevethan, PA Personal Finance Correspondent

The number of first-time buyers in the UK reached its highest level in a decade last year, according to figures from a mortgage lender.

Around 370,000 people bought their first home in 2025, up 8% on the year before.""",
        "truth": {
            "headline": "Number of first-time buyers hits 10-year high",
            "dateline_place": None,
            "dateline_date": None,
            "agency": "PA",
            "body_first_sentence": "The number of first-time buyers in the UK reached its highest level in a decade last year, according to figures from a mortgage lender.",
        },
    },
    {
        "id": "ho-s-caption-before-headline",
        "pattern": ["web-paste", "caption", "furniture", "related-links"],
        "text": """Home > News > Science
FILE PHOTO: Researchers inspect coral on a reef off the coast of Queensland, Australia, November 2, 2023. REUTERS/Tom Jessup/File Photo
Coral bleaching spreads to southern reefs, scientists say
SYDNEY, Feb 20 (Reuters) - Mass coral bleaching has spread to reefs more than 1,000 km south of the Great Barrier Reef for the first time, scientists at an Australian university said on Thursday.
Sea temperatures off the coast were 2 degrees Celsius above average in January.
Related
* Heatwave grips eastern Australia
* Fishing bans extended in the gulf
Cookie settings""",
        "truth": {
            "headline": "Coral bleaching spreads to southern reefs, scientists say",
            "dateline_place": "SYDNEY",
            "dateline_date": "Feb 20",
            "agency": "Reuters",
            "body_first_sentence": "Mass coral bleaching has spread to reefs more than 1,000 km south of the Great Barrier Reef for the first time, scientists at an Australian university said on Thursday.",
        },
    },
    {
        "id": "ho-s-summary-bullets",
        "pattern": ["web-paste", "bullets", "furniture", "byline-agency"],
        "text": """Alvik Motors cuts profit forecast as electric car demand slows
By Ingrid Sandberg
Summary
Companies
* Third-quarter sales fall 9%
* Shares drop 6% in early trade
* CEO says outlook 'challenging'
STOCKHOLM, Oct 23 (Reuters) - Swedish carmaker Alvik Motors cut its full-year profit forecast on Thursday, blaming weaker demand for electric cars in Europe and a price war with Chinese rivals.
Its shares fell 6% in early trade.""",
        "truth": {
            "headline": "Alvik Motors cuts profit forecast as electric car demand slows",
            "dateline_place": "STOCKHOLM",
            "dateline_date": "Oct 23",
            "agency": "Reuters",
            "body_first_sentence": "Swedish carmaker Alvik Motors cut its full-year profit forecast on Thursday, blaming weaker demand for electric cars in Europe and a price war with Chinese rivals.",
        },
    },
    {
        "id": "ho-s-ansa-date",
        "pattern": ["ansa-dateline"],
        "text": """Venice to charge day-trippers on summer weekends

ROME, March 15 (ANSA) - Venice will charge day-trippers a fee of 10 euros to enter the historic centre on summer weekends, the city council decided on Friday.

Residents, students and people staying overnight will be exempt.""",
        "truth": {
            "headline": "Venice to charge day-trippers on summer weekends",
            "dateline_place": "ROME",
            "dateline_date": "March 15",
            "agency": "ANSA",
            "body_first_sentence": "Venice will charge day-trippers a fee of 10 euros to enter the historic centre on summer weekends, the city council decided on Friday.",
        },
    },
    {
        "id": "ho-s-kyodo-double-dash",
        "pattern": ["kyodo-dateline", "standfirst"],
        "text": """Osaka startup to test flying taxi over bay

The two-seat aircraft will make five test flights in June.

OSAKA (Kyodo) -- An Osaka-based startup will test a two-seat electric flying taxi over Osaka Bay in June, the company said Tuesday, ahead of plans to start commercial flights in 2028.

The aircraft can fly about 30 kilometers on a single charge.""",
        "truth": {
            "headline": "Osaka startup to test flying taxi over bay",
            "dateline_place": "OSAKA",
            "dateline_date": None,
            "agency": "Kyodo",
            "body_first_sentence": "An Osaka-based startup will test a two-seat electric flying taxi over Osaka Bay in June, the company said Tuesday, ahead of plans to start commercial flights in 2028.",
        },
    },
    {
        "id": "ho-s-signoff-media-no-dateline",
        "pattern": ["signoff-media", "no-dateline", "web-paste", "share-buttons"],
        "text": """Share this article
Facebook
X
WhatsApp
Email
Harbour swimmers raise record sum for lifeboat station
Sea swimmers in the Cornish town of St Keverne raised more than 18,000 pounds for the local lifeboat station on Boxing Day, organisers said.
About 400 people took part in the swim, the largest number since it began in 1987.
-- The Penwith Gazette""",
        "truth": {
            "headline": "Harbour swimmers raise record sum for lifeboat station",
            "dateline_place": None,
            "dateline_date": None,
            "agency": "The Penwith Gazette",
            "body_first_sentence": "Sea swimmers in the Cornish town of St Keverne raised more than 18,000 pounds for the local lifeboat station on Boxing Day, organisers said.",
        },
    },
]

NER: list[dict[str, Any]] = [
    {
        "id": "ho-n-particles",
        "pattern": ["name-particles"],
        "text": "Dutch central bank governor Pieter van der Meulen met Ludwig von Hasselt of Bundesbank in Frankfurt on Monday, while Saudi minister Khalid bin Farhan spoke in Riyadh.",
        "entities": [
            ("Dutch", "MISC"),
            ("Pieter van der Meulen", "PER"),
            ("Ludwig von Hasselt", "PER"),
            ("Bundesbank", "ORG"),
            ("Frankfurt", "LOC"),
            ("Saudi", "MISC"),
            ("Khalid bin Farhan", "PER"),
            ("Riyadh", "LOC"),
        ],
    },
    {
        "id": "ho-n-companies-teams",
        "pattern": ["clubs-schools", "companies", "outlets", "not-a-person"],
        "text": "Manchester United beat Real Betis 2-1, and shares in Halvorsen Shipping ASA rose after Brexit talks, according to the Daily Courier and analysts at Morgan Stanley.",
        "entities": [
            ("Manchester United", "ORG"),
            ("Real Betis", "ORG"),
            ("Halvorsen Shipping ASA", "ORG"),
            ("Brexit", "MISC"),
            ("Daily Courier", "ORG"),
            ("Morgan Stanley", "ORG"),
        ],
    },
    {
        "id": "ho-n-platform-school",
        "pattern": ["clubs-schools", "not-a-person"],
        "text": "Students at Westbrook Academy posted the video on TikTok before the Ministry of Education in Nairobi asked Twitter to remove it.",
        "entities": [
            ("Westbrook Academy", "ORG"),
            ("TikTok", "ORG"),
            ("Ministry of Education", "ORG"),
            ("Nairobi", "LOC"),
            ("Twitter", "ORG"),
        ],
    },
    {
        "id": "ho-n-wire",
        "pattern": ["wire-caps"],
        "text": "BRUSSELS 1996-08-22 European Commission spokesman Gerard Kiely said the EU would review the ban on British beef exports by September.",
        "entities": [
            ("BRUSSELS", "LOC"),
            ("European Commission", "ORG"),
            ("Gerard Kiely", "PER"),
            ("EU", "ORG"),
            ("British", "MISC"),
        ],
    },
    {
        "id": "ho-n-particles-two",
        "pattern": ["name-particles"],
        "text": "Former Spanish foreign minister Ana María de la Fuente and Belgian economist Jan-Willem van den Broek will co-chair the review, the European Parliament said on Tuesday, while Malaysian envoy Ahmad Faiz bin Yusof attended from Kuala Lumpur.",
        "entities": [
            ("Spanish", "MISC"),
            ("Ana María de la Fuente", "PER"),
            ("Belgian", "MISC"),
            ("Jan-Willem van den Broek", "PER"),
            ("European Parliament", "ORG"),
            ("Malaysian", "MISC"),
            ("Ahmad Faiz bin Yusof", "PER"),
            ("Kuala Lumpur", "LOC"),
        ],
    },
    {
        "id": "ho-n-particles-clubs",
        "pattern": ["name-particles", "clubs-schools"],
        "text": "Brazilian striker Thiago dos Santos and German defender Lukas von Ahlen both scored as Atletico Valmoral beat SC Heerveld, and coach Hugo da Silveira praised Leonardo Di Marco, whose father Enzo Di Marco played for Sporting Alvorada.",
        "entities": [
            ("Brazilian", "MISC"),
            ("Thiago dos Santos", "PER"),
            ("German", "MISC"),
            ("Lukas von Ahlen", "PER"),
            ("Atletico Valmoral", "ORG"),
            ("SC Heerveld", "ORG"),
            ("Hugo da Silveira", "PER"),
            ("Leonardo Di Marco", "PER"),
            ("Enzo Di Marco", "PER"),
            ("Sporting Alvorada", "ORG"),
        ],
    },
    {
        "id": "ho-n-schools-teams",
        "pattern": ["clubs-schools"],
        "text": "Students from St Aidan's College and Northfield High School will play the final at Ravensworth Park, where the Kestrel Bay Hawks host the Pinecrest Rangers on Saturday.",
        "entities": [
            ("St Aidan's College", "ORG"),
            ("Northfield High School", "ORG"),
            ("Ravensworth Park", "LOC"),
            ("Kestrel Bay Hawks", "ORG"),
            ("Pinecrest Rangers", "ORG"),
        ],
    },
    {
        "id": "ho-n-outlets",
        "pattern": ["outlets", "companies"],
        "text": "The story was first reported by the Daily Harbinger and later confirmed by the Morning Ledger, the Westmoor Times and the broadcaster Channel Nine News, which cited a letter from Orvane Systems.",
        "entities": [
            ("Daily Harbinger", "ORG"),
            ("Morning Ledger", "ORG"),
            ("Westmoor Times", "ORG"),
            ("Channel Nine News", "ORG"),
            ("Orvane Systems", "ORG"),
        ],
    },
    {
        "id": "ho-n-not-a-person",
        "pattern": ["not-a-person"],
        "text": "Brexit changed little for Instagram sellers in Britain, but the Euro 2028 draw and a slump on the Nasdaq worried them more.",
        "entities": [
            ("Brexit", "MISC"),
            ("Instagram", "ORG"),
            ("Britain", "LOC"),
            ("Euro 2028", "MISC"),
            ("Nasdaq", "ORG"),
        ],
    },
    {
        "id": "ho-n-bylines",
        "pattern": ["bylines", "companies", "outlets"],
        "text": "By Marta Lindqvist and Oluwaseun Adebayo\nSTOCKHOLM (Reuters) - Swedish furniture maker Hemvik AB will close its factory in Gavle, chief executive Per-Olof Strand told Dagens Affarsliv on Monday.",
        "entities": [
            ("Marta Lindqvist", "PER"),
            ("Oluwaseun Adebayo", "PER"),
            ("STOCKHOLM", "LOC"),
            ("Reuters", "ORG"),
            ("Swedish", "MISC"),
            ("Hemvik AB", "ORG"),
            ("Gavle", "LOC"),
            ("Per-Olof Strand", "PER"),
            ("Dagens Affarsliv", "ORG"),
        ],
    },
    {
        "id": "ho-n-companies-suffixes",
        "pattern": ["companies"],
        "text": "Shares in Carradine Holdings plc, Tessaly Robotics GmbH and Nippon Kaisho Corp rose on Friday after Goldwater & Finch upgraded the sector, while Brightwell Mining fell in Toronto.",
        "entities": [
            ("Carradine Holdings plc", "ORG"),
            ("Tessaly Robotics GmbH", "ORG"),
            ("Nippon Kaisho Corp", "ORG"),
            ("Goldwater & Finch", "ORG"),
            ("Brightwell Mining", "ORG"),
            ("Toronto", "LOC"),
        ],
    },
    {
        "id": "ho-n-ministries-agencies",
        "pattern": ["ministries", "hyphenated-names"],
        "text": "Tarvania's Ministry of Foreign Affairs, the United Nations Development Programme and the Red Cross met in Geneva, where UN envoy Marguerite Ossei-Bonsu described the talks as useful.",
        "entities": [
            ("Tarvania", "LOC"),
            ("Ministry of Foreign Affairs", "ORG"),
            ("United Nations Development Programme", "ORG"),
            ("Red Cross", "ORG"),
            ("Geneva", "LOC"),
            ("UN", "ORG"),
            ("Marguerite Ossei-Bonsu", "PER"),
        ],
    },
    {
        "id": "ho-n-wire-tokenised",
        "pattern": ["wire-caps", "clubs-schools"],
        "text": "SOCCER - VALMORAL BEAT HEERVELD 3-1 IN CUP FINAL .\nLISBON 1996-05-12\nAtletico Valmoral beat SC Heerveld 3-1 in the Iberian Cup final on Sunday , with Brazilian Rodrigo Tavares scoring twice .",
        "entities": [
            ("VALMORAL", "ORG"),
            ("HEERVELD", "ORG"),
            ("LISBON", "LOC"),
            ("Atletico Valmoral", "ORG"),
            ("SC Heerveld", "ORG"),
            ("Iberian Cup", "MISC"),
            ("Brazilian", "MISC"),
            ("Rodrigo Tavares", "PER"),
        ],
    },
    {
        "id": "ho-n-places-events",
        "pattern": ["events", "places"],
        "text": "Flights between Reykjavik and Nuuk resumed after the eruption near Grindavik, in time for the Arctic Circle Assembly and the Nordic Film Festival in Tromso.",
        "entities": [
            ("Reykjavik", "LOC"),
            ("Nuuk", "LOC"),
            ("Grindavik", "LOC"),
            ("Arctic Circle Assembly", "MISC"),
            ("Nordic Film Festival", "MISC"),
            ("Tromso", "LOC"),
        ],
    },
    {
        "id": "ho-n-name-ambiguity",
        "pattern": ["not-a-person", "companies", "outlets"],
        "text": "Ford Halvorsen, who chairs Halvorsen Shipping, told Bloomberg that he would meet Jordan Price of Price & Webb in Jordan next week.",
        "entities": [
            ("Ford Halvorsen", "PER"),
            ("Halvorsen Shipping", "ORG"),
            ("Bloomberg", "ORG"),
            ("Jordan Price", "PER"),
            ("Price & Webb", "ORG"),
            ("Jordan", "LOC"),
        ],
    },
    {
        "id": "ho-n-parties-apostrophes",
        "pattern": ["parties", "hyphenated-names", "outlets"],
        "text": "Labour leader Siobhan McCartan and Democratic Unionist Party MP Aoife O'Sullivan-Reyes clashed at Stormont over the Windsor Framework, the BBC reported.",
        "entities": [
            ("Labour", "ORG"),
            ("Siobhan McCartan", "PER"),
            ("Democratic Unionist Party", "ORG"),
            ("Aoife O'Sullivan-Reyes", "PER"),
            ("Stormont", "LOC"),
            ("Windsor Framework", "MISC"),
            ("BBC", "ORG"),
        ],
    },
]


def check_speaker_words(row: dict[str, Any]) -> None:
    """A speaker span starts and ends on word boundaries ("he" must not be found inside "the")."""
    text = row["text"]
    for qt in row.get("quotes", []):
        if "speaker_span" in qt:
            s, e = qt["speaker_span"]
            assert not (s > 0 and text[s - 1].isalnum()) and not (e < len(text) and text[e].isalnum()), qt


def main() -> None:
    """Write the three files, every span checked."""
    rows = {
        "quotes_holdout.jsonl": [build_quote_row(a) for a in QUOTES],
        "structure_holdout.jsonl": [dict(a) for a in STRUCTURE],
        "ner_holdout.jsonl": [build_ner_row(d) for d in NER],
    }
    for name, items in rows.items():
        for row in items:
            check(row)
            check_speaker_words(row)
        (HERE / name).write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in items) + "\n", encoding="utf-8")
        print(name, len(items))


if __name__ == "__main__":
    main()
