"""The main journeys end to end in a real browser (headless Chromium), as their users click them
(issue 14). Each asserts what the person sees at every step and keeps a full-page screenshot of each
main step in the `artifacts` folder (VIENNAPLAN_TEST_ARTIFACTS, see tests/conftest.py).

1. A focal point's report from draft to published, across the four personas.
2. The public finds a provision by searching the plan and downloads the plan's open data.
3. The Secretariat downloads the report to the Commission as a PDF.

The steps tested in depth elsewhere (answering by keyboard, the submit confirmation, the reviewer's
queue) are only walked through here: what these tests guard is the chain."""

from __future__ import annotations

import csv
import io
import json
import re
import zlib
from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.engine_independent, pytest.mark.django_db(transaction=True)]

CHAPTERS = ["VI", "VII"]


@pytest.fixture
def open_cycle_now(imported_plan, secretariat):
    """A cycle on two chapters, open today (no report started yet)."""
    from viennaplan.reporting.cycles import open_cycle

    today = timezone.localdate()
    return open_cycle(secretariat, "2002 review", today - timedelta(days=30), today + timedelta(days=60), CHAPTERS)


@pytest.fixture
def published_report(open_cycle_now, focal_point_a, reviewer, secretariat):
    """Switzerland's report in that cycle, one question answered, published (each move by its person)."""
    from viennaplan.reporting.cycles import report_for
    from viennaplan.reporting.models import Answer
    from viennaplan.reporting.transitions import apply_transition

    report = report_for(open_cycle_now, "CHE")
    Answer.objects.filter(pk=report.answers.order_by("question__position").first().pk).update(status="implemented")
    for name, by in (("submit", focal_point_a), ("validate", reviewer), ("publish", secretariat)):
        apply_transition(by, report, name, "")
    return report


@pytest.fixture
def shoot(artifacts):
    """shoot(page, name): a full-page screenshot kept as `<n>-<name>.png`, numbered in the order taken."""
    taken = []

    def take(page, name: str) -> None:
        taken.append(name)
        page.screenshot(path=str(artifacts / f"{len(taken):02d}-{name}.png"), full_page=True)

    return take


def status_of(page):
    return page.locator(".report-status").first


def test_a_focal_points_report_goes_from_draft_to_published(
    open_cycle_now, focal_point_a, reviewer, secretariat, persona_password, browser_as, shoot
):
    from playwright.sync_api import expect

    from viennaplan.reporting.models import Answer

    cycle = open_cycle_now
    report_url = f"/reporting/{cycle.pk}/CHE/"

    # The focal point of State A signs in with the form and lands on "Your work".
    focal = browser_as(None)
    focal.goto("/accounts/login/")
    focal.get_by_label("Email address").fill(focal_point_a.email)
    focal.get_by_label("Password").fill(persona_password)
    focal.get_by_role("button", name="Sign in").click()
    expect(focal).to_have_url(re.compile(r"/reporting/desk$"))
    mine = focal.locator(f"#report-{cycle.pk}")
    expect(mine.get_by_role("heading")).to_have_text("Report of Switzerland: 2002 review")
    expect(mine.locator(".desk-status")).to_have_text("Not started")
    shoot(focal, "focal-point-desk")

    # Starts the report from the desk.
    mine.get_by_role("button", name="Start the report").click()
    expect(focal).to_have_url(re.compile(rf"{report_url}$"))
    expect(focal.get_by_role("status")).to_contain_text("The report is started")
    expect(status_of(focal)).to_have_text("Draft")

    # Answers two questions of chapter VI, each saved in place.
    chapter_vi = list(
        Answer.objects.filter(report__cycle=cycle, report__state_id="CHE", question__chapter="VI")
        .select_related("question")
        .order_by("question__position")
    )
    first, second = chapter_vi[0], chapter_vi[1]
    focal.locator("#contents").get_by_role("link", name=re.compile(r"^VI\.")).click()
    expect(focal).to_have_url(re.compile(rf"{report_url}chapter/VI$"))
    for answer, status, narrative in (
        (first, "in_progress", "A draft law is before Parliament."),
        (second, "implemented", "The Organized Crime Act entered into force."),
    ):
        block = focal.locator(f"#question-{answer.question_id}")
        block.get_by_label("Implementation status").select_option(status)
        block.get_by_label("What has been done").fill(narrative)
        block.get_by_role("button", name=re.compile("Save the answer")).click()
        expect(block.locator(".saved")).to_contain_text("Saved — version 2")
    expect(focal.locator('#contents [data-chapter="VI"]')).to_contain_text(f"2/{len(chapter_vi)}")
    shoot(focal, "focal-point-answers-saved")

    # Goes back to the report and through the submit step.
    focal.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Switzerland").click()
    focal.get_by_role("link", name="Submit the report").click()
    expect(focal).to_have_url(re.compile(rf"{report_url}submit$"))
    total = Answer.objects.filter(report__cycle=cycle, report__state_id="CHE").count()
    expect(focal.locator("#answered-count")).to_have_text(f"2 of {total} questions")
    focal.get_by_label(f"I submit the report with {total - 2} questions unanswered").check()
    shoot(focal, "focal-point-submit-step")
    focal.get_by_role("button", name="Submit the report").click()
    expect(focal).to_have_url(re.compile(rf"{report_url}$"))
    expect(focal.get_by_role("status")).to_contain_text("The report is now submitted")
    expect(status_of(focal)).to_have_text("Submitted")

    # The reviewer finds it in the queue and returns it with a comment.
    review = browser_as(reviewer)
    review.goto("/reporting/desk")
    review.locator('.desk-queue__item[data-state="CHE"]').get_by_role("link", name="Switzerland").click()
    expect(review).to_have_url(re.compile(rf"{report_url}$"))
    expect(status_of(review)).to_have_text("Submitted")
    review.get_by_label("What should the focal point change? (required)").fill("Say which law, please.")
    review.get_by_role("button", name="Return to the focal point").click()
    expect(review.get_by_role("status")).to_contain_text("The report is now returned")
    expect(status_of(review)).to_have_text("Returned to the focal point")

    # The focal point sees the comment on the desk and resubmits.
    focal.goto("/reporting/desk")
    mine = focal.locator(f"#report-{cycle.pk}")
    expect(mine.locator(".desk-status")).to_have_text("Returned to the focal point")
    expect(mine.locator(".desk-return-comment")).to_have_text("Say which law, please.")
    mine.get_by_role("link", name="resubmit").click()
    expect(focal.get_by_role("heading", level=1)).to_have_text("Resubmit the report: Switzerland")
    focal.get_by_label(f"I submit the report with {total - 2} questions unanswered").check()
    focal.get_by_role("button", name="Resubmit the report").click()
    expect(focal.get_by_role("status")).to_contain_text("The report is now submitted")
    expect(status_of(focal)).to_have_text("Submitted")

    # The reviewer validates it.
    review.reload()
    expect(status_of(review)).to_have_text("Submitted")
    review.get_by_role("button", name="Validate the report").click()
    expect(review.get_by_role("status")).to_contain_text("The report is now validated")
    expect(status_of(review)).to_have_text("Validated")
    shoot(review, "reviewer-validated")

    # The Secretariat finds it awaiting publication on the desk, and publishes it.
    office = browser_as(secretariat)
    office.goto("/reporting/desk")
    board = office.locator(f"#board-{cycle.pk}")
    expect(board.locator(".desk-to-publish")).to_contain_text("Switzerland")
    board.get_by_role("link", name="Publish them from the cycle page").click()
    office.get_by_role("link", name="Switzerland", exact=True).click()
    expect(office).to_have_url(re.compile(rf"{report_url}$"))
    expect(status_of(office)).to_have_text("Validated")
    office.get_by_role("button", name="Publish the report").click()
    expect(office.get_by_role("status")).to_contain_text("The report is now published")
    expect(status_of(office)).to_have_text("Published")
    shoot(office, "secretariat-published")

    # The public reads the published report and finds it on the State's profile.
    public = browser_as(None)
    public.goto(report_url)
    expect(status_of(public)).to_have_text("Published")
    expect(public.get_by_role("button", name="Publish the report")).to_have_count(0)
    expect(public.locator(f"#question-{first.question_id}")).to_contain_text("A draft law is before Parliament.")
    public.goto("/reporting/states/CHE")
    line = public.locator(f"#cycle-{cycle.pk}")
    expect(line.get_by_role("heading")).to_have_text("2002 review")
    expect(line).to_contain_text("Published")
    expect(line).to_contain_text("2 answers")
    for answer, narrative in ((first, "A draft law is before Parliament."), (second, "Organized Crime Act")):
        expect(line.locator(f'tr[data-answer="{answer.question.citation}"]')).to_contain_text(narrative)
    shoot(public, "public-state-profile")


def provisions_in(node: dict):
    """Every provision of the plan's JSON export, depth first."""
    for child in node.get("paragraphs", node.get("items", [])):
        yield child
        yield from provisions_in(child)


def test_the_public_finds_a_provision_and_downloads_the_open_data(imported_plan, browser_as, shoot):
    from playwright.sync_api import expect

    page = browser_as(None)
    page.goto("/")
    page.get_by_label("Search the plan").fill("markings")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page).to_have_url(re.compile(r"/plan/search\?q=markings$"))
    expect(page.locator(".result-count")).to_contain_text("for “markings”")
    shoot(page, "search-results")

    first = page.locator(".result__cite").first
    citation = first.inner_text().removeprefix("para. ").strip()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(citation)
    expect(page.locator(".provision-text")).to_contain_text(re.compile("marking", re.IGNORECASE))
    cite = page.locator(".cite__text")
    expect(cite).to_contain_text(f"para. {citation}.")
    path = page.url.split("/plan/", 1)[1]
    expect(cite).to_contain_text(f"/plan/{path}")
    shoot(page, "provision")

    # Back to the plan's home page and its downloads.
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Plan").click()
    downloads = page.locator("ul.downloads")
    shoot(page, "home-downloads")
    with page.expect_download() as got:
        downloads.get_by_role("link", name="JSON", exact=True).click()
    exported = json.loads(got.value.path().read_text(encoding="utf-8"))
    found = {p["citation"]: p for p in provisions_in(exported)}
    assert citation in found and "marking" in found[citation]["text"].lower()
    assert found[citation]["path"] == path

    with page.expect_download() as got:
        downloads.get_by_role("link", name="CSV", exact=True).click()
    rows = {row["citation"]: row for row in csv.DictReader(io.StringIO(got.value.path().read_text(encoding="utf-8")))}
    assert rows[citation]["text"] == found[citation]["text"] and rows[citation]["path"] == path


def pdf_pages(data: bytes) -> tuple[int, int]:
    """A PDF's page objects and the page count its page tree declares, read in the file and in its
    compressed object streams (WeasyPrint compresses them): a whole file has as many as it declares."""
    bodies = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.DOTALL):
        try:
            bodies.append(zlib.decompress(match.group(1)))
        except zlib.error:  # not a Flate stream (an image, a font)
            continue
    pages = sum(len(re.findall(rb"/Type\s*/Page(?![s\w])", body)) for body in bodies)
    declared = [int(n) for body in bodies for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", body)]
    declared += [int(n) for body in bodies for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", body)]
    return pages, max(declared, default=0)


def test_the_secretariat_downloads_the_report_to_the_commission(
    open_cycle_now, published_report, secretariat, browser_as, shoot, artifacts
):
    from playwright.sync_api import expect

    cycle = open_cycle_now
    page = browser_as(secretariat)
    page.goto("/reporting/desk")
    page.locator(f"#board-{cycle.pk}").get_by_role("link", name="2002 review").click()
    page.get_by_role("link", name="report to the Commission").click()
    expect(page).to_have_url(re.compile(rf"/reporting/commission-report\?cycle={cycle.pk}$"))
    cover = page.locator("#cover")
    expect(cover.get_by_role("heading", level=1)).to_have_text(re.compile("^Progress made in the implementation"))
    expect(cover).to_contain_text("Report of the Secretary-General to the Commission")
    expect(cover).to_contain_text("2002 review")
    every_state = page.locator("#reporting tr", has_text="All States").locator("td")
    expect(every_state.nth(1)).to_have_text("1")  # published: Switzerland's report
    shoot(page, "commission-report")
    # The PDF is served inline (Chromium would open it in its viewer): the link is saved as a download
    # the way a reader does, with Alt and a click.
    with page.expect_download() as got:
        page.get_by_role("link", name="Download PDF").click(modifiers=["Alt"])
    assert got.value.suggested_filename == f"commission-report-{timezone.localdate().isoformat()}-cycle-{cycle.pk}.pdf"
    got.value.save_as(artifacts / "commission-report.pdf")
    pdf = (artifacts / "commission-report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    pages, declared = pdf_pages(pdf)
    assert pages == declared and pages > 1
