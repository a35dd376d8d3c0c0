"""Technical assistance sample data for the tests that walk every page or operation (the six-language
sweep, the API fuzz test): loaded by path, as knowledge_data.py is."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent


def make_samples(secretariat, focal_point) -> dict[str, str]:
    """A request of the focal point's State, a fund with a contribution and a rate, the events sample:
    a project serving the request: {"request": its key, "donor": the donor's id, "project": its key}."""
    import datetime
    import importlib.util
    from decimal import Decimal

    from viennaplan.assistance.events.events_csv import import_events
    from viennaplan.assistance.filing import file_request
    from viennaplan.assistance.models import Project, ProjectBudget
    from viennaplan.assistance.resources import operations
    from viennaplan.assistance.resources.models import Donor, Fund
    from viennaplan.assistance.transitions import apply_transition

    seed = Path(operations.__file__).parent / "migrations" / "0002_seed_funds.py"
    spec = importlib.util.spec_from_file_location("seed_funds", seed)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    trafficking = next(fund for fund in module.FUNDS if fund["key"] == "gp-trafficking")
    fund = Fund.objects.filter(key="gp-trafficking").first() or Fund.objects.create(**trafficking)
    donor = Donor.objects.create(name="Kingdom of the Netherlands", kind="state", state_id="NLD")
    operations.record_contribution(
        secretariat, donor=donor, fund=fund, amount="250000", currency="EUR", on=datetime.date(2002, 3, 1)
    )
    operations.record_rate(secretariat, currency="EUR", rate="0.8765", on=datetime.date(2002, 3, 1))
    request = file_request(
        focal_point,
        focal_point.profile.state_id,
        chapter="VI",
        need="Training of customs officers in the marking of firearms.",
        kind="training",
        provisions=["57/f"],
        estimated_cost=Decimal("45000"),
        currency="EUR",
        shareable=True,
    )
    for move in ("assess", "await"):  # waiting for resources: the matching and donors' pages list it
        apply_transition(secretariat, request, move)
    project = Project.objects.create(
        key="PRJ-2002-001", title="Firearms marking in Western Africa", region="Western Africa", chapter="VI"
    )
    project.requests.add(request)
    ProjectBudget.objects.create(project=project, year=2002, currency="EUR", amount="1000.00")
    events = HERE / "assistance" / "events" / "events_sample.py"
    spec = importlib.util.spec_from_file_location("events_sample", events)
    sample = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sample)
    import_events(sample.EVENTS.encode(), source_name="events.csv")
    return {"request": request.key, "donor": str(donor.pk), "project": project.key}
