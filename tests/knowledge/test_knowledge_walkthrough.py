"""Issue 12's "done when", in one journey through the site as its users would take it:
the Secretariat imports a legislation CSV linking a law to article 5 of the Firearms Protocol and to
57(a); the provision page 57/a and the State's profile show it; the legislative guide for that article
lists the State; a focal point submits the firearms national report and a reviewer validates it; the
public sees that an authority exists for a State but not its contact details; a trafficking flow
with 3 victims shows as "fewer than 5"."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

LAWS = (
    "state,key,title_original,title_en,kind,language,adopted,in_force,status,amended_by,repealed_by,"
    "official_url,articles,provisions,published,text\n"
    "GHA,ACT-2003,Arms and Ammunition (Amendment) Act,Arms and Ammunition (Amendment) Act,act,en,2003-07-01,,"
    "in_force,,,,FIREARMS art. 5,57/a,yes,\n"
)
AUTHORITY = (
    "state,key,purpose,name_en,name_original,language,request_languages,provisions,published,description,"
    "address,telephone,fax,email,hours,time_zone,contact_title\n"
    "GHA,NACSA,firearms,National Commission on Small Arms,National Commission on Small Arms,en,en,57/i,yes,,"
    "Zqw-Street 12 Accra,'+233 30 000 0001,,zqw-desk@contact.example,,,\n"
)
FLOW = (
    "key,origin,destination,transit,year_from,year_to,form,"
    "female_child,female_adult,female_unknown,male_child,male_adult,male_unknown,"
    "unknown_child,unknown_adult,unknown_unknown,total,source,source_url,authority,provisions,published\n"
    "F-GHA-ITA,GHA,ITA,,2004,2004,forced_labour,0,0,0,0,0,0,0,0,3,3,SYNTHETIC report,,Police,46/b,yes\n"
)


def test_the_databases_as_a_new_user_meets_them(
    imported_plan, tmp_path, client, client_as, secretariat, reviewer, django_user_model
):
    from viennaplan.accounts.invitations import create_account

    focal = create_account(email="focal.gha@example.org", role="focal_point", state="GHA", first_name="Ama")
    focal.is_active = True
    focal.save(update_fields=["is_active"])

    # The Secretariat imports the legislation file (the command; the admin edits it afterwards).
    laws = tmp_path / "laws.csv"
    laws.write_text(LAWS, encoding="utf-8")
    call_command("knowledge", "import", "legislation", str(laws))
    law_url = "/knowledge/legislation/GHA/ACT-2003"
    assert client.get(law_url).status_code == 200

    # The provision page 57/a and Ghana's profile show it.
    assert law_url in client.get("/plan/57/a").content.decode()
    assert law_url in client.get("/reporting/states/GHA").content.decode()

    # The legislative guide for article 5 of the Firearms Protocol lists Ghana with its law.
    guide = client.get("/knowledge/legislation/guide/FIREARMS/5").content.decode()
    ghana = re.search(r'<tr data-state="GHA"[^>]*data-legislation="(\w+)".*?</tr>', guide, re.S)
    assert ghana[1] == "with" and 'data-law="ACT-2003"' in ghana[0]

    # A focal point submits the firearms national report; a reviewer validates it.
    reports = "/knowledge/firearms/reports"
    started = client_as(focal).post(f"{reports}/new", {"state": "GHA", "year": "2004", "offences": "4"})
    assert started.status_code == 302
    report = started.headers["Location"]
    assert client_as(focal).post(f"{report}/move", {"transition": "submit"}).status_code == 302
    assert client_as(reviewer).post(f"{report}/move", {"transition": "validate"}).status_code == 302
    assert 'data-status="validated"' in client_as(reviewer).get(report).content.decode()

    # The public sees that Ghana has an authority, not how to reach it; a focal point does.
    call_command_file(tmp_path, "authorities", AUTHORITY)
    public = client.get("/knowledge/authorities?state=GHA").content.decode()
    assert "National Commission on Small Arms" in public and "zqw-desk@contact.example" not in public
    record = re.search(r'href="(/knowledge/authorities/GHA/[^"]+)"', public)[1]
    assert "zqw-desk@contact.example" not in client.get(record).content.decode()
    assert "zqw-desk@contact.example" not in client.get(f"/api{record}").content.decode()
    assert "zqw-desk@contact.example" in client_as(focal).get(record).content.decode()

    # A flow of 3 victims shows as "fewer than 5", on its page and in the JSON twin.
    call_command_file(tmp_path, "trafficking", FLOW)
    page = client.get("/knowledge/trafficking/F-GHA-ITA").content.decode()
    assert "fewer than 5" in page
    data = client.get("/api/knowledge/trafficking/F-GHA-ITA").content.decode()
    assert "fewer than 5" in data and not re.search(r'"value":\s*3\b', data)

    # And the search finds all of it.
    found = client.get("/api/knowledge/search", {"q": "arms", "state": "GHA"}).json()
    assert law_url in [hit["url"] for hit in found["hits"]]


def call_command_file(folder, collection: str, text: str) -> None:
    path = folder / f"{collection}.csv"
    path.write_text(text, encoding="utf-8")
    call_command("knowledge", "import", collection, str(path))


def test_the_home_page_leads_to_the_knowledge_databases(imported_plan, client):
    home = client.get("/").content.decode()
    assert '<a href="/knowledge/" id="home-knowledge">Knowledge databases</a>' in home
    assert client.get("/knowledge/").status_code == 200
