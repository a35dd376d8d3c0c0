"""Workbooks that unpack to far more than a questionnaire holds (issue 7, defect 9): refused from the
sizes the zip declares, before openpyxl reads a byte, with the part and the limit named.
"""

from __future__ import annotations

import io
import struct
import zipfile
from datetime import date

import pytest
import test_excel_upload as shared
from test_excel_security import every_answer

from viennaplan.reporting import excel, excel_reading
from viennaplan.reporting.answer_data import AnswerData

download, errors_of, upload = shared.download, shared.errors_of, shared.upload
MB = 1024 * 1024
SHARED_STRINGS = "xl/sharedStrings.xml"


def strings_xml(size: int) -> bytes:
    """A shared-strings part of `size` bytes that packs to very little, as in the issue's upload."""
    body = b"<si><t>00000</t></si>" * (size // 21)
    return b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + body


def with_part(content: bytes, name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != name:
                target.writestr(item, source.read(item))
        target.writestr(name, data)
    return out.getvalue()


def minimal_workbook(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        archive.writestr("xl/workbook.xml", b'<?xml version="1.0"?><workbook/>')
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.fixture
def openpyxl_never_called(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("openpyxl was asked to read a workbook that should have been refused before")

    monkeypatch.setattr(excel_reading, "load_workbook", refuse)


def test_shared_strings_of_40_mb_under_the_old_60_mb_cap_are_refused_before_openpyxl_reads_them(
    openpyxl_never_called,
):
    content = minimal_workbook({SHARED_STRINGS: strings_xml(40 * MB)})
    assert len(content) < 200_000  # packs to little: the size of the upload says nothing
    [error] = excel_reading.sniff_file(content)
    declared = zipfile.ZipFile(io.BytesIO(content)).getinfo(SHARED_STRINGS).file_size
    assert str(error) == (
        f"The workbook part xl/sharedStrings.xml (the texts of the cells) unpacks to {declared:,} bytes; "
        "at most 8,388,608 bytes (8 MB) are accepted, far more than a questionnaire holds. The file is refused."
    )


def test_the_upload_of_such_a_workbook_names_the_part_and_the_limit_and_changes_nothing(
    client_as, focal_point_a, cycle, report_a
):
    client = client_as(focal_point_a)
    content = with_part(download(client, cycle), SHARED_STRINGS, strings_xml(9 * MB))
    before = every_answer()
    response = upload(client, cycle, content)
    assert response.status_code == 400
    [error] = errors_of(response)
    assert error.startswith("The workbook part xl/sharedStrings.xml (the texts of the cells) unpacks to 9,")
    assert "at most 8,388,608 bytes (8 MB) are accepted" in error
    assert every_answer() == before


def test_a_sheet_and_a_structure_part_have_limits_of_their_own(openpyxl_never_called):
    content = minimal_workbook({"xl/worksheets/sheet1.xml": b" " * (9 * MB), "xl/styles.xml": b" " * (3 * MB)})
    errors = [str(error) for error in excel_reading.sniff_file(content)]
    assert [error.split(" unpacks")[0] for error in errors] == [
        "The workbook part xl/worksheets/sheet1.xml (a sheet)",
        "The workbook part xl/styles.xml (a part of the workbook's structure)",
    ]
    assert "at most 8,388,608 bytes (8 MB)" in errors[0] and "at most 2,097,152 bytes (2 MB)" in errors[1]


def test_parts_each_within_their_limit_may_still_add_up_to_too_much(openpyxl_never_called):
    content = minimal_workbook({f"xl/worksheets/sheet{n}.xml": b" " * (7 * MB) for n in range(1, 5)})
    total = sum(item.file_size for item in zipfile.ZipFile(io.BytesIO(content)).infolist())
    [error] = excel_reading.sniff_file(content)
    assert str(error).startswith(f"The workbook unpacks to {total:,} bytes; at most 25,165,824 bytes (24 MB)")


def test_a_part_that_declares_less_than_it_holds_is_refused_as_damaged():
    content = bytearray(minimal_workbook({SHARED_STRINGS: strings_xml(MB)}))
    central = content.rfind(b"PK\x01\x02")  # the last entry of the central directory: sharedStrings.xml
    struct.pack_into("<I", content, central + 24, 1000)  # its uncompressed size, as declared
    [error] = excel_reading.sniff_file(bytes(content))
    assert str(error).startswith("The file is not a readable Excel workbook (.xlsx): Bad CRC-32")


def test_a_full_questionnaire_with_every_answer_at_its_longest_is_within_the_limits():
    words = "the measures adopted by the national authorities under the firearms act of 2001 ".split()
    text = " ".join(words[n % len(words)] + str(n % 97) for n in range(4000))[:20_000]
    measures = [{"kind": "law", "title": text[:120], "url": "https://example.org/act", "date": "2001-06-20"}] * 10
    answer = AnswerData("implemented", text, measures, "M" * 300, True, text)
    chapters = tuple(
        excel.Chapter(
            number,
            f"Chapter {number}",
            tuple(excel.Question(f"{number}/{n}", f"{n}", "A question " * 40, 1, answer) for n in range(11)),
        )
        for number in ("III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
    )
    questionnaire = excel.Questionnaire(1, "2005 review", "CHE", "Switzerland", 1, date(2005, 12, 31), chapters)
    assert excel_reading.sniff_file(excel.build_workbook(questionnaire), max_bytes=20 * MB) == []
