"""Invented wire stories for the browser tests: quotes of each kind, people, organisations and countries."""

# Paragraphs stay on one line each, as text pasted from a web page does.
# ruff: noqa: E501

from __future__ import annotations

HARBOUR = """Lisbon dockers walk out over pay as ships queue offshore

LISBON, May 4 (Reuters) - Dock workers at the port of Lisbon stopped work on Thursday, leaving container ships waiting off the coast of Portugal as talks over pay broke down.

"We will not go back until the offer is improved," union leader Marta Silva told reporters at the harbour gate.

Silva called the port authority's proposal "an insult to every crane driver in this city".

Transport Minister Pedro Alves said the government would meet both sides on Friday and urged the union to keep the ferries running.

Shipping lines said cargo bound for Spain and Morocco could be diverted to Valencia if the strike lasted beyond the weekend.
"""

TRADE = """Kenya and Tanzania agree to cut border delays for lorries

NAIROBI, June 2 (AFP) - Kenya and Tanzania agreed on Friday to open their main border crossing around the clock, in a bid to cut the queues of lorries that stretch for miles on both sides.

"Traders have waited long enough, and today we are giving them their time back," Kenyan Trade Minister Grace Wanjiru said after signing the deal in Nairobi.

Her Tanzanian counterpart, Juma Mselem, said customs officers from both countries would share one office at the crossing from next month.

Wanjiru said Uganda and Rwanda had asked to join the scheme, which is backed by the World Bank.
"""

PORTS = """Portugal promises new rules for ports after strike

LISBON, May 9 (Reuters) - Portugal will draw up new rules for its ports before the summer, the government said on Tuesday, after a five-day strike at Lisbon left ships idle.

"Nobody wants to see another week like the last one," Transport Minister Pedro Alves said in parliament.

Marta Silva, who led the walkout, said the union would study the plans but warned that Portugal could face further stoppages if pay was left out.

Exporters in Brazil and Angola said they had lost orders during the dispute.
"""

STORIES = [
    {"text": HARBOUR, "published_at": "2024-05-04", "source": "Reuters"},
    {"text": TRADE, "published_at": "2024-06-02", "source": "AFP"},
    {"text": PORTS, "published_at": "2024-05-09", "source": "Reuters"},
]

PASTED = """Fishing fleet told to stay in port as storm nears Iceland

REYKJAVIK, March 3 (Reuters) - Iceland's coast guard ordered trawlers back to harbour on Sunday as a storm moved in from the Atlantic.

"No catch is worth a crew," coast guard spokesman Einar Magnusson told reporters in Reykjavik.

Magnusson said the ban would stay in place until the winds eased on Tuesday.
"""

# Markup in a story must reach the reader as text, never run as HTML.
HOSTILE = """Council debates <b>bold</b> plan for Oslo harbour

OSLO, April 8 (Reuters) - Councillors in Oslo argued over a plan marked <script>window.pwned = 1</script> on Monday.

"This is <img src=x onerror="window.pwned=2"> a bad idea & a costly one," councillor Ingrid Berg said.
"""
