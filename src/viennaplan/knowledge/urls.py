"""/knowledge/: the search over every collection, and each collection's pages.

The national legislation list, a page per law and the legislative guide per article live here; each
other collection is an app under `knowledge/` with its own `urls.py`, included below.
"""

from django.urls import include, path, re_path

from . import guide_views, search_views, views

app_name = "knowledge"
urlpatterns = [
    path("", search_views.index, name="index"),
    path("search", search_views.search_page, name="search"),
    path("legislation", views.legislation_list, name="legislation"),
    path("legislation/guide/<str:instrument>/<str:article>", guide_views.guide_page, name="legislative_guide"),
    # a State's alpha-3 code (lower case redirects) and the law's key: /knowledge/legislation/CHE/SR-514.54
    re_path(
        r"^legislation/(?P<state>[A-Za-z]{3})/(?P<key>[A-Za-z0-9][A-Za-z0-9._-]{0,79})$", views.law_detail, name="law"
    ),
    path("", include("viennaplan.knowledge.patterns.urls")),
    path("", include("viennaplan.knowledge.assessments.urls")),
    path("", include("viennaplan.knowledge.trafficking.urls")),
    path("", include("viennaplan.knowledge.firearms.urls")),
    path("", include("viennaplan.knowledge.authorities.urls")),
    path("", include("viennaplan.knowledge.practices.urls")),
]
