"""Deadline reminders: `viennaplan notices remind` (daily, once per cycle, State and person, as of
--today), the Secretariat's POST /notices/remind and the `reminders_panel` of the cycle board."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.template import Context, Template
from django.test import RequestFactory

from viennaplan.accounts.invitations import create_account
from viennaplan.notices.models import Notice, Reminder

WEEK_BEFORE = "2002-12-24"  # the cycle closes on 31 December 2002


def remind(*args: str) -> str:
    out = io.StringIO()
    call_command("notices", "remind", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def people(focal_point_a, focal_point_b, reviewer, secretariat):
    return focal_point_a, focal_point_b


def test_eight_days_before_the_deadline_nobody_is_reminded(cycle, people, mailoutbox):
    assert remind("--today", "2002-12-23").endswith("Reminded 0 focal points of 0 States as of 2002-12-23.\n")
    assert mailoutbox == [] and Notice.objects.count() == 0


def test_a_week_before_the_focal_points_of_states_not_submitted_are_reminded_once(
    cycle, report_che, report_fra, moved, people, mailoutbox
):
    moved(report_fra, "submit")  # FRA has submitted: no reminder is due
    mailoutbox.clear()
    out = remind("--today", WEEK_BEFORE)
    assert f"Reminded focal.che@example.org of CHE ({cycle.name})" in out
    assert out.endswith("Reminded 1 focal point of 1 State as of 2002-12-24.\n")
    (mail,) = mailoutbox
    assert mail.to == ["focal.che@example.org"]
    assert mail.subject == "Switzerland: report due by 31 December 2002 (2002 review)"
    assert f"/reporting/{cycle.pk}/CHE/" in mail.body
    assert list(Reminder.objects.values_list("state_id", "recipient__email", "sent_by")) == [
        ("CHE", "focal.che@example.org", None)
    ]
    # daily runs tell nobody twice
    assert remind("--today", WEEK_BEFORE).endswith("Reminded 0 focal points of 0 States as of 2002-12-24.\n")
    assert remind("--today", "2002-12-30").endswith("Reminded 0 focal points of 0 States as of 2002-12-30.\n")
    assert len(mailoutbox) == 1 and Notice.objects.filter(kind="deadline_near").count() == 1


def test_a_focal_point_added_later_is_reminded_on_the_next_run(cycle, people, mailoutbox):
    remind("--today", WEEK_BEFORE)
    mailoutbox.clear()
    colleague = create_account(email="second.che@example.org", role="focal_point", state="CHE", password="x-y-z-123")
    assert colleague.is_active
    out = remind("--today", "2002-12-25")
    assert out.splitlines() == [
        f"Reminded second.che@example.org of CHE ({cycle.name})",
        "Reminded 1 focal point of 1 State as of 2002-12-25.",
    ]
    assert [m.to for m in mailoutbox] == [["second.che@example.org"]]


def test_a_state_not_started_and_a_returned_report_are_reminded(cycle, report_fra, moved, people, mailoutbox):
    moved(report_fra, "submit", "return")
    mailoutbox.clear()
    remind("--today", WEEK_BEFORE)
    assert sorted(m.to[0] for m in mailoutbox) == ["focal.che@example.org", "focal.fra@example.org"]


def test_a_dry_run_lists_who_would_be_told_and_sends_nothing(cycle, people, mailoutbox):
    out = remind("--dry-run", "--today", WEEK_BEFORE)
    assert "Would remind focal.che@example.org of CHE" in out and "Would remind focal.fra@example.org of FRA" in out
    assert out.endswith("Would remind 2 focal points of 2 States as of 2002-12-24.\n")
    assert mailoutbox == [] and Reminder.objects.count() == 0 and Notice.objects.count() == 0


def test_a_closed_cycle_is_not_looked_at_by_the_daily_run(cycle, people, mailoutbox):
    assert remind("--today", "2003-01-01").endswith("Reminded 0 focal points of 0 States as of 2003-01-01.\n")


def test_a_day_not_written_as_a_date_is_refused():
    with pytest.raises(CommandError, match="--today: '24.12.2002' is not a date written YYYY-MM-DD"):
        remind("--today", "24.12.2002")


# -- the Secretariat's button ---------------------------------------------------------------------


def test_the_secretariat_reminds_chosen_states_again_and_returns_to_the_cycle(
    cycle, people, secretariat, client_as, mailoutbox
):
    remind("--today", WEEK_BEFORE)  # already reminded once by the daily run
    mailoutbox.clear()
    client = client_as(secretariat)
    response = client.post("/notices/remind", {"cycle": cycle.pk, "state": ["che"]}, follow=False)
    assert response.status_code == 302 and response["Location"] == f"/reporting/{cycle.pk}/#reminders"
    assert [m.to for m in mailoutbox] == [["focal.che@example.org"]]
    assert Reminder.objects.filter(state_id="CHE", sent_by=secretariat).count() == 1
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["1 focal point of 1 State reminded (CHE)."]


def test_without_states_every_state_due_is_reminded(cycle, people, secretariat, client_as, mailoutbox):
    response = client_as(secretariat).post("/notices/remind", {"cycle": cycle.pk})
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mailoutbox) == ["focal.che@example.org", "focal.fra@example.org"]


@pytest.mark.parametrize("persona", ["focal_point_a", "reviewer", "contributor"])
def test_only_the_secretariat_may_remind(cycle, people, contributor, client_as, request, persona, mailoutbox):
    response = client_as(request.getfixturevalue(persona)).post("/notices/remind", {"cycle": cycle.pk})
    assert response.status_code == 403
    assert mailoutbox == [] and Reminder.objects.count() == 0


def test_the_public_is_sent_to_sign_in(cycle, people, client_as, mailoutbox):
    response = client_as(None).post("/notices/remind", {"cycle": cycle.pk})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "cycle: send the number of a reporting cycle, not “”; nobody was reminded."),
        ({"cycle": "x"}, "cycle: send the number of a reporting cycle, not “x”"),
        ({"cycle": "9999"}, "cycle: there is no reporting cycle 9999; nobody was reminded."),
        ({"state": ["CHE", "XYZ"]}, "state: XYZ is not the alpha-3 code of a State; nobody was reminded."),
        ({"state": ["DEU"]}, "state: DEU is not due a reminder in “2002 review”"),
        ({"state": ["CHE", "FRA"]}, "state: FRA is not due a reminder"),
    ],
)
def test_bad_input_is_refused_saying_what_and_nobody_is_reminded(
    cycle, report_fra, moved, people, secretariat, client_as, mailoutbox, data, message
):
    moved(report_fra, "submit")
    mailoutbox.clear()
    if "cycle" not in data and "state" in data:
        data = {**data, "cycle": cycle.pk}
    response = client_as(secretariat).post("/notices/remind", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert mailoutbox == [] and Reminder.objects.count() == 0


def test_reminding_by_get_is_not_possible(cycle, secretariat, client_as):
    assert client_as(secretariat).get(f"/notices/remind?cycle={cycle.pk}").status_code == 405


# -- the panel of the cycle board -----------------------------------------------------------------

PANEL = Template("{% load notices_tags %}{% reminders_panel cycle %}")


def panel(cycle, user) -> str:
    request = RequestFactory().get(f"/reporting/{cycle.pk}/")
    request.user = user
    return PANEL.render(Context({"cycle": cycle, "user": user, "request": request}))


def test_the_panel_lists_the_states_due_and_when_each_was_last_reminded(
    cycle, report_fra, moved, people, secretariat, client_as
):
    client_as(secretariat).post("/notices/remind", {"cycle": cycle.pk, "state": "CHE"})
    html = panel(cycle, secretariat)
    assert 'action="/notices/remind"' in html and f'name="cycle" value="{cycle.pk}"' in html
    assert 'value="CHE"' in html and 'value="FRA"' in html
    rows = {row.split('value="')[1][:3]: row for row in html.split("<tr>")[2:]}  # France comes first, by name
    assert list(rows) == ["FRA", "CHE"]
    assert "never" not in rows["CHE"] and "<time" in rows["CHE"]
    assert "never" in rows["FRA"]
    moved(report_fra, "submit")
    assert 'value="FRA"' not in panel(cycle, secretariat)


def test_the_panel_shows_nothing_to_anyone_but_the_secretariat(cycle, people, focal_point_a, reviewer):
    assert panel(cycle, focal_point_a).strip() == "" and panel(cycle, reviewer).strip() == ""
