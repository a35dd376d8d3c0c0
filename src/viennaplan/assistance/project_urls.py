"""The pages of projects and the CSV exports of requests and projects under /assistance/ (issue 13),
included by assistance/urls.py."""

from django.urls import path, re_path  # noqa: F401 - filled in by the pages that follow

app_name = "projects"
urlpatterns: list = []
