"""Every move of a report and every cycle opening makes the right notices, in the site and in
Django's outbox, for the right people and nobody else (notices/sending.py)."""

from __future__ import annotations

import logging
import smtplib
from datetime import date

import pytest
from django.core.mail.backends.locmem import EmailBackend

from viennaplan.accounts.invitations import create_account
from viennaplan.notices.models import EmailChoice, Notice
from viennaplan.reporting.cycles import open_cycle
from viennaplan.reporting.transitions import apply_transition

SITE = "https://viennaplan.example.org"
EMAILS = {
    "secretariat": "secretariat@example.org",
    "reviewer": "reviewer@example.org",
    "che": "focal.che@example.org",
    "fra": "focal.fra@example.org",
}


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE + "/"


@pytest.fixture
def everyone(secretariat, reviewer, focal_point_a, focal_point_b, contributor):
    return [secretariat, reviewer, focal_point_a, focal_point_b, contributor]


def notices_to(user):
    return list(Notice.objects.filter(recipient=user))


def recipients_of(outbox):
    return sorted(address for message in outbox for address in message.to)


def test_a_submission_tells_the_reviewers_only(report_che, moved, everyone, reviewer, mailoutbox):
    moved(report_che, "submit")
    (notice,) = Notice.objects.all()
    assert notice.recipient == reviewer and notice.kind == "submitted"
    assert notice.subject == "Switzerland: report submitted for review (2002 review)"
    assert notice.link == f"/reporting/{report_che.cycle_id}/CHE/" and notice.read_at is None
    assert notice.emailed_at is not None
    (mail,) = mailoutbox
    assert mail.to == [EMAILS["reviewer"]] and mail.subject == notice.subject
    assert f"{SITE}/reporting/{report_che.cycle_id}/CHE/" in mail.body
    assert "submitted by Anna Graf" in mail.body


def test_a_return_tells_the_states_focal_points_with_the_reviewers_comment(
    report_che, moved, everyone, focal_point_a, mailoutbox
):
    moved(report_che, "submit")
    mailoutbox.clear()
    moved(report_che, "return")
    (notice,) = Notice.objects.filter(kind="returned")
    assert notice.recipient == focal_point_a
    assert "The reviewer's comment:\nPlease describe the law of 2001 on witness protection." in notice.text
    (mail,) = mailoutbox
    assert mail.to == [EMAILS["che"]] and mail.subject == "Switzerland: report returned to you (2002 review)"
    assert "Please describe the law of 2001" in mail.body
    assert f"{SITE}/reporting/{report_che.cycle_id}/CHE/" in mail.body


def test_a_resubmission_tells_the_reviewers_again(report_che, moved, everyone, mailoutbox):
    moved(report_che, "submit", "return")
    mailoutbox.clear()
    moved(report_che, "resubmit")
    assert recipients_of(mailoutbox) == [EMAILS["reviewer"]]
    assert mailoutbox[0].subject == "Switzerland: report resubmitted for review (2002 review)"


def test_a_validation_tells_the_states_focal_points_and_the_secretariat_who_publishes(
    report_che, moved, everyone, mailoutbox
):
    moved(report_che, "submit")
    mailoutbox.clear()
    moved(report_che, "validate")
    assert recipients_of(mailoutbox) == [EMAILS["che"], EMAILS["secretariat"]]
    assert {m.subject for m in mailoutbox} == {"Switzerland: report validated (2002 review)"}


def test_a_publication_tells_the_states_focal_points(report_che, moved, everyone, focal_point_a, mailoutbox):
    moved(report_che, "submit", "validate")
    mailoutbox.clear()
    moved(report_che, "publish")
    assert recipients_of(mailoutbox) == [EMAILS["che"]]
    assert [n.recipient for n in Notice.objects.filter(kind="published")] == [focal_point_a]


def test_another_states_focal_point_hears_nothing_of_switzerlands_report(
    report_che, moved, everyone, focal_point_b, mailoutbox
):
    moved(report_che, "submit", "return", "resubmit", "validate", "publish")
    assert notices_to(focal_point_b) == []
    assert EMAILS["fra"] not in recipients_of(mailoutbox)
    assert Notice.objects.count() == len(mailoutbox) == 6  # 2 to the reviewer, 3 to CHE, 1 to the secretariat


def test_opening_a_cycle_tells_every_active_focal_point_with_the_cycles_page(
    imported_plan, everyone, secretariat, django_capture_on_commit_callbacks, mailoutbox
):
    inactive = create_account(email="invited.deu@example.org", role="focal_point", state="DEU")
    assert not inactive.is_active
    with django_capture_on_commit_callbacks(execute=True):
        cycle = open_cycle(secretariat, "2005 review", date(2005, 1, 1), date(2005, 6, 30), ["VI"])
    assert recipients_of(mailoutbox) == [EMAILS["che"], EMAILS["fra"]]
    assert {m.subject for m in mailoutbox} == {"Reporting cycle opened: 2005 review"}
    assert all(f"{SITE}/reporting/{cycle.pk}/" in m.body and "due by 30 June 2005" in m.body for m in mailoutbox)
    assert {n.link for n in Notice.objects.all()} == {f"/reporting/{cycle.pk}/"}
    assert notices_to(inactive) == []


def test_a_demonstration_cycle_tells_nobody(
    imported_plan, everyone, secretariat, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        open_cycle(secretariat, "Demo", date(2005, 1, 1), date(2005, 6, 30), ["VI"], is_demo=True)
    assert Notice.objects.count() == 0 and mailoutbox == []


def test_a_report_of_a_demonstration_cycle_tells_nobody(report_che, moved, everyone, mailoutbox):
    report_che.cycle.is_demo = True
    report_che.cycle.save()
    moved(report_che, "submit", "return")
    assert Notice.objects.count() == 0 and mailoutbox == []


def test_a_deactivated_reviewer_is_never_told(report_che, moved, everyone, reviewer, mailoutbox):
    reviewer.is_active = False
    reviewer.save()
    moved(report_che, "submit")
    assert Notice.objects.count() == 0 and mailoutbox == []


def test_turning_email_off_keeps_the_notice_in_the_site(report_che, moved, everyone, reviewer, mailoutbox):
    EmailChoice.objects.create(user=reviewer, send_email=False)
    moved(report_che, "submit")
    (notice,) = notices_to(reviewer)
    assert notice.emailed_at is None
    assert mailoutbox == []


def test_an_account_without_an_email_address_gets_the_notice_in_the_site_only(
    report_che, moved, everyone, reviewer, mailoutbox
):
    reviewer.email = ""
    reviewer.save()
    moved(report_che, "submit")
    assert len(notices_to(reviewer)) == 1 and mailoutbox == []


def test_a_failing_mail_server_leaves_the_move_made_and_the_notice_listed(
    report_che, everyone, focal_point_a, reviewer, monkeypatch, caplog, django_capture_on_commit_callbacks, mailoutbox
):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    with caplog.at_level(logging.ERROR, logger="viennaplan.notices.sending"):
        with django_capture_on_commit_callbacks(execute=True):
            apply_transition(focal_point_a, report_che, "submit")
    report_che.refresh_from_db()
    assert report_che.status == "submitted"
    (notice,) = notices_to(reviewer)
    assert notice.emailed_at is None
    assert "could not be e-mailed to reviewer@example.org" in caplog.text
    assert mailoutbox == []
