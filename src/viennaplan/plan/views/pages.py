"""The plan's reading pages: home, chapter, notes, deadlines."""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ..models import Chapter, Deadline, Provision
from .common import NoPlanImported, api_url, page_context, requested_version, version_query
from .dates import describe
from .outline import attach_items, chapter_outline


def shorten(text: str, words: int = 18) -> str:
    """A commitment as a line on the home page: trailing "; and" and full stops dropped."""
    text = text.strip().rstrip(";.,").strip()
    if text.endswith("; and"):
        text = text[: -len("; and")]
    return Truncator(text).words(words, truncate="…")


@require_safe
def home(request):
    try:
        version = requested_version(request)
    except NoPlanImported:
        return render(request, "plan/no_plan.html", {"nav": "home"})
    chapters = list(version.chapters.order_by("ordinal"))
    commitment_paragraphs = list(
        Provision.objects.filter(version=version, depth=0, section="commitments").order_by("position")
    )
    items = defaultdict(list)
    for item in Provision.objects.filter(parent__in=commitment_paragraphs).order_by("position"):
        items[item.parent_id].append(item)
    commitments = defaultdict(list)
    for paragraph in commitment_paragraphs:
        for provision in items[paragraph.pk] or [paragraph]:
            provision.short_text = shorten(provision.full_text)
            commitments[paragraph.chapter_id].append(provision)
    dated = defaultdict(list)
    deadlines = Deadline.objects.filter(provision__version=version).select_related("provision")
    for deadline in deadlines.order_by("provision__position", "end"):
        dated[deadline.provision.chapter_id].append(describe(deadline))
    areas = []
    for chapter in chapters:
        if chapter.pk in commitments:
            chapter.commitments = commitments[chapter.pk]
            chapter.dated = dated[chapter.pk]
            areas.append(chapter)
    context = page_context(
        request,
        version,
        nav="home",
        chapters=chapters,
        areas=areas,
        deadline_count=deadlines.count(),
    )
    context["json_url"] = api_url("", context["vparam"])  # the plan: provenance, counts, versions
    context["downloads"] = [
        ("JSON", _("structured data, one object per provision"), api_url("export.json", context["vparam"])),
        ("CSV", _("one row per provision, for spreadsheets"), api_url("export.csv", context["vparam"])),
        ("Akoma Ntoso", _("legal XML (AKN 3.0)"), api_url("export.akn", context["vparam"])),
    ]
    return render(request, "plan/home.html", context)


@require_safe
def chapter(request, number: str):
    version = requested_version(request)
    if number != number.upper():
        vq = version_query(request, version)
        return redirect(f"/plan/chapter/{number.upper()}{vq}", permanent=True)
    try:
        chapter = version.chapters.prefetch_related("notes", "objectives__notes").get(number=number)
    except Chapter.DoesNotExist:
        numbers = ", ".join(version.chapters.order_by("ordinal").values_list("number", flat=True))
        raise Http404(
            _("There is no chapter %(number)s in this plan. Its chapters are %(numbers)s.")
            % {"number": number, "numbers": numbers}
        ) from None
    provisions = list(
        Provision.objects.filter(version=version, chapter=chapter)
        .prefetch_related("notes", "objectives")
        .order_by("position")
    )
    paragraphs = attach_items(provisions)
    siblings = list(version.chapters.order_by("ordinal"))
    index = next(i for i, c in enumerate(siblings) if c.pk == chapter.pk)
    context = page_context(
        request,
        version,
        nav="chapters",
        chapter=chapter,
        sections=chapter_outline(chapter, paragraphs),
        has_national_actions=any(p.kind == "national_action" for p in provisions),
        previous_chapter=siblings[index - 1] if index > 0 else None,
        next_chapter=siblings[index + 1] if index + 1 < len(siblings) else None,
    )
    context["json_url"] = api_url(f"chapters/{chapter.number}", context["vparam"])
    return render(request, "plan/chapter.html", context)


@require_safe
def notes(request):
    version = requested_version(request)
    all_notes = version.notes.prefetch_related("provisions", "chapters", "objectives__chapter").order_by("number")
    front_notes = [n for n in version.front_notes if isinstance(n, dict) and n.get("text")]
    context = page_context(request, version, nav="notes", notes=all_notes, front_notes=front_notes)
    context["json_url"] = api_url("notes", context["vparam"])
    return render(request, "plan/notes.html", context)


@require_safe
def note(request, number: int):
    version = requested_version(request)
    if not version.notes.filter(number=number).exists():
        raise Http404(
            _("There is no note %(number)s in this plan; see /plan/notes for all of them.") % {"number": number}
        )
    vq = version_query(request, version)
    return redirect(f"/plan/notes{vq}#note-{number}")


@require_safe
def deadlines(request):
    version = requested_version(request)
    dated = [
        describe(d)
        for d in Deadline.objects.filter(provision__version=version).select_related("provision", "provision__chapter")
    ]
    far_future = (9999, 0)
    dated.sort(key=lambda c: ((c.year, c.iso.split("/")[-1]) if c.year else far_future, c.provision.position))
    years = [(year, list(group)) for year, group in groupby(dated, key=lambda c: c.year)]
    context = page_context(request, version, nav="deadlines", years=years, count=len(dated))
    context["json_url"] = api_url("deadlines", context["vparam"])
    return render(request, "plan/deadlines.html", context)
