"""The parser on the real document: every chapter, objective, paragraph, item, sub-item and note.

The expected values below are a hand-made index of the document (read off the text, not off
the parser's output), so a change in the parser that loses or invents a provision fails here.
"""

from __future__ import annotations

import string

import pytest

from viennaplan.plan.document import ROMAN

CHAPTERS = {
    # number: (title, first paragraph, last paragraph, page in the printed document)
    "I": ("Background", 1, 3, 4),
    "II": ("Summary of the draft Plans of Action", 4, 6, 4),
    "III": ("Action against transnational organized crime", 7, 19, 6),
    "IV": ("Action against corruption", 20, 34, 8),
    "V": ("Action against trafficking in persons and smuggling of migrants", 35, 52, 12),
    "VI": (
        "Action against the illicit manufacturing of and trafficking in firearms, "
        "their parts and components and ammunition",
        53,
        61,
        15,
    ),
    "VII": ("Action against money-laundering", 62, 66, 18),
    "VIII": ("Action against terrorism", 67, 72, 19),
    "IX": ("Action on crime prevention", 73, 78, 20),
    "X": ("Action on witnesses and victims of crime", 79, 85, 22),
    "XI": ("Action on the treatment of offenders", 86, 91, 23),
    "XII": ("Action against the criminal misuse of information technologies", 92, 102, 25),
}

# chapter: [(objective number, numbered?, first words, note references)]
OBJECTIVES = {
    "III": [
        (1, True, "To achieve the signature, ratification and entry into force", []),
        (2, True, "To achieve progressive implementation", []),
    ],
    "IV": [
        (1, True, "To complete preparations for the negotiation", []),
        (2, True, "To develop and adopt a binding global", []),
        (3, True, "To identify, develop and implement programmes", []),
    ],
    "V": [
        (1, True, "To make every effort to sign and ratify the Migrants Protocol", [19]),
        (2, True, "To take immediate and effective measures to prevent and combat trafficking", []),
        (3, True, "To take immediate and effective measures to prevent and combat smuggling", []),
    ],
    "VI": [
        (1, True, "To [adopt,] sign, ratify and implement the Convention and the Firearms Protocol", [31]),
        (2, True, "To take such other measures as are appropriate", [32]),
    ],
    "VII": [(1, False, "To develop, adopt and implement effective domestic legislation", [36])],
    "VIII": [
        (1, True, "To take effective, resolute and speedy measures", []),
        (2, True, "To promote universal adherence to international instruments concerned", [37]),
    ],
    "IX": [
        (1, True, "To promote and develop initiatives at the local", []),
        (2, True, "To share information about successful and innovative", []),
    ],
    "X": [(1, False, "To develop and promote domestic and international policies", [])],
    "XI": [(1, False, "To develop and implement national and international policies", [])],
    "XII": [
        (1, True, "To prevent and control all forms of criminal misuse", []),
        (2, True, "To develop and disseminate policy, legal, technical", []),
    ],
}


# paragraph: (chapter, section, objectives, kind)
def _kinds() -> dict[int, tuple[str, str | None, tuple[int, ...], str]]:
    table: dict[int, tuple[str, str | None, tuple[int, ...], str]] = {}

    def put(numbers, chapter, section, objectives, kind):
        for n in numbers:
            table[n] = (chapter, section, objectives, kind)

    put(range(1, 4), "I", None, (), "background")
    put(range(4, 7), "II", None, (), "summary")
    # III
    put([7], "III", "commitments", (), "commitments")
    put([8, 9], "III", "background", (), "background")
    put([10], "III", "objectives", (1,), "national_action")
    put([11, 12, 13], "III", "objectives", (1,), "international_action")
    put([14, 15], "III", "objectives", (1,), "expected_impact")
    put([16, 17], "III", "objectives", (2,), "national_action")
    put([18], "III", "objectives", (2,), "international_action")
    put([19], "III", "objectives", (2,), "expected_impact")
    # IV
    put([20], "IV", "commitments", (), "commitments")
    put([21], "IV", "background", (), "background")
    put([22], "IV", "objectives", (1,), "national_action")
    put([23], "IV", "objectives", (1,), "international_action")
    put([24], "IV", "objectives", (1,), "expected_impact")
    put([25], "IV", "objectives", (2,), "objective")
    put([26], "IV", "objectives", (2,), "national_action")
    put([27], "IV", "objectives", (2,), "international_action")
    put([28], "IV", "objectives", (2,), "expected_impact")
    put([29, 30, 31], "IV", "objectives", (3,), "national_action")
    put([32, 33], "IV", "objectives", (3,), "international_action")
    put([34], "IV", "objectives", (3,), "expected_impact")
    # V
    put([35], "V", "commitments", (), "commitments")
    put([36, 37, 38], "V", "background", (), "background")
    put([39], "V", "objectives", (1,), "national_action")
    put([40, 41], "V", "objectives", (1,), "international_action")
    put([42, 43], "V", "objectives", (1,), "expected_impact")
    put([44], "V", "objectives", (2,), "national_action")
    put([45, 46], "V", "objectives", (2,), "international_action")
    put([47, 48], "V", "objectives", (2,), "expected_impact")
    put([49], "V", "objectives", (3,), "national_action")
    put([50, 51], "V", "objectives", (3,), "international_action")
    put([52], "V", "objectives", (3,), "expected_impact")
    # VI: two objectives, one shared set of actions
    put([53], "VI", "commitments", (), "commitments")
    put([54], "VI", "background", (), "background")
    put([55, 56, 57], "VI", "objectives", (1, 2), "national_action")
    put([58, 59, 60], "VI", "objectives", (1, 2), "international_action")
    put([61], "VI", "objectives", (1, 2), "expected_impact")
    # VII: no background; its objective stands under "B. Objectives"
    put([62], "VII", "commitments", (), "commitments")
    put([63], "VII", "objectives", (1,), "national_action")
    put([64, 65], "VII", "objectives", (1,), "international_action")
    put([66], "VII", "objectives", (1,), "expected_impact")
    # VIII
    put([67], "VIII", "commitments", (), "commitments")
    put([68], "VIII", "background", (), "background")
    put([69], "VIII", "objectives", (1,), "national_action")
    put([70], "VIII", "objectives", (1,), "international_action")
    put([71], "VIII", "objectives", (2,), "national_action")
    put([72], "VIII", "objectives", (2,), "international_action")
    # IX
    put([73], "IX", "commitments", (), "commitments")
    put([74], "IX", "background", (), "background")
    put([75], "IX", "objectives", (1, 2), "national_action")
    put([76, 77], "IX", "objectives", (1, 2), "international_action")
    put([78], "IX", "objectives", (1, 2), "expected_impact")
    # X
    put([79], "X", "commitments", (), "commitments")
    put([80, 81], "X", "background", (), "background")
    put([82], "X", "objectives", (1,), "national_action")
    put([83, 84], "X", "objectives", (1,), "international_action")
    put([85], "X", "objectives", (1,), "expected_impact")
    # XI
    put([86], "XI", "commitments", (), "commitments")
    put([87], "XI", "background", (), "background")
    put([88], "XI", "objectives", (1,), "national_action")
    put([89, 90], "XI", "objectives", (1,), "international_action")
    put([91], "XI", "objectives", (1,), "expected_impact")
    # XII
    put([92], "XII", "commitments", (), "commitments")
    put([93, 94, 95, 96], "XII", "background", (), "background")
    put([97, 98], "XII", "objectives", (1, 2), "national_action")
    put([99, 100], "XII", "objectives", (1, 2), "international_action")
    put([101, 102], "XII", "objectives", (1, 2), "expected_impact")
    return table


PARAGRAPHS = _kinds()


def _letters(last: str) -> str:
    return string.ascii_lowercase[: string.ascii_lowercase.index(last) + 1]


# paragraph: its items' labels; sub-items as {item: [labels]}
ITEMS: dict[int, str] = {
    6: _letters("j"),
    7: _letters("d"),
    10: _letters("d"),
    13: _letters("b"),
    17: _letters("e"),
    18: _letters("i"),
    20: _letters("e"),
    22: _letters("d"),
    23: _letters("c"),
    26: _letters("e"),
    27: _letters("d"),
    28: _letters("e"),
    30: _letters("f"),
    31: _letters("f"),
    33: _letters("f"),
    35: _letters("f"),
    44: _letters("k"),
    46: _letters("e"),
    48: _letters("e"),
    49: _letters("h"),
    51: _letters("b"),
    53: _letters("b"),
    57: _letters("l"),
    59: _letters("i"),
    61: _letters("d"),
    62: _letters("c"),
    63: _letters("h"),
    65: _letters("h"),
    67: _letters("b"),
    69: _letters("c"),
    70: _letters("d"),
    75: _letters("e"),
    77: _letters("d"),
    78: _letters("d"),
    79: _letters("g"),
    82: _letters("e"),
    84: _letters("d"),
    86: _letters("f"),
    88: _letters("l"),
    90: _letters("c"),
    92: _letters("b"),
    98: _letters("e"),
    100: _letters("d"),
}
SUBITEMS: dict[str, list[str]] = {
    "7(d)": ["i", "ii", "iii"],
    "57(k)": ["i", "ii", "iii", "iv"],
    "98(b)": ["i", "ii", "iii", "iv"],
    "98(d)": ["i", "ii", "iii"],
}

# Where each note is referred to: note number -> citations (chapters as "chapter VI", objectives as "VI obj 1").
NOTE_REFERENCES: dict[int, list[str]] = {
    1: ["1"],
    2: ["6(e)"],
    3: ["6(f)"],
    4: ["6(j)", "96"],
    5: ["7(a)", "8"],
    6: ["8"],
    7: ["18(c)"],
    8: ["18(g)"],
    9: ["20(a)"],
    10: ["20(b)"],
    11: ["21"],
    12: ["23(a)"],
    13: ["23(b)"],
    14: ["23(c)"],
    15: ["31(f)"],
    16: ["33(e)"],
    17: ["35(c)"],
    18: ["37"],
    19: ["V obj 1"],
    20: ["44(d)"],
    21: ["44(e)"],
    22: ["44(f)"],
    23: ["44(g)"],
    24: ["46"],
    25: ["49(d)"],
    26: ["49(e)"],
    27: ["49(f)"],
    28: ["49(g)"],
    29: ["51"],
    30: ["chapter VI"],
    31: ["VI obj 1"],
    32: ["VI obj 2"],
    33: ["59"],
    34: ["59(d)"],
    35: ["62(a)"],
    36: ["VII obj 1"],
    37: ["VIII obj 2"],
    38: ["72"],
    39: ["77"],
    40: ["77(a)"],
    41: ["79(g)"],
    42: ["81"],
    43: ["82(a)"],
    44: ["82(b)"],
    45: ["84"],
    46: ["88"],
    47: ["88(b)"],
    48: ["88(k)"],
    49: ["chapter XII"],
    50: ["92(a)"],
    51: ["100"],
}

NOTE_OPENINGS = {
    1: "See Tenth United Nations Congress",
    2: "As at 1 April 2001",
    7: "This will be done in cooperation with the United Nations Interregional",
    11: "In its resolution 54/205",
    17: "The Convention contains general provisions",
    25: "See the Migrants Protocol, article 16",
    37: "A list of all international conventions",
    49: "The subject matter of computer-related",
    51: "This will be done in cooperation with the institutes",
}


def _by_citation(document):
    return {p.citation: p for p in document.provisions()}


def test_the_twelve_chapters_have_their_titles_paragraph_ranges_and_pages(plan_document):
    found = {c.number: (c.title, c.first_paragraph, c.last_paragraph, c.page) for c in plan_document.chapters}
    assert found == CHAPTERS
    assert [c.number for c in plan_document.chapters] == list(ROMAN)


def test_there_are_19_objectives_with_chapter_number_and_text(plan_document):
    found = {
        c.number: [(o.number, o.numbered, o.text, o.note_refs) for o in c.objectives]
        for c in plan_document.chapters
        if c.objectives
    }
    assert sum(len(v) for v in found.values()) == 19
    assert set(found) == set(OBJECTIVES)
    for chapter, expected in OBJECTIVES.items():
        assert len(found[chapter]) == len(expected), chapter
        for (number, numbered, text, refs), (e_number, e_numbered, e_start, e_refs) in zip(
            found[chapter], expected, strict=True
        ):
            assert (number, numbered, refs) == (e_number, e_numbered, e_refs), (chapter, number)
            assert text.startswith(e_start), (chapter, number, text)
            assert "*" not in text and "¹" not in text


def test_every_paragraph_1_to_102_has_its_chapter_section_objectives_and_kind(plan_document):
    found = {p.paragraph: (p.chapter, p.section, p.objectives, p.kind) for p in plan_document.paragraphs}
    assert list(found) == list(range(1, 103))
    assert found == PARAGRAPHS


@pytest.mark.parametrize("number", range(1, 103))
def test_each_paragraph_has_exactly_the_items_of_the_document(plan_document, number):
    paragraph = plan_document.paragraphs[number - 1]
    assert paragraph.paragraph == number
    assert paragraph.text, f"paragraph {number} has no text"
    labels = "".join(child.labels[-1] for child in paragraph.children)
    assert labels == ITEMS.get(number, "")
    for item in paragraph.children:
        assert item.text, item.citation
        assert [s.labels[-1] for s in item.children] == SUBITEMS.get(item.citation, [])
        assert item.kind == paragraph.kind and item.chapter == paragraph.chapter


def test_the_document_has_347_provisions_in_all(plan_document):
    provisions = list(plan_document.provisions())
    assert len(provisions) == 102 + sum(len(v) for v in ITEMS.values()) + sum(len(v) for v in SUBITEMS.values())
    assert len(provisions) == 347
    assert len({p.citation for p in provisions}) == 347


def test_provisions_are_cited_as_the_document_cites_them(plan_document):
    provisions = _by_citation(plan_document)
    item = provisions["57(k)(ii)"]
    assert (item.paragraph, item.labels, item.path) == (57, ("k", "ii"), "57/k/ii")
    assert item.text.startswith("Related offences such as tampering with firearm markings")
    assert item.text.endswith("for the import, export or transit of firearms and related items;")


def test_the_51_notes_are_numbered_and_complete(plan_document):
    notes = plan_document.notes
    assert [n.number for n in notes] == list(range(1, 52))
    for number, opening in NOTE_OPENINGS.items():
        assert notes[number - 1].text.startswith(opening), number
    assert notes[6].text.endswith("United Nations Transnational Organized Crime Assessment Survey.")
    assert "and data providers in the different countries" in notes[6].text


def test_every_note_reference_is_linked_from_the_provision_in_which_it_stands(plan_document):
    found: dict[int, list[str]] = {}
    for provision in plan_document.provisions():
        for number in provision.note_refs:
            found.setdefault(number, []).append(provision.citation)
    for chapter in plan_document.chapters:
        for number in chapter.note_refs:
            found.setdefault(number, []).append(f"chapter {chapter.number}")
        for objective in chapter.objectives:
            for number in objective.note_refs:
                found.setdefault(number, []).append(f"{chapter.number} obj {objective.number}")
    assert {k: sorted(v) for k, v in found.items()} == {k: sorted(v) for k, v in NOTE_REFERENCES.items()}


def test_no_note_marker_or_markup_is_left_in_any_text(plan_document):
    for provision in plan_document.provisions():
        for mark in ("¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁰", "$^", "\\rm", "^{", "*"):
            assert mark not in provision.text, (provision.citation, mark)
    assert all(c.title == c.title.strip() and "³" not in c.title for c in plan_document.chapters)


def test_the_cover_page_gives_title_body_date_session_and_agenda_item(plan_document):
    doc = plan_document
    assert doc.title.startswith("Draft Plans of Action for the implementation during the period 2001-2005")
    assert doc.body == "Economic and Social Council"
    assert doc.date.isoformat() == "2001-03-27"
    assert doc.session == "Commission on Crime Prevention and Criminal Justice, tenth session, Vienna, 8-17 May 2001"
    assert doc.agenda_item.startswith("Item 5 of the provisional agenda: Follow-up to the Tenth United Nations")
    assert doc.original_language == "English"
    assert len(doc.summary) == 3
    assert "go beyond the core functions financed through regular budgets" in doc.summary[1]
    assert [n.marker for n in doc.front_notes] == ["*"]
    assert len(doc.checksum) == 64
