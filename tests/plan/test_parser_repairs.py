"""Each damaged spot of the extracted text is mended, reported, and loses no text."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from viennaplan.plan.parser import PlanFormatError, parse_plan


def _p(document, citation):
    return next(p for p in document.provisions() if p.citation == citation)


def _repairs(document, kind):
    return [r for r in document.report.repairs if r.kind == kind]


def test_items_run_together_on_one_line_are_split(plan_document):
    runs = {r.message.split(" ran on")[0] for r in _repairs(plan_document, "run-on")}
    assert runs == {"(b)", "(e)", "(c)", "(d)", "(h)", "(k)", "(ii)", "paragraph 81"}
    assert len(_repairs(plan_document, "run-on")) == 10  # 6, 30, 51, 57, 59, 63, 70, 80, 88, 98(b)
    assert _p(plan_document, "30(d)").text.endswith("resistance to corrupt influences;")
    assert _p(plan_document, "30(e)").text.startswith("The maintenance or establishment of institutions")
    assert _p(plan_document, "57(b)").text.endswith("for purposes of the Protocol;")
    assert _p(plan_document, "57(c)").text.startswith("The establishment of licensing rules")
    assert _p(plan_document, "98(b)(i)").text.endswith("used in criminal proceedings;")
    assert _p(plan_document, "98(b)(ii)").text.startswith(
        "The adoption or amendment of provisions dealing with the national"
    )


def test_a_paragraph_number_in_the_middle_of_a_line_starts_a_new_paragraph(plan_document):
    assert _p(plan_document, "80").text.endswith("preventing, investigating or prosecuting offences.")
    assert _p(plan_document, "81").text.startswith("Restorative justice is regarded as an alternative mode")
    assert _p(plan_document, "81").note_refs == [42]


def test_the_digit_one_printed_for_the_letter_l_is_read_as_l(plan_document):
    assert len(_repairs(plan_document, "digit-for-letter")) == 2
    assert _p(plan_document, "57(l)").text.startswith("The preparation and dissemination of periodic national reports")
    assert _p(plan_document, "88(l)").text.startswith("Promoting the re-education and rehabilitation of children")


def test_paragraph_1s_displaced_number_is_moved_back(plan_document):
    first = _p(plan_document, "1")
    assert first.text.startswith("On 17 April 2000, the Tenth United Nations Congress on the Prevention of Crime")
    assert " 1. " not in first.text
    assert len(_repairs(plan_document, "displaced-number")) == 1


def test_the_displaced_label_c_of_paragraph_6_is_moved_back(plan_document):
    item = _p(plan_document, "6(c)")
    assert item.text.startswith("Trafficking in persons. The plan for action against trafficking in persons calls")
    assert "(c)" not in item.text
    assert len(_repairs(plan_document, "displaced-label")) == 1


def test_sentences_split_by_page_breaks_are_joined(plan_document):
    assert (
        "subject to the availability of resources, both before and after they ratify" in _p(plan_document, "13(b)").text
    )
    assert (
        "tampering with firearm markings and violations of licensing or authorization requirements"
        in _p(plan_document, "57(k)(ii)").text
    )
    assert "the problem of money-laundering on the part of key officials" in _p(plan_document, "65(f)").text
    assert "on the basis of an interim text based on elements" in _p(plan_document, "6(e)").text
    assert "criminal offences, investigative powers" in _p(plan_document, "101").text
    assert "Collectively, this will be done through specialized agencies" in _p(plan_document, "32").text
    assert (
        len(_repairs(plan_document, "page-break-join")) == 11
    )  # summary, 6(e), 8, 13(b), 57(k)(ii), 65(f), 68, 76, 83, 101, note 7


def test_page_furniture_is_discarded_with_its_reason(plan_document):
    discarded = plan_document.report.discarded
    assert [(d.line, d.text) for d in discarded] == [(21, "V.01-82215 (E) 200401 230401")]
    assert discarded[0].reason.startswith("page furniture")


def test_the_greek_chi_of_the_contents_is_read_as_roman_ten(plan_document):
    assert len(_repairs(plan_document, "lookalike-letter")) == 1
    assert plan_document.chapter("X").title == "Action on witnesses and victims of crime"


def test_a_note_marker_in_plain_digits_is_recognised(plan_document):
    paragraph = _p(plan_document, "21")
    assert paragraph.note_refs == [11]
    assert paragraph.text.endswith("on several recent occasions.")


def test_the_tex_marker_of_note_25_is_recognised(plan_document):
    item = _p(plan_document, "49(d)")
    assert item.note_refs == [25]
    assert item.text.endswith("in the course of being smuggled;")


def test_the_contents_discrepancy_for_paragraph_102_is_reported(plan_document):
    assert any("92–101" in w and "92–102" in w for w in plan_document.report.warnings)


def _words(text):
    return re.findall(r"[A-Za-z]{3,}", text)


def test_no_text_is_silently_dropped(plan_text, plan_document):
    """Every word of the body is in exactly one provision, a note, the front matter or the discarded list."""
    body = plan_text.split("\nContents\n", 1)[1]
    body = body.split("| XII.", 1)[1].split("\n", 1)[1]  # after the table of contents
    expected = Counter(_words(body))
    found = Counter()
    for provision in plan_document.provisions():
        found.update(_words(provision.text))
        found.update(_words(" ".join(provision.labels[-1:])))  # "(iii)" is a label, not text
    for note in plan_document.notes:
        found.update(_words(note.text))
    for chapter in plan_document.chapters:
        found.update(_words(f"{chapter.title}"))
        for objective in chapter.objectives:
            found.update(_words(objective.text))
    headings = re.findall(
        r"^(?:[A-C]\. (?:Commitments|Background|Objectives)|[1-3]\. (?:National actions|International actions|"
        r"Expected impact)|Notes|[-\s*]*Objective(?: \d)?\.\*?)",
        body,
        flags=re.M,
    )
    for heading in headings:
        found.update(_words(heading))
    for chapter in plan_document.chapters:
        found.update(_words(chapter.number))
    assert found == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\n  ", "empty"),
        ("bin\x00ary", "binary"),
        ("Lorem ipsum dolor sit amet.\n\nConsectetur adipiscing elit.", "Contents"),
    ],
)
def test_text_that_is_not_the_plan_is_refused_with_a_clear_message(text, message):
    with pytest.raises(PlanFormatError, match=message):
        parse_plan(text)


def test_a_truncated_plan_is_refused_and_says_where_it_stops(plan_text):
    truncated = plan_text.split("VIII. Action against terrorism")[0]
    with pytest.raises(PlanFormatError, match="VIII, IX, X, XI, XII not found .*paragraph 66"):
        parse_plan(truncated)


def test_parsing_the_same_text_twice_gives_the_same_document(plan_text, plan_document):
    again = parse_plan(plan_text)
    assert again == plan_document


def test_words_shuffled_by_the_extraction_are_put_back_in_the_documents_own_order(plan_document):
    repairs = _repairs(plan_document, "shuffled-words")
    assert [r.message.split(":")[0] for r in repairs] == ["50", "64"]
    for citation in ("50", "64"):
        assert "for example, the United Nations Development Assistance Framework" in _p(plan_document, citation).text


def test_a_suspect_sentence_break_left_as_it_is_is_reported(plan_document):
    assert any(w.startswith("21: 'accountable. also'") for w in plan_document.report.warnings)
