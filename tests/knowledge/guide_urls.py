"""The project's URLs with the legislative guide's (knowledge/urls_guide.py) under knowledge/, for the
guide's tests whatever the project's urls.py includes yet (the lead includes the module there)."""

from __future__ import annotations

from django.urls import include, path

from viennaplan.urls import urlpatterns as project_urlpatterns

urlpatterns = [path("knowledge/", include("viennaplan.knowledge.urls_guide")), *project_urlpatterns]
