"""The resources pages under /assistance/ (included by assistance/urls.py)."""

from django.urls import path, re_path

from . import views

app_name = "resources"
urlpatterns: list = [
    path("funds", views.fund_list, name="funds"),
    re_path(r"^funds/(?P<key>[a-z0-9][a-z0-9-]{0,59})$", views.fund_detail, name="fund"),
    path("donors", views.donor_list, name="donors"),
    path("donors/<int:pk>", views.donor_detail, name="donor"),
    path("contributions.csv", views.contributions_csv, name="contributions_csv"),
    path("disbursements.csv", views.disbursements_csv, name="disbursements_csv"),
]
