"""Exports and documents in the language chosen at download (issue 11, part 7).

- The questionnaire workbook comes in the language of `?lang=` (headers, statuses, Yes/No, kinds of
  measure), records it in its hidden metadata (`language`), reads right to left in Arabic, and the
  upload reads its fixed words in that recorded language, whatever the uploader's page is in; a
  workbook without the record (made before it existed) is read as before: the page's language or English.
- report.pdf, the State profile's PDF and the report to the Commission's PDF come in the language of
  `?lang=`, with `Content-Language`, and their HTML says `<html lang=… dir=…>` to WeasyPrint (rtl in
  Arabic, with the page header and footer on the other side); Arabic and Chinese text is laid out and
  embedded with real fonts (skipped, saying so, where fontconfig has none for them).
- `viennaplan report progress|profile --lang CODE` writes the document in that language; an unknown
  code is refused with the list of the site's languages.

The workbook helpers (`download`, `upload`, `fill`, `rows_of`, `url`) are test_excel_upload's; the
fixtures `cycle` and `report_a` (CHE, chapters VI and VII) the reporting conftest's.
"""

from __future__ import annotations

import io
import re
import zlib
from typing import Any

import pytest
import test_excel_upload as shared
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from openpyxl import load_workbook

from viennaplan.printing import fonts_for, html_to_pdf, rendered_text
from viennaplan.reporting import excel, workflow
from viennaplan.reporting.answer_data import FIELD_LABELS
from viennaplan.reporting.answers import answer_fields
from viennaplan.reporting.scale import MEASURE_KINDS, STATUS_SCALE
from viennaplan.reporting.views.printing import report_print_html

COOKIE = settings.LANGUAGE_COOKIE_NAME
download, fill, rows_of, url = shared.download, shared.fill, shared.rows_of, shared.url
LANGUAGES = ("fr", "ar", "zh-hans", "ru", "es")
ARABIC = re.compile(r"[\u0600-\u06ff]{3,}")
NARRATIVE = "Une loi sur les armes a été adoptée en 2001."
DESCRIPTION = "Formation des douaniers."


def words(language: str, label: Any) -> str:
    with translation.override(language):
        return str(label)


def metadata_of(workbook) -> dict[str, str]:
    cover = workbook["Cover"]
    return {
        cover[f"A{row}"].value: cover[f"B{row}"].value
        for row in range(excel.META_FIRST_ROW, excel.META_FIRST_ROW + 20)
        if cover[f"A{row}"].value
    }


def download_in(client, cycle, language: str | None) -> bytes:
    query = f"?lang={language}" if language else ""
    response = client.get(url(cycle, "CHE", f"questionnaire.xlsx{query}"))
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Language"] == (language or "en")
    return response.content


def upload_with_page_in(client, cycle, content: bytes, language: str):
    """Upload as someone whose pages are in `language` (the switcher's cookie)."""
    client.cookies[COOKIE] = language
    response = shared.upload(client, cycle, content)
    assert response["Content-Language"] == language
    return response


def first_row_edits(language: str) -> dict[tuple[str, str], str]:
    """The first two rows of chapter VI filled in with `language`'s fixed words."""
    return {
        ("VI", "C3"): words(language, STATUS_SCALE["partially_implemented"]),
        ("VI", "D3"): NARRATIVE,
        ("VI", "E3"): f"{words(language, MEASURE_KINDS['law'])} | Code pénal | 2001-06-20",
        ("VI", "G3"): words(language, excel.YES),
        ("VI", "H3"): DESCRIPTION,
        ("VI", "C4"): words(language, STATUS_SCALE["not_applicable"]),
    }


def assert_saved(report) -> None:
    first, second = rows_of(report, "VI")[:2]
    assert answer_fields(first) == {
        "status": "partially_implemented",
        "narrative": NARRATIVE,
        "measures": [{"kind": "law", "title": "Code pénal", "url": "", "date": "2001-06-20"}],
        "responsible_institution": "",
        "assistance_needed": True,
        "assistance_description": DESCRIPTION,
    }
    assert second.status == "not_applicable"


# ---------------------------------------------------------------- the workbook


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_workbook_comes_in_the_language_of_the_download_and_records_it(
    client_as, focal_point_a, cycle, report_a, language
):
    workbook = load_workbook(io.BytesIO(download_in(client_as(focal_point_a), cycle, language)))
    assert metadata_of(workbook)["language"] == language
    sheet = workbook["VI"]
    assert sheet["C2"].value == words(language, excel.COLUMN["status"].header) != "Implementation status"
    assert sheet["G3"].value == words(language, excel.NO)
    assert all(bool(ws.sheet_view.rightToLeft) == (language == "ar") for ws in workbook.worksheets)


def test_a_french_workbook_uploaded_from_a_page_in_spanish_saves_the_right_codes(
    client_as, focal_point_a, cycle, report_a
):
    client = client_as(focal_point_a)
    edits = first_row_edits("fr")
    assert edits[("VI", "C3")] not in (words("es", STATUS_SCALE["partially_implemented"]), "Partially implemented")
    assert edits[("VI", "G3")] not in (words("es", excel.YES), "Yes")
    response = upload_with_page_in(client, cycle, fill(download_in(client, cycle, "fr"), edits), "es")
    assert response.status_code == 200, shared.errors_of(response)
    assert_saved(report_a)
    # the summary names what changed in the page's language, not by the fields' codes
    changed = re.search(r"<td>([^<]*)</td><td>\d+</td></tr>", response.content.decode()).group(1)
    assert words("es", FIELD_LABELS["status"]) in changed and "status" not in changed.split(", ")


def test_an_arabic_workbook_reads_right_to_left_and_uploads_from_a_page_in_spanish(
    client_as, focal_point_a, cycle, report_a
):
    client = client_as(focal_point_a)
    content = download_in(client, cycle, "ar")
    assert load_workbook(io.BytesIO(content))["VI"].sheet_view.rightToLeft is True
    edits = first_row_edits("ar")
    assert ARABIC.search(edits[("VI", "C3")]) and ARABIC.search(edits[("VI", "E3")])
    response = upload_with_page_in(client, cycle, fill(content, edits), "es")
    assert response.status_code == 200, shared.errors_of(response)
    assert_saved(report_a)


def test_a_workbook_downloaded_in_english_uploads_from_a_page_in_french(client_as, focal_point_a, cycle, report_a):
    client = client_as(focal_point_a)
    content = download_in(client, cycle, None)
    assert metadata_of(load_workbook(io.BytesIO(content)))["language"] == "en"
    response = upload_with_page_in(client, cycle, fill(content, first_row_edits("en")), "fr")
    assert response.status_code == 200, shared.errors_of(response)
    assert_saved(report_a)


def test_the_refusal_is_in_the_uploaders_language_and_quotes_the_workbooks_words(
    client_as, focal_point_a, cycle, report_a
):
    client = client_as(focal_point_a)
    content = fill(download_in(client, cycle, "fr"), {("VI", "C3"): "peut-être", ("VI", "G3"): "sí sí"})
    response = upload_with_page_in(client, cycle, content, "es")
    assert response.status_code == 400
    errors = " ".join(shared.errors_of(response))
    assert words("fr", STATUS_SCALE["partially_implemented"]) in errors  # the words the workbook offers
    assert words("fr", excel.YES) in errors and words("fr", excel.NO) in errors
    with translation.override("es"):
        sheet = translation.gettext("sheet %(sheet)s") % {"sheet": "VI"}
    assert sheet in errors and sheet != "sheet VI"  # the message itself in Spanish


def without_the_language_record(content: bytes) -> bytes:
    workbook = load_workbook(io.BytesIO(content))
    cover = workbook["Cover"]
    for row in range(excel.META_FIRST_ROW, excel.META_FIRST_ROW + 20):
        if cover[f"A{row}"].value == "language":
            cover[f"A{row}"].value = cover[f"B{row}"].value = None
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_an_old_workbook_without_the_record_reads_in_the_page_language_or_english(
    client_as, focal_point_a, cycle, report_a
):
    client = client_as(focal_point_a)
    old = without_the_language_record(fill(download_in(client, cycle, "fr"), first_row_edits("fr")))
    assert "language" not in metadata_of(load_workbook(io.BytesIO(old)))
    refused = upload_with_page_in(client, cycle, old, "es")  # French words, read in Spanish or English
    assert refused.status_code == 400 and rows_of(report_a, "VI")[0].status != "partially_implemented"
    response = upload_with_page_in(client, cycle, old, "fr")
    assert response.status_code == 200, shared.errors_of(response)
    assert_saved(report_a)


def test_the_download_links_carry_the_language_the_page_was_asked_in(client_as, focal_point_a, cycle, report_a):
    client = client_as(focal_point_a)
    report_page = client.get(f"/reporting/{cycle.pk}/CHE/?lang=fr").content.decode()
    assert f'href="/reporting/{cycle.pk}/CHE/questionnaire.xlsx?lang=fr"' in report_page
    assert f'href="/reporting/{cycle.pk}/CHE/report.pdf?lang=fr"' in report_page
    upload_page = client.get(url(cycle, "CHE", "upload?lang=ar")).content.decode()
    assert 'href="questionnaire.xlsx?lang=ar"' in upload_page
    # without ?lang= the link needs none: the download gets the page's cookie, as the page did
    client.cookies[COOKIE] = "ru"
    page = client.get(url(cycle, "CHE", "upload")).content.decode()
    assert 'href="questionnaire.xlsx"' in page
    workbook = load_workbook(io.BytesIO(download(client, cycle)))
    assert metadata_of(workbook)["language"] == "ru"


# ---------------------------------------------------------------- the PDFs


class RecordedHTML:
    """Stands for weasyprint.HTML: keeps the HTML it is given, makes a token PDF (fast)."""

    seen: list[str] = []

    def __init__(self, string: str = "", **_: Any) -> None:
        self.seen.append(string)

    def write_pdf(self) -> bytes:
        return b"%PDF-1.7 recorded"


@pytest.fixture
def recorded(monkeypatch) -> list[str]:
    import weasyprint

    RecordedHTML.seen = []
    monkeypatch.setattr(weasyprint, "HTML", RecordedHTML)
    return RecordedHTML.seen


def pdf_urls(cycle) -> list[str]:
    return [
        f"/reporting/{cycle.pk}/CHE/report.pdf",
        "/reporting/states/CHE.pdf",
        "/reporting/commission-report.pdf",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_pdf_comes_in_the_language_of_lang(client_as, focal_point_a, cycle, report_a, recorded, language):
    client = client_as(focal_point_a)
    direction = "rtl" if language == "ar" else "ltr"
    for address in pdf_urls(cycle):
        response = client.get(address, {"lang": language})
        assert response.status_code == 200 and response.content.startswith(b"%PDF"), address
        assert response["Content-Language"] == language, address
        html = recorded[-1]
        assert f'<html lang="{language}" dir="{direction}"' in html, address
        assert ("@top-right" in html) == (language == "ar"), address  # the running header on the start side
    with translation.override(language):
        draft = str(workflow.STATUS_LABELS["draft"])
    assert draft in recorded[0]  # the report's status in that language


def test_the_arabic_pdfs_say_rtl_to_weasyprint_and_hold_arabic_words(
    client_as, focal_point_a, cycle, report_a, recorded
):
    client = client_as(focal_point_a)
    for address in pdf_urls(cycle):
        client.get(address, {"lang": "ar"})
        html = recorded[-1]
        assert '<html lang="ar" dir="rtl"' in html and ARABIC.search(re.sub(r"<[^>]+>", " ", html)), address
        assert "text-align: start" in html and "@bottom-left" in html  # page numbers at the end: the left


def embedded_fonts(pdf: bytes) -> set[str]:
    """The names of the fonts embedded in `pdf` (their dictionaries sit in compressed object streams)."""
    names: set[str] = set()
    for found in re.finditer(rb"stream\r?\n", pdf):
        try:
            data = zlib.decompressobj().decompress(pdf[found.end() : found.end() + 4_000_000])
        except zlib.error:
            continue
        names |= {name.decode() for name in re.findall(rb"/BaseFont\s*/([A-Za-z0-9+\-]+)", data)}
    return names


def squashed(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.split("+")[-1].lower())


@pytest.mark.parametrize(("language", "fontconfig"), [("ar", "ar"), ("zh-hans", "zh-cn")])
def test_arabic_and_chinese_pdfs_lay_out_their_words_with_real_fonts(report_a, language, fontconfig):
    families = fonts_for(fontconfig)
    if families is None:
        pytest.skip("fontconfig's fc-list is not installed: the fonts cannot be checked here")
    if not families:
        pytest.skip(f"no font for {fontconfig} here: install fonts-noto-core fonts-noto-cjk (as .ci/run does)")
    with translation.override(language):
        status = str(workflow.STATUS_LABELS["draft"])
        question = str(excel.COLUMN["status"].header)
        html = report_print_html(report_a, timezone.localdate(), for_pdf=True)
        text = " ".join(rendered_text(html).split())
        pdf = html_to_pdf(html)
    assert status != "Draft" and status in text  # the glyphs' text is laid out
    assert question != "Implementation status"
    fonts = {squashed(name) for name in embedded_fonts(pdf)}
    covering = {squashed(family) for family in families}
    assert fonts & covering, (fonts, covering)  # embedded: a font that has the script's glyphs


# ---------------------------------------------------------------- the command


def test_the_command_writes_the_profile_in_french_with_lang(report_a, tmp_path):
    out = tmp_path / "profile.html"
    call_command("report", "profile", "CHE", "--format", "html", "--lang", "fr", "--output", str(out))
    html = out.read_text(encoding="utf-8")
    assert '<html lang="fr" dir="ltr"' in html
    assert "Suisse" in html and "Switzerland" not in html  # the State's name in French
    english = tmp_path / "profile-en.html"
    call_command("report", "profile", "CHE", "--format", "html", "--output", str(english))
    assert '<html lang="en" dir="ltr"' in english.read_text(encoding="utf-8")


def test_the_command_writes_the_report_to_the_commission_in_arabic(report_a, tmp_path):
    out = tmp_path / "progress.html"
    call_command("report", "progress", "--as-of", "2002-06-30", "--lang", "ar", "--output", str(out))
    html = out.read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl"' in html and "@top-right" in html
    assert ARABIC.search(re.sub(r"<[^>]+>", " ", html))


def test_an_unknown_lang_is_refused_naming_the_sites_languages(report_a, tmp_path):
    out = tmp_path / "profile.html"
    with pytest.raises(CommandError, match=r"Unknown language 'klingon' for --lang: choose one of ar, zh-hans, en"):
        call_command("report", "profile", "CHE", "--lang", "klingon", "--output", str(out))
    assert not out.exists()


def test_viennaplan_lang_before_the_command_speaks_that_language_and_refuses_an_unknown_one(db, capsys):
    from viennaplan import cli

    assert cli.language_option(["viennaplan", "--lang=fr", "report"]) == ("fr", ["viennaplan", "report"])
    assert cli.language_option(["viennaplan", "report", "--lang", "fr"])[0] is None  # the command's own option
    with translation.override("fr"):
        french = cli.usage()
    assert french != cli.usage()
    with translation.override("en"):  # restores the language main() activates
        cli.main(["viennaplan", "--lang", "fr", "--help"])
    assert french in capsys.readouterr().out
    with pytest.raises(SystemExit) as refused:
        cli.main(["viennaplan", "--lang", "xx", "report", "--help"])
    assert refused.value.code == 2
    assert "Unknown language 'xx' for --lang: choose one of ar, zh-hans, en, fr, ru, es." in capsys.readouterr().err
