"""Pages of technical assistance under /assistance/ (issue 13); the sub-apps' pages are included here."""

from django.urls import include, path

app_name = "assistance"
urlpatterns: list = [
    path("", include("viennaplan.assistance.resources.urls")),
    path("", include("viennaplan.assistance.events.urls")),
]
