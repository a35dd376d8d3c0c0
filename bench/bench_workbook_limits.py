"""How large the parts of a real questionnaire workbook get, and what a hostile one costs to refuse
(issue 7, defect 9): the numbers behind the part limits in reporting/excel_reading.py.

Run by hand (never by `make test`):  .venv/bin/python bench/bench_workbook_limits.py

It uses a throw-away SQLite database (plan imported, a cycle opened on every chapter) and builds
the questionnaire of one State with SYNTHETIC answers (random words of the plan), in three sizes:

- long answers: a 5,000-character narrative, a 1,000-character description and 5 measures;
- every text at its limit: 20,000-character narrative and description, 10 measures;
- the same in Chinese (three bytes a character in UTF-8).

For each it prints the workbook's size and every part's unpacked size, and the size the shared
strings would have once Excel saves the file (Excel moves every text into xl/sharedStrings.xml).
Then it times `read_workbook` on a hostile upload: the real workbook plus a shared-strings part
of about 58 MB that packs to a few hundred KB, as in the issue (seconds and peak memory).
"""

from __future__ import annotations

import dataclasses
import io
import os
import random
import shutil
import tempfile
import time
import tracemalloc
import zipfile
from xml.sax.saxutils import escape

SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def prose(rng: random.Random, words: list[str], length: int) -> str:
    text = ""
    while len(text) < length:
        text += " ".join(rng.choice(words) for _ in range(12)) + ". "
    return text[:length].strip()


def chinese(rng: random.Random, length: int) -> str:
    return "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(length))


def shared_strings_size(content: bytes) -> int:
    """The size of xl/sharedStrings.xml once Excel has saved the workbook: every distinct text once."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), read_only=True)
    texts = {cell.value for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row}
    workbook.close()
    strings = [text for text in texts if isinstance(text, str)]
    return 200 + sum(len(f'<si><t xml:space="preserve">{escape(text)}</t></si>'.encode()) for text in strings)


def hostile(content: bytes, megabytes: float = 58.5) -> bytes:
    """`content` plus an xl/sharedStrings.xml of about `megabytes` MB, declared so that openpyxl reads it."""
    count = int(megabytes * 1e6 / 21)
    body = "".join(f"<si><t>{number % 1000:05d}</t></si>" for number in range(count))
    xml = f'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{body}</sst>'
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SHARED_STRINGS_TYPE}"/>'
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            target.writestr(item, data)
        target.writestr("xl/sharedStrings.xml", xml, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def main() -> None:
    os.environ.pop("DATABASE_URL", None)
    folder = tempfile.mkdtemp(prefix="viennaplan-bench-workbook-")
    os.environ["VIENNAPLAN_VAR_DIR"] = folder
    try:
        measure()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "viennaplan.settings")
    import django

    django.setup()
    from datetime import date

    from django.conf import settings
    from django.core.management import call_command

    from viennaplan.accounts.invitations import create_account
    from viennaplan.plan.saving import import_plan_text
    from viennaplan.reporting import excel, excel_reading
    from viennaplan.reporting.answer_data import AnswerData
    from viennaplan.reporting.cycles import open_cycle, report_for
    from viennaplan.reporting.offline import questionnaire_of

    call_command("migrate", verbosity=0)
    plan = settings.PLAN_SOURCE_FILE.read_text(encoding="utf-8")
    import_plan_text(plan, source_name=settings.PLAN_SOURCE_FILE.name)
    secretariat = create_account(email="bench@example.org", role="secretariat", password="bench-only-pw-1")
    chapters = ["III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    cycle = open_cycle(secretariat, "2005 review", date(2005, 1, 1), date(2005, 12, 31), chapters)
    base = questionnaire_of(report_for(cycle, "CHE"))
    questions = sum(len(chapter.questions) for chapter in base.chapters)
    words = [word for word in plan.split() if word.isalpha()]
    rng = random.Random(2001)

    def measures(count: int) -> list[dict[str, str]]:
        return [
            {"kind": "law", "title": prose(rng, words, 120), "url": f"https://example.org/{n}", "date": "2004-05-01"}
            for n in range(count)
        ]

    profiles = {
        "long answers": lambda: AnswerData(
            "implemented", prose(rng, words, 5000), measures(5), "Ministry of Justice", True, prose(rng, words, 1000)
        ),
        "every text at its limit": lambda: AnswerData(
            "implemented", prose(rng, words, 20000), measures(10), "M" * 300, True, prose(rng, words, 20000)
        ),
        "every text at its limit, Chinese": lambda: AnswerData(
            "implemented", chinese(rng, 20000), measures(10), "M" * 300, True, chinese(rng, 20000)
        ),
    }
    print(f"{questions} questions in {len(base.chapters)} chapters; SYNTHETIC answers")
    workbooks = {}
    for label, answer in profiles.items():
        questionnaire = dataclasses.replace(
            base,
            chapters=tuple(
                dataclasses.replace(c, questions=tuple(dataclasses.replace(q, answer=answer()) for q in c.questions))
                for c in base.chapters
            ),
        )
        content = excel.build_workbook(questionnaire)
        workbooks[label] = (questionnaire, content)
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = sorted(archive.infolist(), key=lambda m: -m.file_size)
            total = sum(m.file_size for m in parts)
        print(f"\n{label}: workbook {len(content) / 1e6:.2f} MB packed, {total / 1e6:.2f} MB unpacked")
        for part in parts[:4]:
            ratio = part.file_size / part.compress_size
            print(f"  {part.filename:34} {part.file_size / 1e6:7.2f} MB  (packs {ratio:.1f}x)")
        print(f"  sharedStrings.xml once Excel saves it: about {shared_strings_size(content) / 1e6:.2f} MB")

    questionnaire, content = workbooks["long answers"]
    bomb = hostile(content)
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        part = archive.getinfo("xl/sharedStrings.xml")
    print(
        f"\nhostile upload: {len(bomb) / 1e3:.0f} KB packed; xl/sharedStrings.xml {part.file_size / 1e6:.1f} MB "
        f"unpacked (packs {part.file_size / part.compress_size:.0f}x)"
    )
    start = time.perf_counter()
    result = excel_reading.read_workbook(bomb, questionnaire)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    excel_reading.read_workbook(bomb, questionnaire)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    outcome = str(result.errors[0]) if result.errors else f"accepted, {len(result.answers)} answers read"
    print(f"read_workbook: {seconds:.2f} s, peak {peak / 1e6:.0f} MB allocated; {outcome}")


if __name__ == "__main__":
    main()
