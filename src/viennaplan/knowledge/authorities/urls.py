"""The collection's pages under /knowledge/ (included by knowledge/urls.py)."""

from django.urls import path, re_path

from . import views

app_name = "authorities"
urlpatterns = [
    path("authorities", views.authority_list, name="list"),
    path("authorities.csv", views.authority_csv, name="csv"),
    # a State's alpha-3 code (lower case redirects) and the authority's key: /knowledge/authorities/CHE/FOJ
    re_path(
        r"^authorities/(?P<state>[A-Za-z]{3})/(?P<key>[A-Za-z0-9][A-Za-z0-9._-]{0,79})$",
        views.authority_detail,
        name="authority",
    ),
]
