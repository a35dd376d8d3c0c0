"""The legislative guide per article (issue 12), included by the project's urls under knowledge/:

/knowledge/legislation/guide/<instrument>/<article>   e.g. /knowledge/legislation/guide/FIREARMS/5
"""

from __future__ import annotations

from django.urls import path

from . import guide_views

urlpatterns = [
    path("legislation/guide/<str:instrument>/<str:article>", guide_views.guide_page, name="legislative_guide"),
]
