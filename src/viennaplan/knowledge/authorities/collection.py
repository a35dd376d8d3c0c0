"""The directory of competent national authorities as one of the registered collections
(knowledge/collections.py): what the search indexes of an authority, the lines of the provision and
State panels, and the CSV import and export of the command.

The search index and the panels are public: nothing here reads the contact details (`AuthorityContact`
is not even imported): a document's words are the authority's names, key, purpose, instrument and
description; a line names the authority and its purpose.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext_lazy

from viennaplan.knowledge import bulk

from ..collections import Collection, Document, Line, Lines, first_lines
from ..listing import visible
from . import directory
from .models import Authority, AuthorityProvision

PAGE_URL = "/knowledge/authorities"


def authority_url(authority: Authority) -> str:
    return f"{PAGE_URL}/{authority.state_id}/{authority.key}"


def purpose_words(code: str) -> str:
    purpose = directory.PURPOSES.get(code)
    if purpose is None:
        return code
    article = f"{purpose.instrument} art. {purpose.article}" if purpose.instrument else ""
    return " ".join(part for part in (str(purpose.label), article) if part)


def documents(ids: Iterable[int] | None) -> Iterable[Document]:
    authorities = Authority.objects.all() if ids is None else Authority.objects.filter(bulk.ids_in("pk", ids))
    provision_rows = AuthorityProvision.objects.values_list("authority_id", "path")
    if ids is not None:
        provision_rows = provision_rows.filter(bulk.ids_in("authority_id", ids))
    provisions: dict[int, list[str]] = {}
    for authority_id, path in provision_rows.iterator(chunk_size=5000):
        provisions.setdefault(authority_id, []).append(path)
    fields = ("id", "state_id", "key", "purpose", "name_en", "name_original", "description", "published")
    for authority in authorities.only(*fields).iterator(chunk_size=5000):
        instrument = directory.PURPOSES[authority.purpose].instrument if authority.purpose in directory.PURPOSES else ""
        yield Document(
            record_id=authority.pk,
            url=authority_url(authority),
            title=authority.name_en,
            text=" ".join(
                part
                for part in (
                    authority.name_original,
                    authority.key,
                    purpose_words(authority.purpose),
                    authority.description,
                )
                if part
            ),
            published=authority.published,
            states=[authority.state_id],
            provisions=sorted(provisions.get(authority.pk, []), key=directory.path_order),
            instruments=[instrument] if instrument else [],
            year=None,
        )


def line(authority: Authority) -> Line:
    purpose = directory.PURPOSES.get(authority.purpose)
    return Line(authority.name_en, authority_url(authority), authority.state_id, str(purpose.label) if purpose else "")


def for_provisions(paths: Sequence[str], user: Any, limit: int | None = None) -> Lines:
    authorities = visible(user, Authority.objects.filter(provisions__path__in=list(paths))).distinct()
    return first_lines(authorities.order_by("state_id", "purpose", "key"), limit, lambda chosen: map(line, chosen))


def for_state(alpha3: str, user: Any, limit: int | None = None) -> Lines:
    authorities = visible(user, Authority.objects.filter(state_id=alpha3))
    return first_lines(authorities.order_by("purpose", "key"), limit, lambda chosen: map(line, chosen))


def import_csv(content: bytes, *, source_name: str, dry_run: bool = False) -> Any:
    from .authorities_csv import import_authorities

    return import_authorities(content, source_name=source_name, dry_run=dry_run)


def export_csv() -> str:
    from .authorities_csv import write_csv

    return write_csv()


AUTHORITIES = Collection(
    key="authorities",
    label=gettext_lazy("Competent national authorities"),
    citation="57(i)",
    list_url=PAGE_URL,
    model=Authority,
    documents=documents,
    children={AuthorityProvision: lambda row: row.authority_id},
    for_provisions=for_provisions,
    for_state=for_state,
    import_csv=import_csv,
    export_csv=export_csv,
    columns=directory.COLUMNS,
    position=50,
)
