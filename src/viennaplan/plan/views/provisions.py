"""The page of one provision, at its stable URL: /plan/57, /plan/57/k, /plan/57/k/ii."""

from __future__ import annotations

import re

from django.shortcuts import redirect, render
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ..models import PlanVersion, Provision
from .common import api_url, page_context, requested_version, short_title, version_identity, version_label
from .dates import describe
from .outline import attach_items, provision_breadcrumbs

_PARENTHESISED = re.compile(r"\(([^()/]*)\)")
_LABEL = re.compile(r"^[a-z0-9]{1,6}$")

REFERENCE_LINKS = {
    # Resolutions and documents have UN symbols, which the UN's symbol resolver opens.
    "resolution": "https://undocs.org/{target}",
    "document": "https://undocs.org/{target}",
}


def canonical_path(raw: str) -> str | None:
    """'57/k/ii' from '57/k/ii', '57(k)(ii)', '57/K/II/'; None when it cannot be a provision path."""
    text = _PARENTHESISED.sub(r"/\1", raw.strip().strip("/")).lower()
    parts = [part.strip() for part in text.split("/") if part.strip()]
    if not parts or not parts[0].isdigit() or not all(_LABEL.match(part) for part in parts[1:]):
        return None
    return "/".join([str(int(parts[0])), *parts[1:]])


def citation_of(path: str) -> str:
    paragraph, *labels = path.split("/")
    return paragraph + "".join(f"({label})" for label in labels)


@require_safe
def provision(request, path: str):
    version = requested_version(request)
    context = page_context(request, version, nav="chapters")
    canonical = canonical_path(path)
    if canonical is None:
        return provision_missing(request, context, path, None)
    if canonical != path:
        return redirect(f"/plan/{canonical}{context['vq']}", permanent=True)
    try:
        found = Provision.objects.select_related("chapter", "actor").get(version=version, path=canonical)
    except Provision.DoesNotExist:
        return provision_missing(request, context, canonical, version)

    family = list(
        Provision.objects.filter(version=version, paragraph=found.paragraph)
        .select_related("actor")
        .prefetch_related("notes", "partners", "objectives__notes")
        .order_by("position")
    )
    attach_items(family)
    by_id = {p.pk: p for p in family}
    node = by_id[found.pk]
    node.chapter = found.chapter
    ancestors = []
    parent = by_id.get(node.parent_id)
    while parent is not None:
        ancestors.insert(0, parent)
        parent = by_id.get(parent.parent_id)
    paragraph = ancestors[0] if ancestors else node

    subtree = list(_walk(node))
    own_notes = sorted({n.pk: n for p in subtree for n in p.notes.all()}.values(), key=lambda n: n.number)
    context_notes = _context_notes(node, ancestors, paragraph, exclude={n.pk for n in own_notes})

    vq = context["vq"]
    absolute = request.build_absolute_uri(f"{node.get_absolute_url()}{vq}")
    identity = version_identity(version)
    # The plan's title is English (the only text there is): marked so, inside the reader's sentence
    # (every value is escaped here: the sentence is the catalogue's, the values the page's).
    values = {
        key: conditional_escape(value)
        for key, value in {
            "title": format_html('<cite lang="en" dir="ltr">{}</cite>', short_title(version)),
            "identity": identity,
            "citation": node.citation,
            "url": absolute,
        }.items()
    }
    if identity:
        cite = mark_safe(_("%(title)s (%(identity)s), para. %(citation)s. %(url)s") % values)  # noqa: S308
    else:
        cite = mark_safe(_("%(title)s, para. %(citation)s. %(url)s") % values)  # noqa: S308

    context.update(
        provision=node,
        paragraph=paragraph,
        ancestors=ancestors,
        breadcrumbs=provision_breadcrumbs(node, ancestors, vq),
        actor=node.actor,
        partners=list(node.partners.all()),
        dated=[describe(d) for d in node.deadlines.all()],
        references=[_reference_view(r) for r in node.references.all()],
        own_notes=own_notes,
        context_notes=context_notes,
        cite=cite,
        cite_url=absolute,
        previous=Provision.objects.filter(version=version, position__lt=node.position).order_by("-position").first(),
        next=Provision.objects.filter(version=version, position__gt=node.position).order_by("position").first(),
        changes=_changes(node, context["versions"]),
        json_url=api_url(f"provisions/{node.path}", context["vparam"]),
    )
    return render(request, "plan/provision.html", context)


def _walk(provision):
    yield provision
    for item in provision.items:
        yield from _walk(item)


def _context_notes(node, ancestors, paragraph, *, exclude: set[int]):
    """Notes that bear on a provision without being attached to it: those of the paragraph it
    stands in, of the objectives it serves and of its chapter's heading."""
    found = []
    for holder in ancestors:
        where = _("paragraph %(citation)s") % {"citation": holder.citation}
        found += [(n, where) for n in holder.notes.all()]
    for objective in paragraph.objectives.all():
        if objective.numbered:
            label = _("objective %(number)s") % {"number": objective.number}
        else:
            label = _("the objective")
        found += [(n, label) for n in objective.notes.all()]
    where = _("chapter %(number)s") % {"number": node.chapter.number}
    found += [(n, where) for n in node.chapter.notes.all()]
    seen = set(exclude)
    result = []
    for note, where in found:
        if note.pk not in seen:
            seen.add(note.pk)
            result.append({"note": note, "where": where})
    return result


def _reference_view(reference) -> dict:
    pattern = REFERENCE_LINKS.get(reference.kind)
    return {
        "reference": reference,
        "url": pattern.format(target=reference.target) if pattern and reference.target else "",
    }


def _changes(provision, versions: list[PlanVersion]):
    """What other versions say at this place, when there are other versions."""
    if not versions:
        return []
    from ..changes import provision_changes

    this = provision.version
    changes = []
    for other_version, other_provision, diff_lines in provision_changes(provision):
        lines = [line for line in diff_lines if not line.startswith(("---", "+++", "@@"))]
        older = (other_version.imported_at, other_version.pk) < (this.imported_at, this.pk)
        changes.append(
            {
                "version": other_version,
                "label": version_label(other_version),
                "provision": other_provision,
                "lines": lines,
                "older": older,
            }
        )
    return changes


def provision_missing(request, context, path: str, version):
    """A 404 that says what does exist near the provision asked for."""
    nearest, children, paragraph_range = None, [], None
    if version is not None:
        parts = path.split("/")
        for length in range(len(parts) - 1, 0, -1):
            nearest = Provision.objects.filter(version=version, path="/".join(parts[:length])).first()
            if nearest:
                children = list(nearest.children.order_by("position"))
                break
        if nearest is None:
            numbers = Provision.objects.filter(version=version, depth=0).values_list("paragraph", flat=True)
            paragraph_range = (min(numbers), max(numbers)) if numbers else None
    context.update(
        asked=path,
        asked_citation=citation_of(path) if version is not None else path,
        nearest=nearest,
        nearest_children=children,
        paragraph_range=paragraph_range,
        chapters=list(context["plan"].chapters.order_by("ordinal")),
    )
    return render(request, "plan/provision_missing.html", context, status=404)
