"""Treaty status as open data: a JSON API under /api/treaties (OpenAPI at /api/docs).

Every endpoint takes `?as_of=YYYY-MM-DD` (default: today). Reading is public; recording an
action (POST /api/treaties/actions) is for the secretariat ("treaty.record" in the permission
table) and goes through the engine's
validation: a refused action answers 422 with every reason in `errors`. Unknown instruments and
States answer 404; every error has the API's one body {"detail": "…", "errors": […]}.
Operation ids are stable (`treaties_get_status`, …).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import date

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status
from ninja.security import django_auth

from viennaplan.accounts.permissions import why_not
from viennaplan.api_shapes import INVALID, INVALID_BODY, ErrorOut, as_is
from viennaplan.countries.registry import state_directory

from . import depositary
from .listing import AsListed
from .overview import all_instruments, listing_of, state_panel, statuses_of
from .records import Action, InstrumentRules, InstrumentStatus, StateStatus
from .rules import find_code as declared_code
from .rules import instrument_rules
from .schemas import (
    API_ROOT,
    ActionIn,
    ActionOut,
    AsOfFilter,
    InstrumentDetailOut,
    InstrumentOut,
    PanelLineOut,
    StateFilters,
    StateListOut,
    StatePanelOut,
    StateRowOut,
    StatusSummaryOut,
    TreatyStatusOut,
)
from .shapes import listing_json, state_json, state_rows, status_json
from .store import has_status_data, load_actions
from .store import today as default_day
from .words import rules_in_words

router = Router()
ERRORS = {404: ErrorOut, **INVALID}  # unknown instrument or State; a malformed ?as_of=


def find_code(code: str) -> str:
    """The instrument's code as stored (codes are case-insensitive in URLs); 404 otherwise."""
    match = declared_code(code)
    if match is None:
        raise HttpError(
            404,
            _("There is no instrument %(code)s; instruments are %(codes)s.")
            % {"code": repr(code), "codes": ", ".join(instrument_rules())},
        )
    return match


def instrument_on(code: str, filters: AsOfFilter) -> tuple[str, date, InstrumentStatus]:
    """The instrument's code as declared (404 if none), the ?as_of= date (default: today) and its status then."""
    code = find_code(code)
    as_of = filters.as_of or default_day()
    return code, as_of, statuses_of([code], as_of)[code]


def summary_out(status: InstrumentStatus, as_of: date, listing: AsListed) -> StatusSummaryOut:
    trigger = status.triggered_by
    return StatusSummaryOut(
        as_of=as_of,
        entry_into_force=status.entry_into_force,
        triggered_by={"state": trigger.state, "date": trigger.date} if trigger else None,
        signatories=status.signatories,
        parties=status.parties,
        notes=list(status.notes),
        **listing_json(listing),
    )


RULE_FIELDS = frozenset(field.name for field in fields(InstrumentRules))


def instrument_out(
    rules: InstrumentRules,
    status: InstrumentStatus,
    as_of: date,
    listing: AsListed,
    schema: type[Schema] = InstrumentOut,
) -> dict:
    """The instrument as `schema` shows it: those of its fields that are rules are read from `rules`
    (ninja turns tuples into lists and signature windows into their shape), then its status and links."""
    return {
        **{name: getattr(rules, name) for name in schema.model_fields if name in RULE_FIELDS},
        "status": summary_out(status, as_of, listing),
        "url": f"/treaties/{rules.code}",
        "api_url": f"{API_ROOT}/{rules.code}",
    }


def consent_of(state: StateStatus | None) -> dict | None:
    if state is None or state.consent_date is None:
        return None
    return {"kind": state.consent_kind, "date": state.consent_date}


# ---------------------------------------------------------------------------------------------
# endpoints (fixed paths first: /{code} would match them)


@router.get(
    "",
    response={200: list[InstrumentOut], **INVALID},
    operation_id="treaties_list_instruments",
    summary="Instruments",
)
def list_instruments(request: HttpRequest, filters: Query[AsOfFilter]):
    as_of = filters.as_of or default_day()
    return [instrument_out(line.rules, line.status, as_of, line.listing) for line in all_instruments(as_of)]


@router.get(
    "/states/{alpha3}",
    response={200: StatePanelOut, **ERRORS},
    operation_id="treaties_get_state",
    summary="A State's treaty panel: its standing under every instrument",
)
def get_state(request: HttpRequest, alpha3: str, filters: Query[AsOfFilter]):
    as_of = filters.as_of or default_day()
    panel = state_panel(alpha3, as_of)
    if panel is None:
        raise HttpError(
            404,
            _("There is no State %(state)s; States are named by ISO 3166-1 alpha-3 code, e.g. CHE.")
            % {"state": repr(alpha3)},
        )
    return StatePanelOut(
        state=panel.info.alpha3,
        name=panel.info.name,
        region=panel.info.region,
        subregion=panel.info.subregion,
        groups=panel.info.groups,
        as_of=as_of,
        has_data=has_status_data(),
        instruments=[
            PanelLineOut(
                instrument=line.rules.code,
                short_name=line.rules.short_name,
                status=line.standing,
                signature=line.status.signature if line.status else None,
                consent=consent_of(line.status),
                in_force=line.status.in_force if line.status else None,
                denounced=line.status.denounced if line.status else None,
                explanation=line.status.explanation if line.status else "",
                entry_into_force=line.entry_into_force,
                url=f"/treaties/{line.rules.code}",
                **listing_json(line.listing),
            )
            for line in panel.lines
        ],
    )


@router.post(
    "/actions",
    auth=django_auth,
    response={201: ActionOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, **INVALID_BODY},
    operation_id="treaties_create_action",
    summary="Record one action (secretariat); refused with the validation's reasons",
)
def create_action(request: HttpRequest, payload: ActionIn):
    from .importer import ActionRefused, record_action, resolver

    refusal = why_not(request.user, "treaty.record")
    if refusal is not None:
        return Status(403, {"detail": refusal, "errors": []})
    code = find_code(payload.instrument)
    if payload.action.strip().lower() in depositary.UNSPECIFIED_CONSENT:
        return not_recorded([_("action: say which action it is (signature, ratification, accession, ...)")])
    try:
        kind = depositary.action_kind(payload.action, None)
    except ValueError as error:
        return not_recorded([_("action %(action)s: %(error)s") % {"action": repr(payload.action), "error": error}])
    try:
        state = resolver()(payload.state, payload.date)
    except LookupError as error:
        return not_recorded([_("state %(state)s: %(error)s") % {"state": repr(payload.state), "error": error}])
    action = Action(state=state, instrument=code, kind=kind, date=payload.date, source=payload.source)
    try:
        row, notes = record_action(action, note=payload.note)
    except ActionRefused as refused:
        return not_recorded(refused.errors)
    return Status(
        201,
        ActionOut(
            id=row.pk,
            state=row.state_id,
            instrument=row.instrument_id,
            action=row.kind,
            date=row.date,
            source=row.source,
            note=row.note,
            notes=notes,
        ),
    )


def not_recorded(errors: list[str]) -> Status:
    return Status(422, {"detail": _("The action was not recorded."), "errors": errors})


EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


def _download(fmt: str, instrument: str | None) -> HttpResponse:
    codes = [find_code(instrument)] if instrument else None
    actions = load_actions(codes)
    body = depositary.write_csv(actions) if fmt == "csv" else depositary.to_json(actions)
    response = HttpResponse(body, content_type=EXPORT_TYPES[fmt])
    name = f"treaty-actions{'-' + codes[0] if codes else ''}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _export_endpoint(fmt: str) -> Callable[..., HttpResponse]:
    """GET /export.csv or /export.json: every action on file (or one instrument's) to download."""
    content = {EXPORT_TYPES[fmt].split(";")[0]: {}}

    def export(request: HttpRequest, instrument: str | None = None) -> HttpResponse:
        return _download(fmt, instrument)

    export.__name__ = f"export_{fmt}"
    return router.get(
        f"/export.{fmt}",
        response=ERRORS,
        operation_id=f"treaties_export_{fmt}",
        summary=f"Download: {fmt.upper()}",
        openapi_extra={"responses": {200: {"description": f"the actions as {fmt}", "content": content}}},
    )(export)


export_csv = _export_endpoint("csv")
export_json = _export_endpoint("json")


@router.get(
    "/{code}",
    response={200: InstrumentDetailOut, **ERRORS},
    operation_id="treaties_get_instrument",
    summary="One instrument: its rules in plain words and its status",
)
def get_instrument(request: HttpRequest, code: str, filters: Query[AsOfFilter]):
    code, as_of, status = instrument_on(code, filters)
    rules = instrument_rules()[code]
    return {
        **instrument_out(rules, status, as_of, listing_of(code, as_of), InstrumentDetailOut),
        "rules": rules_in_words(rules),
        "has_data": has_status_data(),
    }


@router.get(
    "/{code}/status",
    response={200: TreatyStatusOut, **ERRORS},
    operation_id="treaties_get_status",
    summary="An instrument's status on a date (the shape of `viennaplan treaties show`)",
)
def get_status(request: HttpRequest, code: str, filters: Query[AsOfFilter]):
    code, as_of, status = instrument_on(code, filters)
    return as_is(status_json(status, listing_of(code, as_of)))  # its shape: test_status_json_is_the_schemas


@router.get(
    "/{code}/states",
    response={200: StateListOut, **ERRORS},
    operation_id="treaties_list_states",
    summary="Every State's standing under an instrument, filtered by region, group and status",
)
def list_states(request: HttpRequest, code: str, filters: Query[StateFilters]):
    code, as_of, status = instrument_on(code, filters)
    directory = state_directory()
    rows = state_rows(
        status, directory, region=filters.region or "", group=filters.group or "", standing=filters.status or ""
    )
    states = [
        StateRowOut(
            **(state_json(row.status, row.info.name) if row.status else empty_state(row.alpha3, row.info.name)),
            region=row.info.region,
            subregion=row.info.subregion,
            groups=row.info.groups,
            status=row.standing,
        )
        for row in rows
    ]
    return {
        "instrument": code,
        "as_of": as_of,
        "count": len(states),
        "states": states,
        **listing_json(listing_of(code, as_of)),
    }


def empty_state(alpha3: str, name: str) -> dict:
    return state_json(StateStatus(state=alpha3), name)
