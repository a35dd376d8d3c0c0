"""The JSON API root: every app adds its router here. OpenAPI at /api/docs."""

from ninja import NinjaAPI

from viennaplan.countries.api import router as countries_router
from viennaplan.plan.api import router as plan_router
from viennaplan.reporting.api import router as reporting_router
from viennaplan.reporting.api_contributions import router as reporting_contributions_router
from viennaplan.reporting.api_progress import router as reporting_progress_router
from viennaplan.treaties.api import router as treaties_router

api = NinjaAPI(
    title="viennaplan API",
    version="1",
    description="Open data of the Plans of Action for the implementation of the Vienna Declaration "
    "on Crime and Justice. Every page of the site has a JSON twin here with the same filters.",
    urls_namespace="api",
)
api.add_router("/plan", plan_router, tags=["plan"])
api.add_router("/countries", countries_router, tags=["countries"])
api.add_router("/treaties", treaties_router, tags=["treaties"])
api.add_router("/reporting/progress", reporting_progress_router, tags=["reporting progress"])
api.add_router("/reporting", reporting_router, tags=["reporting"])
api.add_router("/reporting", reporting_contributions_router, tags=["reporting contributions"])
