"""A small file of events for the tests, as the export writes it (events by key, each followed by its
participations by State, documents by symbol and title, outputs by kind and description): a published
regional seminar in Dakar (10(c), 57(f)) with three States, two documents and two outputs, a published
global forum in Vienna (44(j), 46(c)), and a draft training workshop in Geneva that only the
Secretariat sees. Titles, figures and links are invented."""

HEADER = (
    "record,key,kind,title,start,end,city,host,organizer,provisions,published,requests,project,state,participants,"
    "symbol,url,quantity,description\n"
)

DAKAR = (
    "event,dakar-2002,regional_seminar,Regional seminar on the marking of firearms in West Africa,2002-03-11,"
    "2002-03-13,Dakar,SEN,Centre for International Crime Prevention,10/c; 57/f,yes,,,,,,,,"
    '"Marking and record-keeping of firearms.\nWith a second line."\n'
    "participation,dakar-2002,,,,,,,,,,,,CHE,2,,,,\n"
    "participation,dakar-2002,,,,,,,,,,,,FRA,3,,,,\n"
    "participation,dakar-2002,,,,,,,,,,,,SEN,12,,,,\n"
    "document,dakar-2002,programme,Programme of the seminar,,,,,,,,,,,,,,,\n"
    "document,dakar-2002,report,Report of the seminar,,,,,,,,,,,,UNODC/SEM.2002/1,https://example.org/dakar.pdf,,\n"
    "output,dakar-2002,officials_trained,,,,,,,,,,,,,,,45,Police and customs officers trained in marking\n"
    "output,dakar-2002,recommendations,,,,,,,,,,,,,,,,Recommendations on record-keeping\n"
)
WORKSHOP = (
    "event,draft-workshop-2003,training_workshop,Zqx-Draft workshop on mutual legal assistance,2003-05-05,2003-05-06,"
    "Geneva,CHE,Federal Office of Justice,,no,,,,,,,,\n"
)
FORUM = (
    "event,forum-2002,global_forum,Global forum on trafficking in persons,2002-11-04,2002-11-06,Vienna,AUT,"
    "Commission on Crime Prevention and Criminal Justice,44/j; 46/c,yes,,,,,,,,\n"
    "participation,forum-2002,,,,,,,,,,,,FRA,1,,,,\n"
)

EVENTS = HEADER + DAKAR + WORKSHOP + FORUM  # in the export's order: by key
