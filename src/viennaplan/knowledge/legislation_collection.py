"""National legislation as one of the registered collections (collections.py): what the search indexes
of a law, the lines of the provision and State panels, and the CSV import and export of the command."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext_lazy

from viennaplan.reporting.citations import Citable

from . import bulk, legislation
from .collections import Collection, Document, Line, Lines, first_lines
from .listing import visible
from .models import Law, LawArticle, LawProvision


def law_url(law: Law) -> str:
    return f"/knowledge/legislation/{law.state_id}/{law.key}"


def documents(ids: Iterable[int] | None) -> Iterable[Document]:
    laws = Law.objects.all() if ids is None else Law.objects.filter(bulk.ids_in("pk", ids))
    articles: dict[int, list[tuple[str, str, str]]] = {}
    provisions: dict[int, list[str]] = {}
    article_rows = LawArticle.objects.values_list("law_id", "instrument_id", "article", "extract")
    provision_rows = LawProvision.objects.values_list("law_id", "path")
    if ids is not None:
        article_rows = article_rows.filter(bulk.ids_in("law_id", ids))
        provision_rows = provision_rows.filter(bulk.ids_in("law_id", ids))
    for law_id, instrument, article, extract in article_rows.iterator(chunk_size=5000):
        articles.setdefault(law_id, []).append((instrument, article, extract))
    for law_id, path in provision_rows.iterator(chunk_size=5000):
        provisions.setdefault(law_id, []).append(path)
    fields = ("id", "state_id", "key", "title_original", "title_en", "adopted", "published")
    for law in laws.only(*fields).iterator(chunk_size=5000):
        cited = articles.get(law.pk, [])
        yield Document(
            record_id=law.pk,
            url=law_url(law),
            title=law.title_en,
            text=" ".join(
                [law.title_original, law.key, *(f"{code} {article} {extract}" for code, article, extract in cited)]
            ),
            published=law.published,
            states=[law.state_id],
            provisions=provisions.get(law.pk, []),
            instruments=sorted({code for code, _, _ in cited}),
            year=law.adopted.year if law.adopted else None,
        )


def law_line(law: Law) -> Line:
    return Line(law.title_en, law_url(law), law.state_id, str(legislation.STATUS_LABELS.get(law.status, "")))


def for_provisions(paths: Sequence[str], user: Any, limit: int | None = None) -> Lines:
    laws = visible(user, Law.objects.filter(provisions__path__in=list(paths))).distinct()
    return first_lines(laws.order_by("state_id", "key"), limit, lambda chosen: map(law_line, chosen))


def for_state(alpha3: str, user: Any, limit: int | None = None) -> Lines:
    laws = visible(user, Law.objects.filter(state_id=alpha3))
    return first_lines(laws.order_by("key"), limit, lambda chosen: map(law_line, chosen))


def import_csv(content: bytes, *, source_name: str, dry_run: bool = False) -> Any:
    from .legislation_csv import import_legislation

    return import_legislation(content, source_name=source_name, dry_run=dry_run)


def export_csv() -> str:
    from .legislation_csv import write_csv

    return write_csv()


LEGISLATION = Collection(
    key="legislation",
    label=gettext_lazy("National legislation"),
    citation="18(e)",
    list_url="/knowledge/legislation",
    model=Law,
    documents=documents,
    children={LawArticle: lambda row: row.law_id, LawProvision: lambda row: row.law_id},
    for_provisions=for_provisions,
    for_state=for_state,
    import_csv=import_csv,
    export_csv=export_csv,
    columns=legislation.COLUMNS,
    position=0,
)


# -- laws cited by the answers of national reports (reporting/citations.py) ----------------------------

LAW_PAGE = re.compile(r"/knowledge/legislation/(?P<state>[A-Z]{3})/(?P<key>[A-Za-z0-9][A-Za-z0-9._-]{0,79})")


def citable_laws(alpha3: str) -> list[tuple[str, str]]:
    """The State's published laws, as (page, title), for a focal point's answer form."""
    laws = Law.objects.filter(state_id=alpha3, published=True).order_by("title_en", "key")
    return [(law_url(law), law.title_en) for law in laws.only("state_id", "key", "title_en")]


def cited_title(url: str) -> str | None:
    """The title of the published law whose page `url` is; None when it is not one."""
    match = LAW_PAGE.fullmatch(url or "")
    if match is None:
        return None
    law = Law.objects.filter(state_id=match["state"], key=match["key"], published=True).only("title_en").first()
    return law.title_en if law else None


def citing_answers(law: Law, user: Any) -> list[Any]:
    """The answers of national reports the user may see that cite the law among their measures."""
    from viennaplan.accounts.permissions import can
    from viennaplan.reporting.models import Answer

    url = law_url(law)
    answers = (
        Answer.objects.filter(report__state_id=law.state_id)
        .select_related("report__cycle", "question")
        .order_by("-report__cycle__opens", "question__position")
    )
    return [
        answer
        for answer in answers
        if any(measure.get("url") == url for measure in answer.measures or [])
        and can(user, "report.view", answer.report)
    ]


def cited_state(url: str) -> str | None:
    match = LAW_PAGE.fullmatch(url or "")
    return match["state"] if match else None


CITABLE_LAWS = Citable(kind="law", of_state=citable_laws, title_of=cited_title, state_of=cited_state)
