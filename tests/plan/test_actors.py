"""Actors, partners and conditions of every national and international action of the real document."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import viennaplan
from viennaplan.plan.actors import ACTORS, actor_of, flags

TEXT = (Path(viennaplan.__file__).parent / "data" / "plans-of-action-2001-draft.txt").read_text(encoding="utf-8")

HEADING_KINDS = {"1. National actions": "national_action", "2. International actions": "international_action"}
OTHER_HEADING = re.compile(r"^(?:3\. Expected impact|[ABC]\. |- )|^(?:\*?Objective)|^[IVX]+\. [A-Z]")
PARAGRAPH = re.compile(r"^(\d+)\. (.*)", re.S)
ITEM = re.compile(r"^\(([a-z]|[ivx]+|1)\) (.*)", re.S)
RUN_ON_ITEM = re.compile(r"(?<=[;:.]) (?=\((?:[a-z]|[ivx]+)\) [A-Z])")  # "...crime; (d) In cooperation with"


def action_blocks() -> list[tuple[str, str, str]]:
    """(kind, citation, text) of every action paragraph and item, in order, page breaks mended."""
    blocks: list[str] = []
    for block in (block.strip() for block in TEXT.split("\nNotes\n")[0].split("\n\n")):
        if blocks and block and block[0].islower():
            blocks[-1] = f"{blocks[-1]} {block}"
        elif block:
            blocks.append(block)
    blocks = [piece for block in blocks for piece in RUN_ON_ITEM.split(block)]
    found: list[tuple[str, str, str]] = []
    kind, paragraph = "", ""
    for block in blocks:
        if block in HEADING_KINDS:
            kind = HEADING_KINDS[block]
        elif OTHER_HEADING.match(block):
            kind = ""
        elif (match := PARAGRAPH.match(block)) and kind:
            paragraph = match.group(1)
            found.append((kind, paragraph, match.group(2)))
        elif (match := ITEM.match(block)) and kind:
            label = "l" if match.group(1) == "1" else match.group(1)
            found.append((kind, f"{paragraph}({label})", match.group(2)))
    return found


def paragraph_text(number: int) -> str:
    return next(text for _, citation, text in action_blocks() if citation == str(number))


def item_text(citation: str) -> str:
    return next(text for _, cited, text in action_blocks() if cited == citation)


NATIONAL = ("member_states", ())
COLLECTIVE = ("states_collectively", ())
CENTRE = ("cicp", ())

PARAGRAPH_ACTORS: dict[int, tuple[str, tuple[str, ...]]] = {
    **dict.fromkeys((10, 16, 17, 26, 29, 30, 31, 39, 44, 49, 55, 56, 57, 63, 69, 71, 75, 82, 88, 97, 98), NATIONAL),
    22: ("states_individually_and_collectively", ()),  # "Individually and collectively, States will support"
    **dict.fromkeys((11, 12, 40, 45, 50, 64, 76, 83, 89, 99), COLLECTIVE),  # "Collectively, States ..."
    32: COLLECTIVE,  # "States will promote ... Collectively, this will be done"
    **dict.fromkeys((13, 18, 23, 27, 41, 46, 51, 59, 77, 84, 100), CENTRE),
    33: ("cicp", ("odccp_field_offices",)),
    58: ("unspecified", ()),  # "International and regional actions in this area will consist ..."
    60: ("cicp", ("pni",)),
    65: ("odccp", ()),
    70: ("tpb", ()),
    72: ("tpb", ("ola",)),
    90: ("unspecified", ()),  # "Other international actions will include the following measures:"
}

# Items whose own words change what they inherit from their paragraph.
ITEMS_NAMING_THEIR_OWN: dict[str, tuple[str, tuple[str, ...]]] = {
    "46(b)": ("cicp", ("unicri",)),  # "in cooperation with the United Nations Interregional ... Institute"
    "59(f)": ("cicp", ("conference_of_parties",)),  # "Cooperate with ... the Conference of Parties to the Convention"
    "70(d)": ("tpb", ("member_states",)),  # "In cooperation with Member States, take appropriate measures"
    "90(a)": ("cicp", ("states_collectively",)),  # "Efforts by the Centre ... and States"
    "90(b)": ("states_collectively", ()),  # "The exchange of information ... between interested States"
}


def test_the_actor_codes_cover_the_bodies_of_the_document_with_their_kinds():
    assert {code: kind for code, (_, kind) in ACTORS.items()} == {
        "member_states": "states",
        "states_collectively": "states",
        "states_individually_and_collectively": "states",
        "cicp": "un",
        "odccp": "un",
        "odccp_field_offices": "un",
        "tpb": "un",
        "ola": "un",
        "pni": "un",
        "unicri": "un",
        "conference_of_parties": "other",
        "unspecified": "other",
    }
    assert ACTORS["cicp"][0] == "Centre for International Crime Prevention"


def test_the_document_has_these_action_paragraphs_in_these_sections():
    paragraphs = {int(citation): kind for kind, citation, _ in action_blocks() if citation.isdigit()}
    assert set(paragraphs) == set(PARAGRAPH_ACTORS)
    assert {n for n, kind in paragraphs.items() if kind == "international_action"} == {
        11, 12, 13, 18, 23, 27, 32, 33, 40, 41, 45, 46, 50, 51, 58, 59, 60, 64, 65, 70, 72, 76, 77, 83, 84, 89, 90,
        99, 100,
    }  # fmt: skip


def test_every_action_paragraph_has_the_actor_its_words_name():
    for kind, citation, text in action_blocks():
        if citation.isdigit():
            assert actor_of(text, kind=kind) == PARAGRAPH_ACTORS[int(citation)], citation


def test_every_item_inherits_its_paragraphs_actor_unless_its_own_words_name_one():
    inherited: tuple[str, tuple[str, ...]] = ("", ())
    seen = set()
    for kind, citation, text in action_blocks():
        if citation.isdigit():
            inherited = actor_of(text, kind=kind)
            continue
        expected = ITEMS_NAMING_THEIR_OWN.get(citation, inherited)
        assert actor_of(text, kind=kind, inherited=inherited) == expected, citation
        seen.add(citation)
    assert set(ITEMS_NAMING_THEIR_OWN) <= seen
    assert len(seen) > 150


# --- the rules, phrase by phrase ---------------------------------------------------------------------


def test_national_actions_are_for_member_states_individually_by_default():
    assert actor_of(paragraph_text(44), kind="national_action") == NATIONAL  # "States will take the following"
    assert actor_of(paragraph_text(56), kind="national_action") == NATIONAL  # "By 2005, most Member States"


def test_individually_and_collectively_states_act_together_and_alone():
    text = "Individually and collectively, States will support the following:"
    assert actor_of(text, kind="national_action") == ("states_individually_and_collectively", ())


def test_collectively_states_is_states_collectively():
    text = "Collectively, States will promote increased international cooperation and coordination"
    assert actor_of(text, kind="international_action") == COLLECTIVE


def test_the_centre_named_as_subject_acts_even_after_an_opening_clause():
    assert actor_of("The Centre for International Crime Prevention will:", kind="international_action") == CENTRE
    text = "To assist States in these actions, the Centre for International Crime Prevention will:"
    assert actor_of(text, kind="international_action") == CENTRE


def test_the_centre_in_cooperation_with_the_field_offices():
    assert actor_of(paragraph_text(33), kind="international_action") == ("cicp", ("odccp_field_offices",))


def test_the_office_and_the_terrorism_prevention_branch_act_where_named():
    assert actor_of("The Office for Drug Control and Crime Prevention will:", kind="international_action") == (
        "odccp",
        (),
    )
    assert actor_of(paragraph_text(72), kind="international_action") == ("tpb", ("ola",))


def test_the_centre_and_the_institutes_of_the_network_act_together():
    assert actor_of(paragraph_text(60), kind="international_action") == ("cicp", ("pni",))


def test_a_paragraph_that_names_no_actor_is_unspecified():
    assert actor_of(paragraph_text(58), kind="international_action") == ("unspecified", ())
    assert actor_of(paragraph_text(90), kind="international_action") == ("unspecified", ())


def test_the_items_of_paragraph_90_name_their_own_actors():
    paragraph = actor_of(paragraph_text(90), kind="international_action")
    assert actor_of(item_text("90(a)"), kind="international_action", inherited=paragraph) == (
        "cicp",
        ("states_collectively",),
    )
    assert actor_of(item_text("90(b)"), kind="international_action", inherited=paragraph) == COLLECTIVE
    assert actor_of(item_text("90(c)"), kind="international_action", inherited=paragraph) == ("unspecified", ())


def test_an_item_keeps_its_paragraphs_partners_and_adds_its_own():
    inherited = ("cicp", ("odccp_field_offices",))
    text = (
        "(b) Develop a global database containing information about the nature and extent of trafficking and best"
        " practices for preventing and controlling it, in cooperation with the United Nations Interregional Crime"
        " and Justice Research Institute;"
    )
    assert actor_of(text, kind="international_action", inherited=inherited) == (
        "cicp",
        ("odccp_field_offices", "unicri"),
    )


def test_an_item_that_mentions_a_body_as_an_object_still_inherits():
    text = "(c) Support the efforts of the Centre for International Crime Prevention to promote ratification"
    assert actor_of(text, kind="national_action", inherited=NATIONAL) == NATIONAL
    text = "(i) Make increasing use of the Office for Drug Control and Crime Prevention field office network"
    assert actor_of(text, kind="international_action", inherited=CENTRE) == CENTRE


def test_an_item_under_a_paragraph_without_actor_falls_back_to_its_kinds_default():
    assert actor_of("(a) The review and analysis", kind="national_action", inherited=("", ())) == NATIONAL
    assert actor_of("(c) The development", kind="international_action", inherited=("", ())) == ("unspecified", ())


@pytest.mark.parametrize("kind", ["commitments", "background", "objective", "expected_impact", "summary"])
def test_other_kinds_of_paragraph_have_no_actor(kind):
    assert actor_of("The Centre for International Crime Prevention will:", kind=kind) == ("", ())
    assert actor_of("Collectively, States bring each instrument into force", kind=kind, inherited=CENTRE) == ("", ())


# --- flags -------------------------------------------------------------------------------------------


def test_the_actions_subject_to_resources_are_exactly_these():
    flagged = {citation for _, citation, text in action_blocks() if flags(text)[0]}
    assert flagged == {
        "13(b)", "18(a)", "18(b)", "27(b)", "33(b)", "41", "46(a)", "51(a)", "59(c)", "77(c)", "77(d)", "90(c)",
        "100(d)",
    }  # fmt: skip


def test_the_actions_upon_request_are_exactly_these():
    flagged = {citation for _, citation, text in action_blocks() if flags(text)[1]}
    assert flagged == {"13(b)", "18(a)", "18(b)", "27(b)", "33(b)", "41", "58", "71", "72"}


@pytest.mark.parametrize(
    "text",
    [
        "in developing and implementing legal and other measures, subject to the availability of resources;",
        "(d) Subject to the availability of resources, develop guidelines for policy makers",
        "Commitments for United Nations entities ... are contingent on the availability of adequate resources",
        "upon request and subject to the availability of\n\nresources, both before and after they ratify",
    ],
)
def test_resources_phrases(text):
    assert flags(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Providing expertise and assistance to States, upon request and subject to",
        "to facilitate the implementation of the Convention and the protocols thereto, on request and",
        "technical assistance in domestic firearm control matters to Member States at their request.",
        "Provide technical cooperation to facilitate ratification ... of the convention to requesting States",
        "(b) Provide other guidance and assistance to States that request it, subject to",
        "to cooperate effectively in appropriate cases with other States when requested to do so.",
    ],
)  # fmt: skip
def test_request_phrases(text):
    assert flags(text)[1]


def test_requests_from_other_states_are_not_an_upon_request_condition():
    for text in (
        "to permit timely and effective responses to be made to requests from other States",
        "authorized and equipped to respond to such requests;",
        "to respond effectively and expeditiously to requests for assistance in the tracing of communications",
    ):
        assert flags(text) == (False, False)
