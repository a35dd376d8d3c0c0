"""Competent national authorities (57(i), and the authorities of mutual legal assistance, extradition,
trafficking, smuggling, asset recovery and corruption prevention): the rules of one CSV row, in plain
Python.

No Django but `django.utils.translation`: `parse_row` turns the cells of one row into a clean
`AuthorityRecord`, or into the list of what is wrong with it (each a `RowError`: row, column, value,
why). What the rules must know of the database (the States, the provisions of the current plan) is
handed in as a `Known` (the same as national legislation's).

An authority is a body of a State designated for one purpose; each purpose refers to one article of
one instrument (`PURPOSES`; "other" to none). Its contact details (`CONTACT_COLUMNS`) are shown only
to those allowed `authority.contacts` (the Secretariat, focal points and reviewers): the public sees
that the authority exists, not how to reach it. A contact is the title of a post ("Head of the
Central Authority Unit"), never a person's name: the directory outlives the people in the posts, and
a name is personal data the public pages have no need of.

The columns (`COLUMNS`, in this order):

    state              ISO 3166-1 alpha-3 code of the State (upper case)
    key                the Secretariat's key, unique per State: letters, digits, `.`, `_`, `-`
    purpose            one of `PURPOSES` (firearms, mla, extradition, trafficking, smuggling,
                       asset_recovery, corruption_prevention, other)
    name_en            the name of the body in English (required)
    name_original      its name in the original language (required; the same as in English if so)
    language           the language of the original name, ISO 639-1 (es, fr, de …)
    request_languages  the languages in which it accepts requests: `en; fr` (ISO 639-1, at least one)
    provisions         the plan's provisions it serves, as paths: `57/i` (each in the current plan)
    published          yes or no (empty: no): an authority not published is a draft the public does not see
    description        what it does (required when the purpose is other)
    address            postal address (lines separated by line feeds)
    telephone          `+41 58 462 11 11` (digits, spaces, `+ ( ) . - /`, and `ext. 123`)
    fax                as a telephone number
    email              one e-mail address
    hours              office hours, free text: `Mon–Fri 08:00–17:00`
    time_zone          an IANA time zone: `Europe/Zurich`
    contact_title      the title of the post to address (not a person's name)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from zoneinfo import available_timezones

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.rowerrors import RowError

from ..legislation import KEY, KEY_MAX, LANGUAGE, NO, YES, Known, parse_provisions, path_order, write_provisions

__all__ = ["KEY", "KEY_MAX", "LANGUAGE", "NO", "YES", "Known", "path_order", "write_provisions"]


@dataclass(frozen=True)
class Purpose:
    """What an authority is designated for, and the instrument and article that ask for it."""

    label: object  # lazy text
    instrument: str  # a code of treaties.rules ("" for other)
    article: str  # "18(13)"
    provision: str  # the plan's provision that asks for it, when one does ("57/i")


PURPOSES: dict[str, Purpose] = {
    "firearms": Purpose(
        gettext_lazy("requests on illicit manufacturing and trafficking of firearms"), "FIREARMS", "13(2)", "57/i"
    ),
    "mla": Purpose(gettext_lazy("mutual legal assistance"), "UNTOC", "18(13)", ""),
    "extradition": Purpose(gettext_lazy("extradition"), "UNTOC", "16", ""),
    "trafficking": Purpose(gettext_lazy("trafficking in persons"), "TIP", "10", ""),
    "smuggling": Purpose(gettext_lazy("smuggling of migrants"), "SOM", "8(6)", ""),
    "asset_recovery": Purpose(gettext_lazy("asset recovery"), "UNCAC", "51", ""),
    "corruption_prevention": Purpose(gettext_lazy("prevention of corruption"), "UNCAC", "6", ""),
    "other": Purpose(gettext_lazy("other"), "", "", ""),
}
OTHER = "other"

PUBLIC_COLUMNS = (
    "state",
    "key",
    "purpose",
    "name_en",
    "name_original",
    "language",
    "request_languages",
    "provisions",
    "published",
    "description",
)
CONTACT_COLUMNS = ("address", "telephone", "fax", "email", "hours", "time_zone", "contact_title")
COLUMNS = PUBLIC_COLUMNS + CONTACT_COLUMNS
REQUIRED = ("state", "key", "purpose", "name_en", "name_original", "language", "request_languages")

NAME_MAX = 500
LINE_MAX = 200  # hours, contact title
ADDRESS_MAX = 1000
DESCRIPTION_MAX = 5000
TELEPHONE = re.compile(r"\+?[0-9][0-9 ().\-/]{3,39}( ext\. ?[0-9]{1,6})?")
EMAIL = re.compile(
    r"[^@\s;,<>\"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+"
)


def purposes_of(instrument: str) -> list[str]:
    """The purposes that refer to an instrument's articles."""
    return [code for code, purpose in PURPOSES.items() if purpose.instrument == instrument]


def is_time_zone(name: str) -> bool:
    return name in _time_zones()


_ZONES: frozenset[str] = frozenset()


def _time_zones() -> frozenset[str]:
    global _ZONES
    if not _ZONES:
        _ZONES = frozenset(available_timezones())
    return _ZONES


def split_languages(value: str) -> tuple[list[str], list[str]]:
    """('en; fr') -> (['en', 'fr'], problems): ISO 639-1 codes, in the order given, each once."""
    found: list[str] = []
    problems: list[str] = []
    for part in (piece.strip() for piece in value.split(";")):
        if not part:
            continue
        if not LANGUAGE.fullmatch(part):
            problems.append(
                _("%(part)s is not an ISO 639-1 code (two lower-case letters, e.g. es)") % {"part": repr(part)}
            )
        elif part in found:
            problems.append(_("%(code)s is given twice") % {"code": part})
        else:
            found.append(part)
    return found, problems


def write_languages(codes: list[str] | tuple[str, ...]) -> str:
    return "; ".join(codes)


@dataclass(frozen=True)
class Contact:
    """How to reach an authority: shown only to those allowed `authority.contacts`."""

    address: str = ""
    telephone: str = ""
    fax: str = ""
    email: str = ""
    hours: str = ""
    time_zone: str = ""
    contact_title: str = ""

    @property
    def empty(self) -> bool:
        return not any(getattr(self, name) for name in CONTACT_COLUMNS)


@dataclass(frozen=True)
class AuthorityRecord:
    """One clean row."""

    row: int
    state: str
    key: str
    purpose: str
    name_en: str
    name_original: str
    language: str
    request_languages: str  # "en; fr", as written back
    provisions: tuple[str, ...] = field(default=())
    published: bool = False
    description: str = ""
    contact: Contact = field(default_factory=Contact)


def multiline(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n")


def parse_row(row: int, cells: dict[str, str], known: Known) -> AuthorityRecord | list[RowError]:
    """The clean record of one row (`cells` by column name, missing columns read as empty), or every problem."""
    errors: list[RowError] = []
    value = {name: (cells.get(name) or "").strip() for name in COLUMNS}
    for name in ("description", "address"):
        value[name] = multiline(value[name])

    def wrong(column: str, message: str) -> None:
        errors.append(RowError(row, column, value[column], message))

    for name in REQUIRED:
        if not value[name]:
            wrong(name, _("required"))
    if value["state"] and value["state"] not in known.states:
        wrong("state", _("not the alpha-3 code of a State in the country registry (e.g. AUT)"))
    if value["key"] and not KEY.fullmatch(value["key"]):
        wrong(
            "key", _("a key is up to 80 letters, digits, dots, dashes or underscores, starting with a letter or digit")
        )
    if value["purpose"] and value["purpose"] not in PURPOSES:
        wrong("purpose", _("not one of %(codes)s") % {"codes": ", ".join(PURPOSES)})
    if value["purpose"] == OTHER and not value["description"]:
        wrong("description", _("required when the purpose is other: what the authority is for"))
    for name in ("name_en", "name_original"):
        if len(value[name]) > NAME_MAX:
            wrong(name, _("longer than %(limit)s characters") % {"limit": NAME_MAX})
    if value["language"] and not LANGUAGE.fullmatch(value["language"]):
        wrong("language", _("not an ISO 639-1 code (two lower-case letters, e.g. es)"))
    languages, problems = split_languages(value["request_languages"])
    for problem in problems:
        wrong("request_languages", problem)
    provisions, problems = parse_provisions(value["provisions"], known.paths)
    for problem in problems:
        wrong("provisions", problem)
    published = value["published"].lower()
    if published not in (YES, NO, ""):
        wrong("published", _("yes or no"))
    if len(value["description"]) > DESCRIPTION_MAX:
        wrong("description", _("longer than %(limit)s characters") % {"limit": DESCRIPTION_MAX})
    if len(value["address"]) > ADDRESS_MAX:
        wrong("address", _("longer than %(limit)s characters") % {"limit": ADDRESS_MAX})
    for name in ("telephone", "fax"):
        if value[name] and not TELEPHONE.fullmatch(value[name]):
            wrong(name, _("not a telephone number such as +41 58 462 11 11 (digits, spaces, + ( ) . - /, ext. 12)"))
    if value["email"] and (len(value["email"]) > 254 or not EMAIL.fullmatch(value["email"])):
        wrong("email", _("not one e-mail address such as central.authority@example.org"))
    for name in ("hours", "contact_title"):
        if len(value[name]) > LINE_MAX:
            wrong(name, _("longer than %(limit)s characters") % {"limit": LINE_MAX})
    if value["time_zone"] and not is_time_zone(value["time_zone"]):
        wrong("time_zone", _("not an IANA time zone such as Europe/Vienna or America/New_York"))
    if errors:
        return errors
    return AuthorityRecord(
        row=row,
        state=value["state"],
        key=value["key"],
        purpose=value["purpose"],
        name_en=value["name_en"],
        name_original=value["name_original"],
        language=value["language"],
        request_languages=write_languages(languages),
        provisions=tuple(sorted(provisions, key=path_order)),
        published=published == YES,
        description=value["description"],
        contact=Contact(**{name: value[name] for name in CONTACT_COLUMNS}),
    )
