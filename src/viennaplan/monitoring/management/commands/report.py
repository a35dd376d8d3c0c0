"""`viennaplan report progress`: the Secretary-General's report to the Commission on the plan's
implementation, as the page /reporting/commission-report shows it (the public's figures).

    viennaplan report progress --as-of YYYY-MM-DD [--cycle ID] [--format html|pdf|json] --output FILE

`--cycle` defaults to the latest cycle; `--output -` writes HTML or JSON to standard output. The PDF
is WeasyPrint's rendering of the same HTML; a missing font is a warning on standard error, never a
failure. Links in the file point to VIENNAPLAN_SITE_URL (`--site-url` to change).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError
from django.utils import timezone

from viennaplan.monitoring import queries
from viennaplan.monitoring.commission_report import as_json
from viennaplan.monitoring.commission_report_data import build_report
from viennaplan.monitoring.report_pdf import font_warning, html_to_pdf
from viennaplan.monitoring.report_views import default_site_url, report_html
from viennaplan.subcommands import SubcommandCommand
from viennaplan.treaties.management.commands.treaties import iso_date

FORMATS = ("html", "pdf", "json")


class Command(SubcommandCommand):
    help = "Reports assembled from the data (`viennaplan report progress --help`)."

    def add_subcommands(self, commands: Any) -> None:
        progress = commands.add_parser(
            "progress",
            help="the report to the Commission on the plan's implementation, as HTML, PDF or JSON",
            description="The Secretary-General's report to the Commission, chapter by chapter: commitments, "
            "treaty status as of --as-of, national actions (published reports of the cycle), international "
            "actions, technical-assistance needs. The same report as /reporting/commission-report.",
        )
        progress.add_argument("--as-of", dest="as_of", type=iso_date, metavar="YYYY-MM-DD", required=True)
        progress.add_argument("--cycle", metavar="ID", help="the reporting cycle's id (default: the latest)")
        progress.add_argument("--format", choices=FORMATS, default="html")
        progress.add_argument(
            "--output", metavar="FILE", required=True, help="the file to write; - for standard output"
        )
        progress.add_argument(
            "--site-url", dest="site_url", help="the site the links point to (default: VIENNAPLAN_SITE_URL)"
        )

    def run_progress(self, *, as_of, cycle, format, output, site_url, **_: Any) -> None:  # noqa: A002
        try:
            picked = queries.pick_cycle(cycle)
        except queries.BadParameter as error:
            raise CommandError(str(error).replace("?cycle=", "--cycle ")) from None
        if picked is None:
            raise CommandError("No reporting cycle has been opened yet: there is nothing to report on.")
        report = build_report(picked, as_of, timezone.localdate())
        if format == "json":
            data: bytes = (json.dumps(as_json(report), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        else:
            site = site_url if site_url is not None else default_site_url()
            html = report_html(report, site_url=site)
            if format == "pdf":
                if output == "-":
                    raise CommandError("A PDF is not written to standard output: give --output FILE.pdf")
                warning = font_warning()
                if warning:
                    self.stderr.write(f"warning: {warning}")
                data = html_to_pdf(html, base_url=site or None)
            else:
                data = html.encode("utf-8")
        if output == "-":
            self.stdout.write(data.decode("utf-8"), ending="")
            return
        try:
            Path(output).write_bytes(data)
        except OSError as error:
            raise CommandError(f"Could not write {output}: {error.strerror or error}") from None
        self.stderr.write(
            f"Wrote {output} ({format}, {len(data):,} bytes): {report.cycle_name}, as of {report.as_of_label}."
        )
