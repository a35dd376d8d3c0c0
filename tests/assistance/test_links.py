"""The ways into technical assistance's overview pages (issue 13): a donor's page leads to that donor's
needs, a fund earmarked for a chapter to its area's page, a State's profile to the State's assistance
(on screen, not in the printable profile), a chapter of the plan to its area, and the requests list
and the secretariat's desk to the pipeline board, only for those the board lets in. SYNTHETIC data."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_a_donors_page_leads_to_the_donors_needs(client):
    from viennaplan.assistance.resources.models import Donor

    donor = Donor.objects.create(name="SYNTHETIC Switzerland", kind=Donor.STATE, state_id="CHE")
    html = client.get(f"/assistance/donors/{donor.pk}").content.decode()
    assert f'href="/assistance/donors/{donor.pk}/needs"' in html
    assert client.get(f"/assistance/donors/{donor.pk}/needs").status_code == 200


def test_a_fund_earmarked_for_a_chapter_leads_to_its_area(client, imported_plan):
    fund_page = client.get("/assistance/funds/gp-trafficking").content.decode()  # chapter V
    assert 'href="/assistance/areas/V" id="fund-area"' in fund_page
    funds = client.get("/assistance/funds").content.decode()
    assert 'href="/assistance/areas/V"' in funds and 'href="/assistance/areas/IV"' in funds
    assert client.get("/assistance/areas/V").status_code == 200
    assert 'id="fund-area"' not in client.get("/assistance/funds/unearmarked").content.decode()


def test_the_state_profile_links_the_states_assistance_on_screen_only(client, imported_plan):
    html = client.get("/reporting/states/CHE").content.decode()
    assert 'href="/assistance/states/CHE"' in html
    printable = client.get("/reporting/states/CHE/print").content.decode()
    assert "/assistance/states/CHE" not in printable
    assert client.get("/assistance/states/CHE").status_code == 200


def test_a_chapter_of_the_plan_links_technical_assistance_in_its_area(client, imported_plan):
    html = client.get("/plan/chapter/VI").content.decode()
    assert 'href="/assistance/areas/VI"' in html
    assert "Technical assistance in this area" in html
    assert client.get("/assistance/areas/VI").status_code == 200


def test_the_requests_list_links_the_board_for_the_secretariat_only(client_as, secretariat, focal_point_a):
    mine = client_as(secretariat).get("/assistance/requests").content.decode()
    assert 'href="/assistance/board" id="board-link"' in mine
    theirs = client_as(focal_point_a).get("/assistance/requests")
    assert theirs.status_code == 200 and "/assistance/board" not in theirs.content.decode()
    assert client_as(focal_point_a).get("/assistance/board").status_code == 403


def test_the_secretariats_desk_links_the_board(client_as, secretariat, focal_point_a):
    desk = client_as(secretariat).get("/reporting/desk").content.decode()
    assert 'id="desk-assistance"><a href="/assistance/board"' in desk
    other = client_as(focal_point_a).get("/reporting/desk")
    assert other.status_code == 200 and "/assistance/board" not in other.content.decode()
