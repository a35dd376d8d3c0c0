"""The collection's pages under /knowledge/ (included by knowledge/urls.py)."""

from django.urls import path, re_path

from . import views

app_name = "firearms"
STATE = r"(?P<state>[A-Za-z]{3})"
YEAR = r"(?P<year>[0-9]{4})"
urlpatterns: list = [
    path("firearms", views.regulations_list, name="regulations"),
    path("firearms/reports", views.reports_list, name="reports"),
    path("firearms/reports/new", views.report_new, name="report_new"),
    re_path(rf"^firearms/reports/{STATE}/{YEAR}$", views.report_detail, name="report"),
    re_path(rf"^firearms/reports/{STATE}/{YEAR}/edit$", views.report_edit, name="report_edit"),
    re_path(rf"^firearms/reports/{STATE}/{YEAR}/move$", views.report_move, name="report_move"),
    re_path(rf"^firearms/{STATE}$", views.state_regulations, name="state"),
]
