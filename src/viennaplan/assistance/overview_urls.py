"""The overview pages of technical assistance under /assistance/ (issue 13): the pipeline board, a
State's and an area's assistance, matching and the donors' view of needs; included by assistance/urls.py.
State codes and chapters are taken as any short word here, so that a malformed one answers 400 saying
why (overview_views), not a bare 404."""

from django.urls import path, re_path

from . import overview_views as views

app_name = "overview"
urlpatterns: list = [
    path("board", views.board_page, name="board"),
    re_path(r"^states/(?P<code>[^/]{1,20})$", views.state_page, name="state"),
    re_path(r"^areas/(?P<chapter>[^/]{1,20})$", views.area_page, name="area"),
    path("matching", views.matching_page, name="matching"),
    path("donors/<int:pk>/needs", views.donor_needs_page, name="donor_needs"),
]
