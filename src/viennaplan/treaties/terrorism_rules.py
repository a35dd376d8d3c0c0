"""The universal instruments against terrorism listed in the Secretary-General's report A/55/179 (note 37
of the plan), their final clauses as data. `rules.INSTRUMENTS` includes them; see `rules` for the keys of
`articles`. Where a figure could not be checked against the text it is said so in `interpretations`.
"""

from __future__ import annotations

from datetime import date

from .records import InstrumentRules, SignatureWindow

_D = date
_W = SignatureWindow
_NOT_BEFORE_GENERAL = (
    "The engine never brings an instrument into force for a State before its general entry into force: "
    "the depositary does not, and the text does not ask for it."
)
_UNTIL_IN_FORCE = (
    "'Open for signature until it enters into force' is read as: the last day for signature is the day "
    "before the general entry into force."
)
_SIGNATORY_CONDITION = (
    "The text counts only the ratifications of signatory States that took part in the diplomatic "
    "conference; the engine counts every instrument of consent on file and reports any difference from "
    "the official date."
)


def _terrorism(
    code: str,
    name: str,
    short: str,
    adopted: date,
    adopted_by: str,
    threshold: int,
    delay: int,
    official: date,
    windows: tuple[SignatureWindow, ...],
    articles: dict[str, str],
    source: str,
    *,
    whichever: bool = False,
    months: int | None = 12,
    days: int | None = None,
    parent: str | None = None,
    cascade: bool = False,
    organizations: bool = False,
    interpretations: tuple[str, ...] = (),
) -> InstrumentRules:
    return InstrumentRules(
        code=code,
        name=name,
        short_name=short,
        adopted=adopted,
        adopted_by=adopted_by,
        threshold=threshold,
        general_delay_days=delay,
        later_delay_days=delay,
        later_whichever_is_later=whichever,
        parent=parent,
        organizations_may_join=organizations,
        signature_windows=windows,
        denunciation_delay_months=months,
        denunciation_delay_days=days,
        denunciation_cascades_to_children=cascade,
        official_entry_into_force=official,
        articles=articles,
        interpretations=(*interpretations, _NOT_BEFORE_GENERAL),
        source=source,
    )


_A55_179 = "listed in the report of the Secretary-General A/55/179 (note 37 of the plan)"
TERRORISM_INSTRUMENTS: dict[str, InstrumentRules] = {
    "TOKYO1963": _terrorism(
        "TOKYO1963",
        "Convention on Offences and Certain Other Acts Committed on Board Aircraft",
        "Tokyo Convention",
        _D(1963, 9, 14),
        "International Conference on Air Law (Tokyo, 1963)",
        12,
        90,
        _D(1969, 12, 4),
        (_W(_D(1963, 9, 14), _D(1963, 9, 14), "Tokyo"), _W(_D(1963, 9, 15), _D(1969, 12, 3), "Montreal (ICAO)")),
        {"signature": "art. 19", "general": "art. 21(1)", "later": "arts. 21(1), 22(2)", "denunciation": "art. 23"},
        f"Convention, arts. 19-23; depositary: ICAO; {_A55_179}",
        months=6,
        interpretations=(_UNTIL_IN_FORCE, "Accession is open only after the entry into force (art. 22(1))."),
    ),
    "HAGUE1970": _terrorism(
        "HAGUE1970",
        "Convention for the Suppression of Unlawful Seizure of Aircraft",
        "Hague Convention",
        _D(1970, 12, 16),
        "International Conference on Air Law (The Hague, 1-16 December 1970)",
        10,
        30,
        _D(1971, 10, 14),
        (
            _W(_D(1970, 12, 16), _D(1970, 12, 16), "The Hague"),
            _W(_D(1971, 1, 1), _D(1971, 10, 13), "London, Moscow, Washington"),
        ),
        {"signature": "art. 13(1)", "general": "art. 13(3)", "later": "art. 13(4)", "denunciation": "art. 14"},
        f"Convention, arts. 13-14; depositaries: Russian Federation, United Kingdom, United States; {_A55_179}",
        whichever=True,
        months=6,
        interpretations=(_UNTIL_IN_FORCE, _SIGNATORY_CONDITION),
    ),
    "MONTREAL1971": _terrorism(
        "MONTREAL1971",
        "Convention for the Suppression of Unlawful Acts against the Safety of Civil Aviation",
        "Montreal Convention",
        _D(1971, 9, 23),
        "International Conference on Air Law (Montreal, 8-23 September 1971)",
        10,
        30,
        _D(1973, 1, 26),
        (
            _W(_D(1971, 9, 23), _D(1971, 9, 23), "Montreal"),
            _W(_D(1971, 10, 11), _D(1973, 1, 25), "London, Moscow, Washington"),
        ),
        {"signature": "art. 15(1)", "general": "art. 15(3)", "later": "art. 15(4)", "denunciation": "art. 16"},
        f"Convention, arts. 15-16; depositaries: Russian Federation, United Kingdom, United States; {_A55_179}",
        whichever=True,
        months=6,
        interpretations=(_UNTIL_IN_FORCE, _SIGNATORY_CONDITION),
    ),
    "IPP1973": _terrorism(
        "IPP1973",
        "Convention on the Prevention and Punishment of Crimes against Internationally Protected Persons, "
        "including Diplomatic Agents",
        "Internationally Protected Persons Convention",
        _D(1973, 12, 14),
        "General Assembly resolution 3166 (XXVIII)",
        22,
        30,
        _D(1977, 2, 20),
        (_W(_D(1973, 12, 14), _D(1974, 12, 31), "New York"),),
        {"signature": "art. 14", "general": "art. 17(1)", "later": "art. 17(2)", "denunciation": "art. 18"},
        f"Convention, arts. 14-18; depositary: Secretary-General; {_A55_179}",
        months=6,
    ),
    "HOSTAGES1979": _terrorism(
        "HOSTAGES1979",
        "International Convention against the Taking of Hostages",
        "Hostages Convention",
        _D(1979, 12, 17),
        "General Assembly resolution 34/146",
        22,
        30,
        _D(1983, 6, 3),
        (_W(_D(1979, 12, 17), _D(1980, 12, 31), "New York"),),
        {"signature": "art. 17", "general": "art. 18(1)", "later": "art. 18(2)", "denunciation": "art. 19"},
        f"Convention, arts. 17-19; depositary: Secretary-General; {_A55_179}",
    ),
    "CPPNM1980": _terrorism(
        "CPPNM1980",
        "Convention on the Physical Protection of Nuclear Material",
        "Nuclear Material Convention",
        _D(1979, 10, 26),
        "Meeting of governmental representatives convened by the IAEA (Vienna, adopted 26 "
        "October 1979; opened for signature 3 March 1980)",
        21,
        30,
        _D(1987, 2, 8),
        (_W(_D(1980, 3, 3), _D(1987, 2, 7), "Vienna"), _W(_D(1980, 3, 3), _D(1987, 2, 7), "New York")),
        {"signature": "art. 18(1)", "general": "art. 19(1)", "later": "art. 19(2)", "denunciation": "art. 21"},
        f"Convention, arts. 18-21; depositary: Director General of the IAEA; {_A55_179}",
        months=None,
        days=180,
        organizations=True,
        interpretations=(
            _UNTIL_IN_FORCE,
            "Art. 19(1) counts instruments of ratification, acceptance or approval; accession opens only after "
            "the entry into force (art. 18(3)), so counting every consent gives the same date.",
            "International organizations may join (art. 18(4)); none is recorded here as a regional economic "
            "integration organization, and organizations are not counted toward the 21.",
        ),
    ),
    "AIRPORTS1988": _terrorism(
        "AIRPORTS1988",
        "Protocol for the Suppression of Unlawful Acts of Violence at Airports Serving "
        "International Civil Aviation, supplementary to the Convention for the Suppression of Unlawful Acts "
        "against the Safety of Civil Aviation",
        "Airports Protocol",
        _D(1988, 2, 24),
        "International Conference on Air Law (Montreal, 9-24 February 1988)",
        10,
        30,
        _D(1989, 8, 6),
        (
            _W(_D(1988, 2, 24), _D(1988, 2, 24), "Montreal"),
            _W(_D(1988, 3, 2), _D(1989, 8, 5), "London, Moscow, Washington, Montreal"),
        ),
        {
            "signature": "art. IV",
            "parent": "arts. V(2), VII(2)",
            "general": "art. VI(1)",
            "later": "arts. VI(1), VII(3)",
            "denunciation": "art. VIII",
        },
        f"Protocol, arts. IV-VIII; depositaries: Russian Federation, United Kingdom, United States, ICAO; {_A55_179}",
        parent="MONTREAL1971",
        months=6,
        interpretations=(
            _UNTIL_IN_FORCE,
            _SIGNATORY_CONDITION,
            "A State not party to the Montreal Convention may join the Protocol only if it joins the Convention "
            "at the same time (arts. V(2), VII(2)): the Convention is treated as the Protocol's parent.",
            "The six-month delay of denunciation (art. VIII) is read as in the Montreal Convention, art. 16; "
            "it has not been checked against the Protocol's text here, nor whether denouncing the Convention "
            "denounces the Protocol (not assumed).",
        ),
    ),
    "SUA1988": _terrorism(
        "SUA1988",
        "Convention for the Suppression of Unlawful Acts against the Safety of Maritime Navigation",
        "SUA Convention",
        _D(1988, 3, 10),
        "International Conference on the Suppression of Unlawful Acts against "
        "the Safety of Maritime Navigation (Rome, 1988)",
        15,
        90,
        _D(1992, 3, 1),
        (_W(_D(1988, 3, 10), _D(1988, 3, 10), "Rome"), _W(_D(1988, 3, 14), _D(1989, 3, 9), "London (IMO)")),
        {
            "signature": "art. 17(1)",
            "general": "art. 18(1)",
            "later": "art. 18(2)",
            "denunciation": "art. 19",
            "cascade": "art. 7(4) of the Fixed Platforms Protocol",
        },
        f"Convention, arts. 17-19; depositary: Secretary-General of IMO; {_A55_179}",
        cascade=True,
        interpretations=(
            "A signature without reservation as to ratification is consent and counts toward the 15 "
            "(arts. 17(2)(a), 18(1)); the action kinds have no such signature yet, so the engine counts only "
            "deposited instruments and reports any difference from the official date.",
            "A denunciation may be made only after one year in force for the State (art. 19(1)); not checked.",
        ),
    ),
    "SUAPROT1988": _terrorism(
        "SUAPROT1988",
        "Protocol for the Suppression of Unlawful Acts against the Safety of Fixed Platforms Located "
        "on the Continental Shelf",
        "Fixed Platforms Protocol",
        _D(1988, 3, 10),
        "International Conference on the "
        "Suppression of Unlawful Acts against the Safety of Maritime Navigation (Rome, 1988)",
        3,
        90,
        _D(1992, 3, 1),
        (_W(_D(1988, 3, 10), _D(1988, 3, 10), "Rome"), _W(_D(1988, 3, 14), _D(1989, 3, 9), "London (IMO)")),
        {
            "signature": "art. 5(1)",
            "parent": "art. 5(4)",
            "general": "art. 6(1)",
            "later": "art. 6(2)",
            "denunciation": "art. 7",
        },
        f"Protocol, arts. 5-7; depositary: Secretary-General of IMO; {_A55_179}",
        parent="SUA1988",
        interpretations=(
            "Only a State that signed the Convention may sign the Protocol (art. 5(1)); validation checks the "
            "consent, not the signature, against the Convention.",
        ),
    ),
    "MARKING1991": _terrorism(
        "MARKING1991",
        "Convention on the Marking of Plastic Explosives for the Purpose of Detection",
        "Plastic Explosives Convention",
        _D(1991, 3, 1),
        "International Conference on Air Law (Montreal, 12 February-1 March 1991)",
        35,
        60,
        _D(1998, 6, 21),
        (_W(_D(1991, 3, 1), _D(1991, 3, 1), "Montreal"), _W(_D(1991, 3, 2), _D(1998, 6, 20), "Montreal (ICAO)")),
        {"signature": "art. XIII(1)", "general": "art. XIII(3)", "later": "art. XIII(4)", "denunciation": "art. XV"},
        f"Convention, arts. XIII-XV; depositary: ICAO; {_A55_179}",
        months=None,
        days=180,
        interpretations=(
            _UNTIL_IN_FORCE,
            "Entry into force also needs five producer States among the 35 (art. XIII(3)); the action data do "
            "not say which States declared themselves producers, so the condition is not modelled.",
            "The 180-day delay of denunciation (art. XV) has not been checked against the text here.",
        ),
    ),
    "BOMBINGS1997": _terrorism(
        "BOMBINGS1997",
        "International Convention for the Suppression of Terrorist Bombings",
        "Terrorist Bombings Convention",
        _D(1997, 12, 15),
        "General Assembly resolution 52/164",
        22,
        30,
        _D(2001, 5, 23),
        (_W(_D(1998, 1, 12), _D(1999, 12, 31), "New York"),),
        {"signature": "art. 21", "general": "art. 22(1)", "later": "art. 22(2)", "denunciation": "art. 23"},
        f"Convention, arts. 21-23; depositary: Secretary-General; {_A55_179}",
    ),
    "FINANCING1999": _terrorism(
        "FINANCING1999",
        "International Convention for the Suppression of the Financing of Terrorism",
        "Terrorist Financing Convention",
        _D(1999, 12, 9),
        "General Assembly resolution 54/109",
        22,
        30,
        _D(2002, 4, 10),
        (_W(_D(2000, 1, 10), _D(2001, 12, 31), "New York"),),
        {"signature": "art. 25", "general": "art. 26(1)", "later": "art. 26(2)", "denunciation": "art. 27"},
        f"Convention, arts. 25-27; depositary: Secretary-General; {_A55_179}",
    ),
}
