from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "viennaplan.indicators"
    label = "indicators"
    verbose_name = _("Indicators")

    def ready(self) -> None:
        from . import store

        # The catalogue (not the observations) is reference data: written after every migrate,
        # like the country data (see store.load_after_migrate).
        post_migrate.connect(store.load_after_migrate, sender=self, dispatch_uid="indicators-load-after-migrate")
