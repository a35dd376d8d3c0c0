"""The periodic national firearms reports (paragraph 57(k)-(l) of the plan): their fields, in plain Python.

No Django but `django.utils.translation`. A State's focal point writes one report per year; it moves
through the same workflow as the national reports (`viennaplan.reporting.workflow`: draft, submitted,
returned, validated, published) with the same rights (`accounts.permissions`, the `report.*` actions),
through `transitions.apply_transition`. The fields, each with the item of the plan that asks for it:

    57(k)(i)    offences, offenders, the nature of the offences
    57(k)(ii)   marking offences (tampering), violations of licensing for import, export or transit
    57(k)(iii)  the activity of law enforcement and customs (investigations, in words)
    57(k)(iv)   firearms confiscated, and how they were disposed of (destroyed, otherwise, in words)
    57(l)       the methods of identifying and tracing firearms, the import/export/in-transit licensing
                regimes, border control measures, and the results achieved

Counts are whole numbers from 0; empty means "not known" (not 0).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

YEAR_MIN, YEAR_MAX = 1990, 2100
COUNT_MAX = 2_000_000_000


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    item: str  # the provision's path: 57/k/i
    count: bool  # a whole number (else text)


FIELDS: tuple[Field, ...] = (
    Field("offences", gettext_lazy("Offences of illicit manufacturing or trafficking"), "57/k/i", True),
    Field("offenders", gettext_lazy("Offenders involved"), "57/k/i", True),
    Field("nature_of_offences", gettext_lazy("Nature of the offences and offenders"), "57/k/i", False),
    Field("marking_offences", gettext_lazy("Offences of tampering with firearm markings"), "57/k/ii", True),
    Field(
        "licensing_violations",
        gettext_lazy("Violations of licensing or authorization requirements for import, export or transit"),
        "57/k/ii",
        True,
    ),
    Field("investigations", gettext_lazy("Investigations by law enforcement and customs"), "57/k/iii", True),
    Field("enforcement_activity", gettext_lazy("Activity of law enforcement and customs agencies"), "57/k/iii", False),
    Field("firearms_confiscated", gettext_lazy("Firearms confiscated"), "57/k/iv", True),
    Field("firearms_destroyed", gettext_lazy("Confiscated firearms destroyed"), "57/k/iv", True),
    Field("firearms_otherwise_disposed", gettext_lazy("Confiscated firearms otherwise disposed of"), "57/k/iv", True),
    Field("disposal", gettext_lazy("How confiscated firearms were disposed of"), "57/k/iv", False),
    Field("tracing_methods", gettext_lazy("Methods of identifying and tracing firearms"), "57/l", False),
    Field(
        "licensing_regimes",
        gettext_lazy("Import, export and in-transit licensing or authorization regimes"),
        "57/l",
        False,
    ),
    Field("border_controls", gettext_lazy("Border control measures"), "57/l", False),
    Field("results", gettext_lazy("Efforts made and results achieved"), "57/l", False),
)
FIELD_NAMES: tuple[str, ...] = tuple(field.name for field in FIELDS)
COUNT_FIELDS: tuple[str, ...] = tuple(field.name for field in FIELDS if field.count)
TEXT_FIELDS: tuple[str, ...] = tuple(field.name for field in FIELDS if not field.count)
LABELS: dict[str, str] = {field.name: field.label for field in FIELDS}

# The sections of the form and the page, by item of 57(k)-(l).
SECTIONS: dict[str, str] = {
    "57/k/i": gettext_lazy("Offences and offenders"),
    "57/k/ii": gettext_lazy("Marking and licensing violations"),
    "57/k/iii": gettext_lazy("Enforcement activity"),
    "57/k/iv": gettext_lazy("Firearms confiscated and their disposal"),
    "57/l": gettext_lazy("Tracing, licensing regimes and border controls"),
}


def sections() -> list[tuple[str, str, list[Field]]]:
    """(item, title, fields) in the plan's order."""
    return [(item, title, [field for field in FIELDS if field.item == item]) for item, title in SECTIONS.items()]
