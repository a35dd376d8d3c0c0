"""Each commitment (a national action: one question), objective and chapter of a cycle, with
the shares of its counted answers in each status and so its implementation (`shares`).

Plain Python, no database (the rows come from `queries.commitments_for`). An objective adds up
the answers to the questions serving it; a chapter, those to all its questions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .shares import Shares, add_counts, shares_of


@dataclass(frozen=True)
class QuestionRef:
    id: int
    path: str
    citation: str
    chapter: str
    objectives: tuple[int, ...]
    text: str

    @property
    def own_text(self) -> str:
        """The item's own words, without the paragraph's lead-in that opens every item's text."""
        label = self.path.rsplit("/", 1)[-1]
        marker = f"({label}) "
        return self.text.split(marker, 1)[1] if "/" in self.path and marker in self.text else self.text


@dataclass(frozen=True)
class CommitmentShares:
    question: QuestionRef
    shares: Shares


@dataclass(frozen=True)
class ObjectiveShares:
    chapter: str
    number: int
    text: str
    commitments: int  # questions serving it
    shares: Shares


@dataclass
class ChapterShares:
    chapter: str
    title: str
    shares: Shares
    objectives: list[ObjectiveShares]
    commitments: list[CommitmentShares]


def build_commitments(
    questions: list[QuestionRef],
    counts: Mapping[int, Mapping[str, int]],
    *,
    reports: int,
    chapter_titles: Mapping[str, str],
    objective_texts: Mapping[tuple[str, int], str],
) -> list[ChapterShares]:
    """The shares of each question, objective and chapter of a cycle; `counts` maps a question
    id to its answers per status over the `reports` counted reports."""
    chapters: dict[str, ChapterShares] = {}
    by_objective: dict[tuple[str, int], list[dict[str, int]]] = {}
    for question in questions:
        mine = dict(counts.get(question.id, {}))
        shares = shares_of(mine, reports)
        chapter = chapters.setdefault(
            question.chapter,
            ChapterShares(question.chapter, chapter_titles.get(question.chapter, ""), shares_of({}, 0), [], []),
        )
        chapter.commitments.append(CommitmentShares(question, shares))
        for number in question.objectives:
            by_objective.setdefault((question.chapter, number), []).append(shares.counts)
    for chapter in chapters.values():
        chapter.shares = shares_of(add_counts(*(c.shares.counts for c in chapter.commitments)))
        for (number_chapter, number), parts in sorted(by_objective.items(), key=lambda item: item[0][1]):
            if number_chapter != chapter.chapter:
                continue
            text = objective_texts.get((number_chapter, number), "")
            chapter.objectives.append(
                ObjectiveShares(number_chapter, number, text, len(parts), shares_of(add_counts(*parts)))
            )
    return list(chapters.values())
