"""Aggregates never reveal unpublished answers: a draft (or a submitted, returned or validated
report) of State B never changes what the public or State A's focal point see on the progress
pages and their JSON twins; only published reports count for them."""

from __future__ import annotations

import re

from test_monitoring_sample import FRA_SECRET

from viennaplan.reporting.answers import save_answer
from viennaplan.reporting.transitions import apply_transition


def aggregate_urls(cycle_id: int) -> list[str]:
    c = cycle_id
    return [
        f"/reporting/progress?cycle={c}&by=region",
        f"/reporting/progress?cycle={c}&by=group",
        f"/reporting/progress/cell?cycle={c}&chapter=VIII&by=region&area=Europe",
        f"/reporting/progress/cell?cycle={c}&chapter=X&by=group&area=western_european_others",
        f"/reporting/commitments?cycle={c}",
        "/reporting/states/FRA",
        f"/api/reporting/progress/matrix?cycle={c}&by=region",
        f"/api/reporting/progress/matrix?cycle={c}&by=group",
        f"/api/reporting/progress/matrix/cell?cycle={c}&chapter=VIII&by=region&area=Europe",
        f"/api/reporting/progress/commitments?cycle={c}",
        "/api/reporting/progress/states/FRA",
    ]


def status_urls(cycle_id: int) -> list[str]:
    return [f"/reporting/status?cycle={cycle_id}", f"/api/reporting/progress/status?cycle={cycle_id}&by=group"]


def snapshot(client, urls: list[str]) -> dict[str, str]:
    out = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        out[url] = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    return out


def test_a_draft_of_state_b_never_changes_what_the_public_or_focal_point_a_see(
    sample, client_as, anonymous, focal_point_a, focal_point_b, reviewer
):
    cycle, reports = sample
    fra = reports["FRA"]
    viewers = {"anonymous": client_as(anonymous), "focal point of CHE": client_as(focal_point_a)}
    urls = aggregate_urls(cycle.pk)
    before = {who: snapshot(c, urls + status_urls(cycle.pk)) for who, c in viewers.items()}
    for answer in fra.answers.all():
        save_answer(focal_point_b, answer, {"status": "not_started", "narrative": "changed"}, answer.version)
    for who, c in viewers.items():
        assert snapshot(c, urls + status_urls(cycle.pk)) == before[who], who
    for user, move in (
        (focal_point_b, "submit"),
        (reviewer, "return"),
        (focal_point_b, "resubmit"),
        (reviewer, "validate"),
    ):
        apply_transition(user, fra, move, "Say more." if move == "return" else "")
        for who, c in viewers.items():
            after = snapshot(c, urls)
            assert after == {url: before[who][url] for url in urls}, (who, move)


def test_publishing_state_b_moves_the_matrix_for_everyone(sample, client_as, anonymous, secretariat, reviewer):
    cycle, reports = sample
    url = f"/api/reporting/progress/matrix?cycle={cycle.pk}&by=region"
    before = client_as(anonymous).get(url).json()
    apply_transition(secretariat, reports["FRA"], "submit")
    apply_transition(reviewer, reports["FRA"], "validate")
    apply_transition(secretariat, reports["FRA"], "publish")
    after = client_as(anonymous).get(url).json()
    assert before["states_counted"] == 3 and after["states_counted"] == 4


def test_state_bs_unpublished_answers_never_show_on_its_profile_to_others(
    sample, client_as, anonymous, focal_point_a, reviewer, focal_point_b, secretariat
):
    cycle, reports = sample
    for user in (anonymous, focal_point_a, reviewer, focal_point_b, secretariat):
        page = client_as(user).get("/reporting/states/FRA").content.decode()
        data = client_as(user).get("/api/reporting/progress/states/FRA").content.decode()
        assert FRA_SECRET not in page and FRA_SECRET not in data, user
    own = client_as(focal_point_b).get("/reporting/states/FRA").content.decode()
    assert f'href="/reporting/{cycle.pk}/FRA/"' in own  # a link to the report, not its content
    assert (
        f'href="/reporting/{cycle.pk}/FRA/"'
        not in client_as(focal_point_a).get("/reporting/states/FRA").content.decode()
    )


def test_validated_reports_show_to_reviewers_and_the_secretariat_but_not_to_focal_points(
    sample, client_as, reviewer, secretariat, focal_point_a, anonymous
):
    cycle, _ = sample
    for user, counted in ((reviewer, 4), (secretariat, 4), (focal_point_a, 3), (anonymous, 3)):
        data = client_as(user).get(f"/api/reporting/progress/commitments?cycle={cycle.pk}").json()
        assert data["reports"] == counted, user
        expected = ["published", "validated"] if counted == 4 else ["published"]
        assert data["counted_statuses"] == expected
    deu = client_as(reviewer).get("/api/reporting/progress/states/DEU").json()
    assert deu["cycles"][0]["report_status"] == "validated" and len(deu["cycles"][0]["items"]) == 9
    assert client_as(anonymous).get("/api/reporting/progress/states/DEU").json()["cycles"][0]["items"] == []
