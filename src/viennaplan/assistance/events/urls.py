"""The events pages under /assistance/ (included by assistance/urls.py)."""

from django.urls import path, re_path

from . import views

app_name = "events"
urlpatterns = [
    path("events", views.event_list, name="list"),
    path("events.csv", views.event_csv, name="csv"),
    # the event's key: /assistance/events/regional-seminar-dakar-2002
    re_path(r"^events/(?P<key>[A-Za-z0-9][A-Za-z0-9._-]{0,79})$", views.event_detail, name="event"),
]
