"""The collection's pages under /knowledge/ (included by knowledge/urls.py)."""

from django.urls import path, re_path

from . import documents, views

app_name = "assessments"

KEY = r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}"
LABEL = r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}"

urlpatterns = [
    path("assessments", views.assessment_list, name="list"),
    path("assessments/compare", views.assessment_comparison, name="compare"),
    # a State's alpha-3 code (lower case redirects) and the assessment's key: /knowledge/assessments/KEN/NCS-2019
    re_path(rf"^assessments/(?P<state>[A-Za-z]{{3}})/(?P<key>{KEY})$", views.assessment_detail, name="assessment"),
    path("documents", documents.document_list, name="documents"),
    re_path(rf"^documents/(?P<key>{KEY})$", documents.document_detail, name="document"),
    re_path(rf"^documents/(?P<key>{KEY})/(?P<label>{LABEL})$", documents.version_detail, name="version"),
]
