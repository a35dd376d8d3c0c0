"""Hand-made indicator targets for the monitoring tests (a helper module, not a test file)."""

from __future__ import annotations

from viennaplan.indicators.importer import import_observations
from viennaplan.indicators.models import Indicator
from viennaplan.monitoring.models import IndicatorTarget


def reduction_target(observations: str, source_name: str, created_by=None) -> IndicatorTarget:
    """Import `observations` (tidy CSV) and set a 2000 -> 2005 reduction target on 35(a) over the
    victims of trafficking detected; returns the target."""
    import_observations(observations.encode("utf-8"), source_name=source_name)
    return IndicatorTarget.objects.create(
        indicator=Indicator.objects.get(code="tip_victims_detected"),
        provision="35(a)",
        baseline_year=2000,
        target_year=2005,
        created_by=created_by,
    )
