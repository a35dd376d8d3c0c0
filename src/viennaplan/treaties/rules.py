"""The instruments' final clauses as data: who may sign where and until when, how many instruments
bring each into force, on which day for later States, and how a denunciation works.

Keys of `InstrumentRules.articles` (the engine and validation cite them in their sentences):
`signature`, `organizations` (regional economic integration organizations: signature, consent,
accession), `general` (general entry into force), `later` (States depositing later),
`organizations_count` (an organization's instrument not counted), `parent` (a Protocol needs its
Convention), `denunciation`, `cascade` (denouncing the Convention denounces its Protocols).

Every date and figure here is read from the instrument's text or the depositary's record named in
`source`; where a figure could not be checked it is said so in `interpretations`. No date is guessed.
"""

from __future__ import annotations

from datetime import date, timedelta

from .records import InstrumentRules, SignatureWindow
from .terrorism_rules import TERRORISM_INSTRUMENTS

# The plan's date for the Convention and its Protocols ("before the end of 2002", paragraphs 10 and 39):
# the treaty pages offer it as an as-of date and mark it on the charts; monitoring measures the plan's
# ratification objectives against it (monitoring/targets.py).
TARGET_DATE = date(2002, 12, 31)

_D = date
_W = SignatureWindow
_PALERMO = (
    _W(_D(2000, 12, 12), _D(2000, 12, 15), "Palermo"),
    _W(_D(2000, 12, 16), _D(2002, 12, 12), "New York"),
)
_PARENT_ARTICLE = "art. 37(2) of the Convention"  # only a party to the Convention may join its Protocols
_UNTOC_SOURCE = (
    "General Assembly resolution 55/25 (15 November 2000), annexes I-III, final clauses; official dates: "
    "Multilateral Treaties Deposited with the Secretary-General, chap. XVIII.12"
)


def _un_articles(
    signature: str, entry: str, denunciation: str, *, parent: str = "", cascade: str = ""
) -> dict[str, str]:
    """The articles of a United Nations convention's final clauses, numbered alike since 2000: signature
    in art. S(1) and by organizations in S(2)-(4), entry into force in E(1) (where organizations are not
    counted) and E(2) for later States, denunciation in D(1); a Protocol's `parent`, a `cascade`."""
    return {
        "signature": f"art. {signature}(1)",
        "organizations": f"art. {signature}(2)-(4)",
        "general": f"art. {entry}(1)",
        "later": f"art. {entry}(2)",
        "organizations_count": f"art. {entry}(1)",
        **({"parent": parent} if parent else {}),
        "denunciation": f"art. {denunciation}(1)",
        **({"cascade": cascade} if cascade else {}),
    }


def _palermo_protocol(code: str, name: str, short: str, arts: tuple[str, str, str], official: date) -> InstrumentRules:
    signature, entry, denunciation = arts
    return InstrumentRules(
        code=code,
        name=name,
        short_name=short,
        adopted=_D(2000, 11, 15),
        adopted_by="General Assembly resolution 55/25",
        threshold=40,
        general_delay_days=90,
        later_delay_days=30,
        later_whichever_is_later=True,
        parent="UNTOC",
        signature_windows=_PALERMO,
        official_entry_into_force=official,
        articles=_un_articles(signature, entry, denunciation, parent=_PARENT_ARTICLE),
        source=_UNTOC_SOURCE,
    )


_UNTOC_FAMILY = {
    "UNTOC": InstrumentRules(
        code="UNTOC",
        name="United Nations Convention against Transnational Organized Crime",
        short_name="Organized Crime Convention",
        adopted=_D(2000, 11, 15),
        adopted_by="General Assembly resolution 55/25",
        threshold=40,
        general_delay_days=90,
        later_delay_days=30,
        later_whichever_is_later=False,
        signature_windows=_PALERMO,
        denunciation_cascades_to_children=True,
        official_entry_into_force=_D(2003, 9, 29),
        articles=_un_articles("36", "38", "40", cascade="art. 40(3)"),
        interpretations=(
            "Read literally, art. 38(2) would put the Convention in force for a State that deposited between "
            "the 40th instrument and the general date on the 30th day after its deposit, before the Convention "
            "was in force at all; the depositary never brings a treaty into force for a State before its general "
            "entry into force, so the engine clamps that date to the general date and says so in the explanation.",
        ),
        source=_UNTOC_SOURCE,
    ),
    "TIP": _palermo_protocol(
        "TIP",
        "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, "
        "supplementing the United Nations Convention against Transnational Organized Crime",
        "Trafficking in Persons Protocol",
        ("16", "17", "19"),
        _D(2003, 12, 25),
    ),
    "SOM": _palermo_protocol(
        "SOM",
        "Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United "
        "Nations Convention against Transnational Organized Crime",
        "Migrants Protocol",
        ("21", "22", "24"),
        _D(2004, 1, 28),
    ),
    "FIREARMS": InstrumentRules(
        code="FIREARMS",
        name="Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their "
        "Parts and Components and Ammunition, supplementing the United Nations Convention against Transnational "
        "Organized Crime",
        short_name="Firearms Protocol",
        adopted=_D(2001, 5, 31),
        adopted_by="General Assembly resolution 55/255",
        threshold=40,
        general_delay_days=90,
        later_delay_days=30,
        later_whichever_is_later=True,
        parent="UNTOC",
        signature_windows=(_W(_D(2001, 5, 31) + timedelta(days=30), _D(2002, 12, 12), "New York"),),
        official_entry_into_force=_D(2005, 7, 3),
        articles=_un_articles("17", "18", "20", parent=_PARENT_ARTICLE),
        interpretations=(
            "'From the thirtieth day after its adoption' is read as adoption plus 30 days: open from 30 June 2001.",
        ),
        source="General Assembly resolution 55/255 (31 May 2001), annex, final clauses; official date: "
        "Multilateral Treaties Deposited with the Secretary-General, chap. XVIII.12",
    ),
    "UNCAC": InstrumentRules(
        code="UNCAC",
        name="United Nations Convention against Corruption",
        short_name="Convention against Corruption",
        adopted=_D(2003, 10, 31),
        adopted_by="General Assembly resolution 58/4",
        threshold=30,
        general_delay_days=90,
        later_delay_days=30,
        later_whichever_is_later=True,
        signature_windows=(
            _W(_D(2003, 12, 9), _D(2003, 12, 11), "Mérida"),
            _W(_D(2003, 12, 12), _D(2005, 12, 9), "New York"),
        ),
        official_entry_into_force=_D(2005, 12, 14),
        articles=_un_articles("67", "68", "70"),
        source="General Assembly resolution 58/4 (31 October 2003), annex, arts. 67-71; official date: "
        "Multilateral Treaties Deposited with the Secretary-General, chap. XVIII.14",
    ),
}

_DRUGS = InstrumentRules(
    code="DRUGS1988",
    name="United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances",
    short_name="1988 Convention",
    adopted=_D(1988, 12, 19),
    adopted_by="United Nations Conference for the Adoption of a Convention against Illicit Traffic in Narcotic "
    "Drugs and Psychotropic Substances (Vienna, 25 November-20 December 1988)",
    threshold=20,
    general_delay_days=90,
    later_delay_days=90,
    later_whichever_is_later=False,
    signature_windows=(
        _W(_D(1988, 12, 20), _D(1989, 2, 28), "Vienna"),
        _W(_D(1989, 3, 1), _D(1989, 12, 20), "New York"),
    ),
    official_entry_into_force=_D(1990, 11, 11),
    articles={
        "signature": "art. 26",
        "organizations": "arts. 26-28",
        "general": "art. 29(1)",
        "later": "art. 29(2)",
        "organizations_count": "art. 29(1)",
        "denunciation": "art. 30",
    },
    interpretations=(
        "The depositary dates the Convention 20 December 1988, the day it was opened for signature at Vienna; "
        "the Conference adopted it on 19 December 1988, the date kept here as its adoption.",
        "The engine does not count an organization's instrument toward the 20, as for the later United Nations "
        "conventions; art. 29 has not been checked on this point here.",
    ),
    source="Convention, arts. 26-30 (E/CONF.82/15); signature dates and official date: Multilateral Treaties "
    "Deposited with the Secretary-General, chap. VI.19",
)


# Every instrument's rules, by code, in display order: the one declaration the engine, the pages, the
# API and the importer read (the Instrument table only registers the codes and names, see models.py).
INSTRUMENTS: dict[str, InstrumentRules] = {**_UNTOC_FAMILY, "DRUGS1988": _DRUGS, **TERRORISM_INSTRUMENTS}


def instrument_rules() -> dict[str, InstrumentRules]:
    """Every instrument's rules, by code, in display order: what the pages, the API and the importer read."""
    return dict(INSTRUMENTS)


def find_code(code: str) -> str | None:
    """The instrument's code as declared, for a code written in any case ("untoc" -> "UNTOC"); None if none."""
    return next((known for known in INSTRUMENTS if known.upper() == code.upper()), None)


def family_of(code: str, rules: dict[str, InstrumentRules] = INSTRUMENTS) -> list[str]:
    """The instrument and its ancestors (a Protocol and its Convention), parents first."""
    chain = [code]
    while (parent := rules[chain[0]].parent) and parent in rules and parent not in chain:
        chain.insert(0, parent)
    return chain
