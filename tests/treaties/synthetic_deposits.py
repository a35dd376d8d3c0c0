"""SYNTHETIC deposit sequences for the treaty-engine tests.

The State codes are real ISO 3166-1 alpha-3 codes, but which State deposited on which day is invented:
only the day of the threshold-th instrument of each scenario is the real trigger date. Never ship these
as real data; real status comes from the depositary's lists through the import.
"""

from __future__ import annotations

from datetime import date, timedelta

from viennaplan.treaties.records import Action

SYNTHETIC_STATES = (
    "ARG", "AUS", "AUT", "BEL", "BGR", "BRA", "CAN", "CHE", "CHL", "CHN",
    "COL", "CZE", "DEU", "DNK", "DZA", "EGY", "ESP", "EST", "FIN", "FRA",
    "GBR", "GRC", "HUN", "IND", "IRL", "ITA", "JPN", "KEN", "LTU", "LVA",
    "MAR", "MEX", "NGA", "NLD", "NOR", "NZL", "PER", "POL", "PRT", "ROU",
    "SEN", "SVK", "SVN", "SWE", "TUN", "TUR", "UGA", "URY", "ZAF", "ZMB",
)  # fmt: skip


def deposits(
    instrument: str,
    count: int,
    last_day: date,
    *,
    last_state: str | None = None,
    kind: str = "ratification",
    step_days: int = 2,
    states: tuple[str, ...] = SYNTHETIC_STATES,
) -> list[Action]:
    """`count` consents, one per State: the last on `last_day` (by `last_state` if given), the others on
    distinct earlier days, `step_days` apart. SYNTHETIC: see the module's docstring."""
    others = [code for code in states if code != last_state][: count - 1 if last_state else count]
    chosen = [*others, last_state] if last_state else others
    if len(chosen) < count:
        raise ValueError(f"only {len(states)} synthetic States for {count} deposits")
    return [
        Action(code, instrument, kind, last_day - timedelta(days=step_days * (count - 1 - index)), source="synthetic")
        for index, code in enumerate(chosen)
    ]
