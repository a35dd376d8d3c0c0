"""A small hand-made PlanDocument for tests of the store, search, API and CLI.

It does not depend on the parser: two chapters of the real plan, cut down, with notes,
objectives, references, deadlines and actors, and paragraph 57(k)(ii) and 59(f) word for word.
`revised(doc)` returns the same plan with 57(k)(ii) reworded (a second version).
"""

from __future__ import annotations

import copy
import hashlib
from datetime import date

from viennaplan.plan.document import (
    Chapter,
    Deadline,
    Discarded,
    ImportReport,
    Note,
    Objective,
    PlanDocument,
    Provision,
    Reference,
    Repair,
)


def item(paragraph: int, labels: tuple[str, ...], text: str, kind: str, chapter: str, **extra) -> Provision:
    return Provision(paragraph=paragraph, labels=labels, text=text, kind=kind, chapter=chapter, **extra)


def sample_document(checksum_of: str = "sample plan, first text") -> PlanDocument:
    background = Provision(
        paragraph=1,
        labels=(),
        text="On 17 April 2000, the Tenth United Nations Congress adopted the Vienna Declaration <on> "
        "Crime & Justice: a sécurité test.",
        kind="background",
        chapter="I",
        note_refs=[1],
        references=[Reference("resolution", "resolution 55/59", "A/RES/55/59", 40, 56)],
        source_lines=(30, 31),
    )
    national = Provision(
        paragraph=57,
        labels=(),
        text="Actions include the following legislative and other measures:",
        kind="national_action",
        chapter="VI",
        section="objectives",
        objectives=(1, 2),
        actor="member_states",
        source_lines=(500, 500),
        children=[
            item(
                57,
                ("a",),
                "The establishment of offences required by the Firearms Protocol;",
                "national_action",
                "VI",
                section="objectives",
                objectives=(1, 2),
                actor="member_states",
                references=[Reference("instrument", "the Firearms Protocol", "FIREARMS", 37, 58)],
                source_lines=(502, 502),
            ),
            item(
                57,
                ("k",),
                "The gathering, analysis and sharing of relevant information, including:",
                "national_action",
                "VI",
                section="objectives",
                objectives=(1, 2),
                actor="member_states",
                source_lines=(520, 520),
                children=[
                    item(
                        57,
                        ("k", "i"),
                        "Numbers and nature of offences and offenders involved in illicit manufacturing "
                        "or trafficking;",
                        "national_action",
                        "VI",
                        section="objectives",
                        objectives=(1, 2),
                        actor="member_states",
                        source_lines=(522, 522),
                    ),
                    item(
                        57,
                        ("k", "ii"),
                        "Related offences such as tampering with firearm markings and violations of "
                        "licensing or authorization requirements for the import, export or transit of "
                        "firearms and related items;",
                        "national_action",
                        "VI",
                        section="objectives",
                        objectives=(1, 2),
                        actor="member_states",
                        source_lines=(524, 526),
                    ),
                ],
            ),
        ],
    )
    international = Provision(
        paragraph=59,
        labels=(),
        text="The Centre for International Crime Prevention will:",
        kind="international_action",
        chapter="VI",
        section="objectives",
        objectives=(2,),
        actor="cicp",
        note_refs=[33],
        source_lines=(540, 540),
        children=[
            item(
                59,
                ("c",),
                "Provide technical assistance to developing countries, subject to the availability of "
                "resources, before the end of 2002;",
                "international_action",
                "VI",
                section="objectives",
                objectives=(2,),
                actor="cicp",
                partners=("member_states",),
                subject_to_resources=True,
                upon_request=True,
                deadlines=[Deadline("before the end of 2002", None, date(2002, 12, 31), "year")],
                source_lines=(546, 547),
            ),
            item(
                59,
                ("f",),
                "Cooperate with States parties to the Protocol, the Conference of Parties to the "
                "Convention, technical experts and the firearms manufacturing community to develop and "
                "disseminate information about best practices in marking firearms and the protection of "
                "markings against tampering or removal;",
                "international_action",
                "VI",
                section="objectives",
                objectives=(2,),
                actor="cicp",
                deadlines=[
                    Deadline("by 2005", None, date(2005, 12, 31), "year", "end of the plan period"),
                    Deadline("in 2001", date(2001, 1, 1), date(2001, 12, 31), "year"),
                ],
                source_lines=(553, 553),
            ),
        ],
    )
    report = ImportReport(
        repairs=[Repair("run-on-item", 512, "split (c) from (b)")],
        discarded=[Discarded(7, "V.01-82215 (E) 200401 230401", "page furniture: job number")],
        warnings=["a sample warning"],
    )
    return PlanDocument(
        title="Draft Plans of Action for the implementation of the Vienna Declaration on Crime and Justice",
        date=date(2001, 3, 27),
        body="Economic and Social Council",
        symbol="E/CN.15/2001/4",
        session="Commission on Crime Prevention and Criminal Justice, Tenth session, Vienna, 8-17 May 2001",
        agenda_item="Item 5 of the provisional agenda",
        original_language="English",
        summary=["The present draft Plans of Action …", "The primary focus …"],
        checksum=hashlib.sha256(checksum_of.encode()).hexdigest(),
        chapters=[
            Chapter("I", "Background", 1, 1, 4, note_refs=[]),
            Chapter(
                "VI",
                "Action against the illicit manufacturing of and trafficking in firearms",
                57,
                59,
                15,
                objectives=[
                    Objective("VI", 1, "To sign, ratify and implement the Firearms Protocol.", note_refs=[31]),
                    Objective("VI", 2, "To take such other measures as are appropriate.", note_refs=[]),
                ],
                note_refs=[31],
            ),
        ],
        paragraphs=[background, national, international],
        notes=[
            Note(1, "Report of the Tenth Congress (A/CONF.187/15).", "1"),
            Note(31, "General Assembly resolution 55/255, annex.", "31"),
            Note(33, "See the Firearms Protocol, article 14.", "33"),
        ],
        front_notes=[Note(0, "E/CN.7/2001/1.", "*")],
        report=report,
    )


def revised(document: PlanDocument) -> PlanDocument:
    """The same plan with 57(k)(ii) reworded and 59(c) dropped: a new text, a new checksum."""
    doc = copy.deepcopy(document)
    doc.checksum = hashlib.sha256(b"sample plan, revised text").hexdigest()
    k_ii = doc.paragraphs[1].children[1].children[1]
    k_ii.text = (
        "Related offences such as tampering with firearm markings; and violations of licensing "
        "requirements for the import, export or transit of firearms;"
    )
    doc.paragraphs[2].children = [child for child in doc.paragraphs[2].children if child.labels != ("c",)]
    return doc


def store_sample(document: PlanDocument | None = None):
    """Import the sample (or `document`) into the test database; returns the PlanVersion."""
    from viennaplan.plan.saving import import_plan_document

    version, _created = import_plan_document(document or sample_document(), source_name="sample.txt")
    return version
