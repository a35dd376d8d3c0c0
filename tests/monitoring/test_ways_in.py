"""The progress pages can be found: the menu's "Progress" leads to every view of where the plan
stands, and the home, Reporting, cycle and country pages link to them (issue 10, part 1)."""

from __future__ import annotations

import re


def links(html: str) -> set[str]:
    return set(re.findall(r'href="([^"#]+)', html))


def test_the_menu_and_the_home_page_lead_to_the_progress_hub(imported_plan, client):
    home = client.get("/").content.decode()
    assert 'href="/progress" aria-current' not in home and '<li><a href="/progress">Progress</a></li>' in home
    assert 'id="home-progress"' in home


def test_the_hub_links_every_view_of_progress_for_the_latest_cycle(sample, client):
    cycle = sample[0]
    hub = client.get("/progress")
    found = links(hub.content.decode())
    assert hub.status_code == 200
    for url in (
        f"/reporting/status?cycle={cycle.pk}",
        f"/reporting/progress?cycle={cycle.pk}",
        f"/reporting/commitments?cycle={cycle.pk}",
        f"/reporting/status/map?cycle={cycle.pk}",
        "/reporting/commission-report",
        "/treaties/targets",
        "/targets/deadlines",
        "/targets",
        "/indicators/",
        "/reporting/states/CHE",
    ):
        assert url in found, url
        assert client.get(url).status_code == 200, url


def test_without_a_cycle_the_hub_says_so(imported_plan, client):
    html = client.get("/progress").content.decode()
    assert "No reporting cycle has been opened yet." in html and "/reporting/commission-report" in html


def test_the_cycle_reporting_and_country_pages_link_to_the_views_across_states(sample, client_as, secretariat):
    cycle = sample[0]
    client = client_as(secretariat)
    assert "/progress" in links(client.get("/reporting/").content.decode())
    on_cycle = links(client.get(f"/reporting/{cycle.pk}/").content.decode())
    assert {f"/reporting/progress?cycle={cycle.pk}", f"/reporting/status?cycle={cycle.pk}"} <= on_cycle
    assert "/reporting/states/CHE" in links(client.get("/countries/CHE").content.decode())
    assert "/reporting/states/EUU" not in links(client.get("/countries/EUU").content.decode())


def test_national_actions_in_the_plan_lead_to_how_states_report_on_them(imported_plan, client):
    chapter = client.get("/plan/chapter/VI").content.decode()
    line = re.search(r'<p class="ways-in" id="chapter-progress">.*?</p>', chapter, re.S).group(0)
    assert 'href="/reporting/commitments#chapter-VI"' in line
    assert {"/reporting/progress", "/reporting/status", "/progress"} <= links(line)
    assert chapter.count('id="chapter-progress"') == 1  # once, whatever other ways in the chapter offers
    assert 'class="ways-in" id="chapter-assistance"><a href="/assistance/areas/VI">' in chapter

    item = client.get("/plan/57/k").content.decode()
    assert 'id="provision-progress"' in item and "/reporting/commitments#chapter-VI" in item
    for not_national in ("/plan/chapter/I", "/plan/58"):  # no national actions; an international action
        assert 'class="ways-in"' not in client.get(not_national).content.decode(), not_national
