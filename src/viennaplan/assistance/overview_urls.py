"""The overview pages of technical assistance under /assistance/ (issue 13): the pipeline board, a
State's and an area's assistance, matching and the donors' view of needs; included by assistance/urls.py."""

from django.urls import path, re_path  # noqa: F401 - filled in by the pages that follow

app_name = "overview"
urlpatterns: list = []
