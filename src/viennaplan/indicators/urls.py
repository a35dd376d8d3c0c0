"""/indicators/: the catalogue, the upload page (before /<code>, which would match it) and one indicator."""

from django.urls import path

from . import views

app_name = "indicators"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("import", views.upload, name="import"),
    path("<str:code>", views.indicator, name="indicator"),
]
