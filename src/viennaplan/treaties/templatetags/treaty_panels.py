"""`{% ratification_panel chapter.number %}`: the plan's ratification objectives of one chapter,
with live figures, on the chapter pages of III, IV, V and VI (nothing for other chapters)."""

from __future__ import annotations

from typing import Any

from django import template

from viennaplan.dates import long_date

register = template.Library()


@register.inclusion_tag("treaties/_chapter_panel.html")
def ratification_panel(chapter_number: str) -> dict[str, Any]:
    from viennaplan.treaties.overview import ratification_progress, with_names
    from viennaplan.treaties.store import NO_DATA, has_status_data, today
    from viennaplan.treaties.targets import objectives_of_chapter

    if not objectives_of_chapter(chapter_number):
        return {"panel_progress": []}
    as_of = today()
    has_data = has_status_data()
    progress = with_names(ratification_progress(as_of, chapter_number)) if has_data else []
    if not has_data:  # the panel still says what the objective is and that no list is imported
        from viennaplan.treaties.targets import ObjectiveProgress

        progress = [ObjectiveProgress(objective, []) for objective in objectives_of_chapter(chapter_number)]
    return {
        "panel_progress": progress,
        "has_data": has_data,
        "no_data": NO_DATA,
        "as_of_label": long_date(as_of),
        "as_of_query": "",
        "chapter_number": chapter_number,
    }
