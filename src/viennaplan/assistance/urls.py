"""Pages of technical assistance under /assistance/ (issue 13); the sub-apps' pages are included here."""

from django.urls import include, path, re_path

from . import views

app_name = "assistance"
KEY = r"(?P<key>[A-Za-z0-9][A-Za-z0-9._-]{0,39})"
urlpatterns: list = [
    path("", views.assistance_home, name="home"),
    path("requests", views.request_list, name="requests"),
    path("requests/new", views.request_new, name="request_new"),
    re_path(rf"^requests/{KEY}$", views.request_detail, name="request"),
    re_path(rf"^requests/{KEY}/transitions/(?P<name>[a-z_]{{1,20}})$", views.request_transition, name="transition"),
    path("answers/<int:answer_id>/request", views.request_from_answer_view, name="request_from_answer"),
    path("", include("viennaplan.assistance.project_urls")),
    path("", include("viennaplan.assistance.overview_urls")),
    path("", include("viennaplan.assistance.resources.urls")),
    path("", include("viennaplan.assistance.events.urls")),
]
