from django.contrib import admin
from django.urls import include, path

from viennaplan.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("countries/", include("viennaplan.countries.urls")),
    path("treaties/", include("viennaplan.treaties.urls")),
    path("", include("viennaplan.plan.urls")),
]
