"""What the shipped data's README says of each file: publisher, dataset and date, years, terms. Plain Python.

    shipped_file_facts()["homicide_rate_wdi.csv"]
      -> FileFacts(what="intentional homicides per 100,000", years="1990–2023",
                   publisher="UNODC and WHO via World Bank WDI `VC.IHR.PSRC.P5`, API snapshot of 7 Oct 2025", ...)

The README (`data/README.md`) is the one statement of where the shipped values come from; the
indicator pages show its line for each file an indicator's values were imported from, next to
each observation's own `source`, rather than a second copy of those facts here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .catalogue import DATA_DIR

README = DATA_DIR / "README.md"


@dataclass(frozen=True)
class FileFacts:
    file: str
    what: str
    years: str
    publisher: str  # publisher, dataset and date
    terms: str


@functools.cache
def shipped_file_facts() -> dict[str, FileFacts]:
    """file name -> its line of the README's table (| `file` | what | years | publisher, dataset, date | terms |)."""
    facts = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0].startswith("`") and cells[0].endswith(".csv`"):
            name = cells[0].strip("`")
            facts[name] = FileFacts(name, *cells[1:])
    return facts
