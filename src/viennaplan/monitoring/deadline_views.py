"""The pages of the plan's dated deadlines (rules: `deadlines`; figures: `deadline_results`):

/targets/deadlines                        every deadline with its met / not met / insufficient counts
/targets/deadlines/<key>?outcome=met|not_met|insufficient_data
                                          each State's outcome with the figures that decided it, the
                                          depositary list it is read from, and a world map of the results

Anyone reads them: every figure is the public's (published reports, the treaty status on file).
JSON twins under /api/targets/deadlines (`api_deadlines`), `viennaplan targets deadlines` in text or JSON.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from . import map_data
from .deadline_results import DeadlineResults, all_deadline_results, deadline_results
from .deadlines import DEADLINES, RATIFICATION, find_deadline
from .indicator_targets import INSUFFICIENT, MET, NOT_MET, OUTCOMES
from .maps import DISCLAIMER, Category, MapSpec
from .queries import BadParameter
from .views import bad_request, page, twin

OUTCOME_CATEGORIES = [
    Category(MET, gettext_lazy("Met"), "#1b6aa5"),
    Category(NOT_MET, gettext_lazy("Not met"), "#e08214"),
    Category(INSUFFICIENT, gettext_lazy("Insufficient data"), "#d9d9d9"),
]


def pick_outcome(raw: str | None) -> str | None:
    """The outcome `?outcome=` names, or None (every State)."""
    value = (raw or "").strip()
    if not value:
        return None
    if value not in OUTCOMES:
        raise BadParameter(
            _("?outcome=%(value)s is not an outcome; use %(outcomes)s (or leave it out).")
            % {"value": repr(value), "outcomes": ", ".join(OUTCOMES)}
        )
    return value


def unknown_deadline(key: str, where: str) -> str:
    keys = ", ".join(deadline.key for deadline in DEADLINES)
    return _("There is no deadline %(key)s; %(where)s lists them: %(keys)s.") % {
        "key": repr(key),
        "where": where,
        "keys": keys,
    }


def outcome_map(results: DeadlineResults) -> MapSpec:
    deadline = results.deadline
    classes = {result.alpha3: result.verdict.outcome for result in results.results}
    return map_data.category_map(
        deadline.title,
        deadline.due,
        OUTCOME_CATEGORIES,
        classes,
        default=INSUFFICIENT,
        ident=f"map-{deadline.key}",
        notes=[results.evidence],
    )


@require_safe
def deadline_list(request: HttpRequest) -> HttpResponse:
    return page(
        request,
        "monitoring/deadlines.html",
        {"rows": all_deadline_results(), "outcomes": OUTCOMES, "json_url": "/api/targets/deadlines"},
    )


@require_safe
def deadline_page(request: HttpRequest, key: str) -> HttpResponse:
    deadline = find_deadline(key)
    if deadline is None:
        raise Http404(unknown_deadline(key, "/targets/deadlines"))
    try:
        outcome = pick_outcome(request.GET.get("outcome"))
    except BadParameter as error:
        return bad_request(request, error)
    results = deadline_results(deadline)
    spec = outcome_map(results)
    counts = spec.counts()
    return page(
        request,
        "monitoring/deadline.html",
        {
            "results": results,
            "deadline": deadline,
            "ratification": deadline.kind == RATIFICATION,
            "outcome": outcome,
            "outcome_label": OUTCOMES.get(outcome or ""),
            "shown": results.results if outcome is None else results.having(outcome),
            "filters": [(key, label, results.counts[key]) for key, label in OUTCOMES.items()],
            "svg": mark_safe(map_data.as_svg(spec)),  # noqa: S308  (names and labels escaped by maps.render)
            "map_legend": [(c, counts.get(c.key, 0)) for c in spec.categories],
            "disclaimer": DISCLAIMER,
            "json_url": twin(f"/api/targets/deadlines/{deadline.key}", outcome=outcome),
        },
    )
