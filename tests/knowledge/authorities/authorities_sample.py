"""A small file of authorities for the tests (as the export writes it: a cell starting with + behind an
apostrophe, viennaplan.cells): CHE's two published ones (one with every contact
detail, written with values found nowhere else so that a test can look for them in any output),
FRA's draft. Contact values are invented."""

HEADER = (
    "state,key,purpose,name_en,name_original,language,request_languages,provisions,published,description,"
    "address,telephone,fax,email,hours,time_zone,contact_title\n"
)

CENTRAL = (
    "CHE,FOJ-MLA,mla,Federal Office of Justice,Bundesamt für Justiz,de,de; fr; it; en,,yes,"
    "Central authority for requests of mutual legal assistance.,"
    "\"Bundesrain 20 Zqx-Address-7731\n3003 Bern\",'+41 58 999 77 31,'+41 58 999 77 32,"
    "zqx-central-7731@contact.example,Zqx-Hours Mon–Fri 08:00–17:00,Pacific/Chatham,"
    "Zqx-Title Head of the Central Authority Unit\n"
)
FIREARMS = (
    "CHE,FEDPOL-FA,firearms,Central Firearms Office,Zentralstelle Waffen,de,de; en,57/i,yes,,"
    ",,,zqx-firearms-7733@contact.example,,,\n"
)
DRAFT = "FRA,MJ-EXT,extradition,Ministry of Justice,Ministère de la Justice,fr,fr,,no,,,,,,,,\n"

AUTHORITIES = HEADER + FIREARMS + CENTRAL + DRAFT  # in the export's order: State, key

# Every contact value of the sample: none may appear in what the public or a contributor receives.
SECRET_VALUES = (
    "Zqx-Address-7731",
    "+41 58 999 77 31",
    "+41 58 999 77 32",
    "zqx-central-7731@contact.example",
    "Zqx-Hours",
    "Pacific/Chatham",
    "Zqx-Title",
    "zqx-firearms-7733@contact.example",
)
