"""A small CSV file of best practices and their evaluations, for the tests (not real data).

- AT-victims-legal-aid (X, 82/e; 84/c; AUT): published, with a published evaluation (effective) and a
  draft one (mixed), which the public must not see;
- SADC-firearms-marking (VI, 59/b; BWA NAM ZAF): published, no evaluation;
- EU-crime-analysis (III, 18/d; no State: a regional practice): published, evaluated (promising);
- CHE-trafficking-referral (V, 46/b; CHE): a draft practice, with a published evaluation (hidden with it);
- restorative-circles (XI, 90/b; CAN NZL): published, a description on two lines and a cell a
  spreadsheet would read as a formula.
The rows are not in the export's order (practices by key, each followed by its evaluations by date).
"""

HEADER = (
    "record,key,title,summary,description,area,provisions,states,organisation,period_from,period_to,url,"
    "evaluator,date,method,result,findings,published\n"
)
PRACTICES = HEADER + (
    "practice,SADC-firearms-marking,Regional marking of firearms,Police services mark and record firearms "
    "under a common standard.,,VI,59/b,ZAF; BWA; NAM,SARPCCO,2001,2005,https://example.org/sarpcco,,,,,,yes\n"
    "practice,AT-victims-legal-aid,Free legal aid for victims of violence,Victims receive psycho-social and "
    "legal support in criminal proceedings.,,X,84/c; 82/e,AUT,Weisser Ring,2006,,https://example.org/aut,,,,,,yes\n"
    "evaluation,AT-victims-legal-aid,,,,,,,,,,https://example.org/aut-eval,Institute of Criminology,2015-06-30,"
    "independent,effective,Victims who had support testified more often.,yes\n"
    "evaluation,AT-victims-legal-aid,,,,,,,,,,,Ministry of Justice,2019-01-15,self_assessment,mixed,"
    "Waiting times grew in the provinces.,no\n"
    "practice,EU-crime-analysis,Joint analysis of organized crime threats,States pool intelligence to assess "
    "organized crime threats each year.,,III,18/d,,Europol,2006,,,,,,,,yes\n"
    "evaluation,EU-crime-analysis,,,,,,,,,,,University of Leiden,2012-03-01,academic,promising,"
    "The shared method improved comparability.,yes\n"
    "practice,CHE-trafficking-referral,National referral mechanism for victims of trafficking,Cantons refer "
    "presumed victims to specialised services.,,V,46/b,CHE,Federal Office of Police,2012,,,,,,,,no\n"
    "evaluation,CHE-trafficking-referral,,,,,,,,,,,Swiss Forum for Migration,2018-09-01,independent,"
    "promising,Referrals doubled.,yes\n"
    'practice,restorative-circles,Sentencing circles,Communities take part in sentencing.,"Circles meet in '
    'the community.\nThe victim speaks first.",XI,90/b,NZL; CAN,,1995,2010,,,,,,,yes\n'
    "evaluation,restorative-circles,,,,,,,,,,,=HYPERLINK(1),2009-05-05,other,inconclusive,,yes\n"
)
