"""Who is bound by an instrument, from which date, and why, computed from the instrument's rules
(`treaties.rules.INSTRUMENTS`) and the dated actions of States. Plain Python, no Django.

`instrument_status` sorts one instrument's actions once and walks them once; `all_statuses` sorts all
actions once, groups them by instrument and computes parents first, so that a Protocol sees its
Convention's status. Each State's explanation cites the rule applied, with its dates: each of its
clauses is translated whole, in the reader's language (Django's translation functions are the one
part of Django loaded here).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from operator import attrgetter

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.bidi import isolated
from viennaplan.dates import add_months, brief_date, ordinal

from .records import DENUNCIATION, EUROPEAN_UNION, SIGNATURE, Action, InstrumentRules, InstrumentStatus, StateStatus

ORGANIZATIONS: frozenset[str] = frozenset({EUROPEAN_UNION})
_BY_DATE = attrgetter("date")


def denunciation_takes_effect(rules: InstrumentRules, received: date) -> date | None:
    """The day a denunciation received on `received` takes effect; None where there is no denunciation clause."""
    if rules.denunciation_delay_days is not None:
        return received + timedelta(days=rules.denunciation_delay_days)
    if rules.denunciation_delay_months is None:
        return None
    return add_months(received, rules.denunciation_delay_months)


KIND_LABELS = {
    SIGNATURE: gettext_lazy("signature"),
    "ratification": gettext_lazy("ratification"),
    "acceptance": gettext_lazy("acceptance"),
    "approval": gettext_lazy("approval"),
    "accession": gettext_lazy("accession"),
    "succession": gettext_lazy("succession"),
    "formal_confirmation": gettext_lazy("act of formal confirmation"),
    DENUNCIATION: gettext_lazy("denunciation"),
}


def kind_label(kind: str) -> str:
    """The action's name in the reader's language ("act of formal confirmation"); an unknown kind as written."""
    label = KIND_LABELS.get(kind)
    return str(label) if label is not None else kind.replace("_", " ")


def instrument_status(
    rules: InstrumentRules,
    actions: Iterable[Action],
    *,
    as_of: date | None = None,
    parent: InstrumentStatus | None = None,
    organizations: frozenset[str] = ORGANIZATIONS,
) -> InstrumentStatus:
    """The status of one instrument as of `as_of` (None: every action on file, parties as of today).

    Only the actions of `rules.code` are read. `parent` is the Convention's status for a Protocol, computed
    as of the same date; `organizations` are the codes of regional economic integration organizations.
    """
    own = sorted((action for action in actions if action.instrument == rules.code), key=_BY_DATE)
    return _status(rules, own, as_of, parent, organizations)


def all_statuses(
    instruments: dict[str, InstrumentRules], actions: Iterable[Action], *, as_of: date | None = None
) -> dict[str, InstrumentStatus]:
    """Every instrument's status, parents first; actions of instruments not in `instruments` are ignored."""
    grouped: dict[str, list[Action]] = {code: [] for code in instruments}
    for action in sorted(actions, key=_BY_DATE):
        bucket = grouped.get(action.instrument)
        if bucket is not None:
            bucket.append(action)
    statuses: dict[str, InstrumentStatus] = {}
    for code in parents_first(instruments):
        rules = instruments[code]
        parent = statuses.get(rules.parent) if rules.parent else None
        statuses[code] = _status(rules, grouped[code], as_of, parent, ORGANIZATIONS)
    return statuses


def parents_first(instruments: dict[str, InstrumentRules]) -> list[str]:
    """The codes ordered so that each parent comes before its children (a parent not listed is skipped)."""
    order: list[str] = []
    done: set[str] = set()
    for start in instruments:
        chain: list[str] = []
        code: str | None = start
        while code is not None and code in instruments and code not in done:
            if code in chain:
                raise ValueError(f"instruments {' -> '.join(chain)} -> {code} form a cycle of parents")
            chain.append(code)
            code = instruments[code].parent
        for code in reversed(chain):
            done.add(code)
            order.append(code)
    return order


def _status(
    rules: InstrumentRules,
    actions: list[Action],
    as_of: date | None,
    parent: InstrumentStatus | None,
    organizations: frozenset[str],
) -> InstrumentStatus:
    """The single pass: `actions` are this instrument's, sorted by date."""
    consent_kinds = frozenset(rules.consent_kinds)
    counts_organizations = rules.counts_organizations
    signatures: dict[str, date] = {}
    consents: dict[str, Action] = {}  # the consent in effect on or before as_of
    denunciations: dict[str, list[date]] = {}
    counted: list[Action] = []  # the first consent of each State counted toward the threshold, whatever its date
    seen: set[str] = set()
    for action in actions:
        kind, state = action.kind, action.state
        within = as_of is None or action.date <= as_of
        if kind in consent_kinds:
            if state not in seen and (counts_organizations or state not in organizations):
                seen.add(state)
                counted.append(action)
            if within:
                previous = consents.get(state)
                # A second consent replaces the first only after a denunciation (else it is a duplicate).
                if previous is None or (denunciations.get(state) or [date.min])[-1] >= previous.date:
                    consents[state] = action
        elif not within:
            continue
        elif kind == SIGNATURE:
            signatures.setdefault(state, action.date)
        elif kind == DENUNCIATION:
            denunciations.setdefault(state, []).append(action.date)

    general, triggered_by, notes, waiting = _general_entry_into_force(rules, counted, as_of, parent)
    context = _Context(rules, general, triggered_by, waiting, parent, organizations)
    today = as_of or date.today()
    states: list[StateStatus] = []
    parties = 0
    for state in sorted(signatures.keys() | consents.keys()):
        signed = signatures.get(state)
        consent = consents.get(state)
        if consent is None:
            states.append(StateStatus(state, signature=signed, explanation=context.signed_only(signatures[state])))
            continue
        status = context.state_status(state, signed, consent, denunciations.get(state, ()))
        status.party = (
            status.in_force is not None
            and status.in_force <= today
            and (status.denounced is None or status.denounced > today)
        )
        parties += status.party
        states.append(status)
    return InstrumentStatus(
        instrument=rules.code,
        as_of=as_of,
        entry_into_force=general,
        triggered_by=triggered_by,
        signatories=len(signatures),
        parties=parties,
        states=states,
        notes=notes,
        denunciation_cascades_to_children=rules.denunciation_cascades_to_children,
    )


def _general_entry_into_force(
    rules: InstrumentRules, counted: list[Action], as_of: date | None, parent: InstrumentStatus | None
) -> tuple[date | None, Action | None, list[str], str]:
    """(general date, triggering deposit, notes, why a deposit is still waiting)."""
    notes: list[str] = []
    article = isolated(rules.articles).get("general", "")
    official = rules.official_entry_into_force
    given = {
        "article": article,
        "threshold": rules.threshold,
        "nth": ordinal(rules.threshold),
        "delay": ordinal(rules.general_delay_days),
        "parent": rules.parent or "",
        "count": len(counted),
    }
    awaits = _("awaits the %(nth)s instrument (%(article)s)") % given
    if len(counted) < rules.threshold:
        if official is not None:
            notes.append(
                _(
                    "official date used: %(official)s (only %(count)s of the %(threshold)s instruments needed are "
                    "on file)"
                )
                % {**given, "official": brief_date(official)}
            )
            return official, None, notes, ""
        notes.append(
            _("not in force: %(count)s of the %(threshold)s instruments needed are on file (%(article)s)") % given
        )
        return None, None, notes, awaits
    trigger = counted[rules.threshold - 1]
    if as_of is not None and trigger.date > as_of:
        deposited = bisect_right(counted, as_of, key=_BY_DATE)
        notes.append(
            _(
                "not in force on %(day)s: %(count)s of the %(threshold)s instruments needed had been deposited "
                "(%(article)s)"
            )
            % {**given, "day": brief_date(as_of), "count": deposited}
        )
        return None, None, notes, awaits
    general = trigger.date + timedelta(days=rules.general_delay_days)
    given.update(trigger=brief_date(trigger.date), general=brief_date(general), state=trigger.state)
    if rules.parent:
        if parent is None:
            notes.append(
                _(
                    "the status of %(parent)s was not given: the rule that this instrument does not enter into "
                    "force before it, generally or for a State, was not applied"
                )
                % given
            )
        elif parent.entry_into_force is None:
            notes.append(
                _(
                    "the %(nth)s instrument was deposited on %(trigger)s, but %(parent)s is not in force: this "
                    "instrument enters into force with it, not before (%(article)s)"
                )
                % given
            )
            return None, trigger, notes, _("awaits the entry into force of %(parent)s (%(article)s)") % given
        elif parent.entry_into_force > general:
            notes.append(
                _(
                    "the %(delay)s day after the %(nth)s instrument (%(general)s) falls before %(parent)s entered "
                    "into force; in force on %(parent_date)s, not before it (%(article)s)"
                )
                % {**given, "parent_date": brief_date(parent.entry_into_force)}
            )
            general = parent.entry_into_force
    if official is not None and general != official:
        notes.append(
            _(
                "discrepancy: the deposits on file give %(general)s (%(delay)s day after the %(nth)s instrument, "
                "deposited by %(state)s on %(trigger)s); the official date is %(official)s"
            )
            % {**given, "general": brief_date(general), "official": brief_date(official)}
        )
    return general, trigger, notes, ""


class _Context:
    """What every State's computation of one instrument shares; builds the explanation sentences."""

    def __init__(
        self,
        rules: InstrumentRules,
        general: date | None,
        triggered_by: Action | None,
        waiting: str,
        parent: InstrumentStatus | None,
        organizations: frozenset[str],
    ) -> None:
        self.rules = rules
        self.general = general
        self.trigger_date = triggered_by.date if triggered_by is not None and general is not None else None
        self.waiting = waiting
        self.parent_states = {s.state: s for s in parent.states} if parent is not None and rules.parent else None
        self.cascade = parent is not None and parent.denunciation_cascades_to_children
        self.organizations = organizations
        self.is_protocol = bool(rules.parent)
        self.later_delay = timedelta(days=rules.later_delay_days)
        self.articles = isolated(rules.articles)  # in the reader's direction (see viennaplan.bidi)

    def signed_only(self, signed: date) -> str:
        if "signature" in self.articles:
            return _("signed %(day)s (%(article)s); no consent to be bound on file") % {
                "day": brief_date(signed),
                "article": self.articles["signature"],
            }
        return _("signed %(day)s; no consent to be bound on file") % {"day": brief_date(signed)}

    def state_status(
        self, state: str, signed: date | None, consent: Action, denunciations: Iterable[date]
    ) -> StateStatus:
        in_force, why = self._in_force(consent.date)
        why = _("%(kind)s deposited %(day)s; %(why)s") % {
            "kind": kind_label(consent.kind),
            "day": brief_date(consent.date),
            "why": why,
        }
        if self.parent_states is not None:
            in_force, why = self._not_before_parent(state, in_force, why)
        if state in self.organizations and not self.rules.counts_organizations:
            why += "; " + _("an organization's instrument, not counted toward the %(threshold)s (%(article)s)") % {
                "threshold": self.rules.threshold,
                "article": self.articles.get("organizations_count", ""),
            }
        denounced, why = self._denounced(state, consent.date, denunciations, why)
        return StateStatus(
            state,
            signature=signed,
            consent_kind=consent.kind,
            consent_date=consent.date,
            in_force=in_force,
            denounced=denounced,
            explanation=why,
        )

    def _in_force(self, deposited: date) -> tuple[date | None, str]:
        general = self.general
        if general is None:
            return None, _("not yet in force: %(waiting)s") % {"waiting": self.waiting}
        later = deposited + self.later_delay
        given = {
            "general": brief_date(general),
            "later": brief_date(later),
            "nth": ordinal(self.rules.later_delay_days),
            "general_article": self.articles.get("general", ""),
            "later_article": self.articles.get("later", ""),
            "code": self.rules.code,
        }
        before_trigger = deposited <= self.trigger_date if self.trigger_date is not None else later <= general
        if before_trigger:
            if self.is_protocol:
                why = _(
                    "in force %(general)s: deposited before the Protocol entered into force; it entered into force "
                    "for all States then depositing on the general date, %(general_article)s"
                )
            else:
                why = _(
                    "in force %(general)s: deposited before the Convention entered into force; it entered into "
                    "force for all States then depositing on the general date, %(general_article)s"
                )
            return general, why % given
        if later >= general:
            return later, _("in force %(later)s: %(nth)s day after deposit, %(later_article)s") % given
        if self.rules.later_whichever_is_later:
            return general, _(
                "in force %(general)s: the general date, later than the %(nth)s day after deposit (%(later)s), "
                "%(later_article)s"
            ) % given
        return general, _(
            "in force %(general)s: the %(nth)s day after deposit (%(later)s, %(later_article)s) falls before the "
            "general entry into force; clamped to the general date (interpretation in the %(code)s rules)"
        ) % given

    def _not_before_parent(self, state: str, in_force: date | None, why: str) -> tuple[date | None, str]:
        assert self.parent_states is not None
        given = {"parent": self.rules.parent, "article": self.articles.get("parent", "")}
        status = self.parent_states.get(state)
        if status is None or status.consent_date is None:
            return in_force, why + "; " + _("no consent to %(parent)s on file for this State (%(article)s)") % given
        if status.in_force is None:
            return None, why + "; " + _(
                "not in force before %(parent)s is in force for the State (%(article)s)"
            ) % given
        if in_force is not None and status.in_force > in_force:
            return status.in_force, why + "; " + _(
                "not before %(parent)s entered into force for the State: in force %(day)s (%(article)s)"
            ) % {**given, "day": brief_date(status.in_force)}
        return in_force, why

    def _denounced(
        self, state: str, consented: date, denunciations: Iterable[date], why: str
    ) -> tuple[date | None, str]:
        effective: date | None = None
        received = next((day for day in denunciations if day >= consented), None)
        if received is not None:
            effective = denunciation_takes_effect(self.rules, received)
            if effective is None:
                why += "; " + _("denunciation received %(received)s, but the instrument has no denunciation clause") % {
                    "received": brief_date(received)
                }
            else:
                why += "; " + _("denunciation received %(received)s, effective %(effective)s (%(article)s)") % {
                    "received": brief_date(received),
                    "effective": brief_date(effective),
                    "article": self.articles.get("denunciation", ""),
                }
        if self.cascade and self.parent_states is not None:
            parent_status = self.parent_states.get(state)
            parent_effective = parent_status.denounced if parent_status is not None else None
            if (
                parent_effective is not None
                and parent_effective > consented
                and (effective is None or parent_effective < effective)
            ):
                effective = parent_effective
                why += "; " + _(
                    "its denunciation of %(parent)s takes effect for this Protocol too on %(day)s (denouncing "
                    "%(parent)s denounces its Protocols)"
                ) % {"parent": self.rules.parent, "day": brief_date(parent_effective)}
        return effective, why
