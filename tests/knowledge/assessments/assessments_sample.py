"""A small assessments file: two published assessments of Kenya (2015 and 2019, both of the police),
one of Switzerland's customs (no provisions given: 33/a), and a draft of France."""

from viennaplan.knowledge.assessments.rules import COLUMNS

HEADER = ",".join(COLUMNS) + "\n"

ASSESSMENTS = HEADER + (
    "KEN,NCS-2019,National Corruption Survey 2019,national,police; judiciary; health,bribery; extortion,"
    '"Low pay; weak oversight","Bribes paid for public services",1500000.50,KES,2019,population_survey,5942,'
    "Households in 47 counties,2019-03-01,2019-05-31,2020-02-10,Ethics and Anti-Corruption Commission,"
    'https://example.org/ken-ncs-2019,"33/a; 30/a",yes\n'
    "KEN,NCS-2015,National Corruption Survey 2015,national,police,bribery,Weak sanctions,,,,,population_survey,"
    "5000,Households,2015-04-01,2015-06-30,2016-01-15,Ethics and Anti-Corruption Commission,,33/a,yes\n"
    "CHE,CUSTOMS-2004,Integrity of the customs service,sectoral,customs,bribery; nepotism,,,,,,expert_assessment,"
    ",,,,2004-06-01,Federal Audit Office,,,yes\n"
    "FRA,MARCHES-2003,Corruption in public procurement,national,procurement,embezzlement,=1+1,,,,,case_review,"
    "120,Files of the courts of audit,,,2003-11-05,Service central de prévention de la corruption,,33/a,no\n"
)
