"""The shape of a chapter as a reader sees it, built from the stored provisions.

A chapter reads: "A. Commitments", "B. Background", "C. Objectives"; under the objectives,
each objective (or group of objectives served together, as in chapter VI) with its
"1. National actions", "2. International actions" and "3. Expected impact". The stored
provisions carry their section, kind and objectives; this module puts them back in that
order, and gives each place an anchor on the chapter page that breadcrumbs can link to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import Chapter, Objective, Provision

# The headings' words, in the reader's language (the anchors below stay English: they are addresses).
SECTION_TITLES = {
    "commitments": gettext_lazy("Commitments"),
    "background": gettext_lazy("Background"),
    "objectives": gettext_lazy("Objectives"),
}

# Kinds of paragraph that stand under a numbered heading below an objective.
KIND_HEADINGS = {
    "national_action": (1, gettext_lazy("National actions")),
    "international_action": (2, gettext_lazy("International actions")),
    "expected_impact": (3, gettext_lazy("Expected impact")),
}
KIND_ANCHORS = {
    "national_action": "national-actions",
    "international_action": "international-actions",
    "expected_impact": "expected-impact",
}


@dataclass
class Block:
    """A run of paragraphs of one kind under one objective group ("1. National actions")."""

    kind: str
    anchor: str
    number: int | None = None
    heading: str = ""
    paragraphs: list[Provision] = field(default_factory=list)


@dataclass
class ObjectiveGroup:
    """One objective, or several served by the same paragraphs (chapter VI: objectives 1-2)."""

    objectives: list[Objective]
    label: str
    anchor: str
    blocks: list[Block] = field(default_factory=list)
    repeated: set[int] = field(default_factory=set)  # objectives stated in an earlier group


@dataclass
class Section:
    code: str  # commitments | background | objectives | "" (chapters I and II)
    letter: str
    title: str
    anchor: str
    paragraphs: list[Provision] = field(default_factory=list)
    groups: list[ObjectiveGroup] = field(default_factory=list)


def objectives_label(numbers: list[int], *, numbered: bool = True) -> str:
    """ "Objective 1", "Objectives 1–2", "Objectives 1 and 3", or "Objective" when unnumbered."""
    if not numbers:
        return _("Objectives")
    if len(numbers) == 1:
        return _("Objective %(number)s") % {"number": numbers[0]} if numbered else _("Objective")
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return _("Objectives %(first)s–%(last)s") % {"first": numbers[0], "last": numbers[-1]}
    others = ", ".join(str(n) for n in numbers[:-1])
    return _("Objectives %(numbers)s and %(last)s") % {"numbers": others, "last": numbers[-1]}


def objectives_anchor(numbers: list[int]) -> str:
    """ "objectives-1-2" for the paragraphs serving objectives 1 and 2 (an objective's own
    statement is at "objective-1")."""
    return "-".join(["objectives", *(str(n) for n in numbers)])


def block_anchor(group_anchor: str, kind: str) -> str:
    if kind in KIND_ANCHORS:
        return f"{group_anchor}-{KIND_ANCHORS[kind]}"
    return group_anchor


def attach_items(provisions: list[Provision]) -> list[Provision]:
    """Give every provision its `items` (children in document order); return the paragraphs.

    `provisions` must be every provision of the chapter (or of one paragraph), in order.
    """
    by_id = {p.pk: p for p in provisions}
    roots = []
    for provision in provisions:
        provision.items = []
        provision.anchor = "p-" + provision.path.replace("/", "-")
    for provision in provisions:
        parent = by_id.get(provision.parent_id)
        if parent is None:
            roots.append(provision)
        else:
            parent.items.append(provision)
    return roots


def objective_numbers(paragraph: Provision) -> list[int]:
    return sorted(objective.number for objective in paragraph.objectives.all())


def chapter_outline(chapter: Chapter, paragraphs: list[Provision]) -> list[Section]:
    """The chapter's sections in document order, lettered A, B, C as they come."""
    objectives = list(chapter.objectives.all())
    numbered = not (len(objectives) == 1 and not objectives[0].numbered)
    sections: list[Section] = []
    for paragraph in paragraphs:
        code = paragraph.section or ""
        if not sections or sections[-1].code != code:
            letter = chr(ord("A") + sum(1 for s in sections if s.code)) if code else ""
            title = SECTION_TITLES.get(code, "")
            sections.append(Section(code, letter, title, anchor=code or "text"))
        section = sections[-1]
        if code != "objectives":
            section.paragraphs.append(paragraph)
            continue
        numbers = objective_numbers(paragraph)
        if not section.groups or [o.number for o in section.groups[-1].objectives] != numbers:
            group_objectives = [o for o in objectives if o.number in numbers]
            anchor = objectives_anchor(numbers)
            section.groups.append(
                ObjectiveGroup(group_objectives, objectives_label(numbers, numbered=numbered), anchor)
            )
        group = section.groups[-1]
        if not group.blocks or group.blocks[-1].kind != paragraph.kind:
            number, heading = KIND_HEADINGS.get(paragraph.kind, (None, ""))
            group.blocks.append(Block(paragraph.kind, block_anchor(group.anchor, paragraph.kind), number, heading))
        group.blocks[-1].paragraphs.append(paragraph)
    _place_objectives_without_paragraphs(sections, objectives, numbered)
    _make_anchors_unique(sections)
    _mark_repeated_objectives(sections)
    return sections


def _mark_repeated_objectives(sections: list[Section]) -> None:
    stated: set[int] = set()
    for section in sections:
        for group in section.groups:
            group.repeated = {o.number for o in group.objectives} & stated
            stated |= {o.number for o in group.objectives}


def _place_objectives_without_paragraphs(sections: list[Section], objectives: list[Objective], numbered: bool):
    shown = {o.number for s in sections for g in s.groups for o in g.objectives}
    missing = [o for o in objectives if o.number not in shown]
    if not missing:
        return
    section = next((s for s in sections if s.code == "objectives"), None)
    if section is None:
        letter = chr(ord("A") + sum(1 for s in sections if s.code))
        section = Section("objectives", letter, SECTION_TITLES["objectives"], "objectives")
        sections.append(section)
    for objective in missing:
        group = ObjectiveGroup(
            [objective], objectives_label([objective.number], numbered=numbered), objectives_anchor([objective.number])
        )
        index = next(
            (i for i, g in enumerate(section.groups) if g.objectives and g.objectives[0].number > objective.number),
            len(section.groups),
        )
        section.groups.insert(index, group)


def _make_anchors_unique(sections: list[Section]) -> None:
    seen: set[str] = set()
    for section in sections:
        for group in section.groups:
            base, n = group.anchor, 2
            while group.anchor in seen:
                group.anchor = f"{base}-{n}"
                n += 1
            seen.add(group.anchor)
            for block in group.blocks:
                block.anchor = block_anchor(group.anchor, block.kind)


@dataclass
class Crumb:
    label: str
    url: str = ""  # empty for the page itself


def provision_breadcrumbs(provision: Provision, ancestors: list[Provision], vq: str) -> list[Crumb]:
    """Plan › VI. Action against … › Objectives 1–2 › National actions › 57 › (k) › (ii)."""
    chapter = provision.chapter
    chapter_url = f"/plan/chapter/{chapter.number}{vq}"
    crumbs = [Crumb(_("Plan"), f"/{vq}"), Crumb(f"{chapter.number}. {chapter.title}", chapter_url)]
    paragraph = ancestors[0] if ancestors else provision
    if paragraph.section == "objectives":
        objectives = list(paragraph.objectives.all())
        numbers = sorted(o.number for o in objectives)
        numbered = not (len(objectives) == 1 and not objectives[0].numbered)
        anchor = objectives_anchor(numbers)
        crumbs.append(Crumb(objectives_label(numbers, numbered=numbered), f"{chapter_url}#{anchor}"))
        if paragraph.kind in KIND_HEADINGS:
            crumbs.append(
                Crumb(KIND_HEADINGS[paragraph.kind][1], f"{chapter_url}#{block_anchor(anchor, paragraph.kind)}")
            )
    elif paragraph.section in SECTION_TITLES:
        crumbs.append(Crumb(SECTION_TITLES[paragraph.section], f"{chapter_url}#{paragraph.section}"))
    for node in [*ancestors, provision]:
        label = f"({node.label})" if node.label else str(node.paragraph)
        crumbs.append(Crumb(label, "" if node is provision else f"{node.get_absolute_url()}{vq}"))
    return crumbs
