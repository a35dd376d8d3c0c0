"""The pages of projects and the CSV exports of requests and projects under /assistance/ (issue 13),
included by assistance/urls.py (see project_views.py for what each serves and to whom)."""

from django.urls import path, re_path

from . import project_views as views

app_name = "projects"
KEY = r"(?P<key>[A-Za-z0-9][A-Za-z0-9._-]{0,39})"
urlpatterns: list = [
    path("projects", views.project_list, name="list"),
    path("projects.csv", views.projects_file, name="csv"),
    path("projects/new", views.project_new, name="new"),
    path("projects/import", views.projects_import, name="import"),
    re_path(rf"^projects/{KEY}$", views.project_detail, name="project"),
    re_path(rf"^projects/{KEY}/requests$", views.project_requests, name="requests"),
    re_path(rf"^projects/{KEY}/budget$", views.project_budget, name="budget"),
    re_path(rf"^projects/{KEY}/milestones$", views.project_milestone, name="milestones"),
    re_path(rf"^projects/{KEY}/outputs$", views.project_output, name="outputs"),
    re_path(rf"^projects/{KEY}/complete$", views.project_complete, name="complete"),
    path("requests.csv", views.requests_file, name="requests_csv"),
]
