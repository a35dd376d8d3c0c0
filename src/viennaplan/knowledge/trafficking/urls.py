"""The collection's pages under /knowledge/ (included by knowledge/urls.py)."""

from django.urls import path, re_path

from . import views

app_name = "trafficking"
urlpatterns = [
    path("trafficking", views.flow_list, name="list"),
    path("trafficking.csv", views.flow_csv, name="csv"),
    path("trafficking/by/<str:dimension>", views.flow_aggregate, name="aggregate"),
    re_path(r"^trafficking/(?P<key>[A-Za-z0-9][A-Za-z0-9._-]{0,79})$", views.flow_detail, name="flow"),
]
