"""What the collection offers the rest through `knowledge.collections` (registered in apps.py): its
documents for the search, its lines on the provision pages and the State profile, its CSV.

`for_provisions(["18/c", "18/d"], user)` lists the practices serving any of these paths exactly (the
caller passes the provision's own path and those of its items or parents as it needs); `for_state`
the practices a State applied. Drafts (a practice not published) only for the Secretariat.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.knowledge import bulk
from viennaplan.knowledge.collections import Collection, Document, Line, Lines, first_lines

from . import csv_io, rules
from .models import Evaluation, Practice, PracticeProvision, PracticeState
from .queries import PAGE_URL, practice_url, visible_practices, with_children

KEY = "practices"
LABEL = gettext_lazy("Best practices")
CHUNK = 2000
CITATION = "18(d), 33(a), 33(c), 46(b), 59(b), 65(d), 82(e), 84(c), 84(d), 90(b), 100(c)"


def documents(ids: Iterable[int] | None = None) -> Iterable[Document]:
    """One document per practice; the findings of published evaluations only are searched."""
    if ids is None:
        yield from _documents(None)
        return
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), CHUNK):  # a bounded number of query parameters
        yield from _documents(wanted[start : start + CHUNK])


def _documents(ids: list[int] | None) -> Iterable[Document]:
    practices = Practice.objects.order_by("pk").prefetch_related(
        "provisions",
        "states",
        Prefetch("evaluations", queryset=Evaluation.objects.filter(published=True), to_attr="public_evaluations"),
    )
    if ids is not None:
        practices = practices.filter(bulk.ids_in("pk", ids))
    for practice in practices:
        words = [practice.summary, practice.description, practice.organisation]
        words += [evaluation.findings for evaluation in practice.public_evaluations]
        yield Document(
            record_id=practice.pk,
            url=practice_url(practice.key),
            title=practice.title,
            text="\n".join(word for word in words if word),
            published=practice.published,
            states=sorted(s.state_id for s in practice.states.all()),
            provisions=sorted((p.path for p in practice.provisions.all()), key=rules.path_order),
            instruments=(),
            year=practice.period_from or practice.period_to,
        )


def note_of(practice: Practice) -> str:
    """A short qualifier: the chapter, the best result of the evaluations shown, a draft's mark."""
    results = [evaluation.result for evaluation in practice.shown_evaluations]
    best = next((code for code in rules.RESULT_LABELS if code in results), "")
    if not practice.published:
        return _("chapter %(chapter)s; draft, not published") % {"chapter": practice.area}
    if best:
        return _("chapter %(chapter)s; evaluated: %(result)s") % {
            "chapter": practice.area,
            "result": rules.RESULT_LABELS[best],
        }
    return _("chapter %(chapter)s") % {"chapter": practice.area}


def lines(practices: Iterable[Practice]) -> list[Line]:
    found = []
    for practice in practices:
        states = sorted(s.state_id for s in practice.states.all())
        found.append(
            Line(
                title=practice.title,
                url=practice_url(practice.key),
                state=states[0] if len(states) == 1 else "",
                note=note_of(practice),
            )
        )
    return found


def for_provisions(paths: Sequence[str], user: Any, limit: int | None = None) -> Lines:
    """The practices the user may see that serve any of these paths."""
    wanted = [path.strip("/") for path in paths if path]
    if not wanted:
        return Lines()
    # `id IN (…)` read through the index on path: the count of a panel is not an EXISTS per practice
    served = PracticeProvision.objects.order_by().filter(path__in=wanted).values("practice_id")
    practices = visible_practices(user).filter(pk__in=served).order_by("title", "key")
    return first_lines(practices, limit, lambda chosen: lines(with_children(user, chosen)))


def for_state(alpha3: str, user: Any, limit: int | None = None) -> Lines:
    """The practices the user may see that the State applied."""
    applied = PracticeState.objects.order_by().filter(state=(alpha3 or "").upper()).values("practice_id")
    practices = visible_practices(user).filter(pk__in=applied).order_by("title", "key")
    return first_lines(practices, limit, lambda chosen: lines(with_children(user, chosen)))


def export_csv() -> str:
    return csv_io.write_csv()


def collection() -> Collection:
    return Collection(
        key=KEY,
        label=LABEL,
        citation=CITATION,
        list_url=PAGE_URL,
        model=Practice,
        documents=documents,
        children={
            PracticeProvision: lambda row: row.practice_id,
            PracticeState: lambda row: row.practice_id,
            Evaluation: lambda row: row.practice_id,
        },
        for_provisions=for_provisions,
        for_state=for_state,
        import_csv=csv_io.import_practices,
        export_csv=export_csv,
        columns=rules.COLUMNS,
        position=70,
    )
