"""A State's profile as a page, as a printable page and as a PDF of the printable page:

/reporting/states/CHE          the profile as the user may see it (reports that count for the user)
/reporting/states/CHE/print    the printable profile: the PUBLIC's view (published reports only), whoever asks
/reporting/states/CHE.pdf      the printable profile made a PDF by WeasyPrint (`report_pdf`): the same HTML

The JSON twin is /api/reporting/progress/states/CHE (`api`); `viennaplan report profile CHE` writes
the printable HTML, its PDF or the public's JSON to a file. The printable profile shares the print
CSS and fonts of the report to the Commission (`report/_print_style.html`); every table in it says
what it counts, as of when, and the page it comes from (`report/_note.html`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from viennaplan.dates import long_date
from viennaplan.printing import FONT_STACK, css_string, html_to_pdf, pdf_response
from viennaplan.svgcharts import unique_ids
from viennaplan.treaties.overview import StatePanel

from .commission_report import Note
from .commission_report_data import PUBLIC
from .profile_indicators import IndicatorChapter, ProfileTarget, StateSeries
from .profiles import StateProfile, state_profile
from .views import API, bar, page

TEMPLATE = "monitoring/report/country_profile.html"
TITLE = gettext_lazy("Country profile")
PUBLIC_WORDS = gettext_lazy(
    "This profile is public and the same for every reader: it counts published reports only, whoever asks "
    "for it, and shows the values of indicators as their publishers published them."
)


def profile_or_404(user: Any, alpha3: str, today: date) -> StateProfile:
    profile = state_profile(user, alpha3, today)
    if profile is None:
        raise Http404(
            _("There is no State %(alpha3)s. States are named by their ISO 3166-1 alpha-3 code, e.g. CHE.")
            % {"alpha3": alpha3}
        )
    return profile


def public_profile(alpha3: str, today: date) -> StateProfile | None:
    """The profile as the public reads it (published reports only), whoever asks."""
    return state_profile(PUBLIC, alpha3, today)


def figure_svg(svg: str, prefix: str) -> SafeString | str:
    """An SVG chart ready for a document holding several (its ids prefixed), or '' for no chart."""
    return mark_safe(unique_ids(svg, prefix)) if svg else ""  # noqa: S308  (svgcharts' own SVG, text escaped there)


def indicator_charts(chapters: list[IndicatorChapter]) -> list[tuple[IndicatorChapter, list[tuple[StateSeries, Any]]]]:
    return [(c, [(s, figure_svg(s.svg(), f"{s.anchor}-chart")) for s in c.series]) for c in chapters]


def target_charts(targets: list[ProfileTarget]) -> list[tuple[ProfileTarget, Any]]:
    return [(t, figure_svg(t.svg(), f"target-{t.target.pk}-chart")) for t in targets]


def listed_words(panel: StatePanel | None) -> str:
    """ "as listed by the depositary on 27 January 2014" when every instrument's list has that date;
    "as listed by the depositary on the dates in the table" when they differ; "" without a list."""
    sentences = {line.listing.sentence for line in panel.lines if line.listing.sentence} if panel else set()
    if len(sentences) == 1:
        return sentences.pop()
    return _("as listed by the depositary on the dates in the table") if sentences else ""


def notes(profile: StateProfile, listed: str) -> dict[str, Note]:
    state, today, page_path = profile.state, long_date(profile.today), f"/reporting/states/{profile.state.alpha3}"
    on_file = _("on file on %(day)s") % {"day": today}
    return {
        "treaties": Note(
            _("%(state)s's standing under each instrument (party, signatory), from the depositary's actions on file")
            % {"state": state.name},
            _("%(day)s, %(listed)s") % {"day": today, "listed": listed} if listed else today,
            f"/treaties/states/{state.alpha3}",
        ),
        "plan_deadlines": Note(
            _(
                "%(state)s under each of the plan's deadlines of 2002: an instrument of consent deposited by "
                "%(day)s (depositary's actions); a measure dated by then in a published report on chapter X "
                "(79(e))"
            )
            % {"state": state.name, "day": long_date(date(2002, 12, 31))},
            _("on file on %(day)s, judged on the deadline's date") % {"day": today},
            "/targets/deadlines",
        ),
        "deadlines": Note(
            _(
                "the deadlines the current plan sets for national actions, each with the State's answers in its "
                "latest published report"
            ),
            on_file,
            f"{page_path}#deadlines-faced",
        ),
        "assistance": Note(
            _("the answers of the State's published reports that ask for technical assistance"),
            on_file,
            f"{page_path}#assistance-needs",
        ),
        "cycles": Note(
            _(
                "the answers of the State's published report in each cycle; progress is (implemented + half of "
                "partially implemented) / the answers that apply"
            ),
            on_file,
            f"{page_path}#reports",
        ),
    }


def series_note(series: StateSeries, today: date) -> Note:
    return Note(
        _(
            "%(indicator)s for %(state)s as published (each value's source is in the table), "
            "the total (no breakdown); a value shown “<N” is a small count the publisher withheld, not a number"
        )
        % {"indicator": series.indicator.name, "state": series.state_name},
        _("observations on file on %(day)s; latest year %(year)s")
        % {"day": long_date(today), "year": series.latest[0].year},
        series.url,
    )


def target_note(target: ProfileTarget, today: date) -> Note:
    return Note(
        _(
            "%(state)s's result under the target, judged on the values published for the years "
            "that may count (the baseline and target years, within the window)"
        )
        % {"state": target.detail.result.name},
        _("observations on file on %(day)s") % {"day": long_date(today)},
        target.detail.url,
    )


def profile_html(profile: StateProfile, *, site_url: str = "") -> str:
    """The printable profile's HTML: one document for the printable page, the PDF and the command."""
    alpha3 = profile.state.alpha3
    listed = listed_words(profile.treaty_panel)
    # the page header; the footer says as of when
    doc_id = _("Country profile: %(state)s (%(alpha3)s)") % {"state": profile.state.name, "alpha3": alpha3}
    identification = _("%(doc)s · as of %(day)s") % {"doc": doc_id, "day": long_date(profile.today)}
    doc_footer = _("As of %(day)s · public: published reports only") % {"day": long_date(profile.today)}
    context: dict[str, Any] = {
        "profile": profile,
        "title": TITLE,
        "identification": identification,
        "doc_id": doc_id,
        "doc_header_css": css_string(doc_id),  # on every page, in WeasyPrint and in browsers alike
        "doc_footer_css": css_string(doc_footer),
        "today_label": long_date(profile.today),
        "listed": listed,
        "list_warnings": profile.treaty_panel.list_warnings if profile.treaty_panel else [],
        "public_words": PUBLIC_WORDS,
        "notes": notes(profile, listed),
        "indicators": [
            (chapter, [(s, svg, series_note(s, profile.today)) for s, svg in lines])
            for chapter, lines in indicator_charts(profile.indicators)
        ],
        "targets": [(t, svg, target_note(t, profile.today)) for t, svg in target_charts(profile.targets)],
        "font_stack": FONT_STACK,
        "site_url": site_url.rstrip("/"),
        "page_url": f"/reporting/states/{alpha3}",
        "pdf_url": f"/reporting/states/{alpha3}.pdf",
        "json_url": f"{API}/states/{alpha3}",
    }
    return render_to_string(TEMPLATE, context)


def _upper_or_none(alpha3: str, suffix: str) -> HttpResponse | None:
    if alpha3 != alpha3.upper():
        return redirect(f"/reporting/states/{alpha3.upper()}{suffix}", permanent=True)
    return None


@require_safe
def state(request: HttpRequest, alpha3: str) -> HttpResponse:
    moved = _upper_or_none(alpha3, "")
    if moved:
        return moved
    profile = profile_or_404(request.user, alpha3, timezone.localdate())
    return page(
        request,
        "monitoring/state.html",
        {
            "profile": profile,
            "cycle_bars": [(line, bar(line.shares)) for line in profile.cycles],
            "indicators": indicator_charts(profile.indicators),
            "targets": target_charts(profile.targets),
            "json_url": f"{API}/states/{profile.state.alpha3}",
            "pdf_url": f"/reporting/states/{profile.state.alpha3}.pdf",
            "print_url": f"/reporting/states/{profile.state.alpha3}/print",
        },
    )


@require_safe
def state_print(request: HttpRequest, alpha3: str) -> HttpResponse:
    moved = _upper_or_none(alpha3, "/print")
    if moved:
        return moved
    return HttpResponse(profile_html(profile_or_404(PUBLIC, alpha3, timezone.localdate())))


@require_safe
def state_pdf(request: HttpRequest, alpha3: str) -> HttpResponse:
    moved = _upper_or_none(alpha3, ".pdf")
    if moved:
        return moved
    profile = profile_or_404(PUBLIC, alpha3, timezone.localdate())
    site = request.build_absolute_uri("/")
    return pdf_response(
        html_to_pdf(profile_html(profile, site_url=site), base_url=site),
        f"country-profile-{profile.state.alpha3}-{profile.today.isoformat()}.pdf",
    )
