from django.contrib import admin
from django.urls import include, path, re_path

from viennaplan import languages
from viennaplan.api import api, not_found

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    re_path(r"^api/", not_found),  # every other path under /api/: a JSON 404
    path("language", languages.switch, name="language"),  # the switcher: POST language, next
    path("accounts/", include("viennaplan.accounts.urls")),
    path("countries/", include("viennaplan.countries.urls")),
    path("", include("viennaplan.monitoring.urls")),  # /reporting/… and /treaties/targets: before those apps' patterns
    path("treaties/", include("viennaplan.treaties.urls")),
    path("indicators/", include("viennaplan.indicators.urls")),
    path("reporting/", include("viennaplan.reporting.urls")),
    path("notices/", include("viennaplan.notices.urls")),
    path("knowledge/", include("viennaplan.knowledge.urls")),
    path("assistance/", include("viennaplan.assistance.urls")),
    path("", include("viennaplan.plan.urls")),
]
