"""Checks of treaty actions against the instruments' final clauses, before anything is recorded.

`validate` reads the new actions together with those already on file, in date order (on one day:
signatures, then consents, then denunciations; a Convention before its Protocols; States before their
organization), and returns every error of every bad row, and notes that are not errors. A bad row is
not taken into account for the rows after it. Plain Python: of Django, only its translation functions
(every error and note is translated whole, in the reader's language).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.bidi import isolated
from viennaplan.dates import brief_date

from .engine import denunciation_takes_effect, kind_label
from .records import ACTION_KINDS, CONSENT_KINDS, DENUNCIATION, SIGNATURE, Action, ActionError, InstrumentRules

Organizations = dict[str, set[str]] | Callable[[str, date], set[str]]
"""Organization code -> its member States (on a date, for the callable; an empty set: not an organization)."""

NO_SIGNATURE_NOTE = gettext_lazy("no signature on file; status lists often give only the consent column")
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
            return [
                _("'%(kind)s' is not a kind of action; use one of: %(kinds)s")
                % {"kind": kind, "kinds": ", ".join(ACTION_KINDS)}
            ]
        rules = self.instruments.get(action.instrument)
        if rules is None:
            if len(self.instruments) <= 30:
                known = ", ".join(self.instruments)
            else:
                known = _("%(n)s codes") % {"n": len(self.instruments)}
            return [_("unknown instrument '%(code)s' (known: %(known)s)") % {"code": action.instrument, "known": known}]
        is_organization = self.is_organization(action.state, day)
        if not is_organization and action.state not in self.known_states:
            return [
                _("unknown State '%(state)s': not the ISO 3166-1 alpha-3 code of a known State or organization")
                % {"state": action.state}
            ]
        if day < rules.adopted:
            return [
                _("%(kind)s dated %(day)s, before the instrument was adopted on %(adopted)s (%(by)s)")
                % {
                    "kind": kind_label(kind),
                    "day": brief_date(day),
                    "adopted": brief_date(rules.adopted),
                    "by": rules.adopted_by,
                }
            ]
        problems: list[str] = []
        if is_organization and not rules.organizations_may_join:
            problems.append(
                _("the %(name)s is open to States only: an organization cannot sign or join it")
                % {"name": rules.short_name}
            )
        if kind == SIGNATURE:
            problems += self._signature(action, rules, is_organization)
        elif kind in _CONSENTS:
            problems += self._consent(action, rules, is_organization)
        else:
            problems += self._denunciation(action, rules)
        return problems

    def _signature(self, action: Action, rules: InstrumentRules, is_organization: bool) -> list[str]:
        day, problems = action.date, []
        article = isolated(rules.articles).get("signature", "")
        windows = rules.signature_windows
        if windows and not any(window.opens <= day <= window.closes for window in windows):
            closes, opens = max(w.closes for w in windows), min(w.opens for w in windows)
            given = {"day": brief_date(day), "article": article}
            if day > closes:
                problems.append(
                    _(
                        "signature on %(day)s, after the instrument closed for signature on %(closes)s "
                        "(%(article)s); after that, accession is the only way in"
                    )
                    % {**given, "closes": brief_date(closes)}
                )
            elif day < opens:
                problems.append(
                    _("signature on %(day)s, before the instrument opened for signature on %(opens)s (%(article)s)")
                    % {**given, "opens": brief_date(opens)}
                )
            else:
                periods = "; ".join(
                    _("%(place)s %(opens)s to %(closes)s")
                    % {"place": w.place, "opens": brief_date(w.opens), "closes": brief_date(w.closes)}
                    for w in windows
                )
                problems.append(
                    _("signature on %(day)s, outside the periods of signature: %(periods)s (%(article)s)")
                    % {**given, "periods": periods}
                )
        standing = self.get(action.state, rules.code)
        if standing.signed is not None:
            problems.append(_("a second signature: already signed on %(day)s") % {"day": brief_date(standing.signed)})
        if is_organization:
            members = self.members(action.state, day)
            if not any((s := self.get(m, rules.code).signed) is not None and s <= day for m in members):
                problems.append(
                    _(
                        "an organization may sign only if one of its member States has signed (%(article)s); "
                        "no member State's signature is on file by %(day)s"
                    )
                    % {"article": isolated(rules.articles).get("organizations", ""), "day": brief_date(day)}
                )
        return problems

    def _consent(self, action: Action, rules: InstrumentRules, is_organization: bool) -> list[str]:
        kind, day, problems = action.kind, action.date, []
        label = kind_label(kind)
        given = {"kind": label, "name": rules.short_name, "day": brief_date(day)}
        if kind not in rules.consent_kinds:
            problems.append(_("%(kind)s is not a way to consent to the %(name)s") % given)
        standing = self.get(action.state, rules.code)
        if standing.consented is not None and (standing.denounced is None or standing.denounced > day):
            problems.append(
                _("a second consent to the same instrument: %(kind)s already deposited on %(day)s")
                % {"kind": kind_label(standing.consent_kind), "day": brief_date(standing.consented)}
            )
        if rules.parent and not self.get(action.state, rules.parent).party_on(day):
            problems.append(
                _(
                    "%(kind)s of the %(name)s on %(day)s by a State not a party to the %(parent)s: to become a "
                    "party to a Protocol, a State must be a party to the Convention (%(article)s); a deposit of "
                    "both on the same day is fine"
                )
                % {**given, "parent": rules.parent, "article": isolated(rules.articles).get("parent", "")}
            )
        if is_organization:
            members = self.members(action.state, day)
            given["article"] = isolated(rules.articles).get("organizations", "")
            if kind == "accession":
                if not any(self.get(m, rules.code).party_on(day) for m in members):
                    problems.append(
                        _(
                            "an organization may accede only if one of its member States is a party (%(article)s); "
                            "none is by %(day)s"
                        )
                        % given
                    )
            elif not any((c := self.get(m, rules.code).consented) is not None and c <= day for m in members):
                problems.append(
                    _(
                        "an organization may deposit its %(kind)s only if one of its member States has done "
                        "likewise (%(article)s); none has by %(day)s"
                    )
                    % given
                )
        return problems

    def _denunciation(self, action: Action, rules: InstrumentRules) -> list[str]:
        day, article = action.date, isolated(rules.articles).get("denunciation", "")
        if denunciation_takes_effect(rules, day) is None:
            return [_("the %(name)s has no denunciation clause") % {"name": rules.short_name}]
        standing = self.get(action.state, rules.code)
        if not standing.party_on(day):
            return [
                _("denunciation on %(day)s by a State that is not a party to the %(code)s (%(article)s)")
                % {"day": brief_date(day), "code": rules.code, "article": article}
            ]
        if standing.denunciation_received is not None:
            return [
                _("a second denunciation: already denounced on %(day)s")
                % {"day": brief_date(standing.denunciation_received)}
            ]
        return []

    def note(self, action: Action) -> str:
        if action.kind not in _FOLLOW_A_SIGNATURE:
            return ""
        signed = self.get(action.state, action.instrument).signed
        if signed is not None and signed <= action.date:
            return ""
        given = {
            "row": action.row,
            "state": action.state,
            "code": action.instrument,
            "kind": kind_label(action.kind),
            "date": action.date,
            "note": NO_SIGNATURE_NOTE,
        }
        if action.row:
            return _("row %(row)s: %(state)s %(code)s %(kind)s %(date)s: %(note)s") % given
        return _("%(state)s %(code)s %(kind)s %(date)s: %(note)s") % given

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
