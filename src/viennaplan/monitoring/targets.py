"""The plan's ratification objectives and how far they were met. Plain Python, no Django but `django.utils.translation`.

Chapters III, V and VI ask States to sign the Convention and its Protocols and to ratify them
"before the end of 2002" (paragraphs 10 and 39); chapter IV, objective 2, asks for the
signature, ratification and entry into force of a convention against corruption (UNCAC, adopted
in 2003, so it has no 2002 figure). Progress is read from two statuses of each instrument: one
at 31 December 2002 (`TARGET_DATE`, declared with the instruments' rules) and one at the as-of date.

Which objectives ask for which instruments is declared here; what the objectives say is read from
the plan (`ratification.objective_texts`), never copied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from viennaplan.treaties.listing import AsListed
from viennaplan.treaties.records import InstrumentStatus
from viennaplan.treaties.rules import TARGET_DATE


@dataclass(frozen=True)
class RatificationObjective:
    chapter: str
    objective: int
    instruments: tuple[str, ...]
    paragraph: int | None = None  # the paragraph that sets the 2002 target, where there is one

    @property
    def key(self) -> str:
        return f"{self.chapter}-{self.objective}"

    @property
    def label(self) -> str:
        return _("%(chapter)s, objective %(number)s") % {"chapter": self.chapter, "number": self.objective}


PLAN_OBJECTIVES: tuple[RatificationObjective, ...] = (
    RatificationObjective("III", 1, ("UNTOC", "TIP", "SOM", "FIREARMS"), 10),
    RatificationObjective("IV", 2, ("UNCAC",)),
    RatificationObjective("V", 1, ("TIP", "SOM"), 39),
    RatificationObjective("VI", 1, ("UNTOC", "FIREARMS")),
)


def objectives_of_chapter(chapter: str | None) -> list[RatificationObjective]:
    """The ratification objectives of one chapter; of the whole plan when `chapter` is None."""
    return [objective for objective in PLAN_OBJECTIVES if chapter is None or objective.chapter == chapter.upper()]


def consents_by(status: InstrumentStatus, day: date) -> int:
    """States whose instrument of consent was deposited on or before `day` and not denounced by then."""
    return sum(
        1
        for s in status.states
        if s.consent_date and s.consent_date <= day and not (s.denounced and s.denounced <= day)
    )


@dataclass
class InstrumentProgress:
    instrument: str
    signatories: int  # as of the as-of date
    ratified_by_target: int | None  # consents deposited by 31 Dec 2002; None if not yet adopted then
    ratified: int  # consents deposited by the as-of date (ratification, acceptance, approval, accession, ...)
    parties: int  # States for which it is in force on the as-of date
    entry_into_force: date | None  # general, as of the as-of date
    signed_not_ratified: list[str] = field(default_factory=list)  # alpha-3, signatories without consent
    waiting: list[tuple[str, str]] = field(default_factory=list)  # (alpha-3, name) of the same, for pages
    listing: AsListed | None = None  # as of which depositary list the as-of figures are


@dataclass
class ObjectiveProgress:
    objective: RatificationObjective
    text: str  # what the objective says in the plan; "" when no plan is imported
    instruments: list[InstrumentProgress]


def instrument_progress(
    code: str, now: InstrumentStatus, at_target: InstrumentStatus | None, *, adopted: date
) -> InstrumentProgress:
    """Progress of one instrument from its status at the as-of date and at 31 December 2002."""
    as_of = now.as_of or date.max
    waiting = sorted(
        s.state
        for s in now.states
        if s.signature and s.signature <= as_of and not (s.consent_date and s.consent_date <= as_of)
    )
    by_target = None
    if adopted <= TARGET_DATE:
        by_target = consents_by(at_target, TARGET_DATE) if at_target is not None else 0
    return InstrumentProgress(
        instrument=code,
        signatories=now.signatories,
        ratified_by_target=by_target,
        ratified=consents_by(now, as_of),
        parties=now.parties,
        entry_into_force=now.entry_into_force,
        signed_not_ratified=waiting,
    )
