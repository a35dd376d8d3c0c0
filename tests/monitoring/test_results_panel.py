"""The plan's chapter and provision pages say whether their targets and deadlines are being met:
the panel `results_panel` (monitoring's tag library, loaded by plan/chapter.html and provision.html).

Fixture: the hand-made observations of test_indicator_targets and its 2000 -> 2005 reduction target
on 35(a) (chapter V): met CHE, ESP, POL; not met (the review list of 35(f)) DEU, FRA.
"""

from __future__ import annotations

import re

import test_indicator_targets

observations, target = test_indicator_targets.observations, test_indicator_targets.target  # the fixtures


def panel(client, path: str) -> str:
    html = client.get(path).content.decode()
    found = re.search(r'<aside class="results-panel".*?</aside>', html, flags=re.S)
    return found[0] if found else ""


def test_chapter_v_says_who_met_the_target_and_who_is_on_the_review_list(target, client):
    found = panel(client, "/plan/chapter/V")
    assert sorted(re.findall(r'data-met="([A-Z]{3})"', found)) == ["CHE", "ESP", "POL"]
    assert sorted(re.findall(r'data-review="([A-Z]{3})"', found)) == ["DEU", "FRA"]
    assert f'href="/targets/{target.pk}"' in found
    # chapter V's paragraph 39 sets the deadline of 2002 for the two Protocols on persons
    assert sorted(re.findall(r'data-deadline="([a-z-]+)"', found)) == ["ratify-som", "ratify-tip"]


def test_the_provision_page_of_35a_carries_its_target_and_its_neighbours_do_not(target, client):
    assert sorted(re.findall(r'data-review="([A-Z]{3})"', panel(client, "/plan/35/a"))) == ["DEU", "FRA"]
    assert panel(client, "/plan/35/b") == ""


def test_chapter_x_carries_the_79e_deadline_and_a_chapter_without_any_has_no_panel(target, client):
    assert re.findall(r'data-deadline="([a-z-]+)"', panel(client, "/plan/chapter/X")) == ["review-victims"]
    assert re.findall(r'data-deadline="([a-z-]+)"', panel(client, "/plan/79/e")) == ["review-victims"]
    assert panel(client, "/plan/chapter/VIII") == ""
