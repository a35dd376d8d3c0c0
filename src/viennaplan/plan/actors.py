"""Who acts on a national or international action, with whom, and on what conditions.

Plain Python: of Django only `django.utils.translation` (the actors' names are shown in the reader's
language by `actor_name`; the database keeps them in English, see `saving.ensure_actors`).
`actor_of(text, kind=..., inherited=...)` gives (actor code, partner codes) for a paragraph or one
of its items; `flags(text)` gives (subject_to_resources, upon_request).

Rules, from the document (para. 5: national actions are for Member States individually; international
actions are for components of the Office, named where possible):
- national actions: Member States individually, unless the text opens with "Individually and collectively,
  States" or "Collectively, States".
- international actions: the body named as the subject ("The Centre for International Crime Prevention
  will", "To assist States in these actions, the Centre ... will", "The Terrorism Prevention Branch will");
  "States" as subject acting internationally means States collectively (para. 32 "States will promote
  ... Collectively, this will be done"). A paragraph that names nobody ("Other international actions will
  include", para. 90; "International and regional actions in this area will consist...", para. 58) is
  "unspecified": the text gives the work to no component, and para. 5's general reference to the Office
  is not stretched to regional bodies.
- partners: bodies named after "in cooperation with", "Cooperate with" or as a second subject
  ("The Centre and the institutes of the ... network will", "Efforts by the Centre ... and States").
- items inherit their paragraph's actor and partners unless their own words name an actor at their start
  ("(a) Efforts by the Centre ... and States", "(b) The exchange of information ... between interested
  States"); partners they name are added to the inherited ones.
- other kinds of paragraph (commitments, background, objective, expected impact, summary) have no actor.
"""

from __future__ import annotations

import re

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ACTORS: dict[str, tuple[Promise, str]] = {
    "member_states": (_("Member States, individually"), "states"),
    "states_collectively": (_("States, collectively"), "states"),
    "states_individually_and_collectively": (_("States, individually and collectively"), "states"),
    "cicp": (_("Centre for International Crime Prevention"), "un"),
    "odccp": (_("Office for Drug Control and Crime Prevention"), "un"),
    "odccp_field_offices": (_("Office for Drug Control and Crime Prevention field offices"), "un"),
    "tpb": (_("Terrorism Prevention Branch"), "un"),
    "ola": (_("Office of Legal Affairs"), "un"),
    "pni": (_("Institutes of the United Nations Crime Prevention and Criminal Justice Programme network"), "un"),
    "unicri": (_("United Nations Interregional Crime and Justice Research Institute"), "un"),
    "conference_of_parties": (
        _("Conference of the Parties to the United Nations Convention against Transnational Organized Crime"),
        "other",
    ),
    "unspecified": (_("Not specified by the text"), "other"),
}

ACTION_KINDS = ("national_action", "international_action")
NO_ACTOR: tuple[str, tuple[str, ...]] = ("", ())

# Names of bodies, most specific first (the field offices before the Office itself).
_NAMES: tuple[tuple[str, str], ...] = (
    ("odccp_field_offices", r"Office\s+for\s+Drug\s+Control\s+and\s+Crime\s+Prevention\s+field\s+offices?"),
    ("odccp", r"Office\s+for\s+Drug\s+Control\s+and\s+Crime\s+Prevention"),
    ("cicp", r"(?:United\s+Nations\s+)?Centre\s+for\s+International\s+Crime\s+Prevention|\bCentre\b"),
    ("tpb", r"Terrorism\s+Prevention\s+Branch"),
    ("ola", r"Office\s+of\s+Legal\s+Affairs"),
    (
        "pni",
        r"(?:institutes|members)\s+of\s+the\s+United\s+Nations\s+Crime\s+Prevention\s+and\s+Criminal"
        r"\s+Justice\s+Programme\s+network",
    ),
    ("unicri", r"United\s+Nations\s+Interregional\s+Crime\s+and\s+Justice\s+Research\s+Institute"),
    ("conference_of_parties", r"Conference\s+of\s+(?:the\s+|States\s+)?Parties\s+to\s+the\s+Convention"),
    ("member_states", r"\bMember\s+States\b"),
    ("states_collectively", r"\bStates\b"),
)
_NAME = re.compile("|".join(f"(?P<{code}>{pattern})" for code, pattern in _NAMES))

_OPENING_CLAUSE = r"^\s*(?:To\s[^,]*,\s*)?"  # "To assist States in these actions, the Centre ... will"
_STATES_SUBJECTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s*Individually\s+and\s+collectively,\s+States\b"), "states_individually_and_collectively"),
    (re.compile(r"^\s*Collectively,\s+States\b"), "states_collectively"),
)
_BODY_SUBJECT = re.compile(
    _OPENING_CLAUSE + r"(?:[Tt]he\s+)?(?P<subject>(?:United\s+Nations\s+)?Centre\b|Office\s+for\s+Drug\s+Control"
    r"\s+and\s+Crime\s+Prevention|Terrorism\s+Prevention\s+Branch)(?P<rest>[^:;.]*?)\s+will\b"
)
_STATES_SUBJECT = re.compile(_OPENING_CLAUSE + r"States\s+will\b")
_NOBODY_NAMED = re.compile(r"^\s*(?:Other\s+international\s+actions|International\s+and\s+regional\s+actions)\b")
_EFFORTS_BY = re.compile(r"^\s*Efforts\s+(?:by|of|on\s+the\s+part\s+of)\s+(?P<names>[^,;:(]*?)\s+to\b")
_BETWEEN_STATES = re.compile(r"^\s*The\s[^;(]*?\bbetween\s+(?:interested\s+)?States\b")
_COOPERATION = re.compile(
    r"\b(?:[Ii]n\s+cooperation\s+with\s+(?P<short>[^,;:.]*)|^\s*Cooperate\s+with\s+(?P<long>[^;:.]*))"
)

_RESOURCES = re.compile(
    r"\b[Ss]ubject\s+to\s+the\s+availability\s+of\s+(?:adequate\s+)?resources"
    r"|\bcontingent\s+on\s+the\s+availability\s+of\s+(?:adequate\s+)?resources"
)
_REQUEST = re.compile(
    r"\b(?:[Uu]pon|[Oo]n)\s+request\b|\bat\s+their\s+request\b|\bat\s+the\s+request\s+of\b"
    r"|\bto\s+requesting\s+States\b|\bStates\s+that\s+request\s+it\b|\bwhen\s+requested\s+to\s+do\s+so\b"
)


def actor_name(code: str, stored: str = "") -> str:
    """The actor's name in the reader's language; `stored` (the database's English name) for a code not listed."""
    return str(ACTORS[code][0]) if code in ACTORS else stored


def actor_of(
    text: str, *, kind: str, inherited: tuple[str, tuple[str, ...]] | None = None
) -> tuple[str, tuple[str, ...]]:
    """(actor, partners) of a paragraph, or of an item when `inherited` is its paragraph's (actor, partners)."""
    if kind not in ACTION_KINDS:
        return NO_ACTOR
    own = _named_actor(text, kind, item=inherited is not None)
    if own is not None:
        actor, partners = own
    elif inherited is not None and inherited[0]:
        actor, partners = inherited
    else:
        actor, partners = _default_actor(kind), ()
    return actor, _merge(partners, _cooperating(text), exclude=actor)


def flags(text: str) -> tuple[bool, bool]:
    """(subject to the availability of resources, upon request of the State concerned)."""
    return bool(_RESOURCES.search(text)), bool(_REQUEST.search(text))


def _default_actor(kind: str) -> str:
    return "member_states" if kind == "national_action" else "unspecified"


def _named_actor(text: str, kind: str, *, item: bool) -> tuple[str, tuple[str, ...]] | None:
    """The actor the text's own opening words name, with the partners named alongside; None if none."""
    for pattern, actor in _STATES_SUBJECTS:
        if pattern.search(text):
            return actor, ()
    if subject := _BODY_SUBJECT.search(text):
        actor = _names_in(subject.group("subject"))[0]
        return actor, _merge((), _names_in(subject.group("rest")), exclude=actor)
    if efforts := _EFFORTS_BY.search(text):
        named = _names_in(efforts.group("names"))
        if named:
            return named[0], tuple(named[1:])
    if kind == "international_action":
        if _STATES_SUBJECT.search(text) or (item and _BETWEEN_STATES.search(text)):
            return "states_collectively", ()
        if not item and _NOBODY_NAMED.search(text):
            return "unspecified", ()
    return None


def _cooperating(text: str) -> tuple[str, ...]:
    """Bodies named after "in cooperation with" or an opening "Cooperate with"."""
    named: list[str] = []
    for match in _COOPERATION.finditer(text):
        named.extend(_names_in(match.group("short") or match.group("long") or ""))
    return tuple(code for code in named if code != "states_collectively")


def _names_in(words: str) -> list[str]:
    """Actor codes for the bodies named in `words`, in order, each once."""
    codes: list[str] = []
    for match in _NAME.finditer(words):
        code = match.lastgroup or ""
        if code and code not in codes:
            codes.append(code)
    return codes


def _merge(first: tuple[str, ...], more: tuple[str, ...] | list[str], *, exclude: str) -> tuple[str, ...]:
    merged: list[str] = []
    for code in (*first, *more):
        if code != exclude and code not in merged:
            merged.append(code)
    return tuple(merged)
