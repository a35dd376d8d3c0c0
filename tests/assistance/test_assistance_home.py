"""/assistance/: the ways into technical assistance, each shown to those who may open it, and the
areas of the plan where States act; the home page of the plan links to it."""

from __future__ import annotations


def test_each_reader_is_shown_the_ways_in_it_may_open(imported_plan, client, client_as, secretariat, focal_point_a):
    public = client.get("/assistance/").content.decode()
    assert 'href="/assistance/projects"' in public and 'href="/assistance/funds"' in public
    assert 'href="/assistance/events"' in public and 'href="/assistance/donors"' in public
    assert 'href="/assistance/requests"' not in public and 'href="/assistance/board"' not in public
    assert (
        'href="/assistance/areas/VI"' in public and 'href="/assistance/areas/I"' not in public
    )  # I: no national action

    focal = client_as(focal_point_a).get("/assistance/").content.decode()
    assert 'href="/assistance/requests"' in focal and 'href="/assistance/board"' not in focal

    office = client_as(secretariat).get("/assistance/").content.decode()
    assert 'href="/assistance/board"' in office and 'href="/assistance/matching"' in office

    assert 'href="/assistance/" id="home-assistance"' in client.get("/").content.decode()
