"""Checks of treaty actions against the instruments' final clauses, before anything is recorded.

`validate` reads the new actions together with those already on file, in date order (on one day:
signatures, then consents, then denunciations; a Convention before its Protocols; States before their
organization), and returns every error of every bad row, and notes that are not errors. A bad row is
not taken into account for the rows after it. Plain Python, no Django.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from viennaplan.dates import short_date

from .engine import denunciation_takes_effect, kind_label
from .records import ACTION_KINDS, CONSENT_KINDS, DENUNCIATION, SIGNATURE, Action, ActionError, InstrumentRules

Organizations = dict[str, set[str]] | Callable[[str, date], set[str]]
"""Organization code -> its member States (on a date, for the callable; an empty set: not an organization)."""

NO_SIGNATURE_NOTE = "no signature on file; status lists often give only the consent column"
_CONSENTS = frozenset(CONSENT_KINDS)
_FOLLOW_A_SIGNATURE = frozenset({"ratification", "acceptance", "approval", "formal_confirmation"})
_KIND_ORDER = {SIGNATURE: 0, **dict.fromkeys(CONSENT_KINDS, 1), DENUNCIATION: 2}


@dataclass
class _Standing:
    """One State's standing toward one instrument, as the rows read so far leave it."""

    signed: date | None = None
    consented: date | None = None
    consent_kind: str = ""
    denunciation_received: date | None = None
    denounced: date | None = None  # the day the denunciation takes effect

    def party_on(self, day: date) -> bool:
        """Consent deposited on or before `day`, and no denunciation in effect by then."""
        return self.consented is not None and self.consented <= day and (self.denounced is None or self.denounced > day)


def validate(
    actions: Sequence[Action],
    instruments: dict[str, InstrumentRules],
    *,
    known_states: set[str],
    organizations: Organizations,
    existing: Sequence[Action] = (),
) -> tuple[list[ActionError], list[str]]:
    """(errors, notes) for `actions`, read after the actions already on file (`existing`, taken as valid)."""
    checker = _Checker(instruments, known_states, organizations)
    entries = [(action, False) for action in existing] + [(action, True) for action in actions]
    entries.sort(key=checker.order)
    errors: list[ActionError] = []
    notes: list[tuple[int, str]] = []
    for action, is_new in entries:
        if is_new:
            problems = checker.problems(action)
            if problems:
                errors.extend(ActionError(action.row, action.state, action.instrument, text) for text in problems)
                continue
            note = checker.note(action)
            if note:
                notes.append((action.row, note))
        checker.record(action)
    errors.sort(key=lambda error: error.row)
    notes.sort(key=lambda item: item[0])
    return errors, [text for _row, text in notes]


class _Checker:
    def __init__(self, instruments: dict[str, InstrumentRules], known_states: set[str], organizations: Organizations):
        self.instruments = instruments
        self.known_states = known_states
        self.organizations = organizations
        self.standing: dict[tuple[str, str], _Standing] = {}
        self.children: dict[str, list[str]] = {}
        for code, rules in instruments.items():
            if rules.parent:
                self.children.setdefault(rules.parent, []).append(code)
        self.depth = {code: self._depth(code) for code in instruments}

    def _depth(self, code: str) -> int:
        depth, parent, seen = 0, self.instruments[code].parent, {code}
        while parent in self.instruments and parent not in seen:
            seen.add(parent)
            depth, parent = depth + 1, self.instruments[parent].parent
        return depth

    def members(self, code: str, day: date) -> set[str]:
        if callable(self.organizations):
            return self.organizations(code, day)
        return self.organizations.get(code, set())

    def is_organization(self, code: str, day: date) -> bool:
        if callable(self.organizations):
            return bool(self.organizations(code, day))
        return code in self.organizations

    def order(self, entry: tuple[Action, bool]) -> tuple[date, int, int, bool]:
        action = entry[0]
        return (
            action.date,
            _KIND_ORDER.get(action.kind, 3),
            self.depth.get(action.instrument, 0),
            self.is_organization(action.state, action.date),
        )

    def get(self, state: str, code: str) -> _Standing:
        return self.standing.get((state, code)) or _Standing()

    def problems(self, action: Action) -> list[str]:
        kind, day = action.kind, action.date
        if kind not in ACTION_KINDS:
            return [f"'{kind}' is not a kind of action; use one of: {', '.join(ACTION_KINDS)}"]
        rules = self.instruments.get(action.instrument)
        if rules is None:
            known = ", ".join(self.instruments) if len(self.instruments) <= 30 else f"{len(self.instruments)} codes"
            return [f"unknown instrument '{action.instrument}' (known: {known})"]
        is_organization = self.is_organization(action.state, day)
        if not is_organization and action.state not in self.known_states:
            return [f"unknown State '{action.state}': not the ISO 3166-1 alpha-3 code of a known State or organization"]
        if day < rules.adopted:
            return [
                f"{kind_label(kind)} dated {short_date(day)}, before the instrument was adopted on "
                f"{short_date(rules.adopted)} ({rules.adopted_by})"
            ]
        problems: list[str] = []
        if is_organization and not rules.organizations_may_join:
            problems.append(f"the {rules.short_name} is open to States only: an organization cannot sign or join it")
        if kind == SIGNATURE:
            problems += self._signature(action, rules, is_organization)
        elif kind in _CONSENTS:
            problems += self._consent(action, rules, is_organization)
        else:
            problems += self._denunciation(action, rules)
        return problems

    def _signature(self, action: Action, rules: InstrumentRules, is_organization: bool) -> list[str]:
        day, problems = action.date, []
        article = rules.articles.get("signature", "")
        windows = rules.signature_windows
        if windows and not any(window.opens <= day <= window.closes for window in windows):
            closes, opens = max(w.closes for w in windows), min(w.opens for w in windows)
            if day > closes:
                problems.append(
                    f"signature on {short_date(day)}, after the instrument closed for signature on "
                    f"{short_date(closes)} ({article}); after that, accession is the only way in"
                )
            elif day < opens:
                problems.append(
                    f"signature on {short_date(day)}, before the instrument opened for signature on "
                    f"{short_date(opens)} ({article})"
                )
            else:
                periods = "; ".join(f"{w.place} {short_date(w.opens)} to {short_date(w.closes)}" for w in windows)
                problems.append(
                    f"signature on {short_date(day)}, outside the periods of signature: {periods} ({article})"
                )
        standing = self.get(action.state, rules.code)
        if standing.signed is not None:
            problems.append(f"a second signature: already signed on {short_date(standing.signed)}")
        if is_organization:
            members = self.members(action.state, day)
            if not any((s := self.get(m, rules.code).signed) is not None and s <= day for m in members):
                problems.append(
                    f"an organization may sign only if one of its member States has signed "
                    f"({rules.articles.get('organizations', '')}); no member State's signature is on file by "
                    f"{short_date(day)}"
                )
        return problems

    def _consent(self, action: Action, rules: InstrumentRules, is_organization: bool) -> list[str]:
        kind, day, problems = action.kind, action.date, []
        label = kind_label(kind)
        if kind not in rules.consent_kinds:
            problems.append(f"{label} is not a way to consent to the {rules.short_name}")
        standing = self.get(action.state, rules.code)
        if standing.consented is not None and (standing.denounced is None or standing.denounced > day):
            problems.append(
                f"a second consent to the same instrument: {kind_label(standing.consent_kind)} already deposited "
                f"on {short_date(standing.consented)}"
            )
        if rules.parent and not self.get(action.state, rules.parent).party_on(day):
            problems.append(
                f"{label} of the {rules.short_name} on {short_date(day)} by a State not a party to the "
                f"{rules.parent}: to become a party to a Protocol, a State must be a party to the Convention "
                f"({rules.articles.get('parent', '')}); a deposit of both on the same day is fine"
            )
        if is_organization:
            members = self.members(action.state, day)
            article = rules.articles.get("organizations", "")
            if kind == "accession":
                if not any(self.get(m, rules.code).party_on(day) for m in members):
                    problems.append(
                        f"an organization may accede only if one of its member States is a party ({article}); "
                        f"none is by {short_date(day)}"
                    )
            elif not any((c := self.get(m, rules.code).consented) is not None and c <= day for m in members):
                problems.append(
                    f"an organization may deposit its {label} only if one of its member States has done likewise "
                    f"({article}); none has by {short_date(day)}"
                )
        return problems

    def _denunciation(self, action: Action, rules: InstrumentRules) -> list[str]:
        day, article = action.date, rules.articles.get("denunciation", "")
        if denunciation_takes_effect(rules, day) is None:
            return [f"the {rules.short_name} has no denunciation clause"]
        standing = self.get(action.state, rules.code)
        if not standing.party_on(day):
            return [f"denunciation on {short_date(day)} by a State that is not a party to the {rules.code} ({article})"]
        if standing.denunciation_received is not None:
            return [f"a second denunciation: already denounced on {short_date(standing.denunciation_received)}"]
        return []

    def note(self, action: Action) -> str:
        if action.kind not in _FOLLOW_A_SIGNATURE:
            return ""
        signed = self.get(action.state, action.instrument).signed
        if signed is not None and signed <= action.date:
            return ""
        where = f"row {action.row}: " if action.row else ""
        return f"{where}{action.state} {action.instrument} {kind_label(action.kind)} {action.date}: {NO_SIGNATURE_NOTE}"

    def record(self, action: Action) -> None:
        """Take a valid (or already recorded) action into account for the rows after it."""
        rules = self.instruments.get(action.instrument)
        if rules is None:
            return
        standing = self.standing.setdefault((action.state, action.instrument), _Standing())
        if action.kind == SIGNATURE:
            standing.signed = standing.signed or action.date
        elif action.kind in _CONSENTS:
            standing.consented, standing.consent_kind = action.date, action.kind
            standing.denunciation_received = standing.denounced = None
        elif action.kind == DENUNCIATION:
            effective = denunciation_takes_effect(rules, action.date)
            standing.denunciation_received, standing.denounced = action.date, effective
            if rules.denunciation_cascades_to_children:
                for child in self.children.get(rules.code, ()):
                    protocol = self.standing.get((action.state, child))
                    if protocol is not None and protocol.consented is not None and protocol.denounced is None:
                        protocol.denunciation_received, protocol.denounced = action.date, effective
