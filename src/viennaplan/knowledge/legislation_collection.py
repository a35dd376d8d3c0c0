"""National legislation as one of the registered collections (collections.py): what the search indexes
of a law, the lines of the provision and State panels, and the CSV import and export of the command."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext_lazy

from . import legislation
from .collections import Collection, Document, Line
from .listing import visible
from .models import Law, LawArticle, LawProvision


def law_url(law: Law) -> str:
    return f"/knowledge/legislation/{law.state_id}/{law.key}"


def documents(ids: Iterable[int] | None) -> Iterable[Document]:
    laws = Law.objects.all() if ids is None else Law.objects.filter(pk__in=list(ids))
    articles: dict[int, list[tuple[str, str, str]]] = {}
    provisions: dict[int, list[str]] = {}
    article_rows = LawArticle.objects.values_list("law_id", "instrument_id", "article", "extract")
    provision_rows = LawProvision.objects.values_list("law_id", "path")
    if ids is not None:
        article_rows = article_rows.filter(law_id__in=list(ids))
        provision_rows = provision_rows.filter(law_id__in=list(ids))
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


def for_provisions(paths: Sequence[str], user: Any) -> list[Line]:
    laws = visible(user, Law.objects.filter(provisions__path__in=list(paths))).distinct()
    return [
        Line(law.title_en, law_url(law), law.state_id, str(legislation.STATUS_LABELS.get(law.status, "")))
        for law in laws.order_by("state_id", "key")
    ]


def for_state(alpha3: str, user: Any) -> list[Line]:
    laws = visible(user, Law.objects.filter(state_id=alpha3))
    return [
        Line(law.title_en, law_url(law), law.state_id, str(legislation.STATUS_LABELS.get(law.status, "")))
        for law in laws.order_by("key")
    ]


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
