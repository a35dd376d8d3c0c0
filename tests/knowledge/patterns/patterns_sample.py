"""A small CSV of organized-crime patterns and trends for the tests: three published records (a trend,
a pattern still observed, a link between terrorism and other crime) and one draft."""

HEADER = (
    "key,kind,title,summary,period_from,period_to,crime_types,origin,transit,destination,regions,"
    "latitude,longitude,source,source_url,confidence,instruments,provisions,published\n"
)
COCAINE = (
    'ANDES-COCAINE,trend,Cocaine routes from the Andes to Europe,"Shipments rise through Caribbean ports.\n'
    'Containers are the main method.",2015,2019,drug_trafficking; money_laundering,COL; PER,PAN,ESP; NLD,419,'
    "4.711,-74.0721,World Drug Report 2020,https://www.unodc.org/wdr2020,high,UNTOC; DRUGS1988,18/c,yes\n"
)
BALKANS = (
    "BALKAN-TIP,pattern,Trafficking in women through the Balkans,Recruitment by false job offers.,2016-03,,"
    "trafficking_in_persons,MDA,SRB,ITA,151,,,National reply of Italy,,medium,TIP,18/d,yes\n"
)
SAHEL = (
    "SAHEL-LINK,terrorism_link,Arms for armed groups in the Sahel,Firearms from Libyan stockpiles finance "
    "armed groups.,2012,2020,terrorism; firearms_trafficking,LBY,NER,MLI,202,,,Report of the Panel of Experts,,"
    "medium,FIREARMS; FINANCING1999,18/c,yes\n"
)
DRAFT = (
    "CYBER-DRAFT,trend,Online fraud against Swiss banks,Phishing by a group based abroad.,2020,2021,"
    "cybercrime; fraud,,,CHE,,,,Draft note,,low,,18/c,no\n"
)
PATTERNS = HEADER + COCAINE + BALKANS + SAHEL + DRAFT
