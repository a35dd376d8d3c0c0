"""A small file of trafficking flows for the tests (SYNTHETIC figures, realistic shapes).

F-NGA-CHE   12 women and 3 girls: the girls "fewer than 5", the women hidden so that the 3 cannot
            be worked out from the total (15).
F-ROU-FRA   a period of two years through Germany, 20 men and 7 males of unknown age: all shown.
F-MMR-THA   3 victims of unknown sex and age: "fewer than 5" everywhere.
F-AUT-CHE   no victim detected: 0 shown as 0.
F-THA-CHE   a draft (not published), 40 women.
"""

from __future__ import annotations

HEADER = (
    "key,origin,destination,transit,year_from,year_to,form,"
    "female_child,female_adult,female_unknown,male_child,male_adult,male_unknown,"
    "unknown_child,unknown_adult,unknown_unknown,total,source,source_url,authority,provisions,published"
)
ROWS = (
    "F-AUT-CHE,AUT,CHE,,2020,2020,organ_removal,0,0,0,0,0,0,0,0,0,0,"
    "SYNTHETIC Federal report on trafficking 2020,,Federal Office of Police,46/b,yes",
    "F-MMR-THA,MMR,THA,,2020,2020,forced_labour,0,0,0,0,0,0,0,0,3,3,"
    "SYNTHETIC Country report on trafficking,,Department of Special Investigation,46/b,yes",
    "F-NGA-CHE,NGA,CHE,,2019,2019,sexual_exploitation,3,12,0,0,0,0,0,0,0,15,"
    "SYNTHETIC Federal report on trafficking 2019,https://example.org/fedpol,Federal Office of Police,46/b,yes",
    "F-ROU-FRA,ROU,FRA,DEU,2018,2019,forced_labour,0,0,0,0,20,7,0,0,0,27,"
    "SYNTHETIC National report on human trafficking,,Ministry of the Interior,46/b; 46/d,yes",
    "F-THA-CHE,THA,CHE,,2021,2021,sexual_exploitation,0,40,0,0,0,0,0,0,0,40,"
    "SYNTHETIC Federal report on trafficking 2021,,Federal Office of Police,46/b,no",
)
FLOWS = "\n".join((HEADER, *ROWS)) + "\n"


def flows_file() -> bytes:
    return FLOWS.encode("utf-8")
