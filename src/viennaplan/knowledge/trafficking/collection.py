"""Trafficking in persons as one of the registered collections (knowledge/collections.py): what the
search indexes of a flow, the lines of the provision and State panels, and the Secretariat's CSV.

No count of victims is ever in a search document (its text is the route, period, form, source and
authority only); the panels' lines carry the total as `suppression` shows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.knowledge import bulk
from viennaplan.knowledge.collections import Collection, Document, Line, Lines, first_lines
from viennaplan.knowledge.listing import visible

from . import queries, rules
from .models import Flow, FlowProvision


def documents(ids: Iterable[int] | None) -> Iterable[Document]:
    from viennaplan.countries.models import Country

    flows = Flow.objects.all() if ids is None else Flow.objects.filter(bulk.ids_in("pk", ids))
    provisions: dict[int, list[str]] = {}
    rows = FlowProvision.objects.values_list("flow_id", "path")
    if ids is not None:
        rows = rows.filter(bulk.ids_in("flow_id", ids))
    for flow_id, path in rows.iterator(chunk_size=5000):
        provisions.setdefault(flow_id, []).append(path)
    names = dict(Country.objects.values_list("alpha3", "name_en"))
    fields = ("id", "key", "origin_id", "destination_id", "transit_id", "year_from", "year_to", "form")
    for flow in flows.only(*fields, "source", "authority", "published").iterator(chunk_size=5000):
        states = [flow.origin_id, flow.destination_id] + ([flow.transit_id] if flow.transit_id else [])
        route = " → ".join(
            names.get(code, code) for code in (flow.origin_id, flow.transit_id, flow.destination_id) if code
        )
        form = str(rules.FORM_LABELS.get(flow.form, flow.form))
        yield Document(
            record_id=flow.pk,
            url=queries.flow_url(flow),
            title=f"{route}, {flow.period}: {form}",
            # never a count: the words of the route, the period, the form, the source and authority
            text=" ".join([flow.key, route, flow.period, form, "trafficking in persons", flow.source, flow.authority]),
            published=flow.published,
            states=sorted(set(states)),
            provisions=sorted(provisions.get(flow.pk, []), key=rules.path_order),
            instruments=["TIP"],
            year=flow.year_to,
        )


def line(flow: Flow, state: str = "") -> Line:
    note = _("detected victims: %(count)s") % {"count": queries.shown_counts(flow).total.text}
    if not flow.published:
        note = _("%(note)s; draft") % {"note": note}
    return Line(queries.flow_title(flow), queries.flow_url(flow), state, note)


def for_provisions(paths: Sequence[str], user: Any, limit: int | None = None) -> Lines:
    wanted = [path for path in paths if path]
    flows = visible(user, Flow.objects.filter(pk__in=FlowProvision.objects.filter(path__in=wanted).values("flow_id")))
    flows = flows.select_related("origin", "destination").order_by("-year_to", "destination_id", "origin_id", "key")
    return first_lines(flows, limit, lambda chosen: map(line, chosen))


def for_state(alpha3: str, user: Any, limit: int | None = None) -> Lines:
    condition = Q(origin_id=alpha3) | Q(destination_id=alpha3) | Q(transit_id=alpha3)
    flows = visible(user, Flow.objects.filter(condition)).select_related("origin", "destination")
    flows = flows.order_by("-year_to", "destination_id", "origin_id", "key")
    return first_lines(flows, limit, lambda chosen: [line(flow, alpha3) for flow in chosen])


def import_csv(content: bytes, *, source_name: str, dry_run: bool = False) -> Any:
    from .flows_csv import import_flows

    return import_flows(content, source_name=source_name, dry_run=dry_run)


def export_csv() -> str:
    """The Secretariat's file: RAW counts (the command line only; never served on the web)."""
    from .flows_csv import write_csv

    return write_csv()


TRAFFICKING = Collection(
    key="trafficking",
    label=gettext_lazy("Trafficking in persons"),
    citation="46(b), 46(d)",
    list_url=queries.PAGE_URL,
    model=Flow,
    documents=documents,
    children={FlowProvision: lambda row: row.flow_id},
    for_provisions=for_provisions,
    for_state=for_state,
    import_csv=import_csv,
    export_csv=export_csv,
    columns=rules.COLUMNS,
    position=40,
)
