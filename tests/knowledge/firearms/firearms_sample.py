"""A file of firearms regulations as the Secretariat would write it (the tests of tests/knowledge/firearms
share it). The entries are made up for the tests in the shape of real records, not taken from any State's
official record: CHE's rounds of 2003 and 2005 (published), FRA's of 2004 (a draft)."""

from __future__ import annotations

HEADER = "state,round,topic,summary,law,law_citation,official_url,published\n"
OFFENCE_2003 = "Manufacturing or trafficking without a licence is an offence."
OFFENCE_2005 = "Manufacturing or trafficking without a licence is an offence; attempts are punished."
LINK = "https://www.fedlex.admin.ch/eli/cc/1998/2535_2535_2535/de"
REGULATIONS = HEADER + (
    f'CHE,2003,57/a,{OFFENCE_2003},SR-514.54,"Weapons Act, art. 33",{LINK},yes\n'
    "CHE,2003,57/c,A licence is required to trade in arms.,,,,yes\n"
    "CHE,2003,57/f,Firearms are marked at the time of manufacture.,,,,yes\n"
    f'CHE,2005,57/a,{OFFENCE_2005},SR-514.54,"Weapons Act, art. 33",{LINK},yes\n'
    "CHE,2005,57/c,A licence is required to trade in arms.,,,,yes\n"
    'CHE,2005,57/h,"Deactivated firearms are certified\nby the authority.",,,,yes\n'
    'FRA,2004,57/a,"=Infractions du code pénal",,Code pénal,,no\n'
)
