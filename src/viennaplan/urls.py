from django.contrib import admin
from django.urls import include, path

from viennaplan.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("accounts/", include("viennaplan.accounts.urls")),
    path("countries/", include("viennaplan.countries.urls")),
    path("treaties/", include("viennaplan.treaties.urls")),
    path("reporting/", include("viennaplan.reporting.urls_progress")),
    path("reporting/", include("viennaplan.reporting.urls")),
    path("", include("viennaplan.plan.urls")),
]
