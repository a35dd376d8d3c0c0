"""Full-text search over the provisions, with filters, as a plain GET form.

With htmx, typing in the form asks for the same URL with the `HX-Request` header; the view
then returns only the results (plan/_search_results.html) for htmx to swap in. Without
JavaScript the form submits and the whole page comes back.
"""

from __future__ import annotations

from django import forms
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from ..models import Actor, Provision
from .common import api_url, page_context, requested_version

RESULT_LIMIT = 50

SCOPE_CHOICES = [
    ("", _("National and international actions")),
    ("national", _("National actions only")),
    ("international", _("International actions only")),
]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Words to find"), required=False, max_length=200)
    chapter = forms.ChoiceField(label=_("Chapter"), required=False)
    scope = forms.ChoiceField(label=_("Actions"), required=False, choices=SCOPE_CHOICES, widget=forms.RadioSelect)
    actor = forms.ChoiceField(label=_("Actor"), required=False)

    def __init__(self, data, *, chapters, actors):
        super().__init__(data)
        self.fields["chapter"].choices = [("", _("All chapters"))] + [
            (c.number, f"{c.number}. {c.title}") for c in chapters
        ]
        self.fields["actor"].choices = [("", _("Any actor"))] + [(a.code, a.label) for a in actors]


@require_safe
def search(request):
    version = requested_version(request)
    chapters = list(version.chapters.order_by("ordinal"))
    actor_ids = Provision.objects.filter(version=version, actor__isnull=False).values("actor_id")
    actors = list(Actor.objects.filter(pk__in=actor_ids).order_by("name"))
    form = SearchForm(request.GET, chapters=chapters, actors=actors)
    hits, query, filters = [], "", {}
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        filters = {key: form.cleaned_data[key] or None for key in ("chapter", "scope", "actor")}
        if query:
            from ..search import search_provisions

            hits = search_provisions(query, version=version, limit=RESULT_LIMIT, **filters)
    context = page_context(
        request,
        version,
        nav="search",
        form=form,
        query=query,
        hits=hits,
        limit_reached=len(hits) >= RESULT_LIMIT,
        filtered=any(filters.values()),
    )
    context["json_url"] = api_url("search", context["vparam"], q=query, **{k: v for k, v in filters.items() if v})
    partial = request.headers.get("HX-Request") == "true" and not request.headers.get("HX-History-Restore-Request")
    context["partial"] = partial
    template = "plan/_search_results.html" if partial else "plan/search.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
