"""The knowledge databases' places on other apps' pages (issue 12), in templates only:

{% laws_for_provision provision %}   on the provision pages (plan/provision.html): the published laws
                                     that serve the provision (or one of its items), with State and title;
                                     nothing at all when there is none
{% laws_for_state alpha3 %}          on the State profile (monitoring/state.html): the State's published laws

Lower apps (plan, monitoring) load this library in their templates and never import knowledge in
Python: the exception docs/architecture.md allows (as plan's templates load monitoring's ratification_panels).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.db.models import Q

from viennaplan.knowledge.collections import Lines

register = template.Library()


def _law_lines(laws: Any, cited: dict[int, list[str]] | None = None) -> list[dict[str, Any]]:
    from viennaplan.countries.registry import state_directory, state_name
    from viennaplan.knowledge.guide import law_url
    from viennaplan.knowledge.legislation import STATUS_LABELS

    directory = state_directory()
    lines = [
        {
            "law": law,
            "state": law.state_id,
            "state_name": state_name(law.state_id, directory),
            "url": law_url(law.state_id, law.key),
            "status_label": STATUS_LABELS.get(law.status, law.status),
            "paths": (cited or {}).get(law.pk, []),
        }
        for law in laws
    ]
    order = {code: position for position, code in enumerate(directory)}
    return sorted(lines, key=lambda line: (order.get(line["state"], len(order)), line["law"].title_en, line["law"].key))


@register.inclusion_tag("knowledge/_laws_for_provision.html")
def laws_for_provision(provision: Any) -> dict[str, Any]:
    """Published laws serving the provision's path or one of its items' (57 shows those of 57/a too)."""
    from viennaplan.knowledge.legislation import path_order
    from viennaplan.knowledge.models import Law, LawProvision

    path = getattr(provision, "path", "") or ""
    if not path:
        return {"laws": []}
    served = LawProvision.objects.filter(Q(path=path) | Q(path__startswith=path + "/"), law__published=True)
    cited: dict[int, list[str]] = {}
    for law_id, law_path in served.values_list("law_id", "path"):
        cited.setdefault(law_id, []).append(law_path)
    for paths in cited.values():
        paths.sort(key=path_order)
    laws = Law.objects.filter(pk__in=cited).only("id", "state_id", "key", "title_en", "status")
    return {"laws": _law_lines(laws, cited), "path": path}


@register.inclusion_tag("knowledge/_laws_for_state.html")
def laws_for_state(alpha3: str) -> dict[str, Any]:
    """The State's published laws, each with the articles it implements."""
    from viennaplan.knowledge.guide_views import guide_url
    from viennaplan.knowledge.legislation import sorted_articles
    from viennaplan.knowledge.models import Law

    laws = list(Law.objects.filter(state_id=(alpha3 or "").upper(), published=True).prefetch_related("articles"))
    lines = _law_lines(laws)
    for line in lines:
        line["articles"] = [
            (f"{code} {article}", guide_url(code, article))
            for code, article in sorted_articles([(a.instrument_id, a.article) for a in line["law"].articles.all()])
        ]
    return {"laws": lines, "alpha3": (alpha3 or "").upper()}


PANEL_LINES = 20  # of one collection on a panel; the rest through the collection's list


def _panel(heading_id: str, query: dict[str, str], lines_of: Any) -> dict[str, Any]:
    """The other collections' lines (legislation has its own panel), in the public's view: these
    pages are the public's (the profile's PDF too), so drafts never show on them."""
    from django.contrib.auth.models import AnonymousUser

    from viennaplan.countries.registry import state_directory, state_name
    from viennaplan.knowledge.collections import collections
    from viennaplan.knowledge.listing import with_query

    directory = state_directory()
    groups = []
    for registered in collections():
        if registered.key == "legislation":
            continue
        lines = lines_of(registered, AnonymousUser())
        if not lines:
            continue
        groups.append(
            {
                "key": registered.key,
                "label": registered.label,
                "lines": [
                    (line, state_name(line.state, directory) if line.state else "") for line in lines[:PANEL_LINES]
                ],
                "count": lines.total,
                "more_url": with_query(registered.list_url, query) if lines.total > PANEL_LINES else "",
            }
        )
    return {"groups": groups, "heading_id": heading_id}


@register.inclusion_tag("knowledge/_knowledge_panel.html")
def knowledge_for_provision(provision: Any) -> dict[str, Any]:
    """Records of the other collections citing the provision or one of its items (nothing when none)."""
    from viennaplan.plan.models import Provision

    path = getattr(provision, "path", "") or ""
    if not path:
        return {"groups": []}
    items = Provision.objects.filter(version_id=provision.version_id, path__startswith=path + "/")
    paths = [path, *items.values_list("path", flat=True)]
    return _panel(
        "knowledge-records-heading",
        {"provision": path},
        lambda registered, user: (
            registered.for_provisions(paths, user, limit=PANEL_LINES) if registered.for_provisions else Lines()
        ),
    )


@register.inclusion_tag("knowledge/_knowledge_panel.html")
def knowledge_for_state(alpha3: str) -> dict[str, Any]:
    """The State's records in the other collections (nothing when none)."""
    code = (alpha3 or "").upper()
    return _panel(
        "knowledge-state-heading",
        {"state": code},
        lambda registered, user: (
            registered.for_state(code, user, limit=PANEL_LINES) if registered.for_state else Lines()
        ),
    )
