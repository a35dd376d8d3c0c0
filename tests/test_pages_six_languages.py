"""Every kind of page in the six languages (issue 11): each answers, says its language and
direction on <html>, and shows no interface sentence left in English.

The data (the plan, the monitoring tests' sample cycle with six States' reports, a synthetic
treaty status list, a few indicator observations) are built once for the module and every page
is rendered once per language; the tests then read the stored pages.

"Left in English": a msgid of the language's catalogue (at least two words and ten characters,
whose translation differs from it) found in the page's visible text outside the plan's own
English text (the `[lang=en]` subtrees) and outside scripts and styles."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import polib
import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client

LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]
LOCALE = Path(settings.LOCALE_PATHS[0])
CATALOGUE = {"ar": "ar", "zh-hans": "zh_Hans", "fr": "fr", "ru": "ru", "es": "es"}
TREATIES = Path(__file__).parent / "treaties" / "data" / "synthetic_small.csv"
INDICATORS = """country,iso3,year,indicator,value,source,note,flags,sex
Austria,AUT,2004,tip_persons_convicted,12,"UNODC GLOTIP (synthetic)",,,
Austria,AUT,2005,tip_persons_convicted,<5,"UNODC GLOTIP (synthetic)",,provisional,
France,FRA,2005,tip_persons_convicted,46,"UNODC GLOTIP (synthetic)",first year of the new survey,estimate,
Switzerland,CHE,2006,tip_persons_convicted,9,"UNODC GLOTIP (synthetic)",,break,
"""


@dataclass(frozen=True)
class Page:
    name: str
    # "{cycle}" is replaced by the sample cycle's id; "{request}", "{project}", "{donor}" by the sample's keys
    url: str
    who: str = "public"  # "public", "focal" (State B, FRA, whose report is a draft) or "secretariat"
    status: int = 200


PAGES = [
    Page("home", "/"),
    Page("chapter", "/plan/chapter/VIII"),
    Page("provision", "/plan/57/k/ii"),
    Page("notes", "/plan/notes"),
    Page("search", "/plan/search?q=firearms"),
    Page("plan deadlines", "/plan/deadlines"),
    Page("treaties", "/treaties/"),
    Page("instrument", "/treaties/UNTOC"),
    Page("treaty state", "/treaties/states/CHE"),
    Page("ratification targets", "/treaties/targets"),
    Page("countries", "/countries/"),
    Page("country", "/countries/CHE"),
    Page("indicators", "/indicators/"),
    Page("indicator", "/indicators/tip_persons_convicted"),
    Page("progress", "/progress"),
    Page("reporting status", "/reporting/status"),
    Page("matrix", "/reporting/progress"),
    Page("commitments", "/reporting/commitments"),
    Page("indicator targets", "/targets"),
    Page("deadlines", "/targets/deadlines"),
    Page("commission report", "/reporting/commission-report"),
    Page("state profile", "/reporting/states/CHE"),
    Page("cycles", "/reporting/"),
    Page("cycle", "/reporting/{cycle}/"),
    Page("international", "/reporting/{cycle}/international/"),
    Page("report", "/reporting/{cycle}/CHE/"),
    Page("history", "/reporting/{cycle}/CHE/history"),
    Page("questionnaire section", "/reporting/{cycle}/FRA/chapter/VIII", who="focal"),
    Page("own report", "/reporting/{cycle}/FRA/", who="focal"),
    Page("submit", "/reporting/{cycle}/FRA/submit", who="focal"),
    Page("desk (focal point)", "/reporting/desk", who="focal"),
    Page("desk (secretariat)", "/reporting/desk", who="secretariat"),
    Page("notices", "/notices/", who="focal"),
    Page("account", "/accounts/", who="focal"),
    Page("sign-in", "/accounts/login/"),
    Page("databases", "/knowledge/"),
    Page("databases search", "/knowledge/search?q=firearms"),
    Page("legislation", "/knowledge/legislation"),
    Page("law", "/knowledge/legislation/CHE/SR-514.54"),
    Page("legislative guide", "/knowledge/legislation/guide/FIREARMS/5"),
    Page("patterns", "/knowledge/patterns"),
    Page("pattern", "/knowledge/patterns/ANDES-COCAINE"),
    Page("patterns map", "/knowledge/patterns/map"),
    Page("patterns by year", "/knowledge/patterns/years"),
    Page("terrorism", "/knowledge/terrorism"),
    Page("assessments", "/knowledge/assessments"),
    Page("assessment", "/knowledge/assessments/KEN/NCS-2019"),
    Page("assessments compared", "/knowledge/assessments/compare?sector=police"),
    Page("documents", "/knowledge/documents"),
    Page("document", "/knowledge/documents/practical-measures"),
    Page("trafficking", "/knowledge/trafficking"),
    Page("trafficking flow", "/knowledge/trafficking/F-NGA-CHE"),
    Page("trafficking by sex and age", "/knowledge/trafficking/by/sex-age"),
    Page("firearms regulations", "/knowledge/firearms"),
    Page("firearms of a State", "/knowledge/firearms/CHE"),
    Page("firearms reports", "/knowledge/firearms/reports"),
    Page("firearms report", "/knowledge/firearms/reports/CHE/2003"),
    Page("new firearms report", "/knowledge/firearms/reports/new", who="focal"),
    Page("authorities", "/knowledge/authorities"),
    Page("authority (public)", "/knowledge/authorities/CHE/FOJ-MLA"),
    Page("authority (official)", "/knowledge/authorities/CHE/FOJ-MLA", who="focal"),
    Page("practices", "/knowledge/practices"),
    Page("practice", "/knowledge/practices/AT-victims-legal-aid"),
    Page("technical assistance", "/assistance/"),
    Page("technical assistance (secretariat)", "/assistance/", who="secretariat"),
    Page("assistance requests", "/assistance/requests", who="focal"),
    Page("assistance request", "/assistance/requests/{request}", who="focal"),
    Page("new assistance request", "/assistance/requests/new", who="focal"),
    Page("assistance requests (secretariat)", "/assistance/requests", who="secretariat"),
    Page("funds", "/assistance/funds"),
    Page("fund ledger", "/assistance/funds/gp-trafficking?view=usd"),
    Page("donors", "/assistance/donors"),
    Page("donor", "/assistance/donors/{donor}"),
    Page("events", "/assistance/events"),
    Page("event", "/assistance/events/dakar-2002"),
    Page("projects", "/assistance/projects"),
    Page("project", "/assistance/projects/{project}"),
    Page("project (focal point)", "/assistance/projects/{project}", who="focal"),
    Page("project (secretariat)", "/assistance/projects/{project}", who="secretariat"),
    Page("new project", "/assistance/projects/new", who="secretariat"),
    Page("import projects", "/assistance/projects/import", who="secretariat"),
    Page("assistance board", "/assistance/board", who="secretariat"),
    Page("assistance matching", "/assistance/matching", who="secretariat"),
    Page("assistance of a State", "/assistance/states/FRA"),
    Page("assistance of a State (focal point)", "/assistance/states/FRA", who="focal"),
    Page("assistance in an area", "/assistance/areas/VI"),
    Page("a donor's needs", "/assistance/donors/{donor}/needs"),
    Page("a donor's needs (secretariat)", "/assistance/donors/{donor}/needs", who="secretariat"),
    Page("not found", "/no-such-page", status=404),
]


def build_data():
    from viennaplan.accounts.invitations import create_account
    from viennaplan.indicators.importer import import_observations
    from viennaplan.plan.saving import import_plan_text
    from viennaplan.treaties.importer import import_status_list

    import_plan_text(settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8"), source_name=settings.PLAN_SOURCE_FILE.name)
    import_status_list(TREATIES.read_bytes(), source_name=TREATIES.name)
    import_observations(INDICATORS.encode("utf-8"), source_name="trafficking_glotip.csv")
    people = {
        "secretariat": create_account(email="secretariat@example.org", role="secretariat", first_name="Sara"),
        "reviewer": create_account(email="reviewer@example.org", role="reviewer", first_name="Rita"),
        "focal": create_account(email="focal.fra@example.org", role="focal_point", state="FRA", first_name="Paul"),
    }
    for user in people.values():
        user.is_active = True
        user.save(update_fields=["is_active"])

    from monitoring.test_monitoring_sample import build_sample

    cycle, _reports = build_sample(people["secretariat"], people["reviewer"])
    from knowledge_data import import_samples

    import_samples()
    return cycle, people, assistance_data(people)


def assistance_data(people) -> dict[str, str]:
    from assistance_data import make_samples

    return make_samples(people["secretariat"], people["focal"])


def render_all(cycle, people, keys) -> dict[str, dict[str, tuple[Page, int, str]]]:
    # a page that fails is reported with its status 500 rather than stopping the sweep
    clients = {"public": Client(raise_request_exception=False)}
    for who in ("focal", "secretariat"):
        clients[who] = Client(raise_request_exception=False)
        clients[who].force_login(people[who])
    rendered: dict[str, dict[str, tuple[Page, int, str]]] = {}
    for language in LANGUAGES:
        rendered[language] = {}
        for client in clients.values():
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        for page in PAGES:
            response = clients[page.who].get(page.url.format(cycle=cycle.pk, **keys))
            rendered[language][page.name] = (page, response.status_code, response.content.decode())
    return rendered


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """{language: {page name: (page, status, html)}}; the data are rolled back afterwards."""
    with django_db_blocker.unblock():
        cache.clear()
        with transaction.atomic():
            cycle, people, keys = build_data()
            pages = render_all(cycle, people, keys)
            transaction.set_rollback(True)
        cache.clear()
    return pages


def catalogue(language: str) -> list[str]:
    """The interface sentences of the language's catalogue that a reader would notice in English."""
    entries = polib.pofile(str(LOCALE / CATALOGUE[language] / "LC_MESSAGES" / "django.po"))
    found = []
    for entry in entries:
        if entry.obsolete or entry.msgid_plural or "%" in entry.msgid or "{" in entry.msgid:
            continue
        if entry.msgstr == entry.msgid or len(entry.msgid) < 10 or len(entry.msgid.split()) < 2:
            continue
        found.append(" ".join(entry.msgid.split()))
    return found


def visible_text(html: str) -> str:
    """The text of the page's body, without the plan's own English (`[lang=en]`), scripts and drawings.
    (The <title> is left out: it may hold the plan's title, which no attribute can mark as English.)"""
    body = lxml.html.document_fromstring(html).find("body")
    for element in body.xpath(".//script | .//style | .//template | .//*[local-name()='svg'] | .//*[@lang='en']"):
        element.drop_tree()
    return " ".join(body.text_content().split())


@functools.cache
def as_words(sentence: str) -> re.Pattern[str]:
    """`sentence` as a whole: not inside a longer word (compiled once per session: 1,500 sentences
    overflow re's own cache of compiled patterns, so each search compiled its pattern again)."""
    return re.compile(r"(?<!\w)" + re.escape(sentence) + r"(?!\w)")


def untranslated(language: str, html: str, sentences: list[str]) -> list[str]:
    text = visible_text(html)
    # only a sentence found in the text as it stands can be found there as words
    return [s for s in sentences if s in text and as_words(s).search(text)]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_answers_in_its_language_and_direction(rendered, language):
    problems = []
    direction = "rtl" if language == "ar" else "ltr"
    for name, (page, status, html) in rendered[language].items():
        if status != page.status:
            problems.append(f"{name} ({page.url}): status {status}, expected {page.status}")
            continue
        tag = re.search(r"<html[^>]*>", html)
        if not tag or tag.group(0) != f'<html lang="{language}" dir="{direction}">':
            problems.append(f"{name} ({page.url}): {tag.group(0) if tag else 'no <html>'}")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_no_interface_sentence_is_left_in_english(rendered, language):
    sentences = catalogue(language)
    hits = []
    for name, (page, _status, html) in rendered[language].items():
        hits += [f"{name} ({page.url}): {s!r}" for s in untranslated(language, html, sentences)]
    assert not hits, f"{len(hits)} interface sentences in English on the {language} pages:\n" + "\n".join(hits)


def test_the_checker_skips_the_plan_text_and_finds_the_interface():
    html = (
        '<html lang="fr"><body><p>Rapport <span>Open the report</span></p>'
        '<blockquote lang="en" dir="ltr">Open the report</blockquote><script>"Open the report"</script></body></html>'
    )
    assert visible_text(html) == "Rapport Open the report"
    assert untranslated("fr", html, ["Open the report", "Close the page"]) == ["Open the report"]
    assert untranslated("fr", html.replace("<span>Open the report</span>", ""), ["Open the report"]) == []
