"""What the collection offers the rest (`viennaplan.knowledge.collections`): its search documents, its
lines on the provision pages and the State profile, its CSV import and export. Registered by
`apps.KnowledgePatternsConfig.ready()`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.knowledge import bulk
from viennaplan.knowledge.collections import Collection, Document, Line, Lines, first_lines
from viennaplan.knowledge.listing import visible

from . import csvio, queries, rules
from .models import (
    PatternCrimeType,
    PatternInstrument,
    PatternProvision,
    PatternRecord,
    PatternRegion,
    PatternState,
)

KEY = "patterns"
LABEL = gettext_lazy("Organized-crime patterns and trends")
CITATION = "18(c), 18(d)"


def _records(ids: Iterable[int] | None):
    records = PatternRecord.objects.prefetch_related("crime_types", "states", "regions", "instruments", "provisions")
    if ids is not None:
        records = records.filter(bulk.ids_in("pk", ids))
    return records.order_by("pk")


def documents(ids: Iterable[int] | None) -> Iterable[Document]:
    """One search document per record: its title, summary and source, its States, provisions, instruments
    and first year."""
    for record in _records(ids).iterator(chunk_size=2000):
        crimes = ", ".join(str(rules.CRIME_TYPE_LABELS[code]) for code in queries.crime_types_of(record))
        yield Document(
            record_id=record.pk,
            url=queries.record_url(record),
            title=record.title,
            text=f"{record.summary}\n{crimes}\n{record.source}",
            published=record.published,
            states=sorted({row.state_id for row in record.states.all()}),
            provisions=sorted((p.path for p in record.provisions.all()), key=rules.path_order),
            instruments=sorted((i.instrument_id for i in record.instruments.all()), key=rules.instrument_order),
            year=record.year_from,
        )


def _note(record: PatternRecord, roles: Sequence[str] = ()) -> str:
    parts = [str(rules.KIND_LABELS[record.kind]), record.period]
    if roles:
        parts.append(", ".join(str(rules.ROLE_LABELS[role]) for role in rules.ROLES if role in roles))
    if not record.published:
        parts.append(_("draft"))
    return " · ".join(parts)


def for_provisions(paths: Sequence[str], user: Any, limit: int | None = None) -> Lines:
    """The records citing any of these provisions (drafts for the Secretariat only), latest first."""
    records = visible(user, PatternRecord.objects.filter(provisions__path__in=list(paths)).distinct())
    return first_lines(
        records.order_by("-year_from", "key"),
        limit,
        lambda chosen: [Line(record.title, queries.record_url(record), "", _note(record)) for record in chosen],
    )


def for_state(alpha3: str, user: Any, limit: int | None = None) -> Lines:
    """The records naming the State as origin, transit or destination (drafts for the Secretariat only)."""
    code = alpha3.upper()
    records = visible(user, PatternRecord.objects.filter(states__state_id=code).distinct())

    def lines_of(chosen: Any) -> list[Line]:
        chosen = list(chosen)
        roles: dict[int, set[str]] = {}
        states = PatternState.objects.filter(state_id=code, record_id__in=[record.pk for record in chosen])
        for record, role in states.values_list("record_id", "role"):
            roles.setdefault(record, set()).add(role)
        return [
            Line(record.title, queries.record_url(record), code, _note(record, sorted(roles.get(record.pk, ()))))
            for record in chosen
        ]

    return first_lines(records.order_by("-year_from", "key"), limit, lines_of)


def collection() -> Collection:
    return Collection(
        key=KEY,
        label=LABEL,
        citation=CITATION,
        list_url=queries.PAGE_URL,
        model=PatternRecord,
        documents=documents,
        children={
            model: (lambda row: row.record_id)
            for model in (PatternCrimeType, PatternState, PatternRegion, PatternInstrument, PatternProvision)
        },
        for_provisions=for_provisions,
        for_state=for_state,
        import_csv=csvio.import_patterns,
        export_csv=csvio.write_csv,
        columns=rules.COLUMNS,
        position=20,
    )
