"""URLconf of the progress tests (no tests here): the site's own, plus the progress pages and
their API if the site does not include them yet. Once `viennaplan.urls` includes
`reporting.urls_progress` and `viennaplan.api` mounts `reporting.api_progress.router`, it is
exactly the site's URLconf."""

from __future__ import annotations

from django.urls import URLResolver, include, path
from ninja import NinjaAPI

from viennaplan.api import api as site_api
from viennaplan.reporting.api_progress import router
from viennaplan.urls import urlpatterns as site_patterns

urlpatterns = list(site_patterns)
if not any(isinstance(p, URLResolver) and p.app_name == "reporting_progress" for p in site_patterns):
    urlpatterns.insert(0, path("reporting/", include("viennaplan.reporting.urls_progress")))
if not any(mounted is router for _, mounted in site_api._routers):
    progress_api = NinjaAPI(urls_namespace="progress-tests-api")
    progress_api.add_router("/reporting/progress", router)
    urlpatterns.insert(0, path("api/", progress_api.urls))
