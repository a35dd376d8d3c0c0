"""Treaty status pages. Each page has a JSON twin under /api/treaties/ with the same filters, and
every page takes `?as_of=YYYY-MM-DD` (default: today). With no status list imported the pages
say so instead of showing zeros as if they were facts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from viennaplan.countries.registry import group_names, state_directory
from viennaplan.dates import long_date

from .listing import AsListed
from .overview import all_instruments, listing_of, parties_figures, state_panel, statuses_of
from .rules import TARGET_DATE, find_code, instrument_rules
from .shapes import STATUS_CHOICES, state_rows
from .store import NO_DATA, has_status_data
from .store import today as default_day
from .words import STANDING_WORDS, rules_in_words

API = "/api/treaties"


class BadAsOf(ValueError):
    pass


def requested_as_of(request: HttpRequest) -> date:
    raw = request.GET.get("as_of", "").strip()
    if not raw:
        return default_day()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise BadAsOf(
            _("?as_of=%(raw)s is not a date; write it as YYYY-MM-DD, e.g. ?as_of=2002-12-31") % {"raw": repr(raw)}
        ) from None


def twin(path: str, **params: object) -> str:
    """The URL of a page's JSON twin, with the same filters."""
    query = urlencode({key: value for key, value in params.items() if value not in (None, "")})
    url = f"{API}{path}"
    return f"{url}?{query}" if query else url


def list_warnings(listings: Iterable[AsListed]) -> list[tuple[str, str]]:
    """(instrument, warning) for each status shown beyond its depositary list (`_list_warnings.html`)."""
    return [(listing.instrument, listing.warning) for listing in listings if listing.warning]


def page(request: HttpRequest, template: str, as_of: date, json_url: str, **context: object) -> HttpResponse:
    has_data = has_status_data()
    context.update(
        nav="treaties",
        as_of=as_of,
        as_of_label=long_date(as_of),
        as_of_is_today=as_of == default_day(),
        as_of_query=f"?as_of={as_of.isoformat()}" if request.GET.get("as_of") else "",
        target_date=TARGET_DATE,
        has_data=has_data,
        no_data=NO_DATA,
        json_url=json_url,
    )
    return render(request, template, context)


def treaty_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page that answers GET and HEAD only, and 400 with the reason where `requested_as_of` refuses ?as_of=."""

    @require_safe
    @wraps(view)
    def answer(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except BadAsOf as error:
            message = {"nav": "treaties", "message": str(error)}
            return render(request, "treaties/bad_request.html", message, status=400)

    return answer


@treaty_page
def instruments(request: HttpRequest) -> HttpResponse:
    as_of = requested_as_of(request)
    lines = all_instruments(as_of)
    plan_codes = {"UNTOC", "TIP", "SOM", "FIREARMS", "UNCAC"}
    return page(
        request,
        "treaties/instruments.html",
        as_of,
        twin("", as_of=request.GET.get("as_of")),
        list_warnings=list_warnings(line.listing for line in lines),
        plan_lines=[line for line in lines if line.rules.code in plan_codes],
        other_lines=[line for line in lines if line.rules.code not in plan_codes],
    )


@treaty_page
def instrument(request: HttpRequest, code: str) -> HttpResponse:
    stored = find_code(code)
    if stored is None:
        raise Http404(
            _("There is no instrument %(code)s. Instruments are %(codes)s.")
            % {"code": code, "codes": ", ".join(instrument_rules())}
        )
    if stored != code:
        query = f"?{request.GET.urlencode()}" if request.GET else ""
        return redirect(f"/treaties/{stored}{query}", permanent=True)
    as_of = requested_as_of(request)
    rules = instrument_rules()[code]
    status = statuses_of([code], as_of)[code]
    directory = state_directory()
    region, group, standing = (request.GET.get(key, "").strip() for key in ("region", "group", "status"))
    if standing not in STATUS_CHOICES:
        standing = ""
    rows = state_rows(status, directory, region=region, group=group, standing=standing)
    has_data = has_status_data()
    return page(
        request,
        "treaties/instrument.html",
        as_of,
        twin(f"/{code}/states", as_of=request.GET.get("as_of"), region=region, group=group, status=standing),
        rules=rules,
        rule_sentences=rules_in_words(rules),
        status=status,
        listing=listing_of(code, as_of),
        rows=rows,
        parties=parties_figures(code, as_of, status) if has_data else None,
        regions=sorted({info.region for info in directory.values() if info.region}),
        groups=list(group_names().items()),
        statuses=[(key, STANDING_WORDS[key]) for key in STATUS_CHOICES],
        region=region,
        group=group,
        standing=standing,
        filtered=bool(region or group or standing),
        status_url=twin(f"/{code}/status", as_of=request.GET.get("as_of")),
    )


@treaty_page
def state(request: HttpRequest, alpha3: str) -> HttpResponse:
    if alpha3 != alpha3.upper():
        query = f"?{request.GET.urlencode()}" if request.GET else ""
        return redirect(f"/treaties/states/{alpha3.upper()}{query}", permanent=True)
    as_of = requested_as_of(request)
    panel = state_panel(alpha3, as_of)
    if panel is None:
        raise Http404(
            _("There is no State %(state)s. States are named by their ISO 3166-1 alpha-3 code, e.g. CHE.")
            % {"state": alpha3}
        )
    return page(
        request,
        "treaties/state.html",
        as_of,
        twin(f"/states/{alpha3}", as_of=request.GET.get("as_of")),
        panel=panel,
        list_warnings=panel.list_warnings,
        group_labels=[group_names().get(code, code) for code in panel.info.groups],
    )
