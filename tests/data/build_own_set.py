# ruff: noqa: E501
"""Build the project's own annotated set (structure_own, quotes_own, ner_own .jsonl) from plain strings.

Every text here was written for this project: invented wire and web stories about invented people
(places may be real). Offsets are computed from the strings, never typed by hand, and every span is
checked to slice its text. Run from the repository root after editing a story:

    .venv/bin/python tests/data/build_own_set.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent

# --- structure -------------------------------------------------------------------------------------

STRUCTURE: list[dict[str, Any]] = [
    {
        "id": "own-structure-tass-bishkek",
        "published_at": "2024-03-28",
        "text": """Kyrgyz parliament ratifies water-sharing deal with neighbours

The agreement still needs the signature of the head of state

BISHKEK, March 28. /TASS/. Kyrgyzstan's parliament on Thursday ratified an agreement on sharing the waters of three border rivers with Kazakhstan and Uzbekistan, deputy speaker Almaz Tokonbaev told reporters.

"The document gives farmers on both banks a predictable schedule for the irrigation season," he said.

The deal was negotiated over two years by a joint commission of the three countries.""",
        "truth": {
            "headline": "Kyrgyz parliament ratifies water-sharing deal with neighbours",
            "dateline_place": "BISHKEK",
            "dateline_date": "March 28",
            "agency": "TASS",
            "body_first_sentence": "Kyrgyzstan's parliament on Thursday ratified an agreement on sharing the waters of three border rivers with Kazakhstan and Uzbekistan, deputy speaker Almaz Tokonbaev told reporters.",
        },
    },
    {
        "id": "own-structure-tass-igora-breadcrumb",
        "published_at": "2024-12-26T14:05:00+03:00",
        "text": """Society & Culture

Governors to report on winter road repairs by spring — Kremlin aide

Regions that miss the deadline will lose part of their federal road grants

IGORA /Leningrad Region/, December 26. /TASS/. Regional governors will have to report on the state of their winter roads before the end of March, Kremlin aide Nikolai Zvantsev said on Thursday.

"Nobody is asking for miracles, but the potholes must be counted and the money accounted for," Zvantsev said.

He added that a new federal register of road works would open in February.""",
        "truth": {
            "headline": "Governors to report on winter road repairs by spring — Kremlin aide",
            "dateline_place": "IGORA /Leningrad Region/",
            "dateline_date": "December 26",
            "agency": "TASS",
            "body_first_sentence": "Regional governors will have to report on the state of their winter roads before the end of March, Kremlin aide Nikolai Zvantsev said on Thursday.",
        },
    },
    {
        "id": "own-structure-reuters-1987-washington",
        "published_at": "1987-02-26",
        "text": """FARM CREDIT AGENCY SEEKS EXTRA FUNDS FOR RURAL LENDERS

    WASHINGTON, Feb 26 - The agency that oversees the farm credit
banks asked Congress for an additional 300 mln dlrs to shore up
lenders in the Midwest, its chairman, Harold Brenneman, said.
    Brenneman told a House agriculture subcommittee that the
money would be repaid over ten years from the banks' earnings.
    He said four district banks had lost a combined 112 mln dlrs
in the fourth quarter.
 REUTER""",
        "truth": {
            "headline": "FARM CREDIT AGENCY SEEKS EXTRA FUNDS FOR RURAL LENDERS",
            "dateline_place": "WASHINGTON",
            "dateline_date": "Feb 26",
            "agency": "Reuters",
            "body_first_sentence": "The agency that oversees the farm credit banks asked Congress for an additional 300 mln dlrs to shore up lenders in the Midwest, its chairman, Harold Brenneman, said.",
        },
    },
    {
        "id": "own-structure-reuters-1987-qualifier",
        "published_at": "1987-03-03",
        "text": """GREEN MOUNTAIN DAIRY <GMDY> SETS TWO-FOR-ONE SPLIT

    BURLINGTON, Vt., March 3 - Green Mountain Dairy Co said its
board declared a two-for-one stock split payable April 10 to
holders of record March 20.
    The company also raised its quarterly dividend to eight cts
a share from seven cts.
 REUTER
&#3;""",
        "truth": {
            "headline": "GREEN MOUNTAIN DAIRY <GMDY> SETS TWO-FOR-ONE SPLIT",
            "dateline_place": "BURLINGTON, Vt.",
            "dateline_date": "March 3",
            "agency": "Reuters",
            "body_first_sentence": "Green Mountain Dairy Co said its board declared a two-for-one stock split payable April 10 to holders of record March 20.",
        },
    },
    {
        "id": "own-structure-reuters-update-prefix",
        "published_at": "2025-01-30",
        "text": """UPDATE 1-Norwegian salmon farmer Fjordlaks cuts harvest forecast

(Adds analyst comment in paragraph 4, share move)

Jan 30 (Reuters) - Norwegian fish farmer Fjordlaks cut its 2025 harvest forecast on Thursday after sea lice outbreaks at two sites in the north, sending its shares down 6% in early trade.

The company now expects to harvest 61,000 tonnes of salmon, down from a previous forecast of 66,000 tonnes.

"The lice situation in Finnmark was worse than in any year we have on record," chief executive Sigrid Haugland said in a statement.

Analysts at a Bergen brokerage said the cut was larger than expected.

(Reporting by Ingrid Solheim in Oslo; Editing by Mark Potter)""",
        "truth": {
            "headline": "Norwegian salmon farmer Fjordlaks cuts harvest forecast",
            "dateline_place": None,
            "dateline_date": "Jan 30",
            "agency": "Reuters",
            "body_first_sentence": "Norwegian fish farmer Fjordlaks cut its 2025 harvest forecast on Thursday after sea lice outbreaks at two sites in the north, sending its shares down 6% in early trade.",
        },
    },
    {
        "id": "own-structure-reuters-united-nations-tag",
        "text": """Security Council renews observer mission in Cyprus for a year (Reuters)

UNITED NATIONS (Reuters) - The U.N. Security Council voted on Tuesday to renew its observer mission on the island of Cyprus for another year, with two of its fifteen members abstaining.

Diplomats said the abstentions reflected a dispute over how the mission's costs should be shared.""",
        "truth": {
            "headline": "Security Council renews observer mission in Cyprus for a year",
            "dateline_place": "UNITED NATIONS",
            "dateline_date": None,
            "agency": "Reuters",
            "body_first_sentence": "The U.N. Security Council voted on Tuesday to renew its observer mission on the island of Cyprus for another year, with two of its fifteen members abstaining.",
        },
    },
    {
        "id": "own-structure-dpa-berlin",
        "text": """Berlin museum hands carved masks back to Cameroon

Berlin (dpa) - A Berlin ethnology museum on Friday handed back 14 carved wooden masks to a delegation from Cameroon, ending a restitution dispute that had lasted more than a decade.

The masks were taken from a royal compound in the grasslands of western Cameroon in 1902, according to the museum's own records.

The museum's director, Katrin Obermeier, called the handover "overdue by about a century".

dpa kb xx jz""",
        "truth": {
            "headline": "Berlin museum hands carved masks back to Cameroon",
            "dateline_place": "Berlin",
            "dateline_date": None,
            "agency": "dpa",
            "body_first_sentence": "A Berlin ethnology museum on Friday handed back 14 carved wooden masks to a delegation from Cameroon, ending a restitution dispute that had lasted more than a decade.",
        },
    },
    {
        "id": "own-structure-ansa-rome",
        "published_at": "2024-07-11",
        "text": """Rome to close Trevi area to cars on summer evenings

Measure to start next week, says councillor

(ANSA) - ROME, JUL 11 - City authorities will close the streets around the Trevi Fountain to cars on summer evenings from next week, councillor Paola Ricciardelli announced on Thursday.

The closure will run from 7 pm to midnight until the end of September.

Shopkeepers in the area said they had not been consulted.
ALL RIGHTS RESERVED © Copyright ANSA""",
        "truth": {
            "headline": "Rome to close Trevi area to cars on summer evenings",
            "dateline_place": "ROME",
            "dateline_date": "JUL 11",
            "agency": "ANSA",
            "body_first_sentence": "City authorities will close the streets around the Trevi Fountain to cars on summer evenings from next week, councillor Paola Ricciardelli announced on Thursday.",
        },
    },
    {
        "id": "own-structure-kyodo-saitama",
        "published_at": "2024-12-09",
        "text": """Saitama city to test driverless buses on station route

SAITAMA, Japan, Dec. 9 Kyodo - A city in Saitama Prefecture will begin trials of driverless buses next spring on a route linking its main station with a business park, officials said Monday.

The buses will carry a safety driver during the first six months of the trial.

==Kyodo""",
        "truth": {
            "headline": "Saitama city to test driverless buses on station route",
            "dateline_place": "SAITAMA, Japan",
            "dateline_date": "Dec. 9",
            "agency": "Kyodo",
            "body_first_sentence": "A city in Saitama Prefecture will begin trials of driverless buses next spring on a route linking its main station with a business park, officials said Monday.",
        },
    },
    {
        "id": "own-structure-afp-stockholm-year",
        "text": """Swedish court clears fisherman in disputed trawling case

STOCKHOLM, Aug 29, 2014 (AFP) - A Swedish appeals court on Friday cleared a fisherman accused of trawling inside a protected zone in the Baltic Sea, saying the zone's boundaries had been wrongly marked on official charts.

The coast guard said it would review the charts before the next fishing season.

bm/ach/jh""",
        "truth": {
            "headline": "Swedish court clears fisherman in disputed trawling case",
            "dateline_place": "STOCKHOLM",
            "dateline_date": "Aug 29, 2014",
            "agency": "AFP",
            "body_first_sentence": "A Swedish appeals court on Friday cleared a fisherman accused of trawling inside a protected zone in the Baltic Sea, saying the zone's boundaries had been wrongly marked on official charts.",
        },
    },
    {
        "id": "own-structure-ap-wire-eds",
        "text": """AP-US-Postal-Rates,0312
Postal Service asks to raise stamp price for second time this year
Eds: Adds union comment in 5th graf.
By DONNA KESSLER
Associated Press Writer

WASHINGTON (AP) _ The U.S. Postal Service asked regulators on Tuesday to raise the price of a first-class stamp by two cents, its second increase this year.

The service said rising fuel and wage costs had left it with a deficit of nearly $900 million in the last quarter.

A spokesman for the letter carriers' union said the increase would not put the service's finances right.

=""",
        "truth": {
            "headline": "Postal Service asks to raise stamp price for second time this year",
            "dateline_place": "WASHINGTON",
            "dateline_date": None,
            "agency": "AP",
            "body_first_sentence": "The U.S. Postal Service asked regulators on Tuesday to raise the price of a first-class stamp by two cents, its second increase this year.",
        },
    },
    {
        "id": "own-structure-ap-web-qualifier",
        "text": """Ohio city pays $2 million to settle water billing lawsuit

TOLEDO, Ohio (AP) — The city of Toledo will pay $2 million to settle a class-action lawsuit over water bills that overcharged thousands of households for three years, officials said Wednesday.

The settlement still needs the approval of a county judge.

Copyright 2024 The Associated Press. All rights reserved.""",
        "truth": {
            "headline": "Ohio city pays $2 million to settle water billing lawsuit",
            "dateline_place": "TOLEDO, Ohio",
            "dateline_date": None,
            "agency": "AP",
            "body_first_sentence": "The city of Toledo will pay $2 million to settle a class-action lawsuit over water bills that overcharged thousands of households for three years, officials said Wednesday.",
        },
    },
    {
        "id": "own-structure-xinhua-beijing",
        "published_at": "2024-05-03",
        "text": """China's spring tree-planting campaign covers 4 mln hectares

BEIJING, May 3 (Xinhua) -- More than 4 million hectares of land were planted with trees across China this spring, the national forestry administration said Friday.

Most of the new forest lies in the northern provinces, where planting is meant to slow the spread of sand.

Enditem""",
        "truth": {
            "headline": "China's spring tree-planting campaign covers 4 mln hectares",
            "dateline_place": "BEIJING",
            "dateline_date": "May 3",
            "agency": "Xinhua",
            "body_first_sentence": "More than 4 million hectares of land were planted with trees across China this spring, the national forestry administration said Friday.",
        },
    },
    {
        "id": "own-structure-upi-miami",
        "published_at": "2024-10-14",
        "text": """Coast Guard rescues four after fishing boat capsizes off Florida

By Anita Gorski

MIAMI, Oct. 14 (UPI) -- The U.S. Coast Guard rescued four fishermen early Monday after their boat capsized about 30 miles off the Florida coast, officials said.

A helicopter crew spotted the men clinging to a cooler shortly after dawn.

Copyright 2024 United Press International, Inc. (UPI). Any reproduction, republication, redistribution and/or modification of any UPI content is expressly prohibited without UPI's prior written consent.""",
        "truth": {
            "headline": "Coast Guard rescues four after fishing boat capsizes off Florida",
            "dateline_place": "MIAMI",
            "dateline_date": "Oct. 14",
            "agency": "UPI",
            "body_first_sentence": "The U.S. Coast Guard rescued four fishermen early Monday after their boat capsized about 30 miles off the Florida coast, officials said.",
        },
    },
    {
        "id": "own-structure-bloomberg-web",
        "text": """Copper Rises as Strike at Chilean Mine Enters Second Week

Thomas Reyes

(Bloomberg) -- Copper rose for a third day as a strike at a mid-sized Chilean mine entered its second week, tightening the supply of ore to smelters in Asia.

Union leaders at the mine said talks with management had broken down over bonus payments.

Most Read from Bloomberg

©2024 Bloomberg L.P.""",
        "truth": {
            "headline": "Copper Rises as Strike at Chilean Mine Enters Second Week",
            "dateline_place": None,
            "dateline_date": None,
            "agency": "Bloomberg",
            "body_first_sentence": "Copper rose for a third day as a strike at a mid-sized Chilean mine entered its second week, tightening the supply of ore to smelters in Asia.",
        },
    },
    {
        "id": "own-structure-web-page-furniture",
        "text": """Home > News > Science

All news

Volunteers count record number of swifts nesting in city towers

Birdwatchers say nest boxes fitted to church spires have paid off

Share

By Helen Marsh
Science reporter

Volunteers counting swifts in the city of York found 412 nesting pairs this summer, the highest number since their survey began in 2009.

Boxes on the spires

The survey's organiser, Kieran Doyle, said boxes fitted to six church spires in 2019 now held almost a third of the city's pairs.

Read more: Why swifts are vanishing from our towns""",
        "truth": {
            "headline": "Volunteers count record number of swifts nesting in city towers",
            "dateline_place": None,
            "dateline_date": None,
            "agency": None,
            "body_first_sentence": "Volunteers counting swifts in the city of York found 412 nesting pairs this summer, the highest number since their survey began in 2009.",
        },
    },
    {
        "id": "own-structure-afp-web-dash",
        "text": """French rail operator orders 30 hydrogen trains

Paris (AFP) – France's national rail operator on Wednesday ordered 30 hydrogen-powered trains for regional lines that have never been electrified, in a deal worth about 600 million euros.

The first trains are due to enter service in the south-west in 2027.

Read also:""",
        "truth": {
            "headline": "French rail operator orders 30 hydrogen trains",
            "dateline_place": "Paris",
            "dateline_date": None,
            "agency": "AFP",
            "body_first_sentence": "France's national rail operator on Wednesday ordered 30 hydrogen-powered trains for regional lines that have never been electrified, in a deal worth about 600 million euros.",
        },
    },
    {
        "id": "own-structure-reuters-modern-place-date",
        "published_at": "2025-03-03",
        "text": """EXCLUSIVE-British canal trust weighs sale of waterside warehouses

By Oliver Pemberton

LONDON, March 3 (Reuters) - The charity that runs England's canals is considering selling a dozen waterside warehouses to plug a funding gap, three people familiar with the matter told Reuters.

The trust declined to comment.""",
        "truth": {
            "headline": "British canal trust weighs sale of waterside warehouses",
            "dateline_place": "LONDON",
            "dateline_date": "March 3",
            "agency": "Reuters",
            "body_first_sentence": "The charity that runs England's canals is considering selling a dozen waterside warehouses to plug a funding gap, three people familiar with the matter told Reuters.",
        },
    },
    {
        "id": "own-structure-no-dateline-feature",
        "text": """The last ferryman of the Tamar

A family business that has carried passengers across the river since 1891 is looking for a successor

Every morning at half past six, Gerald Penrose checks the weather, unties his boat and waits for the first commuter of the day.

For 41 years he has ferried walkers, schoolchildren and the occasional bewildered tourist across the river.""",
        "truth": {
            "headline": "The last ferryman of the Tamar",
            "dateline_place": None,
            "dateline_date": None,
            "agency": None,
            "body_first_sentence": "Every morning at half past six, Gerald Penrose checks the weather, unties his boat and waits for the first commuter of the day.",
        },
    },
]

STRUCTURE += [
    {
        "id": "own-structure-web-caption-slideshow",
        "pattern": ["furniture", "caption"],
        "published_at": "2023-05-02",
        "text": """FILE PHOTO: A worker walks past the Norvale steel plant in Lyndhurst, March 3, 2021. REUTERS/Jane Holt/File Photo

Slideshow (5 Images)

LYNDHURST, England (Reuters) - Norvale Steel said on Tuesday it would cut 400 jobs at its main plant after a fall in orders from carmakers.

The company said demand for coated steel had fallen by a fifth since January.""",
        "truth": {
            "headline": None,
            "dateline_place": "LYNDHURST, England",
            "dateline_date": None,
            "agency": "Reuters",
            "body_first_sentence": "Norvale Steel said on Tuesday it would cut 400 jobs at its main plant after a fall in orders from carmakers.",
        },
    },
    {
        "id": "own-structure-web-headline-caption-credit",
        "pattern": ["furniture", "caption"],
        "published_at": "2023-06-14",
        "text": """Dam gates opened after record rain in the Kessel valley

Water pours through the gates of the Kessel dam, June 13, 2023. REUTERS/Omar Sadiq

KESSEL, Austria, June 14 (Reuters) - The gates of the Kessel dam were opened for the first time in ten years on Wednesday after record rain, the regional water authority said.

Villages downstream were told to move cars away from the river banks.""",
        "truth": {
            "headline": "Dam gates opened after record rain in the Kessel valley",
            "dateline_place": "KESSEL, Austria",
            "dateline_date": "June 14",
            "agency": "Reuters",
            "body_first_sentence": "The gates of the Kessel dam were opened for the first time in ten years on Wednesday after record rain, the regional water authority said.",
        },
    },
    {
        "id": "own-structure-web-bullets-no-headline",
        "pattern": ["furniture", "bullets", "no-headline"],
        "published_at": "2023-06-09",
        "text": """* Factory output falls for third month

* Exporters hit by weak demand in Asia

Factory output in Eastland fell for a third month in May, the statistics office said on Friday, as exporters struggled with weak demand in Asia.

Output was 1.2 percent lower than in April.""",
        "truth": {
            "headline": None,
            "dateline_place": None,
            "dateline_date": None,
            "agency": None,
            "body_first_sentence": "Factory output in Eastland fell for a third month in May, the statistics office said on Friday, as exporters struggled with weak demand in Asia.",
        },
    },
    {
        "id": "own-structure-web-bullets-under-headline",
        "pattern": ["furniture", "bullets"],
        "published_at": "2023-06-09",
        "text": """Eastland factory output falls again as Asian demand slows

* Third monthly fall in a row

* Car parts makers hit hardest

EASTVILLE (Reuters) - Factory output in Eastland fell for a third month in May, hurt by weaker orders for car parts, the statistics office said on Friday.

Economists had expected a small rise.""",
        "truth": {
            "headline": "Eastland factory output falls again as Asian demand slows",
            "dateline_place": "EASTVILLE",
            "dateline_date": None,
            "agency": "Reuters",
            "body_first_sentence": "Factory output in Eastland fell for a third month in May, hurt by weaker orders for car parts, the statistics office said on Friday.",
        },
    },
    {
        "id": "own-structure-two-place-slash",
        "pattern": ["two-place-dateline"],
        "published_at": "2023-07-03",
        "text": """Grain corridor talks stall over insurance for ships

ANKARA/KYIV, July 3 (Reuters) - Talks on reopening a grain corridor across the Black Sea stalled on Monday over who would insure the ships, two officials said.

A new round is planned for next week.""",
        "truth": {
            "headline": "Grain corridor talks stall over insurance for ships",
            "dateline_place": "ANKARA/KYIV",
            "dateline_date": "July 3",
            "agency": "Reuters",
            "body_first_sentence": "Talks on reopening a grain corridor across the Black Sea stalled on Monday over who would insure the ships, two officials said.",
        },
    },
    {
        "id": "own-structure-two-place-state",
        "pattern": ["two-place-dateline"],
        "published_at": "2023-09-11",
        "text": """Storm knocks out power to thousands along Gulf coast

MIAMI / TAMPA, Fla. (Reuters) - A tropical storm knocked out power to about 80,000 homes along Florida's Gulf coast on Monday, utilities said.

Schools in four counties were closed.""",
        "truth": {
            "headline": "Storm knocks out power to thousands along Gulf coast",
            "dateline_place": "MIAMI / TAMPA",
            "dateline_date": None,
            "agency": "Reuters",
            "body_first_sentence": "A tropical storm knocked out power to about 80,000 homes along Florida's Gulf coast on Monday, utilities said.",
        },
    },
    {
        "id": "own-structure-business-wire",
        "pattern": ["press-release-dateline"],
        "published_at": "2024-03-04",
        "text": """Acme Robotics Announces Record Fourth-Quarter Revenue

SAN JOSE, Calif.--(BUSINESS WIRE)--Mar 4, 2024-- Acme Robotics Inc. (NASDAQ: ACRB) today announced record revenue of $212 million for its fourth quarter, up 31 percent from a year earlier.

About Acme Robotics

Acme Robotics makes warehouse robots.""",
        "truth": {
            "headline": "Acme Robotics Announces Record Fourth-Quarter Revenue",
            "dateline_place": "SAN JOSE, Calif.",
            "dateline_date": "Mar 4, 2024",
            "agency": "Business Wire",
            "body_first_sentence": "Acme Robotics Inc. (NASDAQ: ACRB) today announced record revenue of $212 million for its fourth quarter, up 31 percent from a year earlier.",
        },
    },
    {
        "id": "own-structure-business-wire-undated",
        "pattern": ["press-release-dateline"],
        "published_at": "2024-02-20",
        "text": """Lumen Grove Opens Second Research Campus

AUSTIN, Texas--(BUSINESS WIRE)--Lumen Grove, a maker of indoor farming systems, today opened a second research campus in central Texas.

The campus will employ 120 people.""",
        "truth": {
            "headline": "Lumen Grove Opens Second Research Campus",
            "dateline_place": "AUSTIN, Texas",
            "dateline_date": None,
            "agency": "Business Wire",
            "body_first_sentence": "Lumen Grove, a maker of indoor farming systems, today opened a second research campus in central Texas.",
        },
    },
    {
        "id": "own-structure-pr-newswire",
        "pattern": ["press-release-dateline"],
        "published_at": "2024-03-04",
        "text": """Helio Foods Opens Plant-Based Dairy Plant in Illinois

CHICAGO, March 4, 2024 /PRNewswire/ -- Helio Foods today opened a plant-based dairy plant in Joliet, Illinois, its largest so far.

The plant will make oat and pea milk for retailers in the Midwest.""",
        "truth": {
            "headline": "Helio Foods Opens Plant-Based Dairy Plant in Illinois",
            "dateline_place": "CHICAGO",
            "dateline_date": "March 4, 2024",
            "agency": "PR Newswire",
            "body_first_sentence": "Helio Foods today opened a plant-based dairy plant in Joliet, Illinois, its largest so far.",
        },
    },
    {
        "id": "own-structure-globenewswire",
        "pattern": ["press-release-dateline"],
        "published_at": "2024-03-04",
        "text": """Brightline Bio Reports Fourth Quarter and Full Year 2023 Results

BOSTON, March 04, 2024 (GLOBE NEWSWIRE) -- Brightline Bio, Inc. (Nasdaq: BLBO), a clinical-stage biotechnology company, today reported financial results for the fourth quarter and full year 2023.

Cash on hand was $310 million at the end of the year.""",
        "truth": {
            "headline": "Brightline Bio Reports Fourth Quarter and Full Year 2023 Results",
            "dateline_place": "BOSTON",
            "dateline_date": "March 04, 2024",
            "agency": "GlobeNewswire",
            "body_first_sentence": "Brightline Bio, Inc. (Nasdaq: BLBO), a clinical-stage biotechnology company, today reported financial results for the fourth quarter and full year 2023.",
        },
    },
    {
        "id": "own-structure-dash-signoff-outlet",
        "pattern": ["signoff-agency"],
        "published_at": "2024-04-09",
        "text": """Council approves plans for new library on old bus depot site

The town council approved plans for a new library on the site of the old bus depot on Tuesday after a debate that lasted more than four hours.

Work is expected to start next spring and to take two years.

-- Valley Daily Media""",
        "truth": {
            "headline": "Council approves plans for new library on old bus depot site",
            "dateline_place": None,
            "dateline_date": None,
            "agency": "Valley Daily Media",
            "body_first_sentence": "The town council approved plans for a new library on the site of the old bus depot on Tuesday after a debate that lasted more than four hours.",
        },
    },
    {
        "id": "own-structure-byline-press-association",
        "pattern": ["byline-agency"],
        "published_at": "2024-01-16",
        "text": """Nurses at three hospitals vote to strike over pay

By Tom Reed, Press Association

Nurses at three hospitals in the north of England have voted to strike over pay, their union said on Tuesday.

The walkout could begin in February.""",
        "truth": {
            "headline": "Nurses at three hospitals vote to strike over pay",
            "dateline_place": None,
            "dateline_date": None,
            "agency": "PA",
            "body_first_sentence": "Nurses at three hospitals in the north of England have voted to strike over pay, their union said on Tuesday.",
        },
    },
    {
        "id": "own-structure-no-headline-sentence-first",
        "pattern": ["no-headline"],
        "published_at": "2024-05-21",
        "text": """The regional parliament in Halden voted on Tuesday to ban cars from the old town centre from next summer, ending a dispute that had lasted three years.

Shop owners had warned that the ban would drive customers to malls outside the town.""",
        "truth": {
            "headline": None,
            "dateline_place": None,
            "dateline_date": None,
            "agency": None,
            "body_first_sentence": "The regional parliament in Halden voted on Tuesday to ban cars from the old town centre from next summer, ending a dispute that had lasted three years.",
        },
    },
]

# Pasted pages, press releases, multi-place and stacked datelines, sign-offs, copy with no headline
# (issue 10, second round): each record names the mechanism it exercises in "pattern".
STRUCTURE += [
    {
        "id": "own-structure-page-masthead-menu-stamp",
        "pattern": ["web-paste", "furniture", "caption"],
        "published_at": "2023-05-02",
        "text": """Skip to main content
Exclusive news, data and analytics for financial market professionals
Learn more about Refinitiv
Reuters home
World
Business
Markets
Sustainability
More
My View
Register
Business
Autos & Transportation
Norvale Steel to cut 400 jobs as car orders slump
By Jane Holt
3 minute read
May 2, 2023 10:14 AM GMT+1 Updated 2 hours ago
FILE PHOTO: A worker walks past the Norvale steel plant in Lyndhurst, Britain, March 3, 2021. REUTERS/Jane Holt/File Photo
LYNDHURST, England, May 2 (Reuters) - Norvale Steel said on Tuesday it would cut 400 jobs at its main plant after a fall in orders from carmakers.
The company said demand for coated steel had fallen by a fifth since January.
Reporting by Jane Holt; Editing by Mark Potter
Our Standards: The Thomson Reuters Trust Principles.
Acquire Licensing Rights, opens new tab""",
        "truth": {
            "headline": "Norvale Steel to cut 400 jobs as car orders slump",
            "dateline_place": "LYNDHURST, England",
            "dateline_date": "May 2",
            "agency": "Reuters",
            "body_first_sentence": "Norvale Steel said on Tuesday it would cut 400 jobs at its main plant after a fall in orders from carmakers.",
        },
    },
    {
        "id": "own-structure-page-share-bar",
        "pattern": ["web-paste", "furniture"],
        "published_at": "2023-09-11",
        "text": """AP NEWS
Menu
World
U.S.
Politics
Sports
Entertainment
Business
Storm knocks out power to thousands along Gulf coast
By MARIA LOPEZ and TOM REED
Updated 3:14 PM EDT, September 11, 2023
Share
Copy
Link copied
Email
Facebook
X
Reddit
LinkedIn
Pinterest
Flipboard
Print
MIAMI (AP) — A tropical storm knocked out power to about 80,000 homes along Florida's Gulf coast on Monday, utilities said.
Schools in four counties were closed and ferries to the barrier islands stopped running.
Associated Press writer John Roe in Tampa contributed to this report.""",
        "truth": {
            "headline": "Storm knocks out power to thousands along Gulf coast",
            "dateline_place": "MIAMI",
            "dateline_date": None,
            "agency": "AP",
            "body_first_sentence": "A tropical storm knocked out power to about 80,000 homes along Florida's Gulf coast on Monday, utilities said.",
        },
    },
    {
        "id": "own-structure-page-author-role-no-dateline",
        "pattern": ["web-paste", "furniture"],
        "published_at": "2024-04-09",
        "text": """Skip to content
Homepage
Home
News
Sport
Weather
iPlayer
Council approves plans for new library on old bus depot site
2 hours ago
Share
Save
Priya Natarajan
Local Democracy Reporter, Leeds
The town council approved plans for a new library on the site of the old bus depot on Tuesday after a debate that lasted more than four hours.
Work is expected to start next spring and to take two years.""",
        "truth": {
            "headline": "Council approves plans for new library on old bus depot site",
            "dateline_place": None,
            "dateline_date": None,
            "agency": None,
            "body_first_sentence": "The town council approved plans for a new library on the site of the old bus depot on Tuesday after a debate that lasted more than four hours.",
        },
    },
    {
        "id": "own-structure-page-standfirst-stamp",
        "pattern": ["web-paste", "furniture"],
        "published_at": "2024-04-09",
        "text": """Ferry operator scraps winter timetable after engine failures
This article is more than 2 years old
Islanders say they were given a day's notice of the cuts
Callum Reid
Tue 9 Apr 2024 14.05 BST
Share
The ferry operator serving the northern isles has scrapped its winter timetable after two of its four ships suffered engine failures in a week.
Islanders said they had been given a day's notice.""",
        "truth": {
            "headline": "Ferry operator scraps winter timetable after engine failures",
            "dateline_place": None,
            "dateline_date": None,
            "agency": None,
            "body_first_sentence": "The ferry operator serving the northern isles has scrapped its winter timetable after two of its four ships suffered engine failures in a week.",
        },
    },
    {
        "id": "own-structure-page-stacked-dateline",
        "pattern": ["web-paste", "stacked-dateline", "byline-agency"],
        "published_at": "2023-05-02",
        "text": """Chipmaker Veltra delays new plant as demand cools
By Sofia Marchetti, CNN
3 min read
Updated 10:14 AM EDT, Tue May 2, 2023
Link Copied!
Milan
CNN
—
Chipmaker Veltra said on Tuesday it would delay the opening of its new plant near Milan by a year as demand for memory chips cooled.
The company said the 2 billion euro investment was not at risk.""",
        "truth": {
            "headline": "Chipmaker Veltra delays new plant as demand cools",
            "dateline_place": "Milan",
            "dateline_date": None,
            "agency": "CNN",
            "body_first_sentence": "Chipmaker Veltra said on Tuesday it would delay the opening of its new plant near Milan by a year as demand for memory chips cooled.",
        },
    },
    {
        "id": "own-structure-page-no-headline-byline-agency",
        "pattern": ["web-paste", "no-headline", "byline-agency"],
        "published_at": "2024-02-14",
        "text": """Advertisement
Updated 3 hours ago
By Lena Fischer, Reuters
5 min read
Rail unions in the north of Germany called a 24-hour strike for Thursday, the second in a month, after talks on a new wage deal broke down.
The rail operator said most long-distance trains would be cancelled.""",
        "truth": {
            "headline": None,
            "dateline_place": None,
            "dateline_date": None,
            "agency": "Reuters",
            "body_first_sentence": "Rail unions in the north of Germany called a 24-hour strike for Thursday, the second in a month, after talks on a new wage deal broke down.",
        },
    },
    {
        "id": "own-structure-gallery-caption-no-headline",
        "pattern": ["web-paste", "caption", "no-headline"],
        "published_at": "2023-11-20",
        "text": """[1/3] A container ship is unloaded at the port of Koper, Slovenia, November 17, 2023. REUTERS/Ana Kovac Acquire Licensing Rights

LJUBLJANA, Nov 20 (Reuters) - Slovenia's main port handled a record number of containers in October as shipping lines diverted cargo from congested ports further north, its operator said on Monday.

The operator expects a new record for the full year.""",
        "truth": {
            "headline": None,
            "dateline_place": "LJUBLJANA",
            "dateline_date": "Nov 20",
            "agency": "Reuters",
            "body_first_sentence": "Slovenia's main port handled a record number of containers in October as shipping lines diverted cargo from congested ports further north, its operator said on Monday.",
        },
    },
    {
        "id": "own-structure-ap-file-caption",
        "pattern": ["caption"],
        "published_at": "2023-03-14",
        "text": """Orchard owners count frost losses

FILE - Apple blossom is covered in ice at an orchard near Yakima, Wash., on April 5, 2022. (AP Photo/Dana Whitfield, File)

YAKIMA, Wash. (AP) — Orchard owners in central Washington say a week of hard frost may have cost them a third of this year's apple crop.

State officials will survey the damage next week.""",
        "truth": {
            "headline": "Orchard owners count frost losses",
            "dateline_place": "YAKIMA, Wash.",
            "dateline_date": None,
            "agency": "AP",
            "body_first_sentence": "Orchard owners in central Washington say a week of hard frost may have cost them a third of this year's apple crop.",
        },
    },
    {
        "id": "own-structure-short-sentence-no-headline",
        "pattern": ["no-headline"],
        "published_at": "2024-06-04",
        "text": """Copper fell on Tuesday.

Traders said a stronger dollar and weak factory data from China weighed on prices, which dropped 1.4 percent in London.""",
        "truth": {
            "headline": None,
            "dateline_place": None,
            "dateline_date": None,
            "agency": None,
            "body_first_sentence": "Copper fell on Tuesday.",
        },
    },
    {
        "id": "own-structure-kicker-masthead",
        "pattern": ["web-paste", "furniture"],
        "published_at": "2024-10-08",
        "text": """BBC News
Explainer
Why the river keeps flooding the same streets

Heavy rain has flooded homes in the lower town for the third time in five years, and residents want to know why the defences built in 2019 did not hold.""",
        "truth": {
            "headline": "Why the river keeps flooding the same streets",
            "dateline_place": None,
            "dateline_date": None,
            "agency": None,
            "body_first_sentence": "Heavy rain has flooded homes in the lower town for the third time in five years, and residents want to know why the defences built in 2019 did not hold.",
        },
    },
    {
        "id": "own-structure-three-place-dateline",
        "pattern": ["two-place-dateline"],
        "published_at": "2024-01-22",
        "text": """European farm ministers split over grain import curbs

PARIS/BERLIN/WARSAW, Jan 22 (Reuters) - Farm ministers of France, Germany and Poland disagreed on Monday over whether to curb grain imports from outside the bloc, officials said.

The issue will be taken up at a summit next month.""",
        "truth": {
            "headline": "European farm ministers split over grain import curbs",
            "dateline_place": "PARIS/BERLIN/WARSAW",
            "dateline_date": "Jan 22",
            "agency": "Reuters",
            "body_first_sentence": "Farm ministers of France, Germany and Poland disagreed on Monday over whether to curb grain imports from outside the bloc, officials said.",
        },
    },
    {
        "id": "own-structure-two-place-state-date",
        "pattern": ["two-place-dateline"],
        "published_at": "2024-05-07",
        "text": """Hail storms batter Texas wheat

DALLAS/AMARILLO, Texas, May 7 (Reuters) - Hail storms swept across the Texas Panhandle on Tuesday, flattening wheat fields weeks before harvest, growers said.

Insurers were sending assessors to the worst-hit counties.""",
        "truth": {
            "headline": "Hail storms batter Texas wheat",
            "dateline_place": "DALLAS/AMARILLO, Texas",
            "dateline_date": "May 7",
            "agency": "Reuters",
            "body_first_sentence": "Hail storms swept across the Texas Panhandle on Tuesday, flattening wheat fields weeks before harvest, growers said.",
        },
    },
    {
        "id": "own-structure-prn-page",
        "pattern": ["press-release-dateline", "web-paste"],
        "published_at": "2024-03-04",
        "text": """News provided by

Halvorsen Marine

Mar 04, 2024, 09:00 ET

Halvorsen Marine Launches Electric Harbour Tug

OSLO, Norway, March 4, 2024 /PRNewswire/ -- Halvorsen Marine today launched a battery-powered harbour tug, the first of six ordered by the port of Bergen.

The tug can work a full shift on one charge.

SOURCE Halvorsen Marine""",
        "truth": {
            "headline": "Halvorsen Marine Launches Electric Harbour Tug",
            "dateline_place": "OSLO, Norway",
            "dateline_date": "March 4, 2024",
            "agency": "PR Newswire",
            "body_first_sentence": "Halvorsen Marine today launched a battery-powered harbour tug, the first of six ordered by the port of Bergen.",
        },
    },
    {
        "id": "own-structure-accesswire",
        "pattern": ["press-release-dateline"],
        "published_at": "2024-02-20",
        "text": """Pinecrest Labs Opens Second Testing Site

DENVER, CO / ACCESSWIRE / February 20, 2024 / Pinecrest Labs, a provider of water testing services, today opened a second laboratory in Colorado.

The site will process 4,000 samples a week.""",
        "truth": {
            "headline": "Pinecrest Labs Opens Second Testing Site",
            "dateline_place": "DENVER, CO",
            "dateline_date": "February 20, 2024",
            "agency": "Accesswire",
            "body_first_sentence": "Pinecrest Labs, a provider of water testing services, today opened a second laboratory in Colorado.",
        },
    },
    {
        "id": "own-structure-newsfile",
        "pattern": ["press-release-dateline"],
        "published_at": "2024-02-20",
        "text": """Northwind Minerals Reports Drill Results

Vancouver, British Columbia--(Newsfile Corp. - February 20, 2024) - Northwind Minerals Inc. today reported results from 14 drill holes at its Copper Ridge project.

The company plans a further 20 holes this summer.""",
        "truth": {
            "headline": "Northwind Minerals Reports Drill Results",
            "dateline_place": "Vancouver, British Columbia",
            "dateline_date": "February 20, 2024",
            "agency": "Newsfile",
            "body_first_sentence": "Northwind Minerals Inc. today reported results from 14 drill holes at its Copper Ridge project.",
        },
    },
    {
        "id": "own-structure-business-wire-dated-place",
        "pattern": ["press-release-dateline"],
        "published_at": "2024-03-04",
        "text": """Quarry Point Names New Chief Executive

RALEIGH, N.C., March 04, 2024--(BUSINESS WIRE)--Quarry Point Inc. today named Denise Walcott chief executive, effective April 1.

Walcott joins from a rival software company.""",
        "truth": {
            "headline": "Quarry Point Names New Chief Executive",
            "dateline_place": "RALEIGH, N.C.",
            "dateline_date": "March 04, 2024",
            "agency": "Business Wire",
            "body_first_sentence": "Quarry Point Inc. today named Denise Walcott chief executive, effective April 1.",
        },
    },
    {
        "id": "own-structure-agency-alone-signoff",
        "pattern": ["signoff-agency"],
        "published_at": "2024-01-16",
        "text": """Care homes warn of closures over energy bills

Dozens of care homes in Wales could close by the summer because of rising energy bills, an industry body said on Tuesday.

It called on the government to extend its support scheme.

Press Association""",
        "truth": {
            "headline": "Care homes warn of closures over energy bills",
            "dateline_place": None,
            "dateline_date": None,
            "agency": "PA",
            "body_first_sentence": "Dozens of care homes in Wales could close by the summer because of rising energy bills, an industry body said on Tuesday.",
        },
    },
    {
        "id": "own-structure-dash-signoff-then-share",
        "pattern": ["signoff-agency", "web-paste"],
        "published_at": "2024-04-09",
        "text": """Village shop saved by crowdfunding appeal

Residents of a Cumbrian village have raised enough money to buy their last shop, a week before it was due to close.

The appeal raised 180,000 pounds from more than 600 donors.

-- Fellside Community Media

Share this article""",
        "truth": {
            "headline": "Village shop saved by crowdfunding appeal",
            "dateline_place": None,
            "dateline_date": None,
            "agency": "Fellside Community Media",
            "body_first_sentence": "Residents of a Cumbrian village have raised enough money to buy their last shop, a week before it was due to close.",
        },
    },
    {
        "id": "own-structure-headline-outlet-suffix",
        "pattern": ["web-paste"],
        "published_at": "2024-10-08",
        "text": """Water company fined over sewage spills - BBC News

A water company has been fined 3 million pounds for pumping sewage into two rivers for more than a year.

The court heard the spills had been reported by anglers.""",
        "truth": {
            "headline": "Water company fined over sewage spills",
            "dateline_place": None,
            "dateline_date": None,
            "agency": None,
            "body_first_sentence": "A water company has been fined 3 million pounds for pumping sewage into two rivers for more than a year.",
        },
    },
]


STRUCTURE += [
    {
        "id": "own-structure-closing-copyright-agency",
        "pattern": ["signoff-agency", "web-paste"],
        "published_at": "2023-08-14",
        "text": """Wildfire forces evacuation of mountain towns

Updated 5:02 PM MDT, August 14, 2023

Fire crews in western Colorado ordered the evacuation of three mountain towns on Monday as a wildfire driven by strong winds jumped a highway.

About 2,000 residents were told to leave.

Copyright 2023 The Associated Press. All rights reserved.""",
        "truth": {
            "headline": "Wildfire forces evacuation of mountain towns",
            "dateline_place": None,
            "dateline_date": None,
            "agency": "AP",
            "body_first_sentence": "Fire crews in western Colorado ordered the evacuation of three mountain towns on Monday as a wildfire driven by strong winds jumped a highway.",
        },
    },
    {
        "id": "own-structure-closing-standards-agency",
        "pattern": ["signoff-agency", "web-paste"],
        "published_at": "2023-10-03",
        "text": """Lumber prices slide as housing starts slow
By Maya Lindqvist
2 minute read
Lumber futures fell for a fifth straight session on Tuesday as data showed housing starts slowing in the United States.
Reporting by Maya Lindqvist; Editing by Tom Reed
Our Standards: The Thomson Reuters Trust Principles.""",
        "truth": {
            "headline": "Lumber prices slide as housing starts slow",
            "dateline_place": None,
            "dateline_date": None,
            "agency": "Reuters",
            "body_first_sentence": "Lumber futures fell for a fifth straight session on Tuesday as data showed housing starts slowing in the United States.",
        },
    },
]

# Issue 10, third round: stamps set between slashes, caption credits of any outlet, places joined by
# "&" or with a qualifier before the slash, a standfirst closed by a full stop above the page's stamp.
STRUCTURE += [
    {
        "id": "own-structure-slashed-stamp-above-headline",
        "pattern": ["web-paste", "furniture"],
        "published_at": "2020-03-12",
        "text": """Business News
March 12, 2020 / 4:15 PM / Updated 2 hours ago

Orchard Airlines cuts flights as bookings slump

Jane Holt, Omar Sadiq

4 Min Read

LONDON (Reuters) - Orchard Airlines said on Thursday it would cut a third of its flights next month as bookings slumped.

The carrier's shares fell 9%.""",
        "truth": {
            "headline": "Orchard Airlines cuts flights as bookings slump",
            "dateline_place": "LONDON",
            "dateline_date": None,
            "agency": "Reuters",
            "body_first_sentence": "Orchard Airlines said on Thursday it would cut a third of its flights next month as bookings slumped.",
        },
    },
    {
        "id": "own-structure-caption-outlet-credit-no-headline",
        "pattern": ["caption", "no-headline"],
        "published_at": "2024-03-05",
        "text": """Engineers inspect the foundations of the Wend bridge in Calder, England, on March 4, 2024. Jane Holt/Calder Post

Officials said on Tuesday that the bridge over the river Wend would stay closed for at least six more weeks while engineers inspect it.

Drivers have been told to use the ring road instead.""",
        "truth": {
            "headline": None,
            "dateline_place": None,
            "dateline_date": None,
            "agency": None,
            "body_first_sentence": "Officials said on Tuesday that the bridge over the river Wend would stay closed for at least six more weeks while engineers inspect it.",
        },
    },
    {
        "id": "own-structure-caption-agency-first-credit",
        "pattern": ["caption"],
        "published_at": "2024-03-05",
        "text": """Ring road jams as bridge stays shut

Traffic queues on the ring road in Calder. PA/Jane Holt

Officials said on Tuesday that the bridge over the river Wend would stay closed for at least six more weeks.

Drivers have been told to leave early.""",
        "truth": {
            "headline": "Ring road jams as bridge stays shut",
            "dateline_place": None,
            "dateline_date": None,
            "agency": None,
            "body_first_sentence": "Officials said on Tuesday that the bridge over the river Wend would stay closed for at least six more weeks.",
        },
    },
    {
        "id": "own-structure-two-place-both-qualified",
        "pattern": ["two-place-dateline"],
        "published_at": "2024-03-05",
        "text": """Two states sue over river water rights

ALBANY, N.Y. / TRENTON, N.J. (Reuters) - New York and New Jersey sued a power company on Tuesday over water it draws from the Delaware river.

The company said it would fight the suits.""",
        "truth": {
            "headline": "Two states sue over river water rights",
            "dateline_place": "ALBANY, N.Y. / TRENTON",
            "dateline_date": None,
            "agency": "Reuters",
            "body_first_sentence": "New York and New Jersey sued a power company on Tuesday over water it draws from the Delaware river.",
        },
    },
    {
        "id": "own-structure-business-wire-two-places-ampersand",
        "pattern": ["press-release-dateline", "two-place-dateline"],
        "published_at": "2024-03-05",
        "text": """Northwind Energy and Kessel Power Agree to Merge

HOUSTON & LONDON--(BUSINESS WIRE)--Mar 5, 2024--Northwind Energy Inc. (NYSE: NWE) and Kessel Power plc today announced an agreement to merge in an all-stock deal.

The combined company will be based in Houston.""",
        "truth": {
            "headline": "Northwind Energy and Kessel Power Agree to Merge",
            "dateline_place": "HOUSTON & LONDON",
            "dateline_date": "Mar 5, 2024",
            "agency": "Business Wire",
            "body_first_sentence": "Northwind Energy Inc. (NYSE: NWE) and Kessel Power plc today announced an agreement to merge in an all-stock deal.",
        },
    },
    {
        "id": "own-structure-pr-newswire-places-joined-by-and",
        "pattern": ["press-release-dateline", "two-place-dateline"],
        "published_at": "2024-03-05",
        "text": """Orbital Freight and Kessel Ports Sign Automation Deal

CHICAGO and ROTTERDAM, March 5, 2024 /PRNewswire/ -- Orbital Freight, Inc. and Kessel Ports B.V. today signed an agreement to automate container handling at two terminals.

Financial terms were not disclosed.""",
        "truth": {
            "headline": "Orbital Freight and Kessel Ports Sign Automation Deal",
            "dateline_place": "CHICAGO and ROTTERDAM",
            "dateline_date": "March 5, 2024",
            "agency": "PR Newswire",
            "body_first_sentence": "Orbital Freight, Inc. and Kessel Ports B.V. today signed an agreement to automate container handling at two terminals.",
        },
    },
    {
        "id": "own-structure-standfirst-sentence-above-stamp",
        "pattern": ["web-paste"],
        "published_at": "2024-03-05",
        "text": """Protesters rally in capital over fuel prices

Thousands march in Eastville as government raises fuel prices for second time this year.

Published On 5 Mar 2024

Thousands of people rallied in the capital on Tuesday against a second rise in fuel prices this year.

Police said the march was peaceful.""",
        "truth": {
            "headline": "Protesters rally in capital over fuel prices",
            "dateline_place": None,
            "dateline_date": None,
            "agency": None,
            "body_first_sentence": "Thousands of people rallied in the capital on Tuesday against a second rise in fuel prices this year.",
        },
    },
    {
        "id": "own-structure-sponsor-label-reporting-from",
        "pattern": ["web-paste", "furniture"],
        "published_at": "2024-03-05",
        "text": """Supported by

SKIP ADVERTISEMENT

Bridge to stay shut for six more weeks, officials say

Engineers found cracks in two of the bridge's piers last month.

By Jane Holt
Reporting from Calder, England

March 5, 2024

Officials said on Tuesday that the bridge over the river Wend would stay closed for at least six more weeks while engineers inspect its foundations.

Drivers have been told to use the ring road instead.""",
        "truth": {
            "headline": "Bridge to stay shut for six more weeks, officials say",
            "dateline_place": None,
            "dateline_date": None,
            "agency": None,
            "body_first_sentence": "Officials said on Tuesday that the bridge over the river Wend would stay closed for at least six more weeks while engineers inspect its foundations.",
        },
    },
    {
        "id": "own-structure-writer-handle-edition-stamp",
        "pattern": ["web-paste", "furniture"],
        "published_at": "2024-03-05",
        "text": """Bridge to stay shut for six more weeks, officials say

Engineers found cracks in two of the bridge's piers last month.

Jane Holt
News reporter @janeholt

Tuesday 5 March 2024 06:00, UK

Officials said on Tuesday that the bridge over the river Wend would stay closed for at least six more weeks while engineers inspect its foundations.

Drivers have been told to use the ring road instead.""",
        "truth": {
            "headline": "Bridge to stay shut for six more weeks, officials say",
            "dateline_place": None,
            "dateline_date": None,
            "agency": None,
            "body_first_sentence": "Officials said on Tuesday that the bridge over the river Wend would stay closed for at least six more weeks while engineers inspect its foundations.",
        },
    },
    {
        "id": "own-structure-place-and-bare-credit-line",
        "pattern": ["web-paste", "byline-agency"],
        "published_at": "2024-03-05",
        "text": """Bridge to stay shut for six more weeks, officials say

By Jane Holt, CNN
3 minute read
Updated 6:00 AM EST, Tue March 5, 2024

Link Copied!

London CNN —
Officials said on Tuesday that the bridge over the river Wend would stay closed for at least six more weeks while engineers inspect its foundations.

Drivers have been told to use the ring road instead.""",
        "truth": {
            "headline": "Bridge to stay shut for six more weeks, officials say",
            "dateline_place": "London",
            "dateline_date": None,
            "agency": "CNN",
            "body_first_sentence": "Officials said on Tuesday that the bridge over the river Wend would stay closed for at least six more weeks while engineers inspect its foundations.",
        },
    },
    {
        "id": "own-structure-key-points-unmarked",
        "pattern": ["web-paste", "bullets"],
        "published_at": "2024-03-05",
        "text": """Bridge to stay shut for six more weeks, officials say

Published Tue, Mar 5 2024 6:00 AM EST
Jane Holt

Key Points
The bridge has been closed since January.
Engineers found cracks in two piers.

Officials said on Tuesday that the bridge over the river Wend would stay closed for at least six more weeks while engineers inspect its foundations.

Drivers have been told to use the ring road instead.""",
        "truth": {
            "headline": "Bridge to stay shut for six more weeks, officials say",
            "dateline_place": None,
            "dateline_date": None,
            "agency": None,
            "body_first_sentence": "Officials said on Tuesday that the bridge over the river Wend would stay closed for at least six more weeks while engineers inspect its foundations.",
        },
    },
    {
        "id": "own-structure-agency-signs-byline",
        "pattern": ["byline-agency", "web-paste"],
        "published_at": "2020-06-02",
        "text": """Bridge to stay shut for six more weeks, officials say

By Reuters Staff

2 Min Read

Officials said on Tuesday that the bridge over the river Wend would stay closed for at least six more weeks.

Drivers have been told to use the ring road instead.""",
        "truth": {
            "headline": "Bridge to stay shut for six more weeks, officials say",
            "dateline_place": None,
            "dateline_date": None,
            "agency": "Reuters",
            "body_first_sentence": "Officials said on Tuesday that the bridge over the river Wend would stay closed for at least six more weeks.",
        },
    },
    {
        "id": "own-structure-byline-bar-agency",
        "pattern": ["byline-agency", "web-paste"],
        "published_at": "2024-03-05",
        "text": """Ring road jams as bridge stays shut

Jane Holt | Reuters

Traffic queued for miles on the Calder ring road on Tuesday as the Wend bridge stayed closed for a third week.

Police advised drivers to leave early.""",
        "truth": {
            "headline": "Ring road jams as bridge stays shut",
            "dateline_place": None,
            "dateline_date": None,
            "agency": "Reuters",
            "body_first_sentence": "Traffic queued for miles on the Calder ring road on Tuesday as the Wend bridge stayed closed for a third week.",
        },
    },
    {
        "id": "own-structure-caption-sentence-above-dateline",
        "pattern": ["caption", "no-headline"],
        "published_at": "2021-03-09",
        "text": """A worker walks past the Norvale steel plant in Lyndhurst, England, March 3, 2021.

LYNDHURST, England (Reuters) - Norvale Steel said on Tuesday it would cut 400 jobs at its main plant after a fall in orders from carmakers.

The company said demand for coated steel had fallen by a fifth.""",
        "truth": {
            "headline": None,
            "dateline_place": "LYNDHURST, England",
            "dateline_date": None,
            "agency": "Reuters",
            "body_first_sentence": "Norvale Steel said on Tuesday it would cut 400 jobs at its main plant after a fall in orders from carmakers.",
        },
    },
    {
        "id": "own-structure-kicker-caption-bracket-credit",
        "pattern": ["caption", "furniture"],
        "published_at": "2024-03-05",
        "text": """WATCH:
Bridge to stay shut for six more weeks, officials say

The Wend bridge in Calder has been closed since January. (Jane Holt/Calder Post)

Officials said on Tuesday that the bridge over the river Wend would stay closed for at least six more weeks while engineers inspect its foundations.

Drivers have been told to use the ring road instead.""",
        "truth": {
            "headline": "Bridge to stay shut for six more weeks, officials say",
            "dateline_place": None,
            "dateline_date": None,
            "agency": None,
            "body_first_sentence": "Officials said on Tuesday that the bridge over the river Wend would stay closed for at least six more weeks while engineers inspect its foundations.",
        },
    },
]

# --- quotes ----------------------------------------------------------------------------------------
# Conventions (those of the shared dev set): a direct quote's span keeps its quotation marks; a quote
# split by its attribution spans from its first mark to its last, with "fragments" for the quoted
# pieces; an indirect quote's span is the reported content after the cue ("that" left out); a mixed
# quote spans the reported content with its quoted fragment(s). "speaker" is the canonical name (the
# full name even where the attribution says "she"), "at" the words standing at the attribution.


def q(
    kind: str, quote: str, speaker: str | None, at: str | None = None, frags: list[str] | None = None
) -> dict[str, Any]:
    """One quote annotation, located later from its strings."""
    return {"type": kind, "quote": quote, "speaker": speaker, "at": at, "frags": frags}


QUOTES: list[dict[str, Any]] = [
    {
        "id": "own-quotes-harbour-dredging",
        "text": """Harbour board approves dredging plan despite protests

PORTSMOUTH, England (Reuters) - The harbour board of the port city approved a plan on Monday to deepen its main shipping channel, despite protests from fishermen who say the work will destroy shellfish beds.

“We have listened to every objection, and we have changed the plan where we could,” the board's chairwoman, Miriam Castell, told reporters after the vote.

Castell said that the dredging would be carried out in winter to protect breeding fish.

Local fishermen believe the project will ruin the autumn oyster season.

“They are taking our living away one bucket at a time,” said Tom Hewlett, who has fished the harbour for thirty years.""",
        "quotes": [
            q("indirect", "the work will destroy shellfish beds", "fishermen", "fishermen"),
            q(
                "direct",
                "“We have listened to every objection, and we have changed the plan where we could,”",
                "Miriam Castell",
                "Miriam Castell",
            ),
            q(
                "indirect",
                "the dredging would be carried out in winter to protect breeding fish",
                "Miriam Castell",
                "Castell",
            ),
            q("direct", "“They are taking our living away one bucket at a time,”", "Tom Hewlett", "Tom Hewlett"),
        ],
    },
    {
        "id": "own-quotes-school-roof-split-pronoun",
        "text": """Snow brings down part of village school roof

Part of the roof of a primary school in the Austrian village of Hallwang collapsed under heavy snow overnight, but nobody was in the building.

"The roof was never designed for this much snow," Elena Varga, the school's head teacher, said on Tuesday. "We were lucky that it happened on a Sunday."

She said the building would stay closed until engineers had inspected every beam.

"Parents have been very patient," she added. "I would ask them to be patient a little longer."
""",
        "quotes": [
            q(
                "direct",
                '"The roof was never designed for this much snow," Elena Varga, the school\'s head teacher, said on Tuesday. "We were lucky that it happened on a Sunday."',
                "Elena Varga",
                "Elena Varga",
                ['"The roof was never designed for this much snow,"', '"We were lucky that it happened on a Sunday."'],
            ),
            q(
                "indirect",
                "the building would stay closed until engineers had inspected every beam",
                "Elena Varga",
                "She",
            ),
            q(
                "direct",
                '"Parents have been very patient," she added. "I would ask them to be patient a little longer."',
                "Elena Varga",
                "she",
                ['"Parents have been very patient,"', '"I would ask them to be patient a little longer."'],
            ),
        ],
    },
    {
        "id": "own-quotes-parking-across-paragraphs",
        "text": """Mayor defends parking charges at town hall

Mayor Daniel Okafor defended the new parking charges at a packed town hall meeting on Wednesday.

"Nobody likes paying more for parking. But every penny goes straight back into the roads you drive on every day.

"If we don't fix them now, we will pay three times as much in five years," Okafor said.

Several residents walked out before the meeting ended.""",
        "quotes": [
            q(
                "direct",
                '"Nobody likes paying more for parking. But every penny goes straight back into the roads you drive on every day.\n\n"If we don\'t fix them now, we will pay three times as much in five years,"',
                "Daniel Okafor",
                "Okafor",
                [
                    '"Nobody likes paying more for parking. But every penny goes straight back into the roads you drive on every day.',
                    '"If we don\'t fix them now, we will pay three times as much in five years,"',
                ],
            ),
        ],
    },
    {
        "id": "own-quotes-colon-introduced",
        "text": """Regional railway line faces closure

The transport minister, Agnieszka Wrona, put it bluntly on Thursday: "There is no more money for this railway."

The line between the two mountain towns carries fewer than 200 passengers a day.

In a statement, the operator Koleje Górskie said: “We regret the inconvenience to our passengers and will run replacement buses.”""",
        "quotes": [
            q("direct", '"There is no more money for this railway."', "Agnieszka Wrona", "Agnieszka Wrona"),
            q(
                "direct",
                "“We regret the inconvenience to our passengers and will run replacement buses.”",
                "Koleje Górskie",
                "Koleje Górskie",
            ),
        ],
    },
    {
        "id": "own-quotes-guillemets-mixed",
        "text": """Alpine states split over glacier clause

GENEVA (AFP) - Talks on a treaty to protect Alpine glaciers stalled on Friday as delegations argued over how binding its targets should be.

«We will not sign a text that ignores the glaciers,» said Swiss negotiator Lukas Brunner.

Brunner described the latest draft as «a step backwards» for mountain regions.

The Austrian delegation said it was still studying the proposal.""",
        "quotes": [
            q("direct", "«We will not sign a text that ignores the glaciers,»", "Lukas Brunner", "Lukas Brunner"),
            q("mixed", "the latest draft as «a step backwards» for mountain regions", "Lukas Brunner", "Brunner"),
            q("indirect", "it was still studying the proposal", "The Austrian delegation", "The Austrian delegation"),
        ],
    },
    {
        "id": "own-quotes-indirect-forms",
        "text": """Airline strike enters third day

COPENHAGEN, June 12 (Reuters) - The strike by cabin crew at Nordvik Air will cost the airline about 40 million crowns a day, chief financial officer Ruth Andersen said on Wednesday.

Summer bookings to southern Europe have fallen by a fifth since the walkout began, according to the Danish travel agents' association.

Transport minister Henrik Lund told reporters that the government would not intervene in the dispute.

The union's leader, Mette Skov, said her members were ready to stay out until August.""",
        "published_at": "2024-06-12",
        "quotes": [
            q(
                "indirect",
                "The strike by cabin crew at Nordvik Air will cost the airline about 40 million crowns a day",
                "Ruth Andersen",
                "Ruth Andersen",
            ),
            q(
                "indirect",
                "Summer bookings to southern Europe have fallen by a fifth since the walkout began",
                "the Danish travel agents' association",
                "the Danish travel agents' association",
            ),
            q("indirect", "the government would not intervene in the dispute", "Henrik Lund", "Henrik Lund"),
            q("indirect", "her members were ready to stay out until August", "Mette Skov", "Mette Skov"),
        ],
    },
    {
        "id": "own-quotes-spokeswoman-newspaper",
        "text": """Flood damages vaccine warehouses

The health ministry said in a statement that fresh vaccine shipments would reach the affected districts by the end of the month.

"Every regional clinic will receive its share," a ministry spokeswoman said. The spokeswoman declined to say how many doses had been lost.

The Valley Herald reported that two warehouses near the river had been under a metre of water. "The cold rooms were ruined within hours," the newspaper said, citing a warehouse manager.""",
        "quotes": [
            q(
                "indirect",
                "fresh vaccine shipments would reach the affected districts by the end of the month",
                "The health ministry",
                "The health ministry",
            ),
            q(
                "direct",
                '"Every regional clinic will receive its share,"',
                "a ministry spokeswoman",
                "a ministry spokeswoman",
            ),
            q(
                "indirect",
                "two warehouses near the river had been under a metre of water",
                "The Valley Herald",
                "The Valley Herald",
            ),
            q("direct", '"The cold rooms were ruined within hours,"', "The Valley Herald", "the newspaper"),
        ],
    },
    {
        "id": "own-quotes-mixed-called",
        "text": """Opposition vows to scrap car tax

Opposition leader Carla Mendes called the new vehicle tax "a punishment for anyone who lives outside a city" and promised to repeal it if her party wins the election.

Finance minister Paulo Serrano said the tax would raise 300 million euros a year for public transport.

"We are asking drivers to pay a fair share, not a fortune," Serrano said.""",
        "quotes": [
            q(
                "mixed",
                'the new vehicle tax "a punishment for anyone who lives outside a city"',
                "Carla Mendes",
                "Carla Mendes",
            ),
            q(
                "indirect",
                "the tax would raise 300 million euros a year for public transport",
                "Paulo Serrano",
                "Paulo Serrano",
            ),
            q("direct", '"We are asking drivers to pay a fair share, not a fortune,"', "Paulo Serrano", "Serrano"),
        ],
    },
    {
        "id": "own-quotes-belief-verbs-not-quotes",
        "text": """Scientists puzzle over shrinking lake

Researchers believe the lake has lost a third of its volume since 1990. Many farmers think the new dam upstream is to blame, and officials hope that a wet winter will refill it.

Investors expect water prices in the region to rise.

"We simply do not know yet why the water is going," said hydrologist Irina Pavlenko, who leads the survey.""",
        "quotes": [
            q("direct", '"We simply do not know yet why the water is going,"', "Irina Pavlenko", "Irina Pavlenko"),
        ],
    },
    {
        "id": "own-quotes-split-mid-sentence",
        "text": """Bakers warn of bread price rise

"Prices," said Jonas Keller, head of the regional bakers' guild, "will keep rising as long as flour costs what it does."

Keller said that smaller bakeries were already cutting their opening hours.

He warned that some would close before the winter.""",
        "quotes": [
            q(
                "direct",
                '"Prices," said Jonas Keller, head of the regional bakers\' guild, "will keep rising as long as flour costs what it does."',
                "Jonas Keller",
                "Jonas Keller",
                ['"Prices,"', '"will keep rising as long as flour costs what it does."'],
            ),
            q("indirect", "smaller bakeries were already cutting their opening hours", "Jonas Keller", "Keller"),
            q("indirect", "some would close before the winter", "Jonas Keller", "He"),
        ],
    },
    {
        "id": "own-quotes-organisation-speakers",
        "text": """Salmon farmer blames lice for weak quarter

Fjordlaks said in a statement on Thursday that sea lice outbreaks at two farms had cut its harvest by 8,000 tonnes.

The Norwegian Seafood Council said exports of farmed salmon fell 3 percent in the quarter.

"This is a bad year, not a bad decade," the company said.""",
        "quotes": [
            q(
                "indirect",
                "sea lice outbreaks at two farms had cut its harvest by 8,000 tonnes",
                "Fjordlaks",
                "Fjordlaks",
            ),
            q(
                "indirect",
                "exports of farmed salmon fell 3 percent in the quarter",
                "The Norwegian Seafood Council",
                "The Norwegian Seafood Council",
            ),
            q("direct", '"This is a bad year, not a bad decade,"', "Fjordlaks", "the company"),
        ],
    },
    {
        "id": "own-quotes-question-asked",
        "text": """Council split over new bridge

"Who is going to pay for the upkeep?" asked councillor Brian Mott at Monday's meeting.

The council's treasurer, Olwen Price, replied that the county would cover maintenance for the first ten years.

Asked whether tolls were being considered, Price said: "Not this year, and not while I am treasurer."
""",
        "quotes": [
            q("direct", '"Who is going to pay for the upkeep?"', "Brian Mott", "Brian Mott"),
            q("indirect", "the county would cover maintenance for the first ten years", "Olwen Price", "Olwen Price"),
            q("direct", '"Not this year, and not while I am treasurer."', "Olwen Price", "Price"),
        ],
    },
    {
        "id": "own-quotes-carried-over-paragraph",
        "text": """Coach quits after cup defeat

Coach Stefan Ilic resigned on Saturday after his team were knocked out of the cup by a second-division side.

"I take full responsibility for what happened on the pitch tonight," Ilic told a news conference.

"The players gave everything they had. It was not enough, and that is on me."

The club said it would name a caretaker coach on Monday.""",
        "quotes": [
            q("direct", '"I take full responsibility for what happened on the pitch tonight,"', "Stefan Ilic", "Ilic"),
            q(
                "direct",
                '"The players gave everything they had. It was not enough, and that is on me."',
                "Stefan Ilic",
                None,
            ),
            q("indirect", "it would name a caretaker coach on Monday", "The club", "The club"),
        ],
    },
    {
        "id": "own-quotes-wire-tass-style",
        "published_at": "2024-11-05",
        "text": """Regional airports to get new radar by 2026 — minister

KAZAN, November 5. /TASS/. Twelve regional airports will receive new radar systems by the end of 2026, Deputy Transport Minister Ruslan Gataullin said on Tuesday.

"The old equipment has served for forty years, and it deserves a rest," the deputy minister said.

According to Gataullin, the first systems will be installed in Kazan and Ulyanovsk next spring.""",
        "quotes": [
            q(
                "indirect",
                "Twelve regional airports will receive new radar systems by the end of 2026",
                "Ruslan Gataullin",
                "Ruslan Gataullin",
            ),
            q(
                "direct",
                '"The old equipment has served for forty years, and it deserves a rest,"',
                "Ruslan Gataullin",
                "the deputy minister",
            ),
            q(
                "indirect",
                "the first systems will be installed in Kazan and Ulyanovsk next spring",
                "Ruslan Gataullin",
                "Gataullin",
            ),
        ],
    },
    {
        "id": "own-quotes-mixed-fragment-said",
        "text": """Hospital waiting lists at record length

Health board chief Fiona McLeish said waiting lists had reached "a level none of us can accept" and that extra weekend clinics would open in March.

Patients' groups welcomed the clinics. "It is a start, but only a start," said Dev Mahal of the Patients' Forum.

Mahal said many patients had waited more than a year for hip operations.""",
        "quotes": [
            q(
                "mixed",
                'waiting lists had reached "a level none of us can accept" and that extra weekend clinics would open in March',
                "Fiona McLeish",
                "Fiona McLeish",
            ),
            q("direct", '"It is a start, but only a start,"', "Dev Mahal", "Dev Mahal"),
            q("indirect", "many patients had waited more than a year for hip operations", "Dev Mahal", "Mahal"),
        ],
    },
    {
        "id": "own-quotes-told-interview",
        "text": """Author returns prize money

Novelist Hanna Lindqvist told a Swedish radio station on Sunday that she would give her prize money to a literacy charity.

"I wrote the book in a library that no longer exists," she told the interviewer. "This is the least I can do."

Her publisher, Norstedt & Berg, said it supported her decision.""",
        "quotes": [
            q("indirect", "she would give her prize money to a literacy charity", "Hanna Lindqvist", "Hanna Lindqvist"),
            q(
                "direct",
                '"I wrote the book in a library that no longer exists," she told the interviewer. "This is the least I can do."',
                "Hanna Lindqvist",
                "she",
                ['"I wrote the book in a library that no longer exists,"', '"This is the least I can do."'],
            ),
            q("indirect", "it supported her decision", "Norstedt & Berg", "Norstedt & Berg"),
        ],
    },
]

QUOTES += [
    {
        "id": "own-quotes-negated-and-passive-cues",
        "pattern": ["non-speech-cue"],
        "text": """City weighs appeal over bus lane ruling

Mayor Ruth Okafor did not say whether the city would appeal the ruling, which struck down three new bus lanes on Monday.

The transport director was criticised for failing to consult shop owners before the lanes were painted.

Okafor said the city would study the judgment carefully before deciding what to do.

“We respect the court, and we will read every page of its decision,” she told reporters.""",
        "quotes": [
            q(
                "indirect",
                "the city would study the judgment carefully before deciding what to do",
                "Ruth Okafor",
                "Okafor",
            ),
            q("direct", "“We respect the court, and we will read every page of its decision,”", "Ruth Okafor", "she"),
        ],
    },
    {
        "id": "own-quotes-slogans-and-placards",
        "pattern": ["slogan"],
        "text": """Nurses protest against ward closure

Hundreds of nurses carried placards reading "No more cuts" outside the Linden hospital on Saturday.

A banner on the gate said "Hands off our ward".

"We will not let them close it without a fight," union organiser Priya Nand said.

Nand said the health board had not answered a letter sent by the union in March.""",
        "quotes": [
            q("direct", '"We will not let them close it without a fight,"', "Priya Nand", "Priya Nand"),
            q(
                "indirect",
                "the health board had not answered a letter sent by the union in March",
                "Priya Nand",
                "Nand",
            ),
        ],
    },
    {
        "id": "own-quotes-late-cues",
        "pattern": ["late-cue"],
        "text": """Border talks to resume next month

Talks on the disputed border would resume next month and both sides were ready to compromise on grazing rights, a junior foreign office minister said on Monday.

Prime Minister Alan Forde said on Saturday after a phone call with President Maria Lenz that the two countries would sign a grazing agreement in May.

The agreement would let herders cross the border for six months a year, the minister added.""",
        "quotes": [
            q(
                "indirect",
                "Talks on the disputed border would resume next month and both sides were ready to compromise on grazing rights",
                "a junior foreign office minister",
                "a junior foreign office minister",
            ),
            q("indirect", "the two countries would sign a grazing agreement in May", "Alan Forde", "Alan Forde"),
            q(
                "indirect",
                "The agreement would let herders cross the border for six months a year",
                "a junior foreign office minister",
                "the minister",
            ),
        ],
    },
    {
        "id": "own-quotes-asides-cut",
        "pattern": ["aside-run-on"],
        "text": """Bridge to reopen in May

Transport minister Sofia Lind said the Storbro bridge would reopen in May, which surprised commuters who had been told to expect a year of closures.

Engineers said the cracked bearings had been replaced; traffic will be limited to cars until June.

The opposition leader, Per Dahl, acknowledged the speed of the repairs, which he said had been better than he feared.""",
        "quotes": [
            q("indirect", "the Storbro bridge would reopen in May", "Sofia Lind", "Sofia Lind"),
            q("indirect", "the cracked bearings had been replaced", "Engineers", "Engineers"),
            q("indirect", "the speed of the repairs", "Per Dahl", "Per Dahl"),
            q("indirect", "had been better than he feared", "Per Dahl", "he"),
        ],
    },
    {
        "id": "own-quotes-title-with-organisation",
        "pattern": ["speaker-title-org"],
        "text": """Acme Media to cut 200 jobs in newsrooms

Acme Media's senior vice-president Jane Doyle said the company would cut 200 jobs in its regional newsrooms by the end of the year.

"Advertising has not come back and it is not going to," Doyle said in an interview.

Union representative Mark Oyelaran said the cuts would leave some towns without a single reporter.""",
        "quotes": [
            q(
                "indirect",
                "the company would cut 200 jobs in its regional newsrooms by the end of the year",
                "Jane Doyle",
                "Jane Doyle",
            ),
            q("direct", '"Advertising has not come back and it is not going to,"', "Jane Doyle", "Doyle"),
            q(
                "indirect",
                "the cuts would leave some towns without a single reporter",
                "Mark Oyelaran",
                "Mark Oyelaran",
            ),
        ],
    },
    {
        "id": "own-quotes-ministry-statement",
        "pattern": ["document-speaker"],
        "text": """Eastland summons envoy over expulsions

The Eastland foreign ministry said in a statement on Friday that the Westland ambassador had been summoned over the expulsion of two diplomats.

The statement said the expulsions were unjustified and would not go unanswered.

Westland's embassy declined to comment.""",
        "quotes": [
            q(
                "indirect",
                "the Westland ambassador had been summoned over the expulsion of two diplomats",
                "Eastland foreign ministry",
                "The Eastland foreign ministry",
            ),
            q(
                "indirect",
                "the expulsions were unjustified and would not go unanswered",
                "Eastland foreign ministry",
                "The statement",
            ),
        ],
    },
    {
        "id": "own-quotes-coordinated-subjects",
        "pattern": ["coordinated-speaker"],
        "text": """Unions and ministry trade blame over strike

The health minister, Ana Ruiz, and her deputy met union leaders on Monday, and Ruiz said afterwards that the strike planned for Friday was illegal.

Kai Brandt, who leads the nurses' union, met the minister and said the strike would go ahead.

"Nobody takes this decision lightly," Brandt said.""",
        "quotes": [
            q("indirect", "the strike planned for Friday was illegal", "Ana Ruiz", "Ruiz"),
            q("indirect", "the strike would go ahead", "Kai Brandt", "Kai Brandt"),
            q("direct", '"Nobody takes this decision lightly,"', "Kai Brandt", "Brandt"),
        ],
    },
]

# Issue 10, second batch: house styles (Reuters, AP, UK press, press releases, TASS) with the patterns
# held-out copy broke on. Conventions as above; in addition, what is not speech is not annotated: a
# cue with a plain noun object ("announced the extension", "called for unity"), a commitment or
# request to act ("agreed to meet", "promised to publish", "asked a court to block"), a negated or
# refused report, slogans, chants and placards. `at=None` makes the score check the speaker's name.
QUOTES += [
    {
        "id": "own-quotes-reuters-border-fence",
        "pattern": ["late-cue", "non-speech-cue"],
        "text": """Lithuania to extend Belarus border fence by 40 km

VILNIUS (Reuters) - Lithuania will extend its fence along the border with Belarus by another 40 kilometres next year to stop illegal crossings, Interior Minister Rasa Kelmene said on Tuesday.

The government announced the extension in August, after border guards turned back more than 300 people in a single week.

The fence had cut crossings by more than half since it was completed, a deputy interior minister, Tomas Valys, told a news conference, adding that drones would patrol the sections still open.

Kelmene agreed to meet Belarusian border officials next month but did not say whether the talks would cover the fence.""",
        "quotes": [
            q(
                "indirect",
                "Lithuania will extend its fence along the border with Belarus by another 40 kilometres next year to stop illegal crossings",
                "Rasa Kelmene",
                "Rasa Kelmene",
            ),
            q(
                "indirect",
                "The fence had cut crossings by more than half since it was completed",
                "Tomas Valys",
                "Tomas Valys",
            ),
            q("indirect", "drones would patrol the sections still open", "Tomas Valys", "Tomas Valys"),
        ],
    },
    {
        "id": "own-quotes-ap-teachers-strike",
        "pattern": ["coordinated-speaker", "speaker-title-org", "slogan", "non-speech-cue"],
        "text": """Teachers' strike enters second week in Ohio district

COLUMBUS, Ohio (AP) — Striking teachers in the Hollins Valley school district rejected a new contract offer on Sunday, and the superintendent said classes would stay canceled through Wednesday.

Superintendent Carla Mendes met union negotiators for six hours on Saturday and said afterward that the district could not afford the raises the union wants.

"We have put every dollar we have on the table," Mendes said.

Hollins Valley Education Association president Derek Wynn said the offer ignored class sizes.

Parents gathered outside the board office carrying signs that read "Let them teach" and "Fair pay now."

Wynn, a math teacher, called for calm on both sides.""",
        "quotes": [
            q("indirect", "classes would stay canceled through Wednesday", "Carla Mendes", "the superintendent"),
            q(
                "indirect",
                "the district could not afford the raises the union wants",
                "Carla Mendes",
                "Superintendent Carla Mendes",
            ),
            q("direct", '"We have put every dollar we have on the table,"', "Carla Mendes", "Mendes"),
            q("indirect", "the offer ignored class sizes", "Derek Wynn", None),
        ],
    },
    {
        "id": "own-quotes-uk-library-closures",
        "pattern": ["late-cue", "aside-run-on", "full-name", "non-speech-cue"],
        "text": """Council leader defends library closures

A council leader has defended plans to close six libraries, saying the authority faced "impossible choices".

Councillor Helen Marsh, who leads Northbridge Borough Council, told a scrutiny meeting on Wednesday that the closures would save £1.2 million a year.

"Nobody went into local government to shut libraries," Mrs Marsh said. "But the money simply is not there."

Campaigners, who handed in a petition with 8,000 signatures, said the council was abandoning the town's poorest residents.

The plans will be put to a vote of the full council next month, a council spokesman said.

Mrs Marsh was criticised for failing to publish the consultation results.""",
        "quotes": [
            q("mixed", 'the authority faced "impossible choices"', "Helen Marsh", "A council leader"),
            q("indirect", "the closures would save £1.2 million a year", "Helen Marsh", "Helen Marsh"),
            q(
                "direct",
                '"Nobody went into local government to shut libraries," Mrs Marsh said. "But the money simply is not there."',
                "Helen Marsh",
                None,
                ['"Nobody went into local government to shut libraries,"', '"But the money simply is not there."'],
            ),
            q("indirect", "the council was abandoning the town's poorest residents", "Campaigners", "Campaigners"),
            q(
                "indirect",
                "The plans will be put to a vote of the full council next month",
                "a council spokesman",
                "a council spokesman",
            ),
        ],
    },
    {
        "id": "own-quotes-businesswire-appointment",
        "pattern": ["speaker-title-org", "full-name", "non-speech-cue"],
        "text": """Northwind Robotics Names Priya Raman Chief Operating Officer

BOSTON--(BUSINESS WIRE)--March 4, 2025--Northwind Robotics, a maker of warehouse automation systems, today announced the appointment of Priya Raman as chief operating officer, effective April 1.

"Priya has scaled operations at three of the fastest-growing companies in our industry," said Northwind Robotics' chief executive officer, Martin Oduya. "She is the right person to take us into Europe."

Raman joins from Kestrel Logistics, where she was senior vice-president of operations.

"I am thrilled to join a team that has built such remarkable machines," said Raman.

Northwind Robotics' head of investor relations Lena Ford said the company expected to double its European headcount by 2026.

About Northwind Robotics

Northwind Robotics designs and builds autonomous mobile robots for warehouses.""",
        "quotes": [
            q(
                "direct",
                '"Priya has scaled operations at three of the fastest-growing companies in our industry," said Northwind Robotics\' chief executive officer, Martin Oduya. "She is the right person to take us into Europe."',
                "Martin Oduya",
                None,
                [
                    '"Priya has scaled operations at three of the fastest-growing companies in our industry,"',
                    '"She is the right person to take us into Europe."',
                ],
            ),
            q(
                "direct",
                '"I am thrilled to join a team that has built such remarkable machines,"',
                "Priya Raman",
                None,
            ),
            q("indirect", "the company expected to double its European headcount by 2026", "Lena Ford", None),
        ],
    },
    {
        "id": "own-quotes-reuters-journalist-detained",
        "pattern": ["document-speaker", "coordinated-speaker"],
        "text": """Moscow protests over detention of journalist in Riga

MOSCOW (Reuters) - Russia on Thursday protested against the detention of a Russian television journalist in Riga, and its foreign ministry said in a statement that the arrest was politically motivated.

The statement said the journalist, Oleg Simakov, had been held for two days without access to a lawyer.

"We regard this as a blatant attack on freedom of the press," the ministry said.

Latvia's state security service said Simakov was suspected of spying and would be charged next week.""",
        "quotes": [
            q("indirect", "the arrest was politically motivated", "foreign ministry", None),
            q(
                "indirect",
                "the journalist, Oleg Simakov, had been held for two days without access to a lawyer",
                "foreign ministry",
                None,
            ),
            q("direct", '"We regard this as a blatant attack on freedom of the press,"', "foreign ministry", None),
            q(
                "indirect",
                "Simakov was suspected of spying and would be charged next week",
                "Latvia's state security service",
                "Latvia's state security service",
            ),
        ],
    },
    {
        "id": "own-quotes-ap-border-crossing",
        "pattern": ["late-cue", "speaker-title-org", "non-speech-cue"],
        "text": """Croatia and Serbia to reopen border crossing to trucks

ZAGREB, Croatia (AP) — Croatia's prime minister said on Saturday after a phone call with his Serbian counterpart that the two countries would reopen the Bajakovo crossing to trucks within days.

Prime Minister Ivo Matic told reporters the crossing had been closed for "far too long."

Serbia's president, Dragana Ilic, was more cautious, saying only that talks would continue.

The two leaders agreed to meet in Belgrade in June.""",
        "quotes": [
            q(
                "indirect",
                "the two countries would reopen the Bajakovo crossing to trucks within days",
                "Ivo Matic",
                "Croatia's prime minister",
            ),
            q("mixed", 'the crossing had been closed for "far too long."', "Ivo Matic", "Ivo Matic"),
            q("indirect", "talks would continue", "Dragana Ilic", None),
        ],
    },
    {
        "id": "own-quotes-uk-sewer-march",
        "pattern": ["slogan", "non-speech-cue"],
        "text": """Thousands march against town-centre sewer tunnel

Thousands of people marched through Kendal on Saturday against a planned "super-sewer" under the town centre.

Marchers chanted "Not under our streets" and carried banners saying "Save the Kent".

The water company insists the tunnel is the only way to stop raw sewage reaching the river.

Organiser Beth Holloway, 34, said: "People are not against investment. They are against being ignored."

The company's so-called "engagement plan" has been criticised as a box-ticking exercise.""",
        "quotes": [
            q(
                "indirect",
                "the tunnel is the only way to stop raw sewage reaching the river",
                "The water company",
                "The water company",
            ),
            q(
                "direct",
                '"People are not against investment. They are against being ignored."',
                "Beth Holloway",
                "Beth Holloway",
            ),
        ],
    },
    {
        "id": "own-quotes-reuters-airline-court",
        "pattern": ["non-speech-cue", "late-cue"],
        "text": """Airline asks court to block pilots' Easter strike

FRANKFURT (Reuters) - German airline Nordflug asked a labour court on Monday to block a planned strike by its pilots, saying the walkout would strand 60,000 passengers over the Easter weekend.

The pilots' union said it was confident the court would allow the strike to go ahead.

Nordflug's chief financial officer Anke Roth promised to publish the airline's full offer, but declined to comment on the talks.

The court is expected to rule on Wednesday, a court spokeswoman said.""",
        "quotes": [
            q(
                "indirect",
                "the walkout would strand 60,000 passengers over the Easter weekend",
                "Nordflug",
                "German airline Nordflug",
            ),
            q(
                "indirect",
                "it was confident the court would allow the strike to go ahead",
                "The pilots' union",
                "The pilots' union",
            ),
            q(
                "indirect",
                "The court is expected to rule on Wednesday",
                "a court spokeswoman",
                "a court spokeswoman",
            ),
        ],
    },
    {
        "id": "own-quotes-reuters-grocer-deal",
        "pattern": ["late-cue", "aside-run-on", "full-name", "non-speech-cue"],
        "text": """Dutch grocer Verskoop to buy Belgian rival for 1.1 billion euros

AMSTERDAM (Reuters) - Dutch supermarket chain Verskoop has agreed to buy Belgian rival Marché Plus for 1.1 billion euros, the companies said on Wednesday.

Verskoop, which announced the acquisition after markets closed, said it expected savings of about 60 million euros a year by 2027.

"This brings together two families of stores that share the same values," Verskoop chief executive Joost Smeets said in a statement.

Smeets said the combined company would keep both brands.

Analysts at ING said the price looked reasonable.""",
        "quotes": [
            q(
                "indirect",
                "Dutch supermarket chain Verskoop has agreed to buy Belgian rival Marché Plus for 1.1 billion euros",
                "the companies",
                "the companies",
            ),
            q("indirect", "it expected savings of about 60 million euros a year by 2027", "Verskoop", "Verskoop"),
            q(
                "direct",
                '"This brings together two families of stores that share the same values,"',
                "Joost Smeets",
                "Joost Smeets",
            ),
            q("indirect", "the combined company would keep both brands", "Joost Smeets", None),
            q("indirect", "the price looked reasonable", "Analysts at ING", "Analysts"),
        ],
    },
    {
        "id": "own-quotes-ap-flood-relief",
        "pattern": ["non-speech-cue", "coordinated-speaker", "full-name"],
        "text": """Governor calls for calm after flood protests

JACKSON, Miss. (AP) — Gov. Lorraine Pettit called for unity on Tuesday after a second night of protests over the state's response to last week's floods.

Pettit announced a $40 million relief fund at a news conference in the state Capitol and said the first checks would go out Friday.

She did not say whether the National Guard would stay in the worst-hit counties.

"I hear the anger, and I share a good deal of it," Pettit said. "What I ask is that we direct it at the water, not at each other."

State Rep. Marcus Hale, a Democrat from Greenville, said the fund was "a start, but only a start.\"""",
        "quotes": [
            q("indirect", "the first checks would go out Friday", "Lorraine Pettit", None),
            q(
                "direct",
                '"I hear the anger, and I share a good deal of it," Pettit said. "What I ask is that we direct it at the water, not at each other."',
                "Lorraine Pettit",
                None,
                [
                    '"I hear the anger, and I share a good deal of it,"',
                    '"What I ask is that we direct it at the water, not at each other."',
                ],
            ),
            q("mixed", 'the fund was "a start, but only a start."', "Marcus Hale", "Marcus Hale"),
        ],
    },
    {
        "id": "own-quotes-uk-retailer-prices",
        "pattern": ["speaker-title-org", "full-name"],
        "text": """Retailer warns of price rises as energy costs bite

The boss of one of Britain's biggest retailers has warned that shoppers face higher prices well into next year.

Harcourt's chief executive, Simon Blake, told BBC Radio 4's Today programme that suppliers were still passing on higher energy bills.

"We are absorbing as much as we can, but we cannot absorb all of it," Mr Blake said.

He added that the chain would freeze the price of 500 basic items until March.

The British Retail Consortium said food inflation had slowed for a third month in a row.""",
        "quotes": [
            q("indirect", "shoppers face higher prices well into next year", "Simon Blake", "The boss"),
            q("indirect", "suppliers were still passing on higher energy bills", "Simon Blake", None),
            q("direct", '"We are absorbing as much as we can, but we cannot absorb all of it,"', "Simon Blake", None),
            q("indirect", "the chain would freeze the price of 500 basic items until March", "Simon Blake", None),
            q(
                "indirect",
                "food inflation had slowed for a third month in a row",
                "The British Retail Consortium",
                "The British Retail Consortium",
            ),
        ],
    },
    {
        "id": "own-quotes-prnewswire-cancer-centre",
        "pattern": ["speaker-title-org"],
        "text": """Lakeshore Health Opens New Cancer Centre in Duluth

DULUTH, Minn., Jan. 14, 2025 /PRNewswire/ -- Lakeshore Health today opened a $90 million cancer centre on its Duluth campus, bringing radiation therapy to patients who previously drove up to three hours for treatment.

"No family should have to choose between treatment and their job because the nearest machine is a morning's drive away," said Dr. Alicia Romero, medical director of oncology at Lakeshore Health.

Lakeshore Health president Tom Eriksen said the centre would treat its first patients in February and employ 85 people.

Media contact: Jenna Polk, 218-555-0142""",
        "quotes": [
            q(
                "direct",
                '"No family should have to choose between treatment and their job because the nearest machine is a morning\'s drive away,"',
                "Alicia Romero",
                None,
            ),
            q(
                "indirect",
                "the centre would treat its first patients in February and employ 85 people",
                "Tom Eriksen",
                None,
            ),
        ],
    },
    {
        "id": "own-quotes-reuters-copper-output",
        "pattern": ["late-cue", "aside-run-on", "document-speaker"],
        "text": """Chile's copper output falls for third month

SANTIAGO (Reuters) - Copper production in Chile, the world's largest producer, fell 4.2% in March from a year earlier as lower ore grades hit several big mines, the national statistics institute said on Monday.

Output at the state-owned Codelco fell 7%, the company said in a separate statement, citing maintenance at its El Teniente mine.

Mining minister Aurora Sepulveda said production would recover in the second half, when two expansion projects come on line, though she warned that water shortages remained a risk.

"We are not worried about the long term," Sepulveda said.""",
        "quotes": [
            q(
                "indirect",
                "Copper production in Chile, the world's largest producer, fell 4.2% in March from a year earlier as lower ore grades hit several big mines",
                "the national statistics institute",
                "the national statistics institute",
            ),
            q("indirect", "Output at the state-owned Codelco fell 7%", "Codelco", None),
            q(
                "indirect",
                "production would recover in the second half, when two expansion projects come on line",
                "Aurora Sepulveda",
                "Aurora Sepulveda",
            ),
            q("indirect", "water shortages remained a risk", "Aurora Sepulveda", None),
            q("direct", '"We are not worried about the long term,"', "Aurora Sepulveda", "Sepulveda"),
        ],
    },
    {
        "id": "own-quotes-ap-farm-bill",
        "pattern": ["coordinated-speaker", "full-name"],
        "text": """Senators clash over farm bill

WASHINGTON (AP) — Sen. Ruth Calder, the Republican chair of the agriculture committee, met Democratic leaders on Thursday, and Sen. Omar Haddad said afterward that a deal on crop insurance was within reach.

Calder told reporters she was less optimistic, saying the two sides remained far apart on food stamps.

The Congressional Budget Office estimated that the bill would cost $1.4 trillion over ten years.

Haddad said he hoped to finish the bill before the August recess.""",
        "quotes": [
            q("indirect", "a deal on crop insurance was within reach", "Omar Haddad", None),
            q("indirect", "she was less optimistic", "Ruth Calder", None),
            q("indirect", "the two sides remained far apart on food stamps", "Ruth Calder", None),
            q(
                "indirect",
                "the bill would cost $1.4 trillion over ten years",
                "The Congressional Budget Office",
                "The Congressional Budget Office",
            ),
            q("indirect", "he hoped to finish the bill before the August recess", "Omar Haddad", None),
        ],
    },
    {
        "id": "own-quotes-uk-rail-fares",
        "pattern": ["late-cue", "non-speech-cue"],
        "text": """Rail fares to rise by 4.6 per cent

Regulated rail fares in England will rise by 4.6 per cent in March, the smallest increase for three years, the Department for Transport said on Thursday.

Passenger groups said the rise would still price many commuters off the railway.

"Every year fares go up and every year the trains get worse," said Clare Dunmore, of the campaign group Fair Rail.

A spokesman for the Department for Transport said the increase was below inflation and would help fund new trains, but he declined to say how many would be ordered.""",
        "quotes": [
            q(
                "indirect",
                "Regulated rail fares in England will rise by 4.6 per cent in March, the smallest increase for three years",
                "Department for Transport",
                "the Department for Transport",
            ),
            q(
                "indirect",
                "the rise would still price many commuters off the railway",
                "Passenger groups",
                "Passenger groups",
            ),
            q(
                "direct",
                '"Every year fares go up and every year the trains get worse,"',
                "Clare Dunmore",
                "Clare Dunmore",
            ),
            q(
                "indirect",
                "the increase was below inflation and would help fund new trains",
                "Department for Transport",
                "A spokesman",
            ),
        ],
    },
    {
        "id": "own-quotes-tass-sanctions-statement",
        "pattern": ["document-speaker", "late-cue"],
        "text": """Russia's Foreign Ministry slams new EU sanctions

MOSCOW, May 12. /TASS/. The new sanctions announced by the European Union will hurt European businesses more than Russia, the Russian Foreign Ministry said in a statement on Friday.

"Brussels has once again chosen the path of confrontation," the statement said.

According to the ministry, Moscow will respond to the measures "in a balanced way".

Russia has repeatedly said that sanctions have failed to achieve their goals.""",
        "quotes": [
            q(
                "indirect",
                "The new sanctions announced by the European Union will hurt European businesses more than Russia",
                "Russian Foreign Ministry",
                "the Russian Foreign Ministry",
            ),
            q(
                "direct",
                '"Brussels has once again chosen the path of confrontation,"',
                "Russian Foreign Ministry",
                None,
            ),
            q("mixed", 'Moscow will respond to the measures "in a balanced way"', "Russian Foreign Ministry", None),
            q("indirect", "sanctions have failed to achieve their goals", "Russia", "Russia"),
        ],
    },
    {
        "id": "own-quotes-ap-court-filing",
        "pattern": ["non-speech-cue", "speaker-title-org"],
        "text": """Tech firm asks judge to dismiss privacy lawsuit

SAN FRANCISCO (AP) — Brightlane Inc. asked a federal judge on Friday to throw out a lawsuit accusing it of selling drivers' location data, arguing that customers had agreed to the sharing in its terms of service.

The company promised to delete data older than two years but denied any wrongdoing.

Lawyers for the plaintiffs said the terms were buried in a 40-page document that nobody reads.

Brightlane's general counsel, Amy Ochoa, said in an email that the company would "vigorously defend" itself.""",
        "quotes": [
            q(
                "indirect",
                "customers had agreed to the sharing in its terms of service",
                "Brightlane Inc.",
                "Brightlane Inc.",
            ),
            q(
                "indirect",
                "the terms were buried in a 40-page document that nobody reads",
                "Lawyers for the plaintiffs",
                "Lawyers",
            ),
            q("mixed", 'the company would "vigorously defend" itself', "Amy Ochoa", None),
        ],
    },
    {
        "id": "own-quotes-coordinated-and-hyphenated-titles",
        "pattern": ["coordinated-speaker", "speaker-title-org", "full-name"],
        "text": """Bus drivers to vote on pay offer

GLASGOW (Reuters) - The drivers' union met managers of Clydeway Buses on Thursday and its general secretary, Morag Lennie, said members would be balloted on the offer within a fortnight.

Clydeway's executive vice-president Owen Pryce said the offer was the best the company could afford.

The company hired 150 drivers last year and its finance director, Ailsa Grant, said wage costs had risen by a fifth since 2022.

Lennie told reporters that drivers had not had a real-terms rise for six years.""",
        "quotes": [
            q(
                "indirect",
                "members would be balloted on the offer within a fortnight",
                "Morag Lennie",
                "Morag Lennie",
            ),
            q("indirect", "the offer was the best the company could afford", "Owen Pryce", "Owen Pryce"),
            q("indirect", "wage costs had risen by a fifth since 2022", "Ailsa Grant", "Ailsa Grant"),
            q("indirect", "drivers had not had a real-terms rise for six years", "Morag Lennie", "Lennie"),
        ],
    },
    {
        "id": "own-quotes-ministries-of-two-countries",
        "pattern": ["document-speaker"],
        "text": """Grain corridor talks collapse

ISTANBUL (Reuters) - Moldova's agriculture ministry said on Tuesday that talks on a grain corridor had collapsed. In a statement, it said shipments would be diverted by rail.

Romania's transport ministry said the border crossing at Giurgiulesti would stay open.

The Danube Shipping Company said on Wednesday it would suspend two routes. The ministry said in a separate statement that it would compensate exporters for the delays.""",
        "quotes": [
            q(
                "indirect",
                "talks on a grain corridor had collapsed",
                "Moldova's agriculture ministry",
                "Moldova's agriculture ministry",
            ),
            q("indirect", "shipments would be diverted by rail", "Moldova's agriculture ministry", "it"),
            q(
                "indirect",
                "the border crossing at Giurgiulesti would stay open",
                "Romania's transport ministry",
                "Romania's transport ministry",
            ),
            q("indirect", "it would suspend two routes", "Danube Shipping Company", "The Danube Shipping Company"),
            q(
                "indirect",
                "it would compensate exporters for the delays",
                "Romania's transport ministry",
                "The ministry",
            ),
        ],
    },
    {
        "id": "own-quotes-anonymous-sources-and-glosses",
        "pattern": ["late-cue", "aside-run-on", "non-speech-cue"],
        "text": """Retailer to shut 40 stores

LONDON (Reuters) - Harwell & Price will close 40 of its department stores next year, three people with knowledge of the plans said, asking not to be named because the decision has not been announced.

One of the people, who asked not to be identified, said about 2,000 jobs were at risk.

Harwell & Price declined to comment. Chief executive Nadia Fenwick told investors in March that the chain had no plans to shrink, a promise she repeated in June.""",
        "quotes": [
            q(
                "indirect",
                "Harwell & Price will close 40 of its department stores next year",
                "three people with knowledge of the plans",
                "three people",
            ),
            q("indirect", "about 2,000 jobs were at risk", "One of the people", "One of the people"),
            q("indirect", "the chain had no plans to shrink", "Nadia Fenwick", "Nadia Fenwick"),
        ],
    },
    {
        "id": "own-quotes-quoted-as-saying-and-captions",
        "pattern": ["furniture", "caption", "document-speaker"],
        "text": """Border crossing to stay closed

ALMATY (Reuters) - The Interfax news agency quoted a customs official as saying the crossing would stay closed until the end of the month.

FILE PHOTO: Lorry drivers, who say the closure is "a disaster", wait at the border near Khorgos, Kazakhstan, May 3, 2024. REUTERS/Pavel Mikheyev/File Photo

Kazakh state media quoted Deputy Transport Minister Aidos Serikov as saying talks with China would resume next week.

Drivers wait in a queue at the crossing, which one called "a car park". (Photo by Ruslan Pryanikov/AFP)""",
        "quotes": [
            q(
                "indirect",
                "the crossing would stay closed until the end of the month",
                "a customs official",
                "a customs official",
            ),
            q("indirect", "talks with China would resume next week", "Aidos Serikov", "Aidos Serikov"),
        ],
    },
    {
        "id": "own-quotes-unnamed-speakers-and-far-clauses",
        "pattern": ["late-cue", "coordinated-speaker"],
        "text": """Ferry operator cuts winter sailings

OBAN, Scotland (Reuters) - The transport secretary said on Thursday after a meeting with island councils in Inverness that the ferry contract would be reviewed.

Managing director Fiona Baird said the company would run fewer winter sailings. A spokeswoman for the operator said the cuts would affect three routes. She added that fares would be frozen until April.

Island councillor Ewan MacLeod said the decision was a blow to local businesses. The minister said a replacement vessel would be ordered next year.""",
        "quotes": [
            q("indirect", "the ferry contract would be reviewed", "The transport secretary", "The transport secretary"),
            q("indirect", "the company would run fewer winter sailings", "Fiona Baird", "Fiona Baird"),
            q("indirect", "the cuts would affect three routes", "A spokeswoman", "A spokeswoman"),
            q("indirect", "fares would be frozen until April", "A spokeswoman", "She"),
            q("indirect", "the decision was a blow to local businesses", "Ewan MacLeod", "Ewan MacLeod"),
            q("indirect", "a replacement vessel would be ordered next year", "The minister", "The minister"),
        ],
    },
    {
        "id": "own-quotes-nicknames-titles-and-sign-offs",
        "pattern": ["slogan", "furniture"],
        "text": """Senator hosts annual crab feast

ANNAPOLIS, Md. (AP) - Sen. Margaret A. "Peggy" Hollis opened her family's farm to about 300 supporters on Saturday for her annual crab feast.

Hollis, who is 5'11" tall and a former college rower, said the event had raised $40,000 for a local food bank.

Her memoir, "Tides and Turns," came out last spring. Guests watched a short film, "The Bay at Dawn," before dinner.

"We do this because it is what neighbours do," Hollis said.

"Follow Tom Greer on Twitter @tomgreer." """,
        "quotes": [
            q("indirect", "the event had raised $40,000 for a local food bank", "Margaret A. Hollis", "Hollis"),
            q("direct", '"We do this because it is what neighbours do,"', "Margaret A. Hollis", "Hollis"),
        ],
    },
    {
        "id": "own-quotes-intent-evidence-and-convening",
        "pattern": ["non-speech-cue"],
        "text": """Council to meet over school closures

LEEDS, England (Reuters) - The city council called an emergency meeting on Friday after three schools were shut by flooding.

Councillor Priya Shah plans to call on ministers to fund the repairs. A survey of the buildings indicates the damage will take months to fix; the council's education chief says the schools will reopen in January.

"We are doing everything we can," Shah said, and soon the meeting moved on to the budget.

Opposition members dared the council leader to say that no school would close for good.""",
        "quotes": [
            q("indirect", "the schools will reopen in January", "the council's education chief", "education chief"),
            q("direct", '"We are doing everything we can,"', "Priya Shah", "Shah"),
        ],
    },
]

# --- NER -------------------------------------------------------------------------------------------
# CoNLL-2003 style: PER, ORG, LOC, MISC (nationalities, events, languages, titles of works); exact
# spans without "the", titles ("President") or a possessive 's. Entities are listed in text order.

NER: list[dict[str, Any]] = [
    {
        "id": "own-ner-rowing",
        "text": "ROWING - NORWEGIAN PAIR WIN IN LUCERNE .\nLUCERNE , Switzerland 1996-07-14\nNorwegians Erik Solberg and Lars Moe won the coxless pairs at the Lucerne regatta on Sunday , beating the German crew by two seconds .",
        "entities": [
            ("NORWEGIAN", "MISC"),
            ("LUCERNE", "LOC"),
            ("LUCERNE", "LOC"),
            ("Switzerland", "LOC"),
            ("Norwegians", "MISC"),
            ("Erik Solberg", "PER"),
            ("Lars Moe", "PER"),
            ("Lucerne", "LOC"),
            ("German", "MISC"),
        ],
    },
    {
        "id": "own-ner-bank-results",
        "text": "Banco Meridional reported a 12 percent rise in first-half profit on Tuesday , its chief executive Rui Albuquerque told reporters in Lisbon .\nThe bank said lending in Brazil and Angola had grown faster than in Portugal .",
        "entities": [
            ("Banco Meridional", "ORG"),
            ("Rui Albuquerque", "PER"),
            ("Lisbon", "LOC"),
            ("Brazil", "LOC"),
            ("Angola", "LOC"),
            ("Portugal", "LOC"),
        ],
    },
    {
        "id": "own-ner-un-envoy",
        "text": "The United Nations envoy for Yemen , Karl Henningsen , met officials of the Saudi-led coalition in Riyadh on Monday , a U.N. spokesman said .",
        "entities": [
            ("United Nations", "ORG"),
            ("Yemen", "LOC"),
            ("Karl Henningsen", "PER"),
            ("Saudi-led", "MISC"),
            ("Riyadh", "LOC"),
            ("U.N.", "ORG"),
        ],
    },
    {
        "id": "own-ner-football",
        "text": "SOCCER - ROVERS SIGN DUTCH STRIKER .\nBLACKBURN , England 1996-08-22\nBlackburn Rovers have signed Dutch striker Pieter van Hal from Feyenoord for 2.5 million pounds , the English club said on Thursday .",
        "entities": [
            ("ROVERS", "ORG"),
            ("DUTCH", "MISC"),
            ("BLACKBURN", "LOC"),
            ("England", "LOC"),
            ("Blackburn Rovers", "ORG"),
            ("Dutch", "MISC"),
            ("Pieter van Hal", "PER"),
            ("Feyenoord", "ORG"),
            ("English", "MISC"),
        ],
    },
    {
        "id": "own-ner-elections",
        "text": "Voters in Kenya go to the polls on Thursday in an election that President Daniel Mwangi is expected to win .\nObservers from the European Union and the African Union will monitor the vote in Nairobi and Mombasa .",
        "entities": [
            ("Kenya", "LOC"),
            ("Daniel Mwangi", "PER"),
            ("European Union", "ORG"),
            ("African Union", "ORG"),
            ("Nairobi", "LOC"),
            ("Mombasa", "LOC"),
        ],
    },
    {
        "id": "own-ner-airline-order",
        "text": "Singapore Airlines has ordered 20 Airbus A350 jets , the carrier said on Wednesday .\nChief executive Tan Wei Ling said the planes would fly on routes to Europe and Australia from 2028 .",
        "entities": [
            ("Singapore Airlines", "ORG"),
            ("Airbus", "ORG"),
            ("A350", "MISC"),
            ("Tan Wei Ling", "PER"),
            ("Europe", "LOC"),
            ("Australia", "LOC"),
        ],
    },
    {
        "id": "own-ner-tennis",
        "text": "TENNIS - KOVAC BEATS MARTINEZ IN TORONTO .\nTORONTO 1996-08-02\nCroatian Ivana Kovac beat Spain's Lucia Martinez 6-3 7-5 on Friday to reach the semifinals of the Canadian Open .",
        "entities": [
            ("KOVAC", "PER"),
            ("MARTINEZ", "PER"),
            ("TORONTO", "LOC"),
            ("TORONTO", "LOC"),
            ("Croatian", "MISC"),
            ("Ivana Kovac", "PER"),
            ("Spain", "LOC"),
            ("Lucia Martinez", "PER"),
            ("Canadian Open", "MISC"),
        ],
    },
    {
        "id": "own-ner-oil",
        "text": "Brent crude rose 40 cents in London on Friday after the Organisation of the Petroleum Exporting Countries said it would keep output unchanged .\nTraders at Goldman Sachs said Iraqi exports through Turkey remained low .",
        "entities": [
            ("Brent", "MISC"),
            ("London", "LOC"),
            ("Organisation of the Petroleum Exporting Countries", "ORG"),
            ("Goldman Sachs", "ORG"),
            ("Iraqi", "MISC"),
            ("Turkey", "LOC"),
        ],
    },
    {
        "id": "own-ner-court",
        "text": "A court in Frankfurt on Tuesday fined the carmaker Volkswagen 40 million euros .\nJudge Maria Brandt said Volkswagen had misled buyers in Germany and Austria .",
        "entities": [
            ("Frankfurt", "LOC"),
            ("Volkswagen", "ORG"),
            ("Maria Brandt", "PER"),
            ("Volkswagen", "ORG"),
            ("Germany", "LOC"),
            ("Austria", "LOC"),
        ],
    },
    {
        "id": "own-ner-festival",
        "text": "The Edinburgh Festival opened on Friday with a new play by Scottish writer Fiona Drummond .\nOrganisers said tickets for shows at the Royal Lyceum Theatre had sold out .",
        "entities": [
            ("Edinburgh Festival", "MISC"),
            ("Scottish", "MISC"),
            ("Fiona Drummond", "PER"),
            ("Royal Lyceum Theatre", "LOC"),
        ],
    },
    {
        "id": "own-ner-cricket",
        "text": "CRICKET - PAKISTAN BEAT SRI LANKA BY FIVE WICKETS .\nKARACHI 1996-09-15\nPakistan beat Sri Lanka by five wickets in the first one-day international in Karachi on Sunday , with Imran Siddiqui scoring 84 not out .",
        "entities": [
            ("PAKISTAN", "LOC"),
            ("SRI LANKA", "LOC"),
            ("KARACHI", "LOC"),
            ("Pakistan", "LOC"),
            ("Sri Lanka", "LOC"),
            ("Karachi", "LOC"),
            ("Imran Siddiqui", "PER"),
        ],
    },
    {
        "id": "own-ner-tech",
        "text": "Microsoft agreed to buy the Finnish software maker Kuusi Systems for 300 million dollars , the companies said in Helsinki on Monday .\nKuusi founder Jari Lehtonen will join Microsoft as a vice president .",
        "entities": [
            ("Microsoft", "ORG"),
            ("Finnish", "MISC"),
            ("Kuusi Systems", "ORG"),
            ("Helsinki", "LOC"),
            ("Kuusi", "ORG"),
            ("Jari Lehtonen", "PER"),
            ("Microsoft", "ORG"),
        ],
    },
    {
        "id": "own-ner-police",
        "text": "Police in Marseille arrested three men on Saturday after a robbery at a jeweller near the Old Port , a police spokesman said .\nThe French interior minister , Claire Dubois , praised the officers .",
        "entities": [("Marseille", "LOC"), ("Old Port", "LOC"), ("French", "MISC"), ("Claire Dubois", "PER")],
    },
    {
        "id": "own-ner-summit",
        "text": "Leaders of the Group of Seven met in Tokyo on Thursday .\nJapanese Prime Minister Kenji Morita said the summit would discuss trade with China and the situation in Ukraine .\nThe talks will continue at the Imperial Hotel on Friday .",
        "entities": [
            ("Group of Seven", "ORG"),
            ("Tokyo", "LOC"),
            ("Japanese", "MISC"),
            ("Kenji Morita", "PER"),
            ("China", "LOC"),
            ("Ukraine", "LOC"),
            ("Imperial Hotel", "LOC"),
        ],
    },
    {
        "id": "own-ner-golf",
        "text": "GOLF - SWEDE LEADS BRITISH MASTERS .\nWOBURN , England 1996-09-20\nSweden 's Anders Holm shot a five-under-par 67 on Friday to take a two-stroke lead in the British Masters .\nAmerican Tom Bradley was second .",
        "entities": [
            ("SWEDE", "MISC"),
            ("BRITISH MASTERS", "MISC"),
            ("WOBURN", "LOC"),
            ("England", "LOC"),
            ("Sweden", "LOC"),
            ("Anders Holm", "PER"),
            ("British Masters", "MISC"),
            ("American", "MISC"),
            ("Tom Bradley", "PER"),
        ],
    },
    {
        "id": "own-ner-shipping",
        "text": "Danish shipping group Maersk said on Wednesday its ships would avoid the Red Sea until further notice .\nThe decision will add about ten days to voyages between Asia and Rotterdam , analyst Sofie Lund of Jyske Bank said .",
        "entities": [
            ("Danish", "MISC"),
            ("Maersk", "ORG"),
            ("Red Sea", "LOC"),
            ("Asia", "LOC"),
            ("Rotterdam", "LOC"),
            ("Sofie Lund", "PER"),
            ("Jyske Bank", "ORG"),
        ],
    },
]


NER += [
    {
        "id": "own-ner-particles",
        "pattern": ["name-particles"],
        "text": "Commission President Anna von der Berg met Dutch minister Pieter van den Broek in Brussels on Monday .\nBrazilian senator Luiz de Souza joined the talks by video from Brasilia .",
        "entities": [
            ("Anna von der Berg", "PER"),
            ("Dutch", "MISC"),
            ("Pieter van den Broek", "PER"),
            ("Brussels", "LOC"),
            ("Brazilian", "MISC"),
            ("Luiz de Souza", "PER"),
            ("Brasilia", "LOC"),
        ],
    },
    {
        "id": "own-ner-brexit-platforms",
        "pattern": ["not-a-person"],
        "text": "The Brexit deal was attacked on Twitter by Tom Hale , a councillor in Leeds .\nHale later posted a video on Facebook saying Brexit had cost the city jobs .",
        "entities": [
            ("Brexit", "MISC"),
            ("Twitter", "ORG"),
            ("Tom Hale", "PER"),
            ("Leeds", "LOC"),
            ("Hale", "PER"),
            ("Facebook", "ORG"),
            ("Brexit", "MISC"),
        ],
    },
    {
        "id": "own-ner-clubs-schools",
        "pattern": ["clubs-schools"],
        "text": "Manchester United beat Leeds United 2-0 at Old Trafford on Saturday .\nPupils from St Mary's College and Lincoln High School were guests of the club .",
        "entities": [
            ("Manchester United", "ORG"),
            ("Leeds United", "ORG"),
            ("Old Trafford", "LOC"),
            ("St Mary's College", "ORG"),
            ("Lincoln High School", "ORG"),
        ],
    },
    {
        "id": "own-ner-companies",
        "pattern": ["companies"],
        "text": "Greenfield Capital agreed to buy Norvale Steel for 900 million pounds .\nShares in Norvale rose 12 percent in London , while Kessel Motors said it would keep buying steel from the plant .",
        "entities": [
            ("Greenfield Capital", "ORG"),
            ("Norvale Steel", "ORG"),
            ("Norvale", "ORG"),
            ("London", "LOC"),
            ("Kessel Motors", "ORG"),
        ],
    },
]


# Modern wire and web sentences (issue 10, second round), untokenised: particles, suffixes and heads,
# platforms and outlets, bylines. "pattern" names the mechanism each record exercises.
NER += [
    {
        "id": "own-ner-particles-bin-van-da-al",
        "pattern": ["name-particles"],
        "text": "Saudi Crown Prince Khalid bin Rashid met Dutch Prime Minister Jan van der Meer in Riyadh on Monday, while Brazil's Luiz da Costa and Lebanon's Walid al-Khoury joined by video.",
        "entities": [
            ("Saudi", "MISC"),
            ("Khalid bin Rashid", "PER"),
            ("Dutch", "MISC"),
            ("Jan van der Meer", "PER"),
            ("Riyadh", "LOC"),
            ("Brazil", "LOC"),
            ("Luiz da Costa", "PER"),
            ("Lebanon", "LOC"),
            ("Walid al-Khoury", "PER"),
        ],
    },
    {
        "id": "own-ner-particles-von-de-la",
        "pattern": ["name-particles"],
        "text": "Commission President Anna von der Berg told lawmakers in Strasbourg that talks with Maria de la Cruz, Mexico's economy minister, would resume in June.",
        "entities": [
            ("Commission", "ORG"),
            ("Anna von der Berg", "PER"),
            ("Strasbourg", "LOC"),
            ("Maria de la Cruz", "PER"),
            ("Mexico", "LOC"),
        ],
    },
    {
        "id": "own-ner-company-suffixes",
        "pattern": ["companies"],
        "text": "Norvale Holdings Ltd said on Monday it had agreed to sell its stake in Kessel Motors Corp to Greenfield Capital Inc for $1.2 billion.",
        "entities": [("Norvale Holdings Ltd", "ORG"), ("Kessel Motors Corp", "ORG"), ("Greenfield Capital Inc", "ORG")],
    },
    {
        "id": "own-ner-company-plc-ampersand",
        "pattern": ["companies"],
        "text": "Shares in Harbourside Group Plc fell 8 percent in London after the retailer warned on profits, while rival Marlow & Finch Ltd rose.",
        "entities": [("Harbourside Group Plc", "ORG"), ("London", "LOC"), ("Marlow & Finch Ltd", "ORG")],
    },
    {
        "id": "own-ner-schools-party-ministry",
        "pattern": ["clubs-schools"],
        "text": "Students at Lincoln High School and researchers from the University of Eastfield joined a protest organised by the Green Party outside the Ministry of Education in Leeds.",
        "entities": [
            ("Lincoln High School", "ORG"),
            ("University of Eastfield", "ORG"),
            ("Green Party", "ORG"),
            ("Ministry of Education", "ORG"),
            ("Leeds", "LOC"),
        ],
    },
    {
        "id": "own-ner-school-possessive-academy",
        "pattern": ["clubs-schools"],
        "text": "Pupils from St Anne's School and Hillcrest Academy won the national debating final in Cardiff, organisers said.",
        "entities": [("St Anne's School", "ORG"), ("Hillcrest Academy", "ORG"), ("Cardiff", "LOC")],
    },
    {
        "id": "own-ner-clubs-opener-suffix",
        "pattern": ["clubs-schools"],
        "text": "Real Kessel FC beat Dinamo Varna 2-1 on Saturday, and Eastfield Rovers drew 0-0 with Harbour Athletic in Glasgow.",
        "entities": [
            ("Real Kessel FC", "ORG"),
            ("Dinamo Varna", "ORG"),
            ("Eastfield Rovers", "ORG"),
            ("Harbour Athletic", "ORG"),
            ("Glasgow", "LOC"),
        ],
    },
    {
        "id": "own-ner-platforms-brexit",
        "pattern": ["not-a-person"],
        "text": "In a post on Twitter, Tom Hale said Brexit had hurt fishermen, and he repeated the claim on Facebook and in a video on YouTube.",
        "entities": [
            ("Twitter", "ORG"),
            ("Tom Hale", "PER"),
            ("Brexit", "MISC"),
            ("Facebook", "ORG"),
            ("YouTube", "ORG"),
        ],
    },
    {
        "id": "own-ner-platforms-label",
        "pattern": ["not-a-person"],
        "text": "The singer Mara Lind announced her tour on Instagram and TikTok, drawing two million views, her label Northstar Records said.",
        "entities": [("Mara Lind", "PER"), ("Instagram", "ORG"), ("TikTok", "ORG"), ("Northstar Records", "ORG")],
    },
    {
        "id": "own-ner-outlets",
        "pattern": ["outlets"],
        "text": "The minister will resign next week, the Daily Courier reported, citing two aides, a claim his spokesman denied in an interview with the Financial Times. Brexit has cost the port hundreds of jobs, Hale told the Valley Gazette on Sunday.",
        "entities": [
            ("Daily Courier", "ORG"),
            ("Financial Times", "ORG"),
            ("Brexit", "MISC"),
            ("Hale", "PER"),
            ("Valley Gazette", "ORG"),
        ],
    },
    {
        "id": "own-ner-byline-dateline",
        "pattern": ["bylines"],
        "text": "Norvale Steel cuts 400 jobs\nBy Jane Holt\nLONDON (Reuters) - Norvale Steel said on Tuesday it would cut 400 jobs at its plant in Lyndhurst.",
        "entities": [
            ("Norvale Steel", "ORG"),
            ("Jane Holt", "PER"),
            ("LONDON", "LOC"),
            ("Reuters", "ORG"),
            ("Norvale Steel", "ORG"),
            ("Lyndhurst", "LOC"),
        ],
    },
    {
        "id": "own-ner-agency-apposition",
        "pattern": ["outlets"],
        "text": "Defence Minister Ahmed bin Saeed said the ministry would buy six ships from Norvale Shipyards, the state news agency WAM reported.",
        "entities": [("Ahmed bin Saeed", "PER"), ("Norvale Shipyards", "ORG"), ("WAM", "ORG")],
    },
]

NER += [
    {
        "id": "own-ner-particles-split-by-the-tagger",
        "pattern": ["name-particles"],
        "text": "Belgian cyclist Wout van Aert won the stage ahead of Mathieu van der Poel, and Luiz da Costa, the finance minister, said Banco do Brasil would sponsor the race.",
        "entities": [
            ("Belgian", "MISC"),
            ("Wout van Aert", "PER"),
            ("Mathieu van der Poel", "PER"),
            ("Luiz da Costa", "PER"),
            ("Banco do Brasil", "ORG"),
        ],
    },
]


# Issue 10, third round: the wire's credit line, mastheads the tagger reads as places or misses, the
# places of a dateline joined by "&".
NER += [
    {
        "id": "own-ner-credit-line-writers-editors",
        "pattern": ["bylines"],
        "text": "Orchard Airlines cuts flights\n\nLONDON (Reuters) - Orchard Airlines said on Thursday it would cut a third of its flights.\n\nThe carrier's shares fell 9%. (Reporting by Jane Holt in Leeds and Omar Sadiq in Dubai; Additional reporting by Li Wei; Editing by Mark Potter)",
        "entities": [
            ("Orchard Airlines", "ORG"),
            ("LONDON", "LOC"),
            ("Reuters", "ORG"),
            ("Orchard Airlines", "ORG"),
            ("Jane Holt", "PER"),
            ("Leeds", "LOC"),
            ("Omar Sadiq", "PER"),
            ("Dubai", "LOC"),
            ("Li Wei", "PER"),
            ("Mark Potter", "PER"),
        ],
    },
    {
        "id": "own-ner-mastheads",
        "pattern": ["outlets"],
        "text": "The Daily Telegraph first reported the plan on Sunday, and the Northern Echo said ministers in Durham had been warned, citing aides quoted by the Calder Gazette.",
        "entities": [
            ("Daily Telegraph", "ORG"),
            ("Northern Echo", "ORG"),
            ("Durham", "LOC"),
            ("Calder Gazette", "ORG"),
        ],
    },
    {
        "id": "own-ner-bloc-bodies-and-known-companies",
        "pattern": ["companies", "not-a-person"],
        "text": "The European Commission approved the vaccine made by Pfizer and BioNTech on Monday, and the WHO said the Russian Foreign Ministry had asked for doses.",
        "entities": [
            ("European Commission", "ORG"),
            ("Pfizer", "ORG"),
            ("BioNTech", "ORG"),
            ("WHO", "ORG"),
            ("Russian", "MISC"),
            ("Foreign Ministry", "ORG"),
        ],
    },
    {
        "id": "own-ner-over-against-places-job-titles",
        "pattern": ["not-a-person"],
        "text": "Health Secretary Helena Varga said flights over Syria would stay banned, and the sanctions against Libya imposed after the bombing over Lockerbie would remain, the Foreign Office said.",
        "entities": [
            ("Helena Varga", "PER"),
            ("Syria", "LOC"),
            ("Libya", "LOC"),
            ("Lockerbie", "LOC"),
            ("Foreign Office", "ORG"),
        ],
    },
    {
        "id": "own-ner-agency-bylines",
        "pattern": ["bylines"],
        "text": "Bridge to stay shut\n\nBy Reuters Staff\n\nOfficials in Calder said on Tuesday the bridge would stay closed, Jane Holt of the Calder Post reported.",
        "entities": [("Reuters", "ORG"), ("Calder", "LOC"), ("Jane Holt", "PER"), ("Calder Post", "ORG")],
    },
    {
        "id": "own-ner-nationality-before-name",
        "pattern": ["name-particles"],
        "text": "ATHLETICS - KOMEN WINS IN ZURICH .\nZURICH 1996-08-14\nKenyan Daniel Komen won the 5,000 metres on Wednesday ahead of Briton Jo Roe and Swede Anders Holm .",
        "entities": [
            ("KOMEN", "PER"),
            ("ZURICH", "LOC"),
            ("ZURICH", "LOC"),
            ("Kenyan", "MISC"),
            ("Daniel Komen", "PER"),
            ("Briton", "MISC"),
            ("Jo Roe", "PER"),
            ("Swede", "MISC"),
            ("Anders Holm", "PER"),
        ],
    },
    {
        "id": "own-ner-employer-after-at",
        "pattern": ["companies"],
        "text": "Shares in Orchard Airlines fell 8% in London on Thursday, and analysts at Kesselbank said the carrier would need support, a view a source at Norvale Capital shared.",
        "entities": [("Orchard Airlines", "ORG"), ("London", "LOC"), ("Kesselbank", "ORG"), ("Norvale Capital", "ORG")],
    },
    {
        "id": "own-ner-dateline-places-joined",
        "pattern": ["companies"],
        "text": "Northwind and Kessel agree to merge\n\nHOUSTON & LONDON--(BUSINESS WIRE)--Mar 5, 2024--Northwind Energy Inc. and Kessel Power plc today announced an agreement to merge.",
        "entities": [
            ("HOUSTON", "LOC"),
            ("LONDON", "LOC"),
            ("BUSINESS WIRE", "ORG"),
            ("Northwind Energy Inc.", "ORG"),
            ("Kessel Power plc", "ORG"),
        ],
    },
]

# --- building --------------------------------------------------------------------------------------


def locate(text: str, snippet: str, after: int = 0) -> tuple[int, int]:
    """The span of the first occurrence of snippet at or after a position; fails loudly if absent."""
    start = text.find(snippet, after)
    if start < 0:
        raise ValueError(f"{snippet[:60]!r} not found after {after}")
    return start, start + len(snippet)


def nearest(text: str, snippet: str, around: tuple[int, int]) -> tuple[int, int]:
    """The occurrence of snippet closest to a span (a speaker's mention next to its quote)."""
    spans, pos = [], text.find(snippet)
    while pos >= 0:
        spans.append((pos, pos + len(snippet)))
        pos = text.find(snippet, pos + 1)
    if not spans:
        raise ValueError(f"{snippet!r} not found")
    return min(spans, key=lambda s: min(abs(s[0] - around[1]), abs(around[0] - s[1])))


def build_quote_row(article: dict[str, Any]) -> dict[str, Any]:
    """A quotes record with offsets located from the annotation strings."""
    text, cursor, quotes = article["text"], 0, []
    for spec in article["quotes"]:
        start, end = locate(text, spec["quote"], cursor)
        cursor = start + 1
        item: dict[str, Any] = {
            "start": start,
            "end": end,
            "text": text[start:end],
            "speaker": spec["speaker"],
            "type": spec["type"],
        }
        if spec["at"]:
            item["speaker_span"] = list(nearest(text, spec["at"], (start, end)))
        if spec["frags"]:
            item["fragments"] = [list(locate(text, f, start)) for f in spec["frags"]]
        quotes.append(item)
    row = {"id": article["id"], "text": text, "quotes": quotes}
    if article.get("published_at"):
        row["published_at"] = article["published_at"]
    if article.get("pattern"):
        row["pattern"] = article["pattern"]
    return row


def build_ner_row(doc: dict[str, Any]) -> dict[str, Any]:
    """A NER record: entities located in text order."""
    text, cursor, entities = doc["text"], 0, []
    for snippet, label in doc["entities"]:
        start, end = locate(text, snippet, cursor)
        cursor = end
        entities.append({"start": start, "end": end, "label": label, "text": snippet})
    row: dict[str, Any] = {"id": doc["id"], "text": text, "entities": entities}
    if doc.get("pattern"):
        row["pattern"] = doc["pattern"]
    return row


def check(row: dict[str, Any]) -> None:
    """Every span slices its own text."""
    text = row["text"]
    for e in row.get("entities", []):
        assert text[e["start"] : e["end"]] == e["text"], e
    for qt in row.get("quotes", []):
        assert text[qt["start"] : qt["end"]] == qt["text"], qt
        for s, e in qt.get("fragments", []):
            assert qt["start"] <= s < e <= qt["end"], qt
        if "speaker_span" in qt:
            s, e = qt["speaker_span"]
            assert 0 <= s < e <= len(text), qt


def write(name: str, rows: list[dict[str, Any]]) -> None:
    """One JSON-lines file, each record checked."""
    for row in rows:
        check(row)
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(rows)} records")


def main() -> None:
    """Write the three files."""
    write("structure_own.jsonl", [dict(a) for a in STRUCTURE])
    write("quotes_own.jsonl", [build_quote_row(a) for a in QUOTES])
    write("ner_own.jsonl", [build_ner_row(d) for d in NER])


if __name__ == "__main__":
    main()
