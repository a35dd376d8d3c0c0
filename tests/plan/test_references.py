"""References: Declaration paragraphs, resolutions, documents and instruments, read from the real text."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import viennaplan
from viennaplan.plan.references import INSTRUMENTS, find_references, resolution_symbol

TEXT = (Path(viennaplan.__file__).parent / "data" / "plans-of-action-2001-draft.txt").read_text(encoding="utf-8")

CHAPTER_HEADING = re.compile(r"^(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\. [A-Z]")
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# The chapter each note is called from (note 1 from chapter I, notes 2-4 from the summary, ...).
NOTE_CHAPTERS = {
    **dict.fromkeys(range(1, 2), "I"),
    **dict.fromkeys(range(2, 5), "II"),
    **dict.fromkeys(range(5, 9), "III"),
    **dict.fromkeys(range(9, 17), "IV"),
    **dict.fromkeys(range(17, 30), "V"),
    **dict.fromkeys(range(30, 35), "VI"),
    **dict.fromkeys(range(35, 37), "VII"),
    **dict.fromkeys(range(37, 39), "VIII"),
    **dict.fromkeys(range(39, 41), "IX"),
    **dict.fromkeys(range(41, 46), "X"),
    **dict.fromkeys(range(46, 49), "XI"),
    **dict.fromkeys(range(49, 52), "XII"),
}


def document_units() -> list[tuple[str, str]]:
    """The document as (chapter, text): its blocks and notes, a block cut by a page break joined again."""
    body, notes = TEXT.split("\nNotes\n")
    units: list[tuple[str, str]] = []
    chapter = ""
    for block in (block.strip() for block in body.split("\n\n")):
        if heading := CHAPTER_HEADING.match(block):
            chapter = heading.group(1)
        if block:
            _add(units, chapter, block)
    for block in (block.strip() for block in re.split(r"\n\n|\n(?=- )", notes)):
        if number := re.match(r"- ([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", block):
            chapter = NOTE_CHAPTERS[int(number.group(1).translate(SUPERSCRIPTS))]
        elif block.startswith("- "):
            chapter = "I"  # note 1 lost its number in the extraction
        if block:
            _add(units, chapter, block)
    return units


def _add(units: list[tuple[str, str]], chapter: str, block: str) -> None:
    if units and block[0].islower():
        units[-1] = (units[-1][0], f"{units[-1][1]} {block}")
    else:
        units.append((chapter, block))


def all_references(kind: str) -> list:
    return [
        ref for chapter, text in document_units() for ref in find_references(text, chapter=chapter) if ref.kind == kind
    ]


def targets(text: str, kind: str, chapter: str = "III") -> list[str]:
    return [ref.target for ref in find_references(text, chapter=chapter) if ref.kind == kind]


# --- the whole document ------------------------------------------------------------------------------


def test_the_document_cites_exactly_these_declaration_paragraphs():
    assert Counter(ref.target for ref in all_references("declaration")) == {
        "VD 5": 1, "VD 6": 1, "VD 7": 1, "VD 7(d)": 1,
        "VD 10": 9, "VD 13": 10, "VD 15": 10,  # nine "(paras. 10, 13 and 15)", "(para. 13)", "(para. 15)"
        "VD 11": 2, "VD 12": 2,  # "(paras. 11 and 12)", "(para. 11)", "paragraph 12 of the Declaration"
        "VD 14": 9,  # five "(para. 14)", "paragraph 14 of the Vienna Declaration" in para. 6 and notes 18, 21, 26
        "VD 16": 6, "VD 17": 2, "VD 18": 2, "VD 19": 2, "VD 24": 3, "VD 25": 2, "VD 26": 1,
        "VD 27": 6, "VD 28": 2,
        "VD 29": 1,  # para. 1: "in paragraph 29, invites"
    }  # fmt: skip


def test_the_document_cites_exactly_these_resolutions():
    assert Counter(ref.target for ref in all_references("resolution")) == {
        "A/RES/55/59": 1, "A/RES/55/59, annex": 2, "A/RES/55/60": 3,
        "A/RES/55/25": 3, "A/RES/55/25, annexes I-III": 1,
        "A/RES/53/111": 2, "A/RES/54/127": 2, "A/RES/53/176": 1, "A/RES/54/205": 1,
        "A/RES/54/128": 1, "A/RES/54/128, para. 8(d)": 1,
        "A/RES/55/61": 6, "A/RES/55/61, para. 3": 1, "A/RES/55/61, para. 5": 1, "A/RES/55/188": 3,
        "A/RES/51/191, annex": 1, "A/RES/51/59, annex": 1, "A/RES/40/34, annex": 1,
        "A/RES/45/110": 2, "A/RES/45/110, annex": 2, "A/RES/45/110, annex, para. 6": 1,
        "A/RES/45/111, annex": 2, "A/RES/45/111, annex, para. 2": 1,
        "A/RES/43/173, annex": 2, "A/RES/34/169": 1, "A/RES/34/169, annex": 1,
        "A/RES/55/63": 2, "A/RES/55/63, para. 1(a)": 2, "A/RES/55/63, para. 1(d)": 1,
        "A/RES/55/63, para. 1(i)": 1, "A/RES/55/63, para. 1(j)": 1,
        "A/RES/S-20/2, annex, para. 15": 1, "A/RES/S-20/4 D": 1,
        "E/RES/1995/14, para. 6": 1, "E/RES/2000/13, para. 6": 1, "E/RES/2000/13, para. 7": 1,
        "E/RES/2000/14": 2,
        "E/RES/1998/23": 1, "E/RES/1998/23, para. 1": 1, "E/RES/1998/23, para. 2": 1,
        "E/RES/1998/23, para. 3": 4, "E/RES/1998/23, para. 4": 1,
        "E/RES/1999/26": 3, "E/RES/1999/26, para. 5": 1, "E/RES/1999/26, para. 7": 1,
        "E/RES/1999/27": 2, "E/RES/1999/28, para. 8": 1,
    }  # fmt: skip


def test_the_document_cites_exactly_these_documents():
    assert Counter(ref.target for ref in all_references("document")) == {
        "E/CN.7/2001/1": 1, "E/CN.15/2001/4": 1, "A/55/383/Add.2": 2, "A/54/2000": 1, "E/2000/52": 1,
        "A/49/748": 1, "A/55/179": 1, "A/55/179/Add.1": 1,
    }  # fmt: skip


def test_the_document_names_exactly_these_instruments_in_these_words():
    assert Counter((ref.text, ref.target) for ref in all_references("instrument")) == {
        ("United Nations Convention against Transnational Organized Crime", "UNTOC"): 9,
        ("United Nations Convention against Transnational Organized Crime of 2000", "UNTOC"): 1,
        ("the Convention", "UNTOC"): 52, ("The Convention", "UNTOC"): 3, ("the parent Convention", "UNTOC"): 1,
        ("the protocols thereto", "TIP"): 12, ("the protocols thereto", "SOM"): 12,
        ("the protocols thereto", "FIREARMS"): 12,
        ("the protocols thereto dealing with trafficking in persons and smuggling of migrants", "TIP"): 1,
        ("the protocols thereto dealing with trafficking in persons and smuggling of migrants", "SOM"): 1,
        ("the protocols dealing with trafficking in persons and smuggling of migrants", "TIP"): 1,
        ("the protocols dealing with trafficking in persons and smuggling of migrants", "SOM"): 1,
        (PARA_8_PROTOCOLS, "TIP"): 1, (PARA_8_PROTOCOLS, "SOM"): 1, (PARA_8_PROTOCOLS, "FIREARMS"): 1,
        ("The two protocols", "TIP"): 1, ("The two protocols", "SOM"): 1,
        ("the two protocols", "TIP"): 1, ("the two protocols", "SOM"): 1,
        ("the Protocols", "TIP"): 1, ("the Protocols", "SOM"): 1, ("the Protocols", "FIREARMS"): 1,
        ("Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children", "TIP"): 1,
        ("Trafficking in Persons Protocol", "TIP"): 10,
        ("Protocol against the Smuggling of Migrants by Land, Sea and Air", "SOM"): 1,
        ("Migrants Protocol", "SOM"): 9,
        (FIREARMS_LONG_NAME, "FIREARMS"): 1, ("Firearms Protocol", "FIREARMS"): 9,
        # "the Protocol" where the text or chapter settles which: Firearms in 6(e) (three times), 57(b), 59(f),
        # 59(g), notes 30 and 32; Trafficking in 44(a) and note 22 (twice); Migrants in 49(a).
        # Notes 2, 20 and 27 name no protocol before it and stand outside chapter VI: left open.
        ("the Protocol", "FIREARMS"): 7, ("The Protocol", "FIREARMS"): 1,
        ("the Protocol", "TIP"): 3, ("the Protocol", "SOM"): 1,
        (DRUGS_LONG_NAME, "DRUGS1988"): 1, ("the 1988 Convention", "DRUGS1988"): 1,
        ("a new binding global legal instrument against corruption", "UNCAC"): 1,
        ("a global instrument", "UNCAC"): 1,
        ("The proposed convention against corruption", "UNCAC"): 1,
        ("an effective international legal instrument against corruption", "UNCAC"): 1,
        ("a global instrument against corruption", "UNCAC"): 2,
        ("a future legal instrument against corruption", "UNCAC"): 2,
        ("a global legal instrument", "UNCAC"): 1,
        ("an international legal instrument against corruption", "UNCAC"): 2,
        ("a binding international legal instrument", "UNCAC"): 1,
        ("a binding global international legal instrument against corruption", "UNCAC"): 1,
        ("the instrument", "UNCAC"): 1,
        ("a United Nations convention against corruption", "UNCAC"): 2,
        ("the convention", "UNCAC"): 4,
        ("the proposed global convention against corruption", "UNCAC"): 1,
        ("the proposed convention", "UNCAC"): 1,
        ("a comprehensive and binding global legal instrument against corruption", "UNCAC"): 1,
        ("an instrument", "UNCAC"): 1,  # 28(e) "such an instrument"
        ("a new global instrument", "UNCAC"): 1,
        ("an international instrument", "UNCAC"): 2,  # notes 10 and 11, called from chapter IV
    }  # fmt: skip


PARA_8_PROTOCOLS = (
    "the protocols dealing with trafficking in persons, smuggling of migrants and the illicit manufacturing of"
    " and trafficking in firearms"
)
FIREARMS_LONG_NAME = (
    "Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components"
    " and Ammunition"
)
DRUGS_LONG_NAME = (
    "United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances of 1988"
)


def test_every_reference_of_the_document_spans_its_own_words_in_order():
    for chapter, text in document_units():
        references = find_references(text, chapter=chapter)
        assert [ref.start for ref in references] == sorted(ref.start for ref in references)
        for ref in references:
            assert text[ref.start : ref.end] == ref.text


# --- Declaration paragraphs --------------------------------------------------------------------------


def test_a_para_in_parentheses_is_a_paragraph_of_the_declaration():
    text = "(a) To take enhanced international action against corruption (para. 16);"
    [ref] = find_references(text, chapter="IV")
    assert (ref.kind, ref.target, ref.text) == ("declaration", "VD 16", "para. 16")


def test_a_list_of_paragraphs_gives_one_reference_each_spanning_its_own_number():
    text = "for example, the United Nations Development Assistance Framework (paras. 10, 13 and 15)."
    refs = find_references(text, chapter="III")
    assert [(ref.target, ref.text) for ref in refs] == [("VD 10", "paras. 10"), ("VD 13", "13"), ("VD 15", "15")]


def test_a_lettered_paragraph_keeps_its_letter():
    assert targets("(c) To strengthen the capability of the Centre ... (para. 7 (d));", "declaration") == ["VD 7(d)"]


def test_two_paragraphs_joined_by_and():
    text = "(b) Undertake to produce national and regional studies on victims of crime (paras. 25 and 27);"
    assert targets(text, "declaration", "X") == ["VD 25", "VD 27"]
    assert targets("witnesses in criminal justice systems (paras. 11 and 12).", "declaration", "X") == [
        "VD 11",
        "VD 12",
    ]


def test_a_declaration_paragraph_and_a_resolution_in_one_parenthesis():
    text = "interests of offenders (para. 28 and Economic and Social Council resolution 2000/14);"
    refs = find_references(text, chapter="XI")
    assert [(ref.kind, ref.target) for ref in refs] == [("declaration", "VD 28"), ("resolution", "E/RES/2000/14")]
    assert refs[1].text == "Economic and Social Council resolution 2000/14"


def test_paragraph_n_of_the_vienna_declaration_and_of_the_declaration():
    text = "the two are dealt with together in paragraph 14 of the Vienna Declaration. To some extent"
    [ref] = find_references(text, chapter="II")
    assert (ref.target, ref.text) == ("VD 14", "paragraph 14 of the Vienna Declaration")
    text = "In paragraph 12 of the Declaration, Member States also express concern"
    assert targets(text, "declaration", "X") == ["VD 12"]


def test_in_paragraph_29_of_a_sentence_about_the_declaration_cites_the_declaration():
    text = (
        "The Vienna Declaration contains a series of commitments to respond to specific problems of crime control"
        " and crime prevention and, in paragraph 29, invites the Commission for Crime Prevention"
    )
    [ref] = find_references(text, chapter="I")
    assert (ref.target, ref.text) == ("VD 29", "paragraph 29")


def test_a_paragraph_of_an_article_or_a_protocol_is_not_the_declarations():
    for text in (
        "See article 15 of the Migrants Protocol. Paragraph 1 of that article refers to measures",
        "Under article 1, paragraph 3, of each protocol, the Conference of the Parties",
        "article 32, paragraph 3 (d), of the Convention calls for the review",
        "the Trafficking in Persons Protocol, which refers to it in paragraph 2, and",
    ):
        assert targets(text, "declaration", "V") == []


def test_a_para_after_a_resolution_belongs_to_the_resolution():
    text = "(d) Using amicable means to resolve petty offences (resolution 1998/23, para. 3);"
    refs = find_references(text, chapter="XI")
    assert [(ref.kind, ref.target, ref.text) for ref in refs] == [
        ("resolution", "E/RES/1998/23, para. 3", "resolution 1998/23, para. 3")
    ]


def test_a_para_after_an_annex_belongs_to_the_resolutions_annex():
    text = (
        "(Economic and Social Council resolution 1998/23, para. 2,"
        " and General Assembly resolution 45/110, annex, para. 6)"
    )
    assert targets(text, "resolution", "XI") == ["E/RES/1998/23, para. 2", "A/RES/45/110, annex, para. 6"]
    assert targets(text, "declaration", "XI") == []


def test_articles_of_an_instrument_are_not_declaration_paragraphs():
    text = "may also be needed (see articles 5, 7, 10 and 11); (art. 6, para. 3) and (art. 9, para. 3)"
    assert targets(text, "declaration", "VI") == []


def test_a_para_after_a_document_symbol_belongs_to_the_document():
    text = "reports of the Secretary-General to the Millennium Assembly (A/54/2000, paras. 150-167) and"
    refs = find_references(text, chapter="II")
    assert [(ref.kind, ref.target) for ref in refs] == [("document", "A/54/2000")]


# --- resolutions -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(General Assembly resolution 55/25, annexes I-III) by the end of 2002", ["A/RES/55/25, annexes I-III"]),
        ("in accordance with General Assembly resolution 55/61 of 4 December 2000", ["A/RES/55/61"]),
        ("Economic and Social Council resolution 2000/14 of 27 July 2000, entitled", ["E/RES/2000/14"]),
        ("General Assembly resolutions 55/59 and 55/60 of 4 December 2000", ["A/RES/55/59", "A/RES/55/60"]),
        ("(General Assembly resolutions 55/61 and 55/188);", ["A/RES/55/61", "A/RES/55/188"]),
        (
            "(Economic and Social Council resolutions 1998/23, para. 1, and 1999/26);",
            ["E/RES/1998/23, para. 1", "E/RES/1999/26"],
        ),
        ("(resolution 1999/27);", ["E/RES/1999/27"]),
        ("(see also resolution 53/176). In its resolution 55/61, the", ["A/RES/53/176", "A/RES/55/61"]),
        ("(resolution 1998/23, para. 3, and General Assembly resolution 45/110, annex);",
         ["E/RES/1998/23, para. 3", "A/RES/45/110, annex"]),
        ("See also General Assembly resolutions 54/128, para. 8 (d), and 55/61, para. 3. In resolution 55/61,",
         ["A/RES/54/128, para. 8(d)", "A/RES/55/61, para. 3", "A/RES/55/61"]),
        ("(see resolution 55/63, paras. 1 (a) and (j)). This may include:",
         ["A/RES/55/63, para. 1(a)", "A/RES/55/63, para. 1(j)"]),
        ("General Assembly resolutions S-20/2 (Political Declaration, annex, para. 15) and S-20/4 D; and",
         ["A/RES/S-20/2, annex, para. 15", "A/RES/S-20/4 D"]),
        ("Economic and Social Council resolutions, 1998/23 and 1999/26, Basic Principles for the Treatment",
         ["E/RES/1998/23", "E/RES/1999/26"]),
        ("General Assembly resolutions 34/169, 43/173, annex, 45/110 and 45/111, annex.",
         ["A/RES/34/169", "A/RES/43/173, annex", "A/RES/45/110", "A/RES/45/111, annex"]),
    ],
)  # fmt: skip
def test_resolutions_are_read_as_in_the_document(text, expected):
    assert targets(text, "resolution") == expected


def test_a_resolution_at_the_start_of_a_sentence_is_found():
    assert targets("Resolution 55/25 of 15 November 2000 adopted the Convention.", "resolution") == ["A/RES/55/25"]


def test_the_form_of_the_number_decides_the_organ():
    assert targets("(resolution 1998/23, para. 3)", "resolution") == ["E/RES/1998/23, para. 3"]
    assert targets("General Assembly resolution 55/63, in which", "resolution") == ["A/RES/55/63"]
    assert targets("resolutions S-20/2 and 55/63", "resolution") == ["A/RES/S-20/2", "A/RES/55/63"]


def test_each_resolution_of_a_list_spans_its_own_citation():
    text = "(Economic and Social Council resolutions 1998/23, para. 1, and 1999/26);"
    assert [ref.text for ref in find_references(text, chapter="XI")] == [
        "Economic and Social Council resolutions 1998/23, para. 1",
        "1999/26",
    ]
    text = "(see resolution 55/63, paras. 1 (a) and (j))"
    assert [ref.text for ref in find_references(text, chapter="XII")] == ["resolution 55/63, paras. 1 (a)", "(j)"]


def test_resolutions_named_without_a_number_give_no_reference():
    text = "mandates embodied both in the Vienna Declaration and recent resolutions of the General Assembly"
    assert find_references(text, chapter="II") == []
    assert find_references("In the same resolution the Assembly requested", chapter="III") == []


def test_the_symbol_of_a_resolution_target_drops_its_pinpoint():
    assert resolution_symbol("E/RES/1998/23, para. 1") == "E/RES/1998/23"
    assert resolution_symbol("A/RES/45/110, annex, para. 6") == "A/RES/45/110"
    assert resolution_symbol("A/RES/S-20/4 D") == "A/RES/S-20/4 D"


# --- documents ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("before the Commission at its tenth session (E/CN.15/2001/4).", ["E/CN.15/2001/4"]),
        ("on its twelfth session (A/55/383/Add.2)).", ["A/55/383/Add.2"]),
        ("Organized Transnational Crime (A/49/748, annex, chap. 1, sect. A).", ["A/49/748"]),
        ("knowledge-based global economy (E/2000/52).", ["E/2000/52"]),
        ("on measures to eliminate international terrorism (A/55/179 and Add.1).", ["A/55/179", "A/55/179/Add.1"]),
        ("^{*} E/CN.7/2001/1.", ["E/CN.7/2001/1"]),
    ],
)
def test_document_symbols_are_found_as_they_stand(text, expected):
    assert targets(text, "document", "") == expected


def test_an_addendum_spans_its_own_words():
    refs = find_references("(A/55/179 and Add.1)", chapter="VIII")
    assert [(ref.text, ref.target) for ref in refs] == [("A/55/179", "A/55/179"), ("Add.1", "A/55/179/Add.1")]


def test_resolution_numbers_are_not_documents_and_documents_are_not_resolutions():
    assert targets("(General Assembly resolution 55/25, annexes I-III)", "document") == []
    assert targets("a separate report before the Commission (E/CN.15/2001/4)", "resolution") == []


# --- instruments -------------------------------------------------------------------------------------


def test_the_instrument_codes_are_those_of_the_design():
    assert set(INSTRUMENTS) == {"UNTOC", "TIP", "SOM", "FIREARMS", "DRUGS1988", "UNCAC"}


@pytest.mark.parametrize(
    ("text", "chapter", "expected"),
    [
        ("sign and ratify the United Nations Convention against Transnational Organized Crime", "II", ["UNTOC"]),
        ('("the Convention")', "II", ["UNTOC"]),
        ("The Convention establishes an international framework", "III", ["UNTOC"]),
        ("Countries must ratify the parent Convention before", "VI", ["UNTOC"]),
        ("(the \"Trafficking in Persons Protocol\")", "II", ["TIP"]),
        ("the Convention and its Protocol against the Smuggling of Migrants by Land, Sea and Air", "II",
         ["UNTOC", "SOM"]),
        ("(the \"Migrants Protocol\")", "II", ["SOM"]),
        ("To [adopt,] sign, ratify and implement the Convention and the Firearms Protocol", "VI",
         ["UNTOC", "FIREARMS"]),
        ("the United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances of 1988",
         "II", ["DRUGS1988"]),
        ("In particular, the 1988 Convention, article 3, paragraph 1;", "VII", ["DRUGS1988"]),
        ("the protocols thereto (para. 5)", "III", ["TIP", "SOM", "FIREARMS"]),
        ("before they can ratify or accede to any of the Protocols.", "X", ["TIP", "SOM", "FIREARMS"]),
        ("and the protocols thereto dealing with trafficking in persons and smuggling of migrants as soon", "V",
         ["TIP", "SOM"]),
        ("The two protocols supplementing the United Nations Convention against Transnational Organized Crime",
         "V", ["TIP", "SOM", "UNTOC"]),
    ],
)  # fmt: skip
def test_instruments_are_named_in_these_words(text, chapter, expected):
    assert targets(text, "instrument", chapter) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "The proposed convention against corruption",
        "a new binding global legal instrument against corruption",
        "a United Nations convention against corruption",
        "the proposed global convention against corruption",
        "an effective international legal instrument against corruption",
        "a binding international legal instrument",
        "a global instrument against corruption",
    ],
)
def test_the_proposed_convention_against_corruption_is_named_in_many_ways(phrase):
    for chapter in ("II", "IV", "XII"):
        [ref] = find_references(f"the negotiation of {phrase} and", chapter=chapter)
        assert (ref.target, ref.text) == ("UNCAC", phrase)


def test_in_chapter_iv_a_lowercase_convention_is_the_convention_against_corruption():
    assert targets("(d) Efforts to finalize the convention as soon as possible;", "instrument", "IV") == ["UNCAC"]
    assert targets("(d) Efforts to finalize the convention as soon as possible;", "instrument", "III") == []
    text = "Actions may include the implementation of measures against money-laundering in the Convention"
    assert targets(text, "instrument", "IV") == ["UNTOC"]


def test_a_loose_instrument_is_the_corruption_convention_only_in_chapter_iv_or_after_it_is_named():
    assert targets("negotiation of the instrument;", "instrument", "IV") == ["UNCAC"]
    assert targets("to develop an international instrument on the illicit manufacturing of explosives",
                   "instrument", "III") == []  # fmt: skip
    text = ("through existing instruments, a new binding global legal instrument against corruption and other"
            " measures. ... ratification and implementation of a global instrument.")  # fmt: skip
    assert [ref.text for ref in find_references(text, chapter="II")] == [
        "a new binding global legal instrument against corruption",
        "a global instrument",
    ]


def test_existing_instruments_against_corruption_are_not_the_new_convention():
    for text in ("(a) The review and analysis of existing international instruments against corruption;",
                 "compliance with other international instruments against corruption and to"):  # fmt: skip
        assert targets(text, "instrument", "IV") == []


def test_the_protocol_is_the_one_last_named_or_in_chapter_vi_the_firearms_protocol():
    text = "(a) Prepare for ratification of the Migrants Protocol and implement key elements of the Protocol"
    assert targets(text, "instrument", "V") == ["SOM", "SOM"]
    assert targets("for purposes of the Protocol; (c) The establishment", "instrument", "VI") == ["FIREARMS"]
    assert targets("The Protocol does not deal specifically with the review", "instrument", "V") == []


def test_a_long_protocol_name_is_not_counted_again_inside_itself():
    text = (
        "the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children,"
        ' supplementing the United Nations Convention against Transnational Organized Crime (the "Trafficking'
        ' in Persons Protocol")'
    )
    refs = find_references(text, chapter="II")
    assert [ref.target for ref in refs] == ["TIP", "UNTOC", "TIP"]
    assert refs[0].text.startswith("Protocol to Prevent")
    assert len({(ref.start, ref.end) for ref in refs}) == 3


def test_the_committee_that_drafted_the_convention_is_not_the_convention():
    text = "The Ad Hoc Committee on the Elaboration of a Convention against Transnational Organized Crime"
    assert find_references(text, chapter="III") == []


def test_protocols_thereto_dealing_with_something_unnamed_are_all_three():
    text = "the Convention and the protocols thereto dealing with border measures;"
    assert targets(text, "instrument") == ["UNTOC", "TIP", "SOM", "FIREARMS"]
    assert [ref.text for ref in find_references(text, chapter="III")][1:] == ["the protocols thereto"] * 3


def test_a_bare_or_counted_protocol_is_left_unresolved():
    for text in ("with respect to the protocols.", "to ratify either protocol", "article 1 of each of the protocols"):
        assert targets(text, "instrument", "III") == []


# --- contract ----------------------------------------------------------------------------------------


def test_a_chapter_must_be_a_roman_numeral_or_empty():
    with pytest.raises(ValueError, match="Roman numeral"):
        find_references("(para. 16)", chapter="4")
    assert targets("(para. 16)", "declaration", "") == ["VD 16"]


@given(st.lists(st.sampled_from([
    "(para. 16)", "(paras. 10, 13 and 15)", "resolution 1998/23, para. 3", "resolutions 55/59 and 55/60",
    "A/55/179 and Add.1", "the protocols thereto", "the Protocol", "the convention", "S-20/4 D", ", and ",
    "(", ")", " ", "paragraph 14 of the Declaration", "Efforts", "annex", "para.", "1", "(a)", "2000/14",
]), max_size=12).map("".join), st.sampled_from(["", "I", "IV", "VI", "XII"]))  # fmt: skip
def test_any_text_gives_references_that_span_their_own_words(text, chapter):
    references = find_references(text, chapter=chapter)
    assert [ref.start for ref in references] == sorted(ref.start for ref in references)
    assert all(text[ref.start : ref.end] == ref.text and ref.target for ref in references)
