"""Plain data of the treaty engine: an instrument's rules, the dated actions of States, and the
status the engine computes from them. No Django here.

States and organizations are keyed by ISO 3166-1 alpha-3 codes; the European Union (the
European Community before 1 December 2009) by `EUROPEAN_UNION`, "EUU", the code the World Bank
uses for it, defined once with the country data (`countries.datafiles`, plain Python too).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.utils.translation import gettext as _

from viennaplan.countries.datafiles import EUROPEAN_UNION as EUROPEAN_UNION

# Kinds of action, as the depositary records them.
SIGNATURE = "signature"
CONSENT_KINDS = ("ratification", "acceptance", "approval", "accession", "succession", "formal_confirmation")
DENUNCIATION = "denunciation"
ACTION_KINDS = (SIGNATURE, *CONSENT_KINDS, DENUNCIATION)


@dataclass(frozen=True)
class SignatureWindow:
    opens: date
    closes: date  # last day a signature is accepted
    place: str  # "Palermo", "New York"


@dataclass(frozen=True)
class InstrumentRules:
    """An instrument's final clauses as data, so that a new instrument is a data entry, not code.

    `interpretations` are the engine's readings where the text leaves a choice, each a sentence
    saying what is done and why (e.g. clamping a State's date to the general date).
    """

    code: str  # "UNTOC"
    name: str
    short_name: str
    adopted: date
    adopted_by: str  # "General Assembly resolution 55/25"
    threshold: int  # instruments needed for the general entry into force (40, 30, 22, ...)
    general_delay_days: int  # 90: "on the ninetieth day after the date of deposit of the ..th instrument"
    later_delay_days: int  # 30: "on the thirtieth day after the date of deposit by such State"
    later_whichever_is_later: bool  # "... or on the date this Protocol enters into force ..., whichever is the later"
    consent_kinds: tuple[str, ...] = CONSENT_KINDS
    parent: str | None = None  # "UNTOC" for its Protocols
    counts_organizations: bool = False  # regional economic integration organizations counted toward the threshold
    organizations_may_join: bool = True
    signature_windows: tuple[SignatureWindow, ...] = ()
    denunciation_delay_months: int | None = 12  # None: no denunciation clause
    denunciation_delay_days: int | None = None  # where the clause counts days ("180 days"): used instead of months
    denunciation_cascades_to_children: bool = False  # denouncing UNTOC denounces its Protocols (art. 40(3))
    official_entry_into_force: date | None = None
    articles: dict[str, str] = field(default_factory=dict)  # rule -> article: {"general": "art. 38(1)", ...}
    interpretations: tuple[str, ...] = ()
    source: str = ""  # where the rules and dates were read


@dataclass(frozen=True)
class Action:
    """One dated act of a State or organization toward an instrument."""

    state: str  # alpha-3, or EUROPEAN_UNION
    instrument: str  # InstrumentRules.code
    kind: str  # one of ACTION_KINDS
    date: date
    source: str = ""  # where it was read: "C.N.123.2003.TREATIES-1", a file and row
    row: int = 0  # the row of the import file, for error messages (0: not from a file)


@dataclass
class StateStatus:
    state: str
    signature: date | None = None
    consent_kind: str | None = None
    consent_date: date | None = None
    in_force: date | None = None  # the date the instrument entered / enters into force for the State
    denounced: date | None = None  # the date a denunciation took effect (or takes effect)
    party: bool = False  # a party as of the status date
    explanation: str = ""  # cites the rule applied: "30th day after deposit on 27 Oct 2006, art. 38(2)"


@dataclass
class InstrumentStatus:
    instrument: str
    as_of: date | None
    entry_into_force: date | None  # general entry into force (None: not yet, as of the date)
    triggered_by: Action | None  # the deposit that completed the threshold
    signatories: int
    parties: int
    states: list[StateStatus]
    notes: list[str] = field(default_factory=list)  # e.g. discrepancy with the official date, official date used
    denunciation_cascades_to_children: bool = False  # copied from the rules, so that a Protocol's status can follow it

    @cached_property
    def by_state(self) -> dict[str, StateStatus]:
        """Each State's line by its code, indexed once (statuses are kept and shared, never changed)."""
        return {line.state: line for line in self.states}


@dataclass(frozen=True)
class ActionError:
    """Why an action cannot be recorded; `row` is the import file's row (0 for interactive entry)."""

    row: int
    state: str
    instrument: str
    message: str

    def __str__(self) -> str:
        given = {"row": self.row, "state": self.state, "code": self.instrument, "message": self.message}
        if self.row:
            return _("row %(row)s: %(state)s %(code)s: %(message)s") % given
        return _("%(state)s %(code)s: %(message)s") % given
