"""The language of the pages (issue 11, viennaplan/languages.py): `?lang=` for one response, the
browser's cookie, the signed-in user's saved preference, Accept-Language, then English; the
switcher on every page; the committed catalogues (.mo equal to the compilation of their .po)."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import Client

from viennaplan.accounts.models import Profile
from viennaplan.languages import LanguageMiddleware

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME
OWN_NAMES = ["العربية", "中文", "English", "Français", "Русский", "Español"]
LOCALE = Path(settings.LOCALE_PATHS[0])
CATALOGUES = ["ar", "zh_Hans", "fr", "ru", "es"]


def html_tag(response) -> str:
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def lang_of(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def switcher(response) -> str:
    found = re.search(r'<form class="language-switch".*?</form>', response.content.decode(), re.S)
    assert found, "no language switcher on the page"
    return found.group(0)


def switch(client: Client, language: str, next_url: str = "/plan/57/k/ii"):
    return client.post("/language", {"language": language, "next": next_url})


# -- Which language a response is in ------------------------------------------------------------


def test_english_without_any_choice(client, imported_plan):
    response = client.get("/")
    assert html_tag(response) == '<html lang="en" dir="ltr">'
    assert response["Content-Language"] == "en"


@pytest.mark.parametrize(
    ("header", "expected"), [("fr-CH,fr;q=0.9,en;q=0.5", "fr"), ("zh-CN,zh;q=0.9", "zh-hans"), ("ar-EG", "ar")]
)
def test_accept_language_chooses_on_a_first_visit(client, imported_plan, header, expected):
    response = client.get("/", headers={"accept-language": header})
    assert lang_of(response) == expected
    assert COOKIE not in response.cookies  # a first visit sets no language cookie


def test_arabic_is_right_to_left_and_chinese_left_to_right(client, imported_plan):
    assert html_tag(client.get("/?lang=ar")) == '<html lang="ar" dir="rtl">'
    assert html_tag(client.get("/?lang=zh-hans")) == '<html lang="zh-hans" dir="ltr">'


def test_the_cookie_wins_over_accept_language(client, imported_plan):
    client.cookies[COOKIE] = "ru"
    assert lang_of(client.get("/", headers={"accept-language": "fr-FR"})) == "ru"


def test_lang_in_the_query_applies_to_that_response_only_and_sets_no_cookie(client, imported_plan):
    client.cookies[COOKIE] = "es"
    response = client.get("/plan/57/k/ii?lang=fr", headers={"accept-language": "ru"})
    assert lang_of(response) == "fr" and response["Content-Language"] == "fr"
    assert COOKIE not in response.cookies
    assert lang_of(client.get("/plan/57/k/ii")) == "es"  # the next page is in the browser's choice again


@pytest.mark.parametrize("code", ["xx", "", "english", "zh"])
def test_an_unknown_lang_is_ignored(client, imported_plan, code):
    response = client.get(f"/?lang={code}", headers={"accept-language": "es"})
    assert response.status_code == 200 and lang_of(response) == "es"


def test_lang_forgives_case_and_underscore(client, imported_plan):
    assert lang_of(client.get("/?lang=zh_Hans")) == "zh-hans"
    assert lang_of(client.get("/?lang=FR")) == "fr"


def test_responses_vary_on_accept_language_and_cookie(client, imported_plan, rf):
    vary = {part.strip().lower() for part in client.get("/?lang=fr")["Vary"].split(",")}
    assert {"accept-language", "cookie"} <= vary
    # even a response that reads no session or CSRF cookie of its own
    request = rf.get("/")
    request.user = AnonymousUser()
    response = LanguageMiddleware(lambda request: HttpResponse("plain"))(request)
    assert response["Vary"] == "Accept-Language, Cookie"


# -- The signed-in user's preference ------------------------------------------------------------


def test_switching_saves_the_signed_in_users_preference_which_applies_in_a_new_browser(
    client_as, imported_plan, focal_point_a
):
    first = client_as(focal_point_a)
    response = switch(first, "ar")
    assert response.status_code == 302 and response.cookies[COOKIE].value == "ar"
    assert response.cookies[COOKIE]["max-age"]  # remembered beyond the session
    assert Profile.objects.get(user=focal_point_a).language == "ar"
    assert Profile.history.filter(user=focal_point_a, language="ar").exists()  # kept in history

    fresh = client_as(focal_point_a)  # another browser: no language cookie, English Accept-Language
    response = fresh.get("/", headers={"accept-language": "en"})
    assert lang_of(response) == "ar"
    assert response.cookies[COOKIE].value == "ar"  # the browser now remembers it
    assert lang_of(fresh.get("/")) == "ar"


def test_the_browsers_own_choice_wins_over_the_saved_preference(client_as, imported_plan, focal_point_a):
    Profile.objects.filter(user=focal_point_a).update(language="ru")
    client = client_as(focal_point_a)
    client.cookies[COOKIE] = "es"
    response = client.get("/")
    assert lang_of(response) == "es" and COOKIE not in response.cookies


def test_lang_in_the_query_sets_no_cookie_even_with_a_saved_preference(client_as, imported_plan, focal_point_a):
    Profile.objects.filter(user=focal_point_a).update(language="ru")
    response = client_as(focal_point_a).get("/?lang=fr")
    assert lang_of(response) == "fr" and COOKIE not in response.cookies


def test_switching_needs_no_sign_in_and_saves_nobodys_preference(client, imported_plan, focal_point_a):
    response = switch(client, "fr")
    assert response.status_code == 302 and response.cookies[COOKIE].value == "fr"
    assert response["Location"] == "/plan/57/k/ii"
    assert lang_of(client.get(response["Location"])) == "fr"
    assert Profile.objects.get(user=focal_point_a).language == ""


def test_switching_saves_only_the_signed_in_users_own_preference(
    client_as, imported_plan, focal_point_a, focal_point_b
):
    switch(client_as(focal_point_a), "es")
    # nothing in the request names another user: focal_point_b's preference is untouched
    client_as(focal_point_a).post("/language", {"language": "ru", "user": focal_point_b.pk, "next": "/"})
    assert Profile.objects.get(user=focal_point_a).language == "ru"
    assert Profile.objects.get(user=focal_point_b).language == ""


def test_the_switch_needs_a_csrf_token(imported_plan):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/language", {"language": "fr", "next": "/"}).status_code == 403
    page = client.get("/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', switcher(page)).group(1)
    response = client.post("/language", {"language": "fr", "next": "/", "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response.cookies[COOKIE].value == "fr"


def test_the_switch_answers_post_only(client, imported_plan):
    assert client.get("/language?language=fr").status_code == 405
    assert COOKIE not in client.cookies


def test_an_unknown_language_is_refused_and_changes_nothing(client_as, imported_plan, focal_point_a):
    Profile.objects.filter(user=focal_point_a).update(language="ru")
    client = client_as(focal_point_a)
    client.cookies[COOKIE] = "es"
    response = switch(client, "xx")
    assert response.status_code == 400
    text = response.content.decode()
    assert "'xx'" in text and "language" in text and "zh-hans" in text
    assert COOKIE not in response.cookies
    assert Profile.objects.get(user=focal_point_a).language == "ru"


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example.org/",
        "//evil.example.org/plan",
        "http://testserver.evil.example.org/",
        "",
        "javascript:alert(1)",
    ],
)
def test_the_switch_refuses_an_off_site_next(client, imported_plan, next_url):
    response = switch(client, "fr", next_url)
    assert response.status_code == 302 and response["Location"] == "/"


def test_the_switch_goes_back_to_the_same_page_without_its_lang(client, imported_plan):
    response = switch(client, "ru", "/plan/search?q=trafficking&lang=fr&page=2")
    assert response["Location"] == "/plan/search?q=trafficking&page=2"


# -- The switcher on every page -----------------------------------------------------------------


@pytest.mark.parametrize("url", ["/", "/plan/57/k/ii", "/treaties/UNTOC", "/reporting/", "/accounts/login/"])
def test_the_switcher_is_on_every_page_kind_with_the_six_own_names(client, imported_plan, url):
    response = client.get(f"{url}", headers={"accept-language": "fr"})
    assert response.status_code == 200, url
    form = switcher(response)
    buttons = re.findall(
        r'<button type="submit" name="language" value="([^"]+)" lang="([^"]+)" dir="(\w+)"([^>]*)>([^<]+)</button>',
        form,
    )
    assert [name for *_rest, name in buttons] == OWN_NAMES
    assert [(value, lang, direction) for value, lang, direction, *_rest in buttons] == [
        ("ar", "ar", "rtl"),
        ("zh-hans", "zh-hans", "ltr"),
        ("en", "en", "ltr"),
        ("fr", "fr", "ltr"),
        ("ru", "ru", "ltr"),
        ("es", "es", "ltr"),
    ]
    current = [value for value, _lang, _dir, attributes, _name in buttons if 'aria-current="true"' in attributes]
    assert current == ["fr"]
    assert f'name="next" value="{url}"' in form


def test_the_switcher_is_on_the_signed_in_pages_too(client_as, imported_plan, secretariat):
    for url in ("/reporting/desk", "/accounts/"):
        assert "Русский" in switcher(client_as(secretariat).get(url)), url


def test_the_switchers_label_is_translated(client, imported_plan):
    assert ">Langue</span>" in switcher(client.get("/?lang=fr"))
    assert 'aria-label="Choisir la langue des pages"' in switcher(client.get("/?lang=fr"))
    assert ">اللغة</span>" in switcher(client.get("/?lang=ar"))
    assert ">Language</span>" in switcher(client.get("/"))


# -- The account page ---------------------------------------------------------------------------


def test_the_account_page_shows_and_changes_the_saved_language(client_as, imported_plan, focal_point_a):
    client = client_as(focal_point_a)
    page = client.get("/accounts/").content.decode()
    assert "No language is saved for your account yet" in page
    assert '<form class="account-form" method="post" action="/language">' in page
    response = client.post("/language", {"language": "es", "next": "/accounts/"})
    assert response["Location"] == "/accounts/"
    page = client.get("/accounts/").content.decode()
    assert "Idioma de las páginas" in page and '<strong lang="es">Español</strong>' in page
    assert '<option value="es" lang="es" selected>Español</option>' in page


# -- The catalogues -----------------------------------------------------------------------------


def entries(catalogue) -> dict:
    """(context, msgid) -> msgstr or the tuple of plural forms, for every translated entry."""
    found = {}
    for entry in catalogue:
        if not entry.msgid or "fuzzy" in entry.flags or entry.obsolete:
            continue
        if entry.msgid_plural:
            forms = tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
            if all(forms):
                found[(entry.msgctxt, entry.msgid, entry.msgid_plural)] = forms
        elif entry.msgstr:
            found[(entry.msgctxt, entry.msgid)] = entry.msgstr
    return found


@pytest.mark.parametrize("language", CATALOGUES)
def test_each_committed_mo_is_the_compilation_of_its_po(language):
    folder = LOCALE / language / "LC_MESSAGES"
    po, mo = polib.pofile(str(folder / "django.po")), polib.mofile(str(folder / "django.mo"))
    assert entries(mo) == entries(po), f"{folder}/django.mo is stale: run `make messages`"
    assert mo.metadata.get("Plural-Forms") == po.metadata.get("Plural-Forms")
    assert po.metadata.get("Language") == language
    assert entries(po), f"{folder}/django.po translates nothing"


def test_there_is_one_catalogue_per_language_but_english():
    assert sorted(p.name for p in LOCALE.iterdir() if p.is_dir()) == sorted(CATALOGUES)
    assert {code for code, _name in settings.LANGUAGES} == {"en", "zh-hans", *CATALOGUES} - {"zh_Hans"}
