"""The notice pages: one's own list (newest first, unread marked, pages, mark all read), opening
a notice (marks it read; 404 for another's), the menu's unread count, and the account page's
e-mail choice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone

from viennaplan.notices.models import EmailChoice, Notice


def give(user, subject: str, *, read: bool = False, minutes_ago: int = 0, link: str = "/reporting/1/CHE/") -> Notice:
    return Notice.objects.create(
        recipient=user,
        kind="returned",
        subject=subject,
        text=f"The text of {subject}.",
        link=link,
        created_at=timezone.now() - timedelta(minutes=minutes_ago),
        read_at=timezone.now() if read else None,
    )


def test_the_list_shows_only_ones_own_notices_newest_first_unread_marked(client_as, focal_point_a, focal_point_b):
    give(focal_point_a, "Older and read", read=True, minutes_ago=10)
    give(focal_point_a, "Newer and unread", minutes_ago=1)
    give(focal_point_b, "France's own notice")
    page = client_as(focal_point_a).get("/notices/").content.decode()
    assert page.index("Newer and unread") < page.index("Older and read")
    assert "France&#x27;s own notice" not in page and "France's own notice" not in page
    assert page.count("notice--unread") == 1 and "1 unread notice." in page
    assert 'aria-current="page">Notices (1)' in page


def test_the_list_comes_in_pages(client_as, reviewer):
    for number in range(30):
        give(reviewer, f"Notice number {number:02}", minutes_ago=100 - number)
    client = client_as(reviewer)
    first = client.get("/notices/").content.decode()
    assert "Notice number 29" in first and "Notice number 04" not in first and "Page 1 of 2" in first
    second = client.get("/notices/?page=2").content.decode()
    assert "Notice number 04" in second and "Notice number 29" not in second


def test_the_list_is_for_signed_in_people_only(client_as):
    response = client_as(None).get("/notices/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_opening_a_notice_marks_it_read_and_goes_to_its_page(client_as, focal_point_a):
    notice = give(focal_point_a, "Returned")
    response = client_as(focal_point_a).get(f"/notices/{notice.pk}/open")
    assert response.status_code == 302 and response["Location"] == "/reporting/1/CHE/"
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_another_persons_notice_cannot_be_opened(client_as, focal_point_a, focal_point_b):
    notice = give(focal_point_a, "Returned")
    assert client_as(focal_point_b).get(f"/notices/{notice.pk}/open").status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_mark_all_read_marks_only_ones_own(client_as, focal_point_a, focal_point_b):
    give(focal_point_a, "One")
    give(focal_point_a, "Two")
    theirs = give(focal_point_b, "Theirs")
    response = client_as(focal_point_a).post("/notices/read", follow=True)
    assert "2 notices marked read." in response.content.decode()
    assert not Notice.objects.filter(recipient=focal_point_a, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_menu_shows_the_unread_count_to_the_signed_in(client_as, reviewer):
    give(reviewer, "One")
    give(reviewer, "Two")
    give(reviewer, "Read", read=True)
    page = client_as(reviewer).get("/").content.decode()
    assert '<a href="/notices/" class="notices-link">Notices (2)' in page
    assert "Notices (" not in client_as(None).get("/").content.decode()


MENU = Template("{% load notices_tags %}{% notices_menu_item %}")


def test_the_menu_item_costs_one_query_signed_in_and_none_for_the_public(
    reviewer, anonymous, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert MENU.render(Context({"user": anonymous})) == ""
    with django_assert_num_queries(1):
        assert "Notices (0)" in MENU.render(Context({"user": reviewer}))


# -- the e-mail choice on the account page ----------------------------------------------------------


def test_the_account_page_offers_to_turn_email_off_and_back_on(client_as, focal_point_a):
    client = client_as(focal_point_a)
    page = client.get("/accounts/").content.decode()
    assert 'action="/notices/email"' in page and 'name="send_email" value="on" checked' in page
    response = client.post("/notices/email", {"send_email": ["off"]}, follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/"
    assert "no longer sent to you by e-mail" in response.content.decode()
    assert EmailChoice.objects.get(user=focal_point_a).send_email is False
    assert 'name="send_email" value="on">' in client.get("/accounts/").content.decode()
    client.post("/notices/email", {"send_email": ["off", "on"]})  # the hidden "off" and the ticked box
    assert EmailChoice.objects.get(user=focal_point_a).send_email is True


@pytest.mark.parametrize("data", [{}, {"send_email": "yes"}])
def test_a_choice_neither_on_nor_off_is_refused(client_as, focal_point_a, data):
    response = client_as(focal_point_a).post("/notices/email", data)
    assert response.status_code == 400 and "send “on” or “off”" in response.content.decode()
    assert not EmailChoice.objects.exists()
