from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistanceResourcesConfig(AppConfig):
    """Donors, pledges, contributions and disbursements, and the ledger of each fund (issue 13)."""

    name = "viennaplan.assistance.resources"
    label = "assistance_resources"
    verbose_name = _("Resources")
