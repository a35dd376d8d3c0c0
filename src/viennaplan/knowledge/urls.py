"""/knowledge/: the national legislation list and a page per law (the legislative guide has its own patterns)."""

from django.urls import path, re_path

from . import views

app_name = "knowledge"
urlpatterns = [
    path("legislation", views.legislation_list, name="legislation"),
    # a State's alpha-3 code (lower case redirects) and the law's key: /knowledge/legislation/CHE/SR-514.54
    re_path(
        r"^legislation/(?P<state>[A-Za-z]{3})/(?P<key>[A-Za-z0-9][A-Za-z0-9._-]{0,79})$", views.law_detail, name="law"
    ),
]
