"""Technical assistance on pages of other apps (monitoring's State profile loads this library, as it
loads knowledge's: a template naming a tag is not an import, so the layers stay as they are).

    {% assistance_for_state profile.state %}   the State's (a Country's) requests counted by stage, the projects serving
                                       them and what was disbursed to those, as the public sees them
                                       (counts only), with a link to the State's assistance page
"""

from __future__ import annotations

from typing import Any

from django import template

from viennaplan.countries.models import Country

from .. import overview, workflow

register = template.Library()


@register.inclusion_tag("assistance/_state_panel.html")
def assistance_for_state(state: Country) -> dict[str, Any]:
    """Nothing when the State made no request; the public's view whoever reads (the profile is public)."""
    found = overview.state_overview(state, full=False)
    if not found.total:
        return {"found": None}
    return {"found": found, "statuses": [(s, workflow.label(s)) for s in workflow.STATUSES]}
