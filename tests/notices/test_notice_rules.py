"""The rules of who is told what (notices/rules.py), plain Python."""

from __future__ import annotations

from datetime import date

import pytest

from viennaplan.notices import rules
from viennaplan.notices.rules import Facts, Person, recipients, words

SECRETARIAT = Person(1, "secretariat", email="sec@example.org")
REVIEWER = Person(2, "reviewer", email="rev@example.org")
REVIEWER_2 = Person(3, "reviewer", email="rev2@example.org")
FOCAL_CHE = Person(4, "focal_point", "CHE", email="che@example.org")
FOCAL_CHE_2 = Person(5, "focal_point", "CHE", email="che2@example.org")
FOCAL_FRA = Person(6, "focal_point", "FRA", email="fra@example.org")
CONTRIBUTOR = Person(7, "contributor", email="cso@example.org")
GONE = Person(8, "focal_point", "CHE", email="gone@example.org", is_active=False)
PUBLIC = Person(9, None, email="someone@example.org")
EVERYONE = [SECRETARIAT, REVIEWER, REVIEWER_2, FOCAL_CHE, FOCAL_CHE_2, FOCAL_FRA, CONTRIBUTOR, GONE, PUBLIC]


def told(kind, state="CHE", actor=None):
    return {person.pk for person in recipients(kind, EVERYONE, state=state, actor=actor)}


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (rules.SUBMITTED, {REVIEWER.pk, REVIEWER_2.pk}),
        (rules.RESUBMITTED, {REVIEWER.pk, REVIEWER_2.pk}),
        (rules.RETURNED, {FOCAL_CHE.pk, FOCAL_CHE_2.pk}),
        (rules.VALIDATED, {FOCAL_CHE.pk, FOCAL_CHE_2.pk, SECRETARIAT.pk}),
        (rules.PUBLISHED, {FOCAL_CHE.pk, FOCAL_CHE_2.pk}),
        (rules.DEADLINE_NEAR, {FOCAL_CHE.pk, FOCAL_CHE_2.pk}),
        (rules.CYCLE_OPENED, {FOCAL_CHE.pk, FOCAL_CHE_2.pk, FOCAL_FRA.pk}),
    ],
)
def test_each_event_tells_its_audience_and_nobody_else(kind, expected):
    assert told(kind) == expected


def test_another_states_focal_point_hears_nothing_of_a_report_not_theirs():
    for kind in (rules.RETURNED, rules.VALIDATED, rules.PUBLISHED, rules.DEADLINE_NEAR):
        assert FOCAL_FRA.pk not in told(kind, state="CHE")
        assert told(kind, state="FRA") & {FOCAL_CHE.pk, FOCAL_CHE_2.pk} == set()


def test_a_state_bound_notice_without_a_state_tells_no_focal_point():
    assert told(rules.RETURNED, state=None) == set()


def test_nobody_is_told_of_their_own_move_and_deactivated_accounts_never():
    assert told(rules.SUBMITTED, actor=REVIEWER.pk) == {REVIEWER_2.pk}
    assert told(rules.VALIDATED, actor=SECRETARIAT.pk) == {FOCAL_CHE.pk, FOCAL_CHE_2.pk}
    assert all(GONE.pk not in told(kind) for kind in rules.KINDS)


def test_email_goes_only_to_an_address_whose_owner_wants_it():
    assert FOCAL_CHE.emailed
    assert not Person(10, "reviewer", email="").emailed
    assert not Person(11, "reviewer", email="x@example.org", wants_email=False).emailed


def test_every_kind_has_an_audience_and_words():
    assert set(rules.AUDIENCES) == set(rules.KINDS)
    facts = Facts(cycle="2002 review", state="Switzerland", closes=date(2002, 12, 31))
    for kind in rules.KINDS:
        subject, text = words(kind, facts)
        assert subject and text and "\n" not in subject


def test_the_words_name_the_state_the_cycle_the_deadline_and_the_reviewers_comment():
    facts = Facts(
        cycle="2002 review", state="Switzerland", closes=date(2002, 12, 31), comment="Add the law.", by="Rita"
    )
    assert words(rules.SUBMITTED, facts) == (
        "Switzerland: report submitted for review (2002 review)",
        "The report of Switzerland in the reporting cycle “2002 review” was submitted by Rita and awaits review.",
    )
    subject, text = words(rules.RETURNED, facts)
    assert subject == "Switzerland: report returned to you (2002 review)"
    assert text.endswith("The reviewer's comment:\nAdd the law.")
    assert words(rules.DEADLINE_NEAR, facts)[0] == "Switzerland: report due by 31 December 2002 (2002 review)"
    assert "due by 31 December 2002" in words(rules.CYCLE_OPENED, facts)[1]


def test_an_unknown_kind_is_refused_naming_the_kinds():
    with pytest.raises(ValueError, match="the kinds are submitted, resubmitted"):
        words("archived", Facts(cycle="x"))


def test_the_email_carries_the_link_and_how_to_stop_the_emails():
    body = rules.email_body("Text.", "https://example.org/reporting/1/CHE/", "https://example.org/accounts/")
    assert "https://example.org/reporting/1/CHE/" in body
    assert "turn off these e-mails on your account page (https://example.org/accounts/)" in body
