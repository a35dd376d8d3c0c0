"""Where the report to the Commission finds the technical-assistance figures of each chapter (plain Python).

The assistance app sits above monitoring (it imports knowledge, which imports monitoring), so monitoring
never imports it: the assistance app registers its source here in its ready(), as the knowledge
databases register what an answer may cite in reporting/citations.py. Without a registered source
(the app not installed) the report has no assistance figures.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class AssistanceSource:
    figures_by_chapter: Callable[[date, date], Mapping[str, Any]]  # chapter -> that area's figures as of a day
    status_labels: Mapping[str, Any]  # a request's status -> its words
    output_labels: Mapping[str, Any]  # a kind of project output -> its words


_SOURCE: list[AssistanceSource] = []


def register(source: AssistanceSource) -> None:
    _SOURCE[:] = [source]


def registered() -> AssistanceSource | None:
    return _SOURCE[0] if _SOURCE else None
