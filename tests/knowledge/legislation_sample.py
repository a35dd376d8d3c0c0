"""A legislation file as the Secretariat would write it (the tests of tests/knowledge share it)."""

from __future__ import annotations

HEADER = (
    "state,key,title_original,title_en,kind,language,adopted,in_force,status,amended_by,repealed_by,"
    "official_url,articles,provisions,published,text\n"
)
# Illustrative rows in the shape of real laws (the Swiss Weapons Act, SR 514.54); the second and third
# laws, their keys and dates are made up for the tests, not taken from any official record.
LAWS = HEADER + (
    'CHE,SR-514.54,"Bundesgesetz über Waffen, Waffenzubehör und Munition",'
    '"Federal Act on Weapons, Weapon Equipment and Ammunition",act,de,1997-06-20,1999-01-01,amended,'
    "AS-2008-5499,,https://www.fedlex.admin.ch/eli/cc/1998/2535_2535_2535/de,"
    'FIREARMS art. 5; UNTOC art. 5,57/a; 18/e,yes,"Art. 1 Zweck\n- Dieses Gesetz ..."\n'
    "CHE,AS-2008-5499,Bundesgesetz (Schengen-Weiterentwicklung),Federal Act (Schengen development),act,de,"
    "2007-12-21,2008-12-12,in_force,,,,FIREARMS art. 8(1),57/a,yes,\n"
    'FRA,CP-2001,Code pénal (extrait),Criminal Code (extract),act,fr,,,draft,,,,,,no,"=1+1"\n'
)
