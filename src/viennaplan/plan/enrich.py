"""What the parser adds to each provision once the structure is known: references, deadlines,
the actor who is to act, and whether the action depends on resources or on a request."""

from __future__ import annotations

from .actors import actor_of, flags
from .deadlines import find_deadlines
from .document import PlanDocument, Provision
from .references import find_references


def enrich(document: PlanDocument) -> None:
    for paragraph in document.paragraphs:
        _enrich(paragraph, inherited=None)


def _enrich(provision: Provision, inherited: tuple[str, tuple[str, ...]] | None) -> None:
    provision.references = find_references(provision.text, chapter=provision.chapter)
    provision.deadlines = find_deadlines(provision.text)
    provision.subject_to_resources, provision.upon_request = flags(provision.text)
    actor, partners = actor_of(provision.text, kind=provision.kind, inherited=inherited)
    provision.actor, provision.partners = (actor or None), tuple(partners)
    for child in provision.children:
        _enrich(child, inherited=(actor, tuple(partners)) if actor else None)
