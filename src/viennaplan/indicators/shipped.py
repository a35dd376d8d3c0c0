"""The real data shipped with the project (`data/*.csv`, see `data/README.md`), loaded by
`viennaplan indicators load-shipped` (never after migrate: observations are not reference data).

Each file is imported like an operator's file, all or nothing, with three documented differences:

1. **Unmatched places are left out and listed, not refused.** The publishers' files include
   rows for places that are not States in the country registry: aggregates (`WLD`, `LCN`, …),
   sub-national units (`GBR_E&W`, `GBR_S`, `GBR_NI`), Kosovo (`XKX`, `KSV`), West Bank and Gaza
   (`WBG`), the Netherlands Antilles (`ANT`), former States and names the registry does not
   know. Each is counted by the code and name the file gives and listed in the import's notes
   and the command's output; nothing is guessed. Every other fault is still an error.
2. **Rows that repeat one key are left out and listed.** The prisons file gives three State-years
   two different female counts (Mongolia 2019: 3 and 288; Panama 2017: 874 and 8; Panama 2018:
   951 and 14), probably two categories the copy merged; which one is meant is not ours to say,
   so both rows of each pair are left out.
3. **The CPI's change of scale** (0-10 up to 2011, 0-100 from 2012) is flagged: every 2012
   value of `cpi_score` is marked as a break in series.

A file already imported (same name and SHA-256) is not read again, so the step `make run` takes
costs little; a file whose rows are all on file changes nothing either way.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db import transaction

from .catalogue import DATA_DIR
from .importer import ImportOutcome, import_observations
from .models import ObservationImport
from .observations import Record

SHIPPED_FILES = (
    "homicide_rate_wdi.csv",
    "prisons_unodc_cts.csv",
    "trafficking_glotip.csv",
    "corruption_wgi_cc.csv",
    "corruption_cpi.csv",
    "offences_corruption_econ_cyber_unodc_cts.csv",
    "firearms_iafq.csv",
)
CPI_BREAK_YEAR = 2012


def mark_breaks(record: Record) -> None:
    """The shipped files' one flag rule: the CPI's new scale starts in 2012."""
    if record.indicator == "cpi_score" and record.year == CPI_BREAK_YEAR:
        record.break_in_series = True


@dataclass
class ShippedOutcome:
    name: str
    outcome: ImportOutcome | None  # None: imported before (same checksum)


def load_shipped() -> list[ShippedOutcome]:
    """Import every shipped file not yet imported, in one transaction; ImportRefused if one is bad."""
    results = []
    with transaction.atomic():
        for name in SHIPPED_FILES:
            data = (DATA_DIR / name).read_bytes()
            checksum = hashlib.sha256(data).hexdigest()
            if ObservationImport.objects.filter(source_name=name, checksum=checksum).exists():
                results.append(ShippedOutcome(name, None))
                continue
            outcome = import_observations(data, source_name=name, lenient=True, adjust=mark_breaks)
            results.append(ShippedOutcome(name, outcome))
    return results
