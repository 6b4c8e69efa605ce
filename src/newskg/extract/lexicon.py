"""Closed-class words and short regular-expression fragments that several finders share.

Open vocabularies (units, metrics, titles, news agencies, places) live in Turtle under ontology/;
what is here is grammar: verbs of saying, the nouns that describe a company, words that never
start a name.
"""

from __future__ import annotations

import re

#: Verbs (and verb groups) that attribute speech: "X said", "X told IRNA".
SPEECH = (
    r"said|says|told|tells|added|adds|noted|stated|mentioned|announced|explained|stressed"
    r"|pointed out|highlighted|emphasized|emphasised|underlined|reiterated|maintained|continued"
    r"|declared|predicted|warned|insisted|argued|revealed|confirmed|reported|wrote|believes"
    r"|expects|cautioned|forecast|estimated|has said|had said|had announced|has announced"
    r"|further said|was quoted|remarked|asserted|disclosed|informed|elaborated"
)

#: Nouns that describe a company or a body in apposition ("media giant TimeWarner", "ABN Amro,
#: the Netherlands' largest bank"); they also serve as anaphora ("the firm") for it.
COMPANY_NOUNS = (
    "firm", "company", "group", "giant", "bank", "broker", "insurer", "carrier", "airline",
    "maker", "manufacturer", "producer", "rival", "retailer", "publisher", "operator", "lender",
    "conglomerate", "supplier", "provider", "distributor", "chain", "consultancy", "investor",
    "exporter", "importer", "developer", "contractor", "refiner", "miner", "automaker",
    "carmaker", "steelmaker", "leader", "subsidiary", "unit", "division", "arm", "wing",
    "watchdog", "regulator", "engine", "corporation", "business", "multinational", "telecom",
    "telecoms", "owner", "partner", "bidder", "holding", "enterprise", "organization",
    "organisation", "agency", "body", "institute", "centre", "center",
)  # fmt: skip

#: Last words that make a capitalised run a company name even without an organisation word
#: ("Mittal Steel", "Lehman Brothers", "Japan Telecom", "Monument Securities").
COMPANY_SUFFIXES = frozenset(
    [
        "steel", "telecom", "telecoms", "brothers", "securities", "capital", "communications",
        "media", "markets", "investors", "partners", "associates", "motors", "energy",
        "petroleum", "oil", "gas", "airways", "airlines", "technologies", "systems", "foods",
        "pharmaceuticals", "insurance", "electric", "electronics", "industries", "mining",
        "metals", "networks", "entertainment", "pictures", "studios", "publishing", "resources",
        "petrochemical", "petrochemicals", "shipping", "lines", "logistics", "chemicals",
        "investment", "investments", "finance", "financial", "leasing", "telecommunication",
        "telecommunications", "cement", "steelworks", "refinery", "refining", "motor", "auto",
        "automotive", "aerospace", "consulting", "ventures", "equity", "funds", "trust", "global",
        "worldwide", "international",
    ]
)  # fmt: skip

#: Words that end a ministry's portfolio written out and are never given names: "Minister of
#: Cooperatives, Labor and Social Welfare Mohammad-Hadi X" names Mohammad-Hadi X.
PORTFOLIO_WORDS = frozenset(
    """welfare trade development affairs security planning budget technology communications
    health education culture guidance finance economy industry mine mines mining agriculture
    energy oil defense defence interior justice labor labour transport transportation housing
    tourism handicrafts heritage sports youth intelligence roads treatment training jihad
    cooperatives""".split()  # noqa: SIM905
)

#: Words that may be capitalised but never belong to a name (sentence openers, weekdays, months).
NON_NAME_WORDS = frozenset(
    """the a an this that these those in on at for with by from according following speaking noting
    elaborating back earlier later last next first however but and although while monday
    tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december all content creative commons attribution
    international license mr mrs ms dr lord sir it its his her their our we they he she i
    you there here if when as after before since during under over despite meanwhile also
    still yet so then thus such both either neither each every some many most more less
    analysts economists officials experts critics democrats republicans investors shares
    overall reporting looking given using adjusted unveiling asked according to what why how
    where who which whose one two three four five six seven eight nine ten new old not no
    year years month months quarter quarters week weeks day days today yesterday tomorrow""".split()  # noqa: SIM905
)

#: Business nouns that follow a company's possessive ("BA's profits", "Barclays' chief").
POSSESSED = (
    r"profits?|shares?|share\s+price|results?|performance|chief|chairman|boss|operations|revenues?"
    r"|sales|earnings|losses|debts?|brands?|stake|bid|offer|board|management|executives?|staff"
    r"|workforce|employees|business|businesses|customers|subsidiary|unit|division|accounts"
    r"|dividend|takeover|acquisition|purchase|plans?|strategy|turnover|output|market\s+share"
    r"|headquarters|spokes(?:man|woman|person)|finance\s+director|chief\s+executive|managing"
    r"\s+director|president|head|capacity|production|exports|income|margins?|fourth|third"
    r"|second|first|annual|full-year|quarterly|underlying|pre-tax|net|operating|merger"
)

#: Agentive verbs whose subject, when a capitalised name, is a company or body ("Marsh posted").
AGENT_VERBS = (
    r"said|says|reported|reports|posted|posts|announced|announces|made|makes|earned|employs"
    r"|owns|plans|planned|intends|expects|expected|forecast|forecasts|blamed|blames|warned"
    r"|added|cautioned|agreed|signed|sued|bought|acquired|sold|aims|hopes|is\s+to|are\s+to"
    r"|has\s+(?:also\s+)?(?:announced|reported|posted|made|said|cut|agreed|signed|bought)"
    r"|had\s+(?:also\s+)?(?:announced|reported|posted|made|said)|will|would|could|did|does"
    r"|put|took|takes|managed|registered|recorded|exported|imported|produced|allocated"
    r"|invested|paid|received|launched|opened|operates|runs|revived|created|increased"
)


def words_pattern(words: tuple[str, ...] | frozenset[str]) -> str:
    """A regex alternation of whole ``words`` (longest first)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
