"""The currencies a pledge, contribution, disbursement or exchange rate may be in: ISO 4217 codes.

Source: ISO 4217, "List one: currency, fund and precious metal codes", published by the ISO 4217
maintenance agency (SIX Financial Information AG on behalf of ISO), as of 2024 (including ZWG,
the Zimbabwe Gold, added in June 2024; codes still listed during a transition, such as SLL beside
SLE and VED beside VES, are kept). The codes are facts, written here from that list; update this
file when the agency publishes an amendment.

Two codes of the list are not money and are refused for amounts: XTS (reserved for testing) and
XXX (transactions where no currency is involved).
"""

from __future__ import annotations

ISO_4217_ACTIVE: frozenset[str] = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN
    BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD
    CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK
    DJF DKK DOP DZD
    EGP ERN ETB EUR
    FJD FKP
    GBP GEL GHS GIP GMD GNF GTQ GYD
    HKD HNL HTG HUF
    IDR ILS INR IQD IRR ISK
    JMD JOD JPY
    KES KGS KHR KMF KPW KRW KWD KYD KZT
    LAK LBP LKR LRD LSL LYD
    MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN
    NAD NGN NIO NOK NPR NZD
    OMR
    PAB PEN PGK PHP PKR PLN PYG
    QAR
    RON RSD RUB RWF
    SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL
    THB TJS TMT TND TOP TRY TTD TWD TZS
    UAH UGX USD USN UYI UYU UYW UZS
    VED VES VND VUV
    WST
    XAF XAG XAU XBA XBB XBC XBD XCD XDR XOF XPD XPF XPT XSU XTS XUA XXX
    YER
    ZAR ZMW ZWG ZWL
    """.split()
)

NOT_MONEY: frozenset[str] = frozenset({"XTS", "XXX"})

# The codes an amount may be in.
CURRENCIES: frozenset[str] = ISO_4217_ACTIVE - NOT_MONEY

# The currency of the optional converted view (exchange rates are entered against it).
USD = "USD"


def is_currency(code: str) -> bool:
    return code in CURRENCIES
