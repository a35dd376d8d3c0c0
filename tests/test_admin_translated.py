"""The admin (the Secretariat's back office) speaks the reader's language (issue 11).

- Model names, field labels and help texts are lazy translations: the admin's change lists and
  change forms show them in French to a superuser reading in French.
- Every verbose name given explicitly to a field or a model of the project's apps, every help
  text and every choice label that is more than its code is a lazy translation: a plain str
  added to a model fails here.

The French entries are put in the active catalogue for the test only (the real catalogues are
written elsewhere); English, the source language, needs none.
"""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import trans_real

from viennaplan.accounts.models import FailedLogin

FRENCH = {
    "countries": "pays (liste)",
    "name (English)": "nom (anglais)",
    "UN Member since": "Membre de l'ONU depuis",
    "failed sign-in attempt": "tentative de connexion manquée",
    "failed sign-in attempts": "tentatives de connexion manquées",
    "IP address": "adresse IP",
}


@pytest.fixture
def french(monkeypatch):
    """FRENCH in the French catalogue for this test only (the requests ask for French themselves)."""
    catalogue = trans_real.translation("fr")._catalog._catalogs[0]
    for english, french_text in FRENCH.items():
        monkeypatch.setitem(catalogue, english, french_text)
    yield
    translation.activate("en")


def page(admin_client, url: str) -> str:
    """The page in French: the language cookie (the admin's change list takes `?lang=` for a filter)."""
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = admin_client.get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_country_admin_shows_its_names_and_labels_in_french(admin_client, french):
    listing = page(admin_client, "/admin/countries/country/")
    assert "Pays (liste)" in listing  # the plural name (breadcrumbs, capitalised)
    assert "Nom (anglais)" in listing  # a column's header
    assert "name (English)" not in listing

    form = page(admin_client, "/admin/countries/country/BTN/change/")
    assert "Pays (liste)" in form
    assert "Membre de l'ONU depuis" in form  # a field's label
    assert "UN Member since" not in form


def test_the_failed_sign_in_admin_shows_its_names_and_labels_in_french(admin_client, french):
    attempt = FailedLogin.objects.create(
        username="someone@example.org", ip="192.0.2.1", at=timezone.now() - timedelta(minutes=1)
    )
    listing = page(admin_client, "/admin/accounts/failedlogin/")
    assert "Tentatives de connexion manquées" in listing
    assert "Adresse IP" in listing
    assert "failed sign-in attempt" not in listing.lower()

    form = page(admin_client, f"/admin/accounts/failedlogin/{attempt.pk}/change/")
    assert "Tentatives de connexion manquées" in form
    assert "Adresse IP" in form and "IP address" not in form


def project_models() -> list[type[models.Model]]:
    """The models of the project's own apps, without simple-history's copies (their fields are the originals')."""
    return [
        model
        for model in apps.get_models()
        if model._meta.app_config.name.startswith("viennaplan.") and not model.__name__.startswith("Historical")
    ]


def test_the_project_has_models_to_check():
    assert len(project_models()) > 20


# Choices named in their own language, the same for every reader (the languages of the pages).
OWN_NAMES = {"accounts.Profile.language"}


def test_every_explicit_verbose_name_help_text_and_choice_is_a_lazy_translation():
    plain = []
    for model in project_models():
        label = model._meta.label
        for key in ("verbose_name", "verbose_name_plural"):
            given = model._meta.original_attrs.get(key)
            if given is not None and not isinstance(given, Promise):
                plain.append(f"{label} Meta.{key}: {given!r}")
        for field in model._meta.get_fields():
            if field.auto_created or not isinstance(field, models.Field):
                continue
            # A field given no verbose name gets its name with spaces: anything else was given explicitly.
            if str(field.verbose_name) != field.name.replace("_", " ") and not isinstance(field.verbose_name, Promise):
                plain.append(f"{label}.{field.name} verbose name: {field.verbose_name!r}")
            if field.help_text and not isinstance(field.help_text, Promise):
                plain.append(f"{label}.{field.name} help text: {field.help_text!r}")
            if field.choices and f"{label}.{field.name}" not in OWN_NAMES:
                for code, choice in field.flatchoices:
                    if str(choice) != str(code) and not isinstance(choice, Promise):
                        plain.append(f"{label}.{field.name} choice {code!r}: {choice!r}")
    assert plain == [], "mark these with gettext_lazy:\n" + "\n".join(plain)
