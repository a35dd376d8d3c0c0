"""The treaty rules and the engine are plain Python: importing them (and what they import, the
country data's EUROPEAN_UNION and the shared dates) loads no Django but its translation functions
(`django.utils.translation`, for the words people read: issue 11)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import viennaplan

PLAIN = (
    "viennaplan.dates",
    "viennaplan.treaties.records",
    "viennaplan.treaties.rules",
    "viennaplan.treaties.engine",
    "viennaplan.treaties.validation",
    "viennaplan.treaties.depositary",
    "viennaplan.treaties.words",
    "viennaplan.treaties.listing",
)


def django_modules(imports: str) -> list[str]:
    """The Django modules loaded by running `imports` in a fresh interpreter."""
    code = f"import sys\n{imports}\nprint('\\n'.join(sorted(m for m in sys.modules if m.split('.')[0] == 'django')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return loaded.split()


def test_the_rules_and_the_engine_load_no_django_but_its_translation():
    allowed = set(django_modules("import django.utils.translation"))
    loaded = django_modules(f"for name in {PLAIN!r}: __import__(name)")
    assert "django.db" not in allowed
    assert [module for module in loaded if module not in allowed] == []


def test_the_european_union_has_one_code_defined_once():
    from viennaplan.countries.datafiles import EUROPEAN_UNION
    from viennaplan.treaties import engine, records

    assert records.EUROPEAN_UNION == EUROPEAN_UNION == "EUU"
    assert engine.ORGANIZATIONS == {EUROPEAN_UNION}
    package = Path(viennaplan.__file__).parent
    definitions = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.match(r"\s*EUROPEAN_UNION\s*(:[^=]*)?=", line)
    ]
    assert [where.split(":")[0] for where in definitions] == ["countries/datafiles.py"], definitions
