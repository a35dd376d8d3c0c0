"""The collection's pages under /knowledge/ (included by knowledge/urls.py); see views.py."""

from django.urls import path, re_path

from . import views

app_name = "patterns"
urlpatterns = [
    path("patterns", views.pattern_list, name="list"),
    path("patterns/map", views.pattern_map, name="map"),
    path("patterns/map.svg", views.pattern_map_svg, name="map_svg"),
    path("patterns/years", views.pattern_years, name="years"),
    # a record's key (the words above are not keys: rules.RESERVED_KEYS)
    re_path(r"^patterns/(?P<key>[A-Za-z0-9][A-Za-z0-9._-]{0,79})$", views.pattern_detail, name="record"),
    path("terrorism", views.terrorism, name="terrorism"),
]
