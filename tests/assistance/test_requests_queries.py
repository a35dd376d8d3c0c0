"""The list page and its JSON twin ask the database the same number of questions for 3 requests as
for 40 (no query per row)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_requests(client_as, secretariat, ta_file):
    client = client_as(secretariat)
    for state in ("CHE", "FRA", "AUT"):
        ta_file(state, articles=[("FIREARMS", "8(1)")])
    few = (queries(client, "/assistance/requests"), queries(client, "/api/assistance/requests"))
    for number in range(37):
        ta_file(("CHE", "FRA", "AUT", "DEU")[number % 4], articles=[("FIREARMS", "8(1)")])
    assert (queries(client, "/assistance/requests"), queries(client, "/api/assistance/requests")) == few
