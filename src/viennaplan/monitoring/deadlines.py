"""The plan's dated deadlines other than indicator targets, and whether each State met them. Plain
Python, no Django. Outcomes and their labels are those of indicator targets (`indicator_targets`).

    DEADLINES = ratification of each of UNTOC, TIP, SOM and FIREARMS before the end of 2002
                (paragraphs 10 and 39), and the review of practices on victims of crime by 2002 (79(e))
    judge_ratification(at_due, latest, deadline, on_file=True, listed_on=..., today=...) -> Verdict
    judge_review(evidence, deadline) -> Verdict

One deadline per instrument: a State may meet one and not another, and each has its own map.
Which instruments are due by 2002, and under which paragraphs, is read from the ratification
objectives (`targets.PLAN_OBJECTIVES`, those with a paragraph); the date is `TARGET_DATE`.

Ratification. `at_due` is the State's status under the instrument on the deadline (the engine's
`StateStatus` on 31 December 2002, as `targets.consents_by` counts it), `latest` its status on the
last day on file, for saying what happened after. MET: an instrument of consent (ratification,
acceptance, approval, accession, succession) deposited on or before the deadline and not denounced
with effect by then. NOT_MET otherwise, saying what decided it: consent deposited after the
deadline, a denunciation effective by the deadline, signed with no consent as of the depositary's
list, neither signed nor consented. INSUFFICIENT only when no status list of the instrument is on
file (then nothing can be said of any State).

Review of practices on victims (79(e)). The evidence is the State's answers, in published national
reports, to the national actions of the commitment's chapter (X: 82(a)-(e)), each with its measures
({kind, title, url, date}). MET: a measure dated on or before the deadline (the earliest is named,
with the question and the cycle). NOT_MET: the State answered those questions in a published report
(a status given or a measure listed) but no measure is dated by the deadline (the earliest later
measure is named, or "no dated measure"). INSUFFICIENT: no published report answers them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.dates import long_date
from viennaplan.treaties.rules import INSTRUMENTS

from .indicator_targets import INSUFFICIENT, MET, NOT_MET, OUTCOMES
from .targets import PLAN_OBJECTIVES, TARGET_DATE

RATIFICATION, REVIEW = "ratification", "review"
KINDS = {
    RATIFICATION: gettext_lazy("an instrument of consent deposited by the date and not denounced by then"),
    REVIEW: gettext_lazy(
        "a measure dated by the date in a published national report on the chapter's national actions"
    ),
}
Figure = str | int | None


@dataclass(frozen=True)
class Deadline:
    key: str  # in URLs: /targets/deadlines/<key>
    kind: str  # RATIFICATION or REVIEW
    name: str  # REVIEW: the title (lazy); RATIFICATION: the instrument's short name (`title` words it)
    provisions: tuple[str, ...]  # the plan's citations that set it: ("10", "39"), ("79(e)",)
    due: date
    instrument: str = ""  # RATIFICATION: the instrument's code
    chapter: str = ""  # REVIEW: the chapter whose national actions are the evidence

    @property
    def title(self) -> str:
        """The deadline in words, in the reader's language."""
        if self.kind == RATIFICATION:
            return _("%(name)s (%(code)s) ratified before the end of 2002") % {
                "name": self.name,
                "code": self.instrument,
            }
        return str(self.name)

    @property
    def rule_text(self) -> str:
        return _("%(rule)s: %(day)s") % {"rule": KINDS[self.kind], "day": long_date(self.due)}


def _ratification_deadlines() -> tuple[Deadline, ...]:
    paragraphs: dict[str, list[str]] = {}
    for objective in PLAN_OBJECTIVES:
        if objective.paragraph is None:
            continue
        for code in objective.instruments:
            paragraphs.setdefault(code, []).append(str(objective.paragraph))
    return tuple(
        Deadline(
            f"ratify-{code.lower()}",
            RATIFICATION,
            INSTRUMENTS[code].short_name,
            tuple(cited),
            TARGET_DATE,
            instrument=code,
        )
        for code, cited in paragraphs.items()
    )


DEADLINES: tuple[Deadline, ...] = (
    *_ratification_deadlines(),
    Deadline(
        "review-victims",
        REVIEW,
        gettext_lazy("Practices on the interests and treatment of victims of crime reviewed by 2002"),
        ("79(e)",),
        TARGET_DATE,
        chapter="X",
    ),
)


def find_deadline(key: str) -> Deadline | None:
    return next((deadline for deadline in DEADLINES if deadline.key == key.strip().lower()), None)


@dataclass(frozen=True)
class Verdict:
    """A State's outcome under one deadline, why, and the figures that decided it (JSON-ready)."""

    outcome: str  # MET, NOT_MET or INSUFFICIENT
    reason: str
    figures: dict[str, Figure] = field(default_factory=dict)

    @property
    def outcome_label(self) -> str:
        return str(OUTCOMES[self.outcome])


# -- ratification --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TreatyRow:
    """A State's actions under one instrument as the engine reads them (None: no such action)."""

    signature: date | None = None
    consent_kind: str | None = None
    consent_date: date | None = None
    denounced: date | None = None  # the day a denunciation took (or takes) effect


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


CONSENT_KINDS = {
    "ratification": gettext_lazy("ratification"),
    "acceptance": gettext_lazy("acceptance"),
    "approval": gettext_lazy("approval"),
    "accession": gettext_lazy("accession"),
    "succession": gettext_lazy("succession"),
    "formal_confirmation": gettext_lazy("formal confirmation"),
}


def _consent(row: TreatyRow) -> str:
    kind = row.consent_kind or ""
    return str(CONSENT_KINDS.get(kind, kind.replace("_", " ") or _("consent")))


def judge_ratification(
    at_due: TreatyRow | None,
    latest: TreatyRow | None,
    deadline: Deadline,
    *,
    on_file: bool,
    listed_on: date | None,
    today: date,
) -> Verdict:
    """MET / NOT_MET / INSUFFICIENT for one State (see the module). `listed_on`: the date of the
    instrument's latest complete depositary list (None: none on file, then "on file as of `today`")."""
    if not on_file:
        return Verdict(
            INSUFFICIENT, _("no status list of %(instrument)s is on file") % {"instrument": deadline.instrument}
        )
    due = deadline.due
    at_due, latest = at_due or TreatyRow(), latest or TreatyRow()
    figures: dict[str, Figure] = {
        "signature": _iso(latest.signature or at_due.signature),
        "consent_kind": at_due.consent_kind or latest.consent_kind,
        "consent_date": _iso(at_due.consent_date or latest.consent_date),
        "denounced": _iso(at_due.denounced or latest.denounced),
        "listed_on": _iso(listed_on),
    }
    consented = at_due.consent_date is not None and at_due.consent_date <= due
    if consented:
        words = {
            "consent": _consent(at_due),
            "day": long_date(at_due.consent_date),
            "denounced": long_date(at_due.denounced),
            "due": long_date(due),
        }
        if at_due.denounced is not None and at_due.denounced <= due:
            reason = (
                _(
                    "%(consent)s deposited %(day)s, but denounced with effect from %(denounced)s, "
                    "on or before the deadline"
                )
                % words
            )
            if latest.consent_date is not None and latest.consent_date > due:
                reason = _("%(reason)s; %(consent)s deposited again %(day)s") % {
                    "reason": reason,
                    "consent": _consent(latest),
                    "day": long_date(latest.consent_date),
                }
                figures.update(consent_kind=latest.consent_kind, consent_date=_iso(latest.consent_date))
            return Verdict(NOT_MET, reason, figures)
        if at_due.denounced is not None:
            reason = (
                _(
                    "%(consent)s deposited %(day)s, on or before %(due)s; denounced with effect from "
                    "%(denounced)s, after the deadline"
                )
                % words
            )
        else:
            reason = _("%(consent)s deposited %(day)s, on or before %(due)s") % words
        return Verdict(MET, reason, figures)
    if latest.consent_date is not None:
        return Verdict(
            NOT_MET,
            _("%(consent)s deposited %(day)s, after the deadline")
            % {"consent": _consent(latest), "day": long_date(latest.consent_date)},
            figures,
        )
    if listed_on:
        as_of = _("as of the depositary's list of %(day)s") % {"day": long_date(listed_on)}
    else:
        as_of = _("on file on %(day)s") % {"day": long_date(today)}
    if latest.signature is not None:
        return Verdict(
            NOT_MET,
            _("signed %(day)s, no consent %(as_of)s") % {"day": long_date(latest.signature), "as_of": as_of},
            figures,
        )
    return Verdict(NOT_MET, _("neither signed nor consented %(as_of)s") % {"as_of": as_of}, figures)


# -- the review of practices on victims (79(e)) ---------------------------------------------------


@dataclass(frozen=True)
class Measure:
    kind: str
    title: str
    day: date | None  # None: undated (or a date that cannot be read)
    url: str = ""


@dataclass(frozen=True)
class Evidence:
    """A State's answer, in a published report, to one national action of the deadline's chapter."""

    cycle: str  # the cycle's name
    citation: str  # "82(b)"
    status: str  # the answer's status ("" when none is given)
    measures: tuple[Measure, ...] = ()

    @property
    def answered(self) -> bool:
        return bool(self.status or self.measures)


def measure_of(entry: dict) -> Measure:
    """A measure as stored in an answer ({kind, title, url, date: "YYYY-MM-DD" or ""})."""
    raw = str(entry.get("date") or "").strip()
    try:
        day = date.fromisoformat(raw) if raw else None
    except ValueError:
        day = None
    return Measure(str(entry.get("kind") or ""), str(entry.get("title") or ""), day, str(entry.get("url") or ""))


def _measure_words(measure: Measure, evidence: Evidence) -> str:
    title = f"“{measure.title}”" if measure.title else _("a measure")
    kind = f" ({measure.kind})" if measure.kind else ""
    return _("%(title)s dated %(day)s, answer to %(citation)s in %(cycle)s") % {
        "title": f"{title}{kind}",
        "day": long_date(measure.day),
        "citation": evidence.citation,
        "cycle": evidence.cycle,
    }


def _measure_figures(measure: Measure, evidence: Evidence, answers: int) -> dict[str, Figure]:
    return {
        "measure_title": measure.title,
        "measure_kind": measure.kind,
        "measure_date": _iso(measure.day),
        "measure_url": measure.url or None,
        "citation": evidence.citation,
        "cycle": evidence.cycle,
        "answers": answers,
    }


def judge_review(evidence: Iterable[Evidence], deadline: Deadline) -> Verdict:
    """MET / NOT_MET / INSUFFICIENT for one State from its published answers (see the module)."""
    answered = [item for item in evidence if item.answered]
    if not answered:
        return Verdict(
            INSUFFICIENT,
            _("no published national report answers the national actions of chapter %(chapter)s")
            % {"chapter": deadline.chapter},
            {"answers": 0},
        )
    dated = sorted(
        ((m.day, m.title, e.cycle, e.citation, m, e) for e in answered for m in e.measures if m.day is not None),
        key=lambda row: row[:4],
    )
    questions = ", ".join(sorted({e.citation for e in answered}, key=_citation_order))
    if dated and dated[0][0] <= deadline.due:  # type: ignore[operator]
        *_rest, measure, item = dated[0]
        return Verdict(MET, _measure_words(measure, item), _measure_figures(measure, item, len(answered)))
    said = {"questions": questions, "due": long_date(deadline.due)}
    if dated:
        *_rest, measure, item = dated[0]
        return Verdict(
            NOT_MET,
            _(
                "answered %(questions)s in a published report, but no measure is dated on or before %(due)s; "
                "the earliest dated measure: %(measure)s"
            )
            % {**said, "measure": _measure_words(measure, item)},
            _measure_figures(measure, item, len(answered)),
        )
    return Verdict(
        NOT_MET,
        _(
            "answered %(questions)s in a published report, but no measure is dated on or before %(due)s: "
            "no dated measure"
        )
        % said,
        {"answers": len(answered)},
    )


def _citation_order(citation: str) -> tuple[int, str]:
    number = "".join(ch for ch in citation if ch.isdigit())
    return (int(number) if number else 0, citation)
