"""`{% ratification_panel chapter.number %}`: the plan's ratification objectives of one chapter,
with live figures, on the chapter pages of III, IV, V and VI (nothing for other chapters).

The plan's chapter template loads this library: the one place where a lower app (plan) uses a
higher one (monitoring), in a template only (docs/architecture.md)."""

from __future__ import annotations

from typing import Any

from django import template

from viennaplan.dates import long_date

register = template.Library()


@register.inclusion_tag("monitoring/_chapter_panel.html")
def ratification_panel(chapter_number: str) -> dict[str, Any]:
    from viennaplan.monitoring.ratification import list_warnings, ratification_progress, with_names
    from viennaplan.monitoring.targets import objectives_of_chapter
    from viennaplan.treaties.store import NO_DATA, has_status_data, today

    if not objectives_of_chapter(chapter_number):
        return {"panel_progress": []}
    as_of = today()
    has_data = has_status_data()
    # without a status list the panel still says what the objective is, and that no list is imported
    progress = ratification_progress(as_of, chapter_number, figures=has_data)
    return {
        "panel_progress": with_names(progress),
        "list_warnings": list_warnings(progress),
        "has_data": has_data,
        "no_data": NO_DATA,
        "as_of_label": long_date(as_of),
        "as_of_query": "",
        "chapter_number": chapter_number,
    }


@register.inclusion_tag("monitoring/_results_panel.html")
def results_panel(chapter_number: str = "", citation: str = "") -> dict[str, Any]:
    """`{% results_panel chapter_number=chapter.number %}` or `{% results_panel citation="35(a)" %}`: the
    indicator targets and the plan's deadlines of 2002 set on a chapter's provisions (or on one provision),
    each with who met it and the review list of 35(f); nothing when there is none."""
    from viennaplan.monitoring.deadline_results import all_deadline_results
    from viennaplan.monitoring.deadlines import DEADLINES
    from viennaplan.monitoring.target_results import all_targets, plan_places, results_of

    def wanted(place: Any, cited: str) -> bool:
        return cited == citation if citation else bool(place.chapter) and place.chapter == chapter_number

    targets = all_targets()
    cited = {target.provision for target in targets} | {c for d in DEADLINES for c in d.provisions}
    places = plan_places(cited) if cited else {}
    found = results_of([t for t in targets if wanted(places[t.provision], t.provision)])
    deadlines = [d for d in DEADLINES if any(wanted(places[c], c) for c in d.provisions)]
    return {
        "panel_targets": found,
        "panel_deadlines": all_deadline_results(deadlines) if deadlines else [],
    }
