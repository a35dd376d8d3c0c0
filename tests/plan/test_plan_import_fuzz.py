"""Bad input at the plan importer's door (issue 14): the official text damaged in generated ways (lines
cut out, swapped, doubled, or replaced by other text; the end cut off). The import stores a whole new
version, recognises the plan it has, or refuses the text with its reason (PlanFormatError); it never
fails otherwise and a refused text stores nothing. (Files that are not text at all: test_bad_input.)"""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from viennaplan.plan.frontmatter import PlanFormatError
from viennaplan.plan.models import PlanVersion, Provision
from viennaplan.plan.saving import import_plan_text

LINES = django_settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8").splitlines()
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
PLACE = st.integers(0, len(LINES) - 1)
DAMAGE = st.one_of(
    st.tuples(st.just("cut out"), PLACE, st.integers(1, 40)),
    st.tuples(st.just("swap"), PLACE, PLACE),
    st.tuples(st.just("double"), PLACE, st.integers(1, 20)),
    st.tuples(st.just("replace"), PLACE, TEXT),
    st.tuples(st.just("end"), PLACE),
)


def damaged(damages) -> str:
    lines = list(LINES)
    for damage in damages:
        kind, at = damage[0], min(damage[1], len(lines) - 1)
        if kind == "cut out":
            del lines[at : at + damage[2]]
        elif kind == "swap":
            other = min(damage[2], len(lines) - 1)
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "double":
            lines[at:at] = lines[at : at + damage[2]]
        elif kind == "replace":
            lines[at] = damage[2]
        else:
            del lines[max(at, 1) :]
        if not lines:
            break
    return "\n".join(lines) + "\n"


def stored() -> tuple[int, int]:
    return PlanVersion.objects.count(), Provision.objects.count()


@pytest.mark.django_db
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damages=st.lists(DAMAGE, min_size=1, max_size=3))
def test_a_damaged_plan_is_stored_whole_or_refused_with_nothing_stored(damages):
    before = stored()
    try:
        version, created = import_plan_text(damaged(damages), source_name="damaged.txt")
    except PlanFormatError as refused:
        event("refused")
        assert str(refused)  # it says what is wrong
        assert stored() == before
    else:
        event("stored" if created else "the same plan")
        assert created == (stored()[0] == before[0] + 1)
        assert version.provisions.exists()
