"""Offline questionnaire URLs, included under /reporting/ by `reporting.urls`."""

from django.urls import path

from . import offline

urlpatterns = [
    path("<int:cycle_id>/<str:state>/questionnaire.xlsx", offline.download, name="questionnaire_download"),
    path("<int:cycle_id>/<str:state>/upload", offline.upload, name="questionnaire_upload"),
]
