"""The plan's dated deadlines on the stored data: each current State met / not met / insufficient
data under each deadline of `deadlines` (the rules, plain Python), with the figures that decided it.

    deadline_results(deadline)   -> DeadlineResults(results, counts, listing, places, ...)
    all_deadline_results()       -> [DeadlineResults, ...] in the order of DEADLINES
    state_deadlines("CHE")       -> [StateDeadline(deadline, verdict), ...]; None for an unknown State

Every current State of the country registry is judged (organizations left out), so the counts add
up to every State. Ratification is read from the treaty engine (`treaties.overview.statuses_of` on
the deadline and on today, `listings` for "as listed by the depositary on"); the review of practices
on victims from the answers in published national reports of the site's cycles, read as the public
reads them (`queries.counted_statuses` of an anonymous reader): drafts and unpublished answers never
count, whoever asks.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from viennaplan.countries.registry import StateInfo, states
from viennaplan.dates import long_date
from viennaplan.reporting.models import Answer, Question
from viennaplan.treaties.listing import AsListed
from viennaplan.treaties.models import TreatyAction
from viennaplan.treaties.overview import listings, statuses_of
from viennaplan.treaties.records import InstrumentStatus
from viennaplan.treaties.store import complete_lists, today

from . import queries
from .deadlines import (
    DEADLINES,
    RATIFICATION,
    Deadline,
    Evidence,
    TreatyRow,
    Verdict,
    judge_ratification,
    judge_review,
    measure_of,
)
from .indicator_targets import OUTCOMES
from .target_results import PlanPlace, plan_places


@dataclass
class StateVerdict:
    alpha3: str
    name: str
    verdict: Verdict

    @property
    def url(self) -> str:
        return f"/reporting/states/{self.alpha3}"


@dataclass
class DeadlineResults:
    deadline: Deadline
    places: list[PlanPlace]  # the provisions that set it, in the current plan version
    results: list[StateVerdict] = field(default_factory=list)
    listing: AsListed | None = None  # RATIFICATION: as of which depositary list, on the deadline
    later: AsListed | None = None  # RATIFICATION: the same on today's date (what reasons say happened after)
    evidence: str = ""  # what was counted, and as of when

    def having(self, outcome: str) -> list[StateVerdict]:
        return [result for result in self.results if result.verdict.outcome == outcome]

    @property
    def counts(self) -> dict[str, int]:
        return {outcome: len(self.having(outcome)) for outcome in OUTCOMES}

    @property
    def url(self) -> str:
        return f"/targets/deadlines/{self.deadline.key}"

    @property
    def warning(self) -> str | None:
        """The depositary list's warning on the deadline (its date is after the list's)."""
        return self.listing.warning if self.listing is not None else None

    @property
    def later_warning(self) -> str | None:
        """The same for what the reasons say happened after the deadline, up to today."""
        return self.later.warning if self.later is not None else None


@dataclass
class StateDeadline:
    """One State under one deadline (for the State's profile)."""

    deadline: Deadline
    verdict: Verdict

    @property
    def url(self) -> str:
        return f"/targets/deadlines/{self.deadline.key}"


# -- reading the rows -------------------------------------------------------------------------------


def _row(status: InstrumentStatus, alpha3: str) -> TreatyRow | None:
    """The State's line under the instrument as the deadline's rules read it (None: it never acted)."""
    line = status.by_state.get(alpha3)
    if line is None:
        return None
    return TreatyRow(line.signature, line.consent_kind, line.consent_date, line.denounced)


def _on_file(codes: list[str]) -> set[str]:
    """The instruments with a status list on file: a complete depositary list, or any action imported."""
    # one look-up in the instrument's index each (a DISTINCT over every action read them all: 54 ms at
    # ten times UN scale)
    found = {code for code in codes if TreatyAction.objects.filter(instrument_id=code).exists()}
    return found | (set(complete_lists()) & set(codes))


def _ratification(deadlines: list[Deadline], day: date, everyone: list[StateInfo]) -> list[DeadlineResults]:
    codes = [deadline.instrument for deadline in deadlines]
    if not codes:
        return []
    on_file = _on_file(codes)
    at_due: dict[str, InstrumentStatus] = {}
    listed_at_due: dict[str, AsListed] = {}
    for due in {deadline.due for deadline in deadlines}:
        codes_due = [deadline.instrument for deadline in deadlines if deadline.due == due]
        at_due.update(statuses_of(codes_due, due))
        listed_at_due.update(listings(codes_due, due))
    latest, listed_now = statuses_of(codes, day), listings(codes, day)
    places = plan_places({citation for deadline in deadlines for citation in deadline.provisions})
    found = []
    for deadline in deadlines:
        code = deadline.instrument
        listed = listed_now[code].listed_on
        results = [
            StateVerdict(
                info.alpha3,
                info.name,
                judge_ratification(
                    _row(at_due[code], info.alpha3),
                    _row(latest[code], info.alpha3),
                    deadline,
                    on_file=code in on_file,
                    listed_on=listed,
                    today=day,
                ),
            )
            for info in everyone
        ]
        sentence = listed_at_due[code].sentence
        words = {"due": long_date(deadline.due), "sentence": sentence, "day": long_date(day), "code": code}
        if code not in on_file:
            evidence = (
                _(
                    "No status list of %(code)s is on file: "
                    "`viennaplan treaties import FILE` or `treaties load-shipped`."
                )
                % words
            )
        elif sentence:
            evidence = (
                _(
                    "Instruments of consent deposited on or before %(due)s, from the treaty status on file "
                    "(%(sentence)s); what happened after, on file on %(day)s."
                )
                % words
            )
        else:
            evidence = (
                _(
                    "Instruments of consent deposited on or before %(due)s, from the treaty status on file; "
                    "what happened after, on file on %(day)s."
                )
                % words
            )
        found.append(
            DeadlineResults(
                deadline,
                [places[c] for c in deadline.provisions],
                results,
                listed_at_due[code],
                listed_now[code],
                evidence,
            )
        )
    return found


# up to this many States, a review reads only their answers (else every answer of the chapter, once)
ONE_BY_ONE = 20


def _review(deadline: Deadline, day: date, everyone: list[StateInfo]) -> DeadlineResults:
    cycles = queries.shown_cycles()
    counted = queries.counted_statuses(AnonymousUser())
    rows = Answer.objects.filter(
        report__cycle__in=cycles, report__status__in=counted, question__chapter=deadline.chapter
    )
    if len(everyone) <= ONE_BY_ONE:  # a few States (one State's profile): only their answers are read
        rows = rows.filter(report__state_id__in=[info.alpha3 for info in everyone])
    rows = rows.values_list("report__state_id", "report__cycle__name", "question__citation", "status", "measures")
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for state, cycle, citation, status, measures in rows:
        entries = tuple(measure_of(entry) for entry in measures or () if isinstance(entry, dict))
        evidence[state].append(Evidence(cycle, citation, status, entries))
    asked = sorted(
        set(Question.objects.filter(cycle__in=cycles, chapter=deadline.chapter).values_list("citation", flat=True))
    )
    words = {"chapter": deadline.chapter, "questions": ", ".join(asked), "day": long_date(day)}
    note = (
        _(
            "Answers to the national actions of chapter %(chapter)s (%(questions)s) in the published national "
            "reports on file on %(day)s, every cycle; a measure counts by its date."
        )
        if asked
        else _(
            "Answers to the national actions of chapter %(chapter)s in the published national "
            "reports on file on %(day)s, every cycle; a measure counts by its date."
        )
    ) % words
    places = plan_places(set(deadline.provisions))
    results = [
        StateVerdict(info.alpha3, info.name, judge_review(evidence.get(info.alpha3, ()), deadline)) for info in everyone
    ]
    return DeadlineResults(deadline, [places[c] for c in deadline.provisions], results, evidence=note)


def deadline_results(deadline: Deadline) -> DeadlineResults:
    return all_deadline_results([deadline])[0]


def all_deadline_results(
    deadlines: list[Deadline] | None = None, everyone: list[StateInfo] | None = None
) -> list[DeadlineResults]:
    """The results of `deadlines` (default: every deadline of the plan), in their order, for
    `everyone` (default: the registry's current States, read once)."""
    wanted = list(DEADLINES if deadlines is None else deadlines)
    day = today()
    everyone = states() if everyone is None else everyone
    by_key = {r.deadline.key: r for r in _ratification([d for d in wanted if d.kind == RATIFICATION], day, everyone)}
    for deadline in wanted:
        if deadline.kind != RATIFICATION:
            by_key[deadline.key] = _review(deadline, day, everyone)
    return [by_key[deadline.key] for deadline in wanted]


def state_deadlines(alpha3: str) -> list[StateDeadline] | None:
    """One State's outcome under every deadline; None when it is not a current State of the registry."""
    everyone = states()
    info = next((info for info in everyone if info.alpha3 == alpha3.upper()), None)
    if info is None:
        return None
    found = []
    for results in all_deadline_results(everyone=[info]):  # a State's verdict rests on its own record
        mine = next(r for r in results.results if r.alpha3 == info.alpha3)
        found.append(StateDeadline(results.deadline, mine.verdict))
    return found


# -- shapes (JSON and text) -------------------------------------------------------------------------


def place_json(place: PlanPlace) -> dict:
    return {
        "citation": place.citation,
        "url": f"/plan/{place.path}" if place.path and place.chapter else None,
        "chapter": place.chapter,
        "text": place.text,
    }


def verdict_json(verdict: Verdict) -> dict:
    return {
        "outcome": verdict.outcome,
        "outcome_label": verdict.outcome_label,
        "reason": verdict.reason,
        "figures": dict(verdict.figures),
    }


def deadline_json(results: DeadlineResults) -> dict:
    deadline, listing = results.deadline, results.listing
    return {
        "key": deadline.key,
        "title": deadline.title,
        "kind": deadline.kind,
        "rule_text": deadline.rule_text,
        "due": deadline.due.isoformat(),
        "instrument": deadline.instrument or None,
        "chapter": deadline.chapter or None,
        "provisions": [place_json(place) for place in results.places],
        "url": results.url,
        "api_url": f"/api{results.url}",
        "evidence": results.evidence,
        "listed_on": listing.listed_on.isoformat() if listing and listing.listed_on else None,
        "list_source": listing.source if listing else "",
        "warning": results.warning,
        "later_warning": results.later_warning,
        "counts": results.counts,
    }


def result_json(result: StateVerdict) -> dict:
    return {"state": result.alpha3, "name": result.name, **verdict_json(result.verdict), "url": result.url}


def results_json(results: DeadlineResults, outcome: str | None = None) -> dict:
    """The deadline with every State's result (only those of `outcome` when given; counts stay whole)."""
    shown = results.results if outcome is None else results.having(outcome)
    return {**deadline_json(results), "outcome": outcome, "results": [result_json(r) for r in shown]}


def state_deadline_json(item: StateDeadline) -> dict:
    return {"key": item.deadline.key, "title": item.deadline.title, "url": item.url, **verdict_json(item.verdict)}


def list_text(all_results: list[DeadlineResults]) -> str:
    lines = []
    for results in all_results:
        counts = ", ".join(f"{label} {results.counts[o]}" for o, label in OUTCOMES.items())
        lines.append(f"{results.deadline.key:<16} {results.deadline.title}: {counts}")
    return "\n".join(lines) + "\n"


def results_text(results: DeadlineResults) -> str:
    deadline = results.deadline
    lines = [
        f"{deadline.title} ({', '.join(deadline.provisions)}), due {long_date(deadline.due)}",
        results.evidence,
        *([f"Warning: {results.warning}"] if results.warning else []),
        *([f"After the deadline: {results.later_warning}"] if results.later_warning else []),
        "counts: " + ", ".join(f"{label} {results.counts[o]}" for o, label in OUTCOMES.items()),
        "",
    ]
    lines += [f"{r.alpha3}  {r.verdict.outcome_label:<17}  {r.verdict.reason}" for r in results.results]
    return "\n".join(lines) + "\n"
