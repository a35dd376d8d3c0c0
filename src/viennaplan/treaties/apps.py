"""The treaties app. The instruments' rules are code (`treaties.rules.INSTRUMENTS`), reviewed like
code and read from there. After every `migrate` (and every test database flush) the Instrument
table, the registry that actions point at and the admin lists (codes, names, order), is brought
up to date from that one declaration. Instruments that exist only in the database are left alone."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class TreatiesConfig(AppConfig):
    name = "viennaplan.treaties"
    label = "treaties"
    verbose_name = _("Treaty status")

    def ready(self) -> None:
        post_migrate.connect(sync_instruments_after_migrate, sender=self)


def sync_instruments_after_migrate(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    from .store import sync_instruments

    sync_instruments(using=using)
