"""The record of firearms regulations (paragraph 59(a) of the plan) on the topics of 57(a)-(h), in plain Python.

No Django but `django.utils.translation`. A State's record is kept by round (the year the Secretariat
gathered it); each round holds one entry per topic, the topic being the provision of the plan that asks
for the measure (`57/a` offences … `57/h` deactivation). Here: the topics, the rules of one row of the
CSV file (`parse_row`, a `TopicRecord` or every `RowError`), and what changed between two rounds
(`changes`, with a word-level diff of the summaries).

The columns (`COLUMNS`, in this order; one row per State, round and topic):

    state         ISO 3166-1 alpha-3 code of the State (upper case)
    round         the year of the round, 1990-2100
    topic         the provision of the plan the entry answers: 57/a … 57/h
    summary       what the State's regulations say on the topic (required)
    law           the key of a law of the same State in the national legislation database (may be empty)
    law_citation  the law the entry rests on, in words (may be empty)
    official_url  http(s) link to the official text (may be empty)
    published     yes or no (empty: no), the same on every row of a State's round
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from viennaplan.rowerrors import RowError

COLUMNS = ("state", "round", "topic", "summary", "law", "law_citation", "official_url", "published")
REQUIRED = ("state", "round", "topic", "summary")

# The topics of 57(a)-(h), by the provision's path, in the plan's order.
TOPICS: dict[str, str] = {
    "57/a": gettext_lazy("Offences"),
    "57/b": gettext_lazy("Definitions of firearms, parts and components and ammunition"),
    "57/c": gettext_lazy("Licensing of manufacture, import, export and transit"),
    "57/d": gettext_lazy("Seizure, confiscation and disposal"),
    "57/e": gettext_lazy("Record-keeping"),
    "57/f": gettext_lazy("Marking"),
    "57/g": gettext_lazy("Safeguards against loss, theft and diversion"),
    "57/h": gettext_lazy("Deactivation and destruction"),
}
# The provisions the collection answers: the topics, the reports of 57(k)-(l), and the record itself (59(a)).
REPORT_PATHS = ("57/k", "57/l")
RECORD_PATH = "59/a"
PATHS = (*TOPICS, *REPORT_PATHS, RECORD_PATH)

YES, NO = "yes", "no"
ROUND_MIN, ROUND_MAX = 1990, 2100
SUMMARY_MAX = 20_000
CITATION_MAX = 500
KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
URL = re.compile(r"https?://[^\s]+")

ADDED, REMOVED, CHANGED, SAME = "added", "removed", "changed", "same"
CHANGE_LABELS = {
    ADDED: gettext_lazy("added"),
    REMOVED: gettext_lazy("removed"),
    CHANGED: gettext_lazy("changed"),
    SAME: gettext_lazy("unchanged"),
}


def topic_order(path: str) -> int:
    return list(TOPICS).index(path) if path in TOPICS else len(TOPICS)


@dataclass(frozen=True)
class TopicRecord:
    """One clean row: a State's entry on one topic in one round."""

    row: int
    state: str
    round: int
    topic: str
    summary: str
    law: str = ""  # a law's key (same State), checked against the database by the importer
    law_citation: str = ""
    official_url: str = ""
    published: bool = False


def parse_row(row: int, cells: Mapping[str, str], states: frozenset[str]) -> TopicRecord | list[RowError]:
    """The clean record of one row (`cells` by column name; missing columns read as empty), or every problem."""
    errors: list[RowError] = []
    value = {name: (cells.get(name) or "").strip() for name in COLUMNS}
    value["summary"] = value["summary"].replace("\r\n", "\n").replace("\r", "\n")

    def wrong(column: str, message: str) -> None:
        errors.append(RowError(row, column, value[column], message))

    for name in REQUIRED:
        if not value[name]:
            wrong(name, _("required"))
    if value["state"] and value["state"] not in states:
        wrong("state", _("not the alpha-3 code of a State in the country registry (e.g. AUT)"))
    if value["round"] and (not value["round"].isdigit() or not ROUND_MIN <= int(value["round"]) <= ROUND_MAX):
        wrong("round", _("not a year between %(first)s and %(last)s") % {"first": ROUND_MIN, "last": ROUND_MAX})
    if value["topic"] and value["topic"] not in TOPICS:
        wrong("topic", _("not one of the topics %(codes)s") % {"codes": ", ".join(TOPICS)})
    if len(value["summary"]) > SUMMARY_MAX:
        wrong("summary", _("longer than %(limit)s characters") % {"limit": SUMMARY_MAX})
    if value["law"] and not KEY.fullmatch(value["law"]):
        wrong("law", _("not a law's key (letters, digits, dots, dashes or underscores)"))
    if len(value["law_citation"]) > CITATION_MAX:
        wrong("law_citation", _("longer than %(limit)s characters") % {"limit": CITATION_MAX})
    if value["official_url"] and not URL.fullmatch(value["official_url"]):
        wrong("official_url", _("not an http:// or https:// link"))
    published = value["published"].lower()
    if published not in (YES, NO, ""):
        wrong("published", _("yes or no"))
    if errors:
        return errors
    return TopicRecord(
        row=row,
        state=value["state"],
        round=int(value["round"]),
        topic=value["topic"],
        summary=value["summary"],
        law=value["law"],
        law_citation=value["law_citation"],
        official_url=value["official_url"],
        published=published == YES,
    )


# -- what changed between two rounds ----------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """What a round says on one topic, as compared: the summary, the law's key, its citation, the link."""

    summary: str
    law: str = ""
    law_citation: str = ""
    official_url: str = ""


@dataclass(frozen=True)
class Change:
    """How one topic differs from the earlier round to the later one."""

    topic: str
    kind: str  # ADDED, REMOVED, CHANGED or SAME
    fields: tuple[str, ...]  # for CHANGED: which of summary, law, law_citation, official_url differ
    diff: tuple[tuple[str, str], ...]  # the summary's words: ("=", kept), ("-", removed), ("+", added)

    @property
    def label(self) -> str:
        return CHANGE_LABELS[self.kind]

    @property
    def topic_label(self) -> str:
        return TOPICS.get(self.topic, self.topic)


WORDS = re.compile(r"\S+\s*|\s+")  # a word with the spaces after it


def text_diff(before: str, after: str) -> tuple[tuple[str, str], ...]:
    """The words of `after` against `before`: runs kept ("="), removed ("-") and added ("+")."""
    old, new = WORDS.findall(before), WORDS.findall(after)
    runs: list[tuple[str, str]] = []

    def add(op: str, words: list[str]) -> None:
        if not words:
            return
        text = "".join(words)
        if runs and runs[-1][0] == op:
            runs[-1] = (op, runs[-1][1] + text)
        else:
            runs.append((op, text))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            add("=", old[i1:i2])
        else:
            add("-", old[i1:i2])
            add("+", new[j1:j2])
    return tuple(runs)


def changes(before: Mapping[str, Entry], after: Mapping[str, Entry]) -> list[Change]:
    """Topic by topic (in the plan's order), how the later round `after` differs from `before`."""
    found: list[Change] = []
    for topic in sorted(set(before) | set(after), key=lambda path: (topic_order(path), path)):
        old, new = before.get(topic), after.get(topic)
        if old is None and new is not None:
            found.append(Change(topic, ADDED, (), (("+", new.summary),)))
        elif new is None and old is not None:
            found.append(Change(topic, REMOVED, (), (("-", old.summary),)))
        elif old is not None and new is not None:
            fields = tuple(
                name
                for name in ("summary", "law", "law_citation", "official_url")
                if getattr(old, name) != getattr(new, name)
            )
            kind = CHANGED if fields else SAME
            found.append(
                Change(topic, kind, fields, text_diff(old.summary, new.summary) if "summary" in fields else ())
            )
    return found
