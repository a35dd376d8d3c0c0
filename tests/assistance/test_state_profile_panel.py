"""The State profile (/reporting/states/<A3>) counts the State's requests for technical assistance by
stage, the projects serving them and what was disbursed to those, as the public sees them: never the
text of a need, whoever reads."""

from __future__ import annotations

from datetime import date

from request_paths import NEED

from viennaplan.assistance.models import Project
from viennaplan.assistance.resources import operations
from viennaplan.assistance.resources.models import Donor, Fund


def test_the_profile_counts_the_states_requests_and_never_shows_their_text(
    client, client_as, secretariat, ta_file, ta_bring
):
    waiting, _received = ta_file("CHE"), ta_file("CHE", kind="equipment")
    ta_bring(waiting, "awaiting_resources")
    fund = Fund.objects.create(key="firearms", name="Firearms", kind="global_programme", chapter="VI")
    donor = Donor.objects.create(name="Kingdom of Norway", kind="state", state_id="NOR")
    operations.record_contribution(
        secretariat, donor=donor, fund=fund, amount="900", currency="USD", on=date(2002, 4, 1)
    )
    project = Project.objects.create(key="PRJ-2002-077", title="Marking", chapter="VI", region="Europe")
    project.requests.add(waiting)
    operations.record_disbursement(
        secretariat, fund=fund, project=project, amount="400", currency="USD", on=date(2002, 5, 1)
    )

    for reader in (client, client_as(secretariat)):
        body = reader.get("/reporting/states/CHE").content.decode()
        panel = body[body.index('id="assistance-requests-panel"') :]
        panel = panel[: panel.index("</section>")]
        counts = panel[panel.index("<tbody>") : panel.index("</tbody>")]
        # received 1, funded 1 (the disbursement funded the waiting one), 2 in all
        assert counts.count('<td class="num">1</td>') == 2 and '<td class="num">2</td>' in counts
        assert "1 project serves its requests." in panel
        assert '400.00 <span class="iso">USD</span>' in panel
        assert 'href="/assistance/states/CHE"' in panel
        assert NEED not in body and waiting.key not in body

    assert 'id="assistance-requests-panel"' not in client.get("/reporting/states/FRA").content.decode()
