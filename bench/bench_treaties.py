"""Benchmark of the treaty engine (issue 3): full status of 600 instruments x 200 States (about 120,000
actions) and the as-of status of one instrument. All data are SYNTHETIC, generated here from a fixed seed.

Run by hand (never by `make test`):  .venv/bin/python bench/bench_treaties.py
Targets: all_statuses under 1 s; one instrument as of a date under 5 ms.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date, timedelta

from viennaplan.treaties.engine import all_statuses, instrument_status
from viennaplan.treaties.records import CONSENT_KINDS, EUROPEAN_UNION, Action, InstrumentRules, SignatureWindow

INSTRUMENTS, STATES, SEED = 600, 200, 20010510
FULL_RUNS, ONE_RUNS = 7, 100


def synthetic_instruments(rng: random.Random) -> dict[str, InstrumentRules]:
    """600 instruments with varied rules; about one in five is a Protocol of an earlier instrument."""
    instruments: dict[str, InstrumentRules] = {}
    for number in range(INSTRUMENTS):
        code = f"SYN{number:03d}"
        adopted = date(1960, 1, 1) + timedelta(days=rng.randrange(0, 40 * 365))
        parents = [c for c, r in instruments.items() if r.parent is None]
        parent = rng.choice(parents) if parents and rng.random() < 0.2 else None
        instruments[code] = InstrumentRules(
            code=code,
            name=f"Synthetic instrument {number}",
            short_name=code,
            adopted=adopted,
            adopted_by="synthetic",
            threshold=rng.choice((3, 10, 20, 22, 30, 40, 60)),
            general_delay_days=rng.choice((30, 60, 90)),
            later_delay_days=rng.choice((30, 60, 90)),
            later_whichever_is_later=rng.random() < 0.5,
            parent=parent,
            counts_organizations=rng.random() < 0.1,
            signature_windows=(SignatureWindow(adopted, adopted + timedelta(days=730), "synthetic"),),
            denunciation_delay_months=rng.choice((6, 12, None)),
            denunciation_cascades_to_children=rng.random() < 0.5,
            official_entry_into_force=None,
            articles={"general": "art. 1", "later": "art. 2", "denunciation": "art. 3"},
        )
    return instruments


def synthetic_actions(rng: random.Random, instruments: dict[str, InstrumentRules]) -> list[Action]:
    """About one action per instrument and State: a consent (70 %), a signature (30 %), a few denunciations."""
    states = [f"S{number:03d}" for number in range(STATES - 1)] + [EUROPEAN_UNION]
    actions: list[Action] = []
    for code, rules in instruments.items():
        for state in states:
            draw = rng.random()
            day = rules.adopted + timedelta(days=rng.randrange(1, 20 * 365))
            if draw < 0.3:
                actions.append(Action(state, code, "signature", rules.adopted + timedelta(days=rng.randrange(0, 730))))
            else:
                actions.append(Action(state, code, rng.choice(CONSENT_KINDS[:4]), day))
                if draw > 0.995:
                    actions.append(Action(state, code, "denunciation", day + timedelta(days=rng.randrange(400, 4000))))
    return actions


def timed(function, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def report(label: str, times: list[float], target: str) -> None:
    median, worst = statistics.median(times) * 1000, max(times) * 1000
    print(f"{label:44} median {median:8.2f} ms   worst {worst:8.2f} ms   {target}")


def main() -> None:
    rng = random.Random(SEED)
    instruments = synthetic_instruments(rng)
    actions = synthetic_actions(rng, instruments)
    print(f"SYNTHETIC data: {len(instruments)} instruments x {STATES} States, {len(actions)} actions")
    report(
        "all_statuses (every instrument)",
        timed(lambda: all_statuses(instruments, actions), FULL_RUNS),
        "target < 1000 ms",
    )
    as_of = date(1995, 1, 1)
    report(
        "all_statuses as of 1 Jan 1995",
        timed(lambda: all_statuses(instruments, actions, as_of=as_of), FULL_RUNS),
        "target < 1000 ms",
    )
    code = next(code for code, rules in instruments.items() if rules.parent is None)
    rules, own = instruments[code], [action for action in actions if action.instrument == code]
    as_of = rules.adopted + timedelta(days=15 * 365)  # most of its States have acted by then
    report(
        f"instrument_status {code} as of {as_of} ({len(own)} actions)",
        timed(lambda: instrument_status(rules, own, as_of=as_of), ONE_RUNS),
        "target < 5 ms",
    )
    report(
        f"instrument_status {code}, filtering all actions",
        timed(lambda: instrument_status(rules, actions, as_of=as_of), 20),
        "(for information)",
    )


if __name__ == "__main__":
    main()
