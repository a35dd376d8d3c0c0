"""The questionnaire of a reporting cycle, generated from the plan. Plain Python.

One question per national action, at the level a State can answer on its own:

- a national-action paragraph without lettered items is one question ("16");
- a paragraph with items gives one question per item ("57/k"); its lead-in ("National
  actions will include the following:") is not asked on its own but opens each item's text;
- sub-items stay within their item's question ("57/k" covers 57(k)(i)-(iv)): they spell out
  one commitment, and splitting them would ask the same thing three or four times.

Each question is keyed by its provision path ("57/k"), so the same question is recognised
across cycles (and across versions of the plan) for carrying answers over. The same units
are used for international actions (`action_units(..., kind="international_action")`), so a
progress record of the Secretariat stands beside the national answers on the same provision.

The input is the plan's tree of paragraphs as any objects with the attributes of
`plan.document.Provision` (paragraph, path, citation, kind, chapter, objectives, text,
children, actor): the parser's output, or rows adapted by the Django side.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from django.utils.translation import gettext as _

ROMAN: tuple[str, ...] = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
NATIONAL = "national_action"
INTERNATIONAL = "international_action"


class PlanNode(Protocol):
    @property
    def path(self) -> str: ...
    @property
    def citation(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def chapter(self) -> str: ...
    @property
    def objectives(self) -> Sequence[int]: ...
    @property
    def text(self) -> str: ...
    @property
    def children(self) -> Sequence[PlanNode]: ...
    @property
    def actor(self) -> str | None: ...


@dataclass(frozen=True)
class QuestionSpec:
    """One question (or one international action unit) of a cycle."""

    position: int  # 1, 2, ... in document order
    path: str  # "57/k": the key across cycles
    citation: str  # "57(k)"
    paragraph_path: str  # "57"
    chapter: str  # Roman numeral
    objectives: tuple[int, ...]
    text: str  # the lead-in of the paragraph, then the item with its sub-items
    actor: str | None  # who is to act (actor code)


class QuestionnaireError(ValueError):
    """Chapters that are not in the plan, or a selection that asks nothing."""


def normalise_chapters(chapters: Iterable[str], available: Sequence[str] = ROMAN) -> list[str]:
    """The chapters as upper-case Roman numerals in plan order, without repeats.

    Raises QuestionnaireError naming every chapter that is not one of `available`.
    """
    wanted = [str(c).strip().upper() for c in chapters if str(c).strip()]
    unknown = [c for c in wanted if c not in available]
    if unknown:
        raise QuestionnaireError(
            _("chapters %(unknown)s are not in the plan; its chapters are %(available)s")
            % {"unknown": ", ".join(unknown), "available": ", ".join(available)}
        )
    if not wanted:
        raise QuestionnaireError(_("name at least one chapter (a Roman numeral such as III)"))
    return [c for c in available if c in set(wanted)]


def _label(node: PlanNode) -> str:
    return node.path.rsplit("/", 1)[-1]


def _with_sub_items(node: PlanNode) -> str:
    parts = [node.text.strip()]
    parts += [f"({_label(child)}) {_with_sub_items(child)}" for child in node.children]
    return " ".join(part for part in parts if part)


def action_units(paragraphs: Iterable[PlanNode], chapters: Iterable[str], kind: str = NATIONAL) -> list[QuestionSpec]:
    """The units of `kind` in `chapters`, in document order: paragraphs without items, and items."""
    selected = set(chapters)
    units: list[QuestionSpec] = []
    for paragraph in paragraphs:
        if paragraph.kind != kind or paragraph.chapter not in selected:
            continue
        if not paragraph.children:
            nodes: list[tuple[PlanNode, str]] = [(paragraph, paragraph.text.strip())]
        else:
            lead_in = paragraph.text.strip()
            nodes = [
                (item, f"{lead_in} ({_label(item)}) {_with_sub_items(item)}".strip()) for item in paragraph.children
            ]
        for node, text in nodes:
            units.append(
                QuestionSpec(
                    position=len(units) + 1,
                    path=node.path,
                    citation=node.citation,
                    paragraph_path=paragraph.path,
                    chapter=paragraph.chapter,
                    objectives=tuple(node.objectives or paragraph.objectives),
                    text=text,
                    actor=node.actor or paragraph.actor,
                )
            )
    return units


def questions_for(paragraphs: Iterable[PlanNode], chapters: Iterable[str]) -> list[QuestionSpec]:
    """The questions of a cycle covering `chapters`: one per national-action unit."""
    return action_units(paragraphs, chapters, NATIONAL)


@dataclass(frozen=True)
class Clause:
    """A question's text as a reader takes it in: the item's own clause first, the lead-in apart."""

    label: str  # "k" for "57/k"; "" for a paragraph without items
    text: str  # the item with its sub-items (or the whole paragraph)
    lead_in: str  # the paragraph's opening words ("" for a paragraph without items)


def clause_of(text: str, path: str, lead_in: str | None = None) -> Clause:
    """Split a stored question text ("lead-in (k) item ...", made by `action_units`) into its parts.

    `lead_in` is the paragraph's own text when known (the plan's provision): the split is then
    exact. Without it, the first "(k) " that starts the text or follows a space is taken as the
    item's start. A text that does not have the item's label is shown whole, as it is stored.
    """
    text = text.strip()
    if "/" not in path:
        return Clause("", text, "")
    label = path.rsplit("/", 1)[-1]
    marker = f"({label})"
    if lead_in is not None:
        opening = f"{lead_in.strip()} {marker}".strip()
        if text.startswith(opening + " ") or text == opening:
            return Clause(label, text[len(opening) :].strip(), lead_in.strip())
    start = 0
    while (found := text.find(marker + " ", start)) != -1:
        if found == 0 or text[found - 1].isspace():
            return Clause(label, text[found + len(marker) :].strip(), text[:found].strip())
        start = found + 1
    return Clause("", text, "")
