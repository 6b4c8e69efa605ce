"""The status of a figure: target, achieved, current or potential.

The verb group that governs the figure decides, found in the figure's clause, nearest first. A
modal or a marker of the future scopes over the verb after it ("could cut up to 45,000 jobs",
"is to cut 2,850 jobs", "will go"), so a verb group is matched whole and counts where it ends.
"Would" is a forecast after a verb of saying ("predicted the economy would grow by 4.3%") and a
possibility otherwise ("would have annual sales of $32bn"). Nouns of planning right before the
figure ("forecasts of £532m", "its 2% target") make it a target; the level a planned change
starts from is the current one ("cutting corporate tax from 30% to 29%").
"""

from __future__ import annotations

import re

from newskg.extract.quantities import Quantity
from newskg.extract.vocab import COUNT, MEASURE
from newskg.model import Status

_ADVERBS = r"(?:(?:not|also|still|even|further|only|then|now|already|eventually|soon|probably|"
_ADVERBS += r"likely|easily|initially|actually)\s+){0,2}"
_VERB = r"[a-z]+(?:[-’'][a-z]+)?"
#: Verb groups and single words that signal a status, best first within one category.
_CUES: list[tuple[Status, re.Pattern[str]]] = [
    (Status.POTENTIAL, re.compile(
        # "could not finance" tells what happened, not what might
        r"\b(?:could(?!\s+not\b)|might|may|can|cannot)\s+(?!(?:currently|now|at\s+present)\b)"
        rf"{_ADVERBS}(?:have\s+been\s+|have\s+|be\s+)?{_VERB}"
        rf"|\bwould\s+{_ADVERBS}have\s+(?:been\s+)?{_VERB}"
        r"|\b(?:potential(?:ly)?|(?<!the\s)capacity\s+to(?=\s+[a-z])(?!\s+(?:about|around|some"
        r"|nearly|over|more|almost|roughly)\b)|possible|possibility|valued\s+at)\b")),
    (Status.TARGET, re.compile(
        rf"\b(?:will|shall)\s+{_ADVERBS}(?:be\s+|have\s+to\s+)?{_VERB}"
        rf"|\bwould\s+{_ADVERBS}(?!have\b)(?:be\s+)?{_VERB}|['’]ll\s+{_VERB}"
        rf"|\b(?:is|are|was|were|am|be)\s+{_ADVERBS}(?:(?:being\s+)?(?:set|due|going|expected"
        rf"|scheduled|slated|planned|projected|forecast|estimated|likely|poised|about|supposed"
        rf"|prepared)\s+)?to\s+"
        rf"{_ADVERBS}{_VERB}"
        r"|\b(?:is|are|was|were|am)\s+(?:increasing|cutting|halving|doubling|raising|reducing"
        r"|lowering|slashing|trimming)\b"
        rf"|\b(?:plans?|planned|planning|aims?|aimed|aiming|intends?|intended|seeks?|seeking"
        rf"|hopes?|hoping|wants?|needs?|expects?|expected|set|due|necessary|in\s+order|offered"
        rf"|offering|offers?|agreed|promised|pledged|vowed|decided|trying|tries)\s+to\s+{_ADVERBS}"
        rf"{_VERB}"
        # "is negotiating with BIM to allocate": what is being negotiated is planned
        rf"|\b(?:negotiating|in\s+talks)\s+(?:with\s+[^,;.]{{1,60}}?\s+)?to\s+{_VERB}"
        # "we have asked banks to earmark": what others are asked to do is planned
        # "expects its premiums to exceed": what the subject expects of something
        rf"|\b(?:asked|urged|instructed|ordered|called\s+on|requested|obliged|told|requires?"
        rf"|required|expects?|expected|wants?|wanted)\s+(?:(?!that\b)[A-Za-z][\w-]*\s+){{0,8}}?to\s+{_VERB}"
        # "we aim for $5.5 billion this year"
        r"|\b(?:aims?|aiming)\s+for\b"
        r"|\b(?:plans?|planned|planning|aims?|aimed|aiming|target(?:s|ed|ing)?|goal|intends?"
        r"|intended|seeks?|seeking|expects?|expected|expecting|expectations?|forecasts?"
        r"|forecasting|predicts?|predicted|predicting|projected|projecting|projections?"
        r"|envisag\w*|promised|pledged|proposed|proposes|offered|offering|offers?|guidance"
        # money earmarked for a program is its budget, still to be spent
        r"|outlook|anticipated|budget(?:ed)?|earmark(?:ed|s)?|estimates?|estimated|should|must"
        # "paid claims of 131 trillion rials": insurance claims are a sum, not an assertion
        r"|on\s+(?:course|track)\s+(?:to|for)|(?<!paid\s)claim(?:s|ing|ed)?(?!\s+(?:of|worth)\b)|demand(?:s|ed|ing)?|revised"
        r"|upgraded|downgraded|(?:(?:is|are|was|were)\s+)?(?<!been\s)on\s+(?:the|its|their)\s+agenda"
        # "the revival program covers 3,500 units in 1399": what a plan takes on
        r"|(?:program|programme|plan|scheme)\s+(?:covers|includes))\b")),
    # "aims to bring the number of units revived this year to 1,600": the level aimed at, with
    # the verbs inside the noun phrase passed over (a pattern of its own, so that "aims to
    # bring" matched above does not hide it)
    (Status.TARGET, re.compile(
        r"\b(?:bring|raise|increase|lift|boost|take|push)\s+(?:the\s+|its\s+|their\s+)?"
        # "below 4,000": the figure's own word may close the pattern
        r"(?:number|total|count|share|figure)\s+of\s+[^;.]{0,90}?(?:\s+(?:to|below|under|above)\b"
        r"|[\s,]*$)")),
    (Status.ACHIEVED, re.compile(
        r"\b(?:has|have|had)\s+(?:(?:also|already|now|so\s+far|just|recently|since|previously"
        r"|successfully)\s+)*"
        # "had previously forecast a 2% rise", "has been earmarked": a plan, whatever the tense
        r"(?!(?:been\s+)?(?:forecast|predicted|planned|projected|targeted|budgeted|pledged"
        r"|promised|earmarked)\b)(?:been\s+)?"
        r"[a-z]+(?:ed|en|wn|lt|ht|ne|de|ut|id|un|ld|ot|ck|pt|ad"
        r"|st|nt|ng|et|it)\b|\b(?:has|have|had)\s+(?:(?:also|already|now|just)\s+)?(?:be)?come\b"
        r"|\b(?:revived|created|exported|imported|grew|rose|fell|increased|decreased|declined"
        r"|dropped|jumped|climbed|surged|soared|plunged|slipped|slumped|reached|posted|recorded"
        r"|registered|registering|made|earned|lost|allocated|paid|invested|attracted|produced"
        r"|generated|managed\s+to|was\s+able\s+to|were\s+able\s+to|were|was|resumed|returned"
        r"|sold|bought|spent|lent|achieved|totaled|totalled|amounted|stood|came\s+in|hit|saw"
        r"|delivered|approved|launched|opened|signed|completed|implemented|brought|fined|lowered"
        # "She added that": a verb of saying, not one of adding
        r"|so\s+far|up\s+from|down\s+from|earlier|provided|granted|disbursed|received|added(?!\s+that)"
        r"|gained|widened|narrowed|doubled|exceeded|topped|hired|employed|reported|injected"
        r"|handed|secured|lifted|raised|cut|shed|axed|slid|eased|edged|dipped|tumbled|halved"
        r"|accounted|contributed|enjoyed|suffered|booked|logged|saved|blamed|took|reduced"
        r"|expanded|contracted|shrank|settled|agreed|sued|released|collected|cleared|transited"
        r"|handled|shipped|loaded|unloaded|issued|led|seen|disclosed|disclosing|revealed|showed"
        r"|(?<!to\s)(?<!be\s)(?:set\s+up|established|founded|inaugurated)|peaked"
        r"|indicated|put|set\s+at|transferred|supplied|exceeding|reaching|hitting|helped|came"
        # a verb of doing again ("restarted", "reactivated", "reopened"): revival programs
        r"|re(?!quired)[a-z]{3,}ed)\b")),
    (Status.CURRENT, re.compile(
        # "currently stood at 27 percent": a level now, whatever the tense
        r"\bcurrently\s+(?:stood|was|were)\b|\bunder\s+(?:construction|way|development)\b"
        r"|\b(?:there\s+(?:are|is)|currently|now|at\s+present|presently|owns|employs|remains?"
        r"|stands|holds|held|manages|handles|generates|existing|is|are|has|have|on\s+hold|at\s+the"
        r"\s+moment|keeps|kept|owes?|(?<!raise\s)(?<!increase\s)the\s+capacity\s+to|supports|runs|operates|covers?|serves"
        r"|(?:is|are)\s+home\s+to"
        r"|comprises|hosts|houses|accounts\s+for|makes\s+up|represents|constitutes|available"
        # the plural present: "the parks host 49,000 units, which employ 1.12 million people"
        r"|(?<!-)(?:stand\s+at|employ|host|house|account\s+for|make\s+up|represent|own"
        r"|operate)(?!-)"
        r"|put\s+(?:the\s+)?(?:number|total|count|stock)\s+of\s+[\w\s’'-]{1,60}?\s+at)\b")),
]  # fmt: skip
#: Cues that only count within the figure's own clause: bare copulas and "has".
_LOCAL_ONLY = frozenset(["is", "are", "has", "have"])
_BOUNDARY = re.compile(
    r"[;:(“”\"]|,(?=\s)|\s(?:and|but|while|whereas|which|of\s+which|including|although)\s"
)
_SAYING = re.compile(
    r"\b(?:said|says|told|predicted|warned|forecast|expected|expects|believes|believed|added"
    r"|hoped|thought|argued|estimated|reckoned|claimed)\b"
)
_PLANNING_NOUN = re.compile(
    r"\b(?:forecasts?|expectations?|estimates?|projections?|targets?|goal|guidance|outlook"
    r"|budget|plan)\s+(?:of|at|for)\s+(?:[a-z]+ing\s+)?(?:around\s+|about\s+|some\s+)?$"
)
#: A plan in the figure's clause, which a "total of" does not override.
_PLANNING = re.compile(
    r"\b(?:will|plans?|planned|targets?|aims?|intends?|expects?|seeks?|to\s+be)\b"
)
#: A planning noun that is the subject of the figure's verb: "the target for 1403 is 35 million
#: tons", "the initial forecast for the whole year was $55 billion", "the target had been set at".
#: Only a prepositional phrase may stand between the noun and the verb, so "above the 2% target,
#: inflation was 2.5%" is no target.
_PLANNED_SUBJECT = re.compile(
    r"\b(?:targets?|goals?|forecasts?|projections?|quotas?|budgets?)\s+"
    # "the target set for us this year is": a participle may stand before the phrase
    r"(?:(?:set|fixed|approved|defined|envisaged)\s+)?"
    r"(?:(?:for|in|of|on)\s+[^,;:.\"“”]{0,60}?\s+)?"
    r"(?:(?:is|are|was|were)|(?:has|have|had)\s+(?:\w+\s+)?been\s+(?:set|put|fixed)\s+at"
    r"|(?:is|was|stands|stood)\s+at|set\s+at)"
    r"\s+(?:(?:about|around|some|nearly|almost|roughly|over|at\s+least)\s+)?$",
    re.IGNORECASE,
)
#: A planned figure raised or revised, when the sentence speaks of a plan: "it was raised to 53
#: million tons", "we have revised it to 680 mcm/d".
_REVISED_PLAN = re.compile(
    # "that share has been raised to": the plan's part named again
    r"(?:\b(?:it|this|that)\s+(?:(?:share|figure|amount|target|goal)\s+)?"
    r"(?:is|was|has\s+been|had\s+been)\s+(?:\w+\s+)?"
    r"|\b)(?:raised|revised|lowered|cut|increased|reduced|upgraded|downgraded)"
    r"(?:\s+(?:it|this|that))?\s+to\s+(?:(?:about|around|some|nearly)\s+)?$",
    re.IGNORECASE,
)
_PLAN_WORD = re.compile(r"\b(?:targets?|goals?|forecast(?:s|ed)?|projections?|plans?)\b", re.I)


def planned_by_subject(before: str) -> bool:
    """True when the text ``before`` a figure makes it a planned level: a planning noun is the
    subject of its verb ("the target for 1403 is"), or a plan is revised to it ("the goal had
    been set at 50 million tons, but it was raised to")."""
    if _PLANNED_SUBJECT.search(before):
        return True
    revised = _REVISED_PLAN.search(before)
    return revised is not None and _PLAN_WORD.search(before[: revised.start()]) is not None


_NOT_VERBS = re.compile(r"^(?:is|are|has|have)\s+(?:been|to|said|told|expected|set|due|able)\b")
#: Copulas whose present tense reports a statistic, not a standing level: "the jobless rate is".
_STATISTIC = re.compile(
    r"\b(?:unemploy\w*|jobless\w*|GDP|growth|inflation|deficit|surplus|exports?|imports?"
    r"|figures?|data|statistics|rate)\b",
    re.IGNORECASE,
)


def clause(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The clause text left and right of ``text[start:end]``, and the boundary that opens it."""
    left_cut, opener = 0, ""
    for match in _BOUNDARY.finditer(text, 0, start):
        left_cut, opener = match.end(), match.group(0)
    right = _BOUNDARY.search(text, end)
    return text[left_cut:start], text[end : right.start() if right else len(text)], opener


def status_of(text: str, quantity: Quantity, earlier: list[Status]) -> Status:
    """The status of ``quantity`` in sentence ``text``; ``earlier`` holds the statuses of the
    sentence's earlier figures."""
    before, after = text[: quantity.start], text[quantity.end :]
    left, right, opener = clause(text, quantity.start, quantity.end)
    if (
        _SHARE_OF_TARGET.match(after)
        and re.search(r"%|percent", text[quantity.start : quantity.end])
        and not _PLANNING.search(left)
    ):
        return Status.ACHIEVED  # "the figure equals 65 percent of its annual target"
    if _PLANNING_NOUN.search(before) or re.match(r"\s*(?:target|goal)\b", after):
        return Status.TARGET
    if _BEATEN_BY.search(before):
        return Status.ACHIEVED  # "beating its target of 130 trillion rials by nearly 14 percent"
    if _COULD_AFTER.match(after):
        return Status.POTENTIAL  # "another 1,200 units that could return to production"
    if _PLANNED_FOR.search(left):
        # "Our target for 1403 is 900 trillion rials of loans for 15,000 units"
        return Status.TARGET
    with_opener = WITH_OPENER.match(text)
    if with_opener is not None and quantity.end <= with_opener.end():
        return Status.CURRENT  # "With 68 types of minerals, Iran is among the top 15"
    if (
        quantity.kind in (COUNT, MEASURE)
        and _OWNED_STOCK.search(before)
        and re.match(r"\s+[a-z]", after)
    ):
        return Status.CURRENT  # "replacing the country's 3.2 million carbureted motorcycles"
    if quantity.kind == COUNT and (
        (_BODY_STOCK.search(before) and re.match(r"\s+[a-z]", after)) or _WITH_STOCK.search(before)
    ):
        # "the organization's 38 affiliated companies posted", "one of our largest complexes,
        # with 6,800 staff": what a body has, named on the way to the verb
        return Status.CURRENT
    if planned_by_subject(before) or (_PLANNED_RELATIVE.match(after) and _DEFINITE.search(before)):
        return Status.TARGET
    part = _PART_AFTER.match(after)
    if part is not None:
        # "2,900 projects, 450 of which would be completed": the verb after "of which"
        _, own, _ = clause(text, quantity.end + part.end(), quantity.end + part.end())
        cue = _nearest(own, text, reverse=False)
        if cue is not None:
            return cue[0]
    now_to = _FROM_NOW_TO.search(before)
    if now_to is not None:
        # "raise the share from 1.5 percent now to 10 percent": "now" dates the start level,
        # the verb before "from" decides the level to reach
        cue = _nearest(before[: now_to.start()], text, reverse=True)
        return cue[0] if cue else Status.TARGET
    if (
        re.search(r"\btotal\s+(?:of\s+)?$", before)
        and not re.search(r"\b[Aa]\s+total\s+of\s+$", before)
        and not _PLANNING.search(left)
    ):
        # "21 percent of the country's total 9,800 idle units"; but "a total of" only sums, and
        # the verb decides ("aims to build a total of 900 units", "supplied a total of $53
        # billion", "A total of 186 idle mines were brought back")
        return Status.CURRENT
    if (
        earlier
        and earlier[-1] is Status.TARGET
        and _COMPARED.match(after)
        and re.search(r"\d\S*\s+[^,;]{0,40},\s+$", before)
    ):
        return Status.TARGET  # "a budget of 4.8 trillion rials this year, 35 percent more than"
    if earlier and _RESULTING.match(left):
        # "set up 46 clusters, raising the number of active clusters to 510": the level the
        # figure before led to shares its status
        return earlier[-1]
    found = _nearest(left, text, reverse=True)
    if found is None and _WORK_DONE.search(left):
        return Status.ACHIEVED  # "IOOC ... drilled 17 new development wells"
    if (
        found is not None
        and opener.strip() == "and"
        and earlier
        and _bare(found[1])
        # "and the units revived so far are worth": a result, whatever came before
        and not _SO_FAR.search(left)
    ):
        return earlier[-1]  # "set to close 20% of its factories and shed 10% of the workforce"
    status = found[0] if found else None
    if status is None:
        right_cue = _nearest(right, text, reverse=False)
        apposition = APPOSITION.match(after)
        if right_cue is None and apposition is not None:
            # "260 hectares, or 19 percent of the target, have already been allocated": the verb
            # after the restatement, when it is one of doing or planning
            at = quantity.end + apposition.end()
            right_cue = _nearest(clause(text, at, at)[1], text, reverse=False)
            if right_cue is not None and right_cue[0] is Status.CURRENT:
                right_cue = None
        status = right_cue[0] if right_cue else None
    if status is None:
        wide = _nearest(before, text, reverse=True, local=False) or _nearest(
            after, text, reverse=False, local=False
        )
        status = wide[0] if wide else (earlier[-1] if earlier else Status.ACHIEVED)
    if status is Status.CURRENT and _STATISTIC.search(text) and found and _copula(found[1]):
        return Status.ACHIEVED  # "the overall unemployment rate is 4.875 million people"
    if status is Status.CURRENT and found and _copula(found[1]) and _SO_FAR.search(left):
        return Status.ACHIEVED  # "the wheat bought so far is worth 66 trillion rials"
    if status is Status.CURRENT and found and _copula(found[1]) and _YEAR_OF_LEVEL.search(left):
        return Status.ACHIEVED  # "the guaranteed purchase price this year is 127,000 rials"
    if (
        status is Status.ACHIEVED
        and found
        and re.search(r"\ballocated\b", found[1])
        and _FOR_THIS_YEAR.search(after)
    ):
        return Status.TARGET  # "has allocated 4,800 billion rials ... for the current year"
    return status


#: The year a level is of, said before its copula: a statistic of that year, not a standing level.
_YEAR_OF_LEVEL = re.compile(
    r"\b(?:this|last|the\s+current|the\s+past)\s+year\s+(?:is|was|are|were)\s"
)
#: A participle opening the clause of a level that a figure before led to.
_RESULTING = re.compile(r"\s*(?:raising|bringing|taking|lifting|pushing|increasing)\b")
_SO_FAR = re.compile(r"\b(?:so\s+far|to\s+date|until\s+now)\b")


#: The year a budget is for, said after it: "for the current year" (but "has allocated 240
#: trillion rials to loans this year" tells what was done this year).
_FOR_THIS_YEAR = re.compile(
    r"^[^.;]*?\bfor\s+the\s+(?:current\s+)?(?:Iranian\s+)?(?:calendar\s+)?year\b"
)


#: A relative clause that plans what the figure counts: "the 1,400 units (that) ISIPO had
#: promised to restart", "the 500 mines the ministry planned to reactivate".
_PLANNED_RELATIVE = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:[\w’'-]+\s+){1,4}?(?:(?:has|have|had)\s+)?"
    r"(?:promise[sd]?|plan(?:s|ned)?|pledge[sd]?|aim(?:s|ed)?|intend(?:s|ed)?|target(?:s|ed)?"
    r"|vow(?:s|ed)?|hope[sd]?|want(?:s|ed)?)\s+to\b"
    # "the 2,800 units it had targeted last year"
    r"|\s+(?:that\s+|which\s+)?(?:it|they|[A-Z][\w’'-]*)\s+(?:has|have|had)\s+targeted\b"
    # "well short of the 70 million tons that was planned"
    r"|\s+(?:[\w-]+\s+){0,2}?(?:that|which)\s+(?:was|were|had\s+been|has\s+been)\s+"
    r"(?:planned|targeted|envisaged|projected|budgeted)\b"
)
_DEFINITE = re.compile(r"\b(?:the|[Tt]hose|[Tt]hese)\s+$")

#: Verbs of the work itself in program reports, as the verb before their figure ("drilled 17
#: wells", "covered 52,000 square kilometers"); after a figure they are mostly participles
#: ("268,000 units built under the program will be handed over").
_WORK_DONE = re.compile(
    r"\b(?:drilled|covered|explored|installed|built|constructed|commissioned|inaugurated"
    r"|connected|financed|funded|trained|processed|extracted|renovated|sealed|equipped"
    r"|purchased|procured|carried|absorbed|discovered)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:(?:about|nearly|some|over|more\s+than|a\s+total\s+of)\s+)?$"
)
#: A margin by which a result beat its target: "exceeding its target of 250,000 km2 by".
_BEATEN_BY = re.compile(
    r"\b(?:beat(?:ing)?|exceed(?:ing|ed)?|surpass(?:ing|ed)?|outperform(?:ing|ed)?)\s+"
    r"[^,;.]{0,60}?\b(?:target|goal)\b[^,;.]{0,50}?\bby\s+(?:(?:nearly|about|some|over|almost"
    r"|more\s+than)\s+)?$"
)
#: A relative clause of possibility on what the figure counts: "units that could return".
_COULD_AFTER = re.compile(r"\s+(?:that|which)\s+(?:could|can|may|might)\b(?!\s+not\b)")
#: A figure further on in a clause whose subject is a target: "Our target ... is X for N units".
_PLANNED_FOR = re.compile(
    r"\b(?:target|goal)s?\b[^,;.]{0,60}?\b(?:is|was)\s+[^,;.]{1,80}?\b(?:for|of)\s+"
    r"(?:(?:about|some|nearly|around)\s+)?$",
    re.IGNORECASE,
)
#: A restatement of the figure between commas: ", or 19 percent of the target,".
APPOSITION = re.compile(r",\s+or\s+[^,;]{1,60},")
#: A sentence opened by what its subject has: "With 68 types of minerals and ..., Iran is".
#: What may stand before a sentence's first words: the lead's dateline ("TEHRAN (IRNA) – ").
LEAD_DATELINE = r"(?:[^–—\n]{0,40}[–—]\s+)?"
WITH_OPENER = re.compile(rf"{LEAD_DATELINE}[“\"]?With\s+[^,;]{{4,120}},\s+")
#: A possessive right before a counted figure: what the country or body has.
_BODY_STOCK = re.compile(
    r"\b[Tt]he\s+(?:organization|company|corporation|fund|bank|zone|ministry|holding)['’]s"
    r"\s+(?:(?:about|some|nearly|over|more\s+than)\s+)?$"
)
_WITH_STOCK = re.compile(r",\s+with\s+(?:(?:about|some|nearly|over|more\s+than)\s+)?$")
_OWNED_STOCK = re.compile(r"\b(?:the\s+)?(?:country|nation|province|city)['’]s\s+$|\bIran['’]s\s+$")
#: A change that compares the figure before it: ", 35 percent more than last year".
_COMPARED = re.compile(r"\s+(?:more|less|higher|lower|up|down)\s+(?:than|from|on)\b")
#: The share of a target that a result reached: "65 percent of the organization's target".
_SHARE_OF_TARGET = re.compile(
    r"\s+of\s+(?:the|its|their|this|our|his|her)\s+(?:[\w-]+['’]s\s+)?"
    r"(?:(?:annual|yearly|whole-year|full-year|original|initial)\s+)?(?:target|goal)\b"
)
#: A part named before its whole: "450 of which", "30 of whom".
_PART_AFTER = re.compile(r"\s+of\s+(?:which|whom)\s+")

#: "from 1.5 percent now to": a start level dated now, then the level a change reaches.
_FROM_NOW_TO = re.compile(
    r"\bfrom\s+[^,;]{1,40}?\s(?:now|currently|at\s+present|today)\s+to\s+"
    r"(?:(?:about|around|some|nearly)\s+)?$"
)


def from_level(text: str, quantity: Quantity, status: Status) -> Status:
    """The level a planned change starts from is the current one: "from 30% to 29%"."""
    before = text[: quantity.start]
    planned = status in (Status.TARGET, Status.POTENTIAL)
    if (
        planned
        and re.search(r"\bfrom\s+(?:about\s+|around\s+)?$", before)
        and (
            re.match(
                r"\s*(?:(?:now|currently|at\s+present|today)\s+)?(?:to|,)", text[quantity.end :]
            )
            or re.search(r"\bto\b", before[-60:])
        )
    ):
        return Status.CURRENT
    return status


def _nearest(
    chunk: str, sentence: str, *, reverse: bool, local: bool = True
) -> tuple[Status, str] | None:
    """The cue nearest the figure in ``chunk`` (its end nearest when left of the figure);
    outside the figure's clause (``local`` false) bare copulas do not count."""
    best: tuple[int, int, Status, str] | None = None
    for status, pattern in _CUES:
        for match in pattern.finditer(chunk):
            word = match.group(0)
            if status is Status.CURRENT and (
                _NOT_VERBS.match(chunk[match.start() :]) or (not local and word in _LOCAL_ONLY)
            ):
                continue
            if status is Status.TARGET and word.startswith("would") and "have" not in word:
                status_here = Status.TARGET if _SAYING.search(sentence) else Status.POTENTIAL
            else:
                status_here = status
            distance = len(chunk) - match.end() if reverse else match.start()
            key = (distance, match.start() if reverse else -match.end())
            if best is None or key < best[:2]:
                best = (key[0], key[1], status_here, word)
    return (best[2], best[3]) if best else None


def _bare(word: str) -> bool:
    """True for a verb written in its base form ("shed", "close"), which takes its status from
    the verb it is coordinated with."""
    if word in _SAME_IN_PAST:
        return True  # "shed", "cut": the form says nothing, the verb it follows does
    # "runs", "employs": the present tense of its own, no base form
    return " " not in word and not re.search(r"(?:ed|wn|ew|ose|ell|rew|ought|aid|[^s]s)$", word)


#: Verbs whose past tense is their base form.
_SAME_IN_PAST = frozenset(["shed", "cut", "put", "set", "hit", "spread", "cost", "let", "bid"])


def _copula(word: str) -> bool:
    return word in ("is", "are")
