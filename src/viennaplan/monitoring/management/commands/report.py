"""`viennaplan report progress`: the Secretary-General's report to the Commission on the plan's
implementation, as the page /reporting/commission-report shows it (the public's figures);
`viennaplan report profile`: a State's country profile, as /reporting/states/A3/print and its PDF
(the public's view: published reports only, whoever runs it).

    viennaplan report progress --as-of YYYY-MM-DD [--cycle ID] [--format html|pdf|json] [--lang fr] --output FILE
    viennaplan report profile CHE [--format html|pdf|json] [--lang ar] --output FILE

`--lang` writes the document in one of the site's languages (settings.LANGUAGES: ar, zh-hans, en, fr,
ru, es; default: the language active, English unless `viennaplan --lang` chose one); an Arabic PDF
reads right to left. The progress lines on standard error stay in English.

`--cycle` defaults to the latest cycle (with none opened yet, the report holds treaty status and
indicators); `--output -` writes HTML or JSON to standard output. The PDF is WeasyPrint's rendering
of the same HTML; a missing font is a warning on standard error, never a failure. Links in the file
point to VIENNAPLAN_SITE_URL (`--site-url` to change). The profile is as of today; its JSON is the
JSON twin /api/reporting/progress/states/A3 as the public reads it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy

from viennaplan.dates import long_date
from viennaplan.languages import codes as language_codes
from viennaplan.languages import known as known_language
from viennaplan.monitoring import queries
from viennaplan.monitoring.api import profile_out
from viennaplan.monitoring.commission_report import as_json
from viennaplan.monitoring.commission_report_data import PUBLIC, build_report
from viennaplan.monitoring.profile_views import profile_html, public_profile
from viennaplan.monitoring.report_pdf import font_warning, html_to_pdf
from viennaplan.monitoring.report_views import default_site_url, report_html
from viennaplan.monitoring.schemas import ProfileOut
from viennaplan.printing import in_active_language
from viennaplan.subcommands import SubcommandCommand
from viennaplan.treaties.management.commands.treaties import iso_date

FORMATS = ("html", "pdf", "json")


class Command(SubcommandCommand):
    help = gettext_lazy("Reports assembled from the data (`viennaplan report progress --help`).")

    def add_subcommands(self, commands: Any) -> None:
        progress = commands.add_parser(
            "progress",
            help=gettext("the report to the Commission on the plan's implementation, as HTML, PDF or JSON"),
            description=gettext(
                "The Secretary-General's report to the Commission, chapter by chapter: commitments, "
                "treaty status as of --as-of, national actions (published reports of the cycle), international "
                "actions, technical-assistance needs. The same report as /reporting/commission-report."
            ),
        )
        progress.add_argument("--as-of", dest="as_of", type=iso_date, metavar="YYYY-MM-DD", required=True)
        progress.add_argument("--cycle", metavar="ID", help=gettext("the reporting cycle's id (default: the latest)"))
        profile = commands.add_parser(
            "profile",
            help=gettext("a State's country profile, as HTML, PDF or JSON"),
            description=gettext(
                "A State's profile as of today: groups and lists, treaty status, deadlines, assistance "
                "needs, answers by cycle (published reports only), indicators and results under the indicator "
                "targets. The same profile as /reporting/states/A3.pdf: the public's view, whoever runs it."
            ),
        )
        profile.add_argument("state", metavar="A3", help=gettext("the State's ISO 3166-1 alpha-3 code, e.g. CHE"))
        for parser in (progress, profile):
            parser.add_argument("--format", choices=FORMATS, default="html")
            parser.add_argument(
                "--output", metavar="FILE", required=True, help=gettext("the file to write; - for standard output")
            )
            parser.add_argument(
                "--site-url",
                dest="site_url",
                help=gettext("the site the links point to (default: VIENNAPLAN_SITE_URL)"),
            )
            parser.add_argument(
                "--lang",
                metavar="CODE",
                help=gettext("the document's language: one of %(codes)s (default: English, or viennaplan --lang)")
                % {"codes": ", ".join(language_codes())},
            )

    def handle(self, *args: Any, **options: Any) -> None:
        """The subcommand, in the language `--lang` names (refused when the site has no such language)."""
        wanted = options.pop("lang", None)
        if wanted is None:
            super().handle(*args, **options)
            return
        code = known_language(wanted)
        if code is None:
            raise CommandError(
                gettext("Unknown language %(code)s for --lang: choose one of %(codes)s.")
                % {"code": repr(wanted), "codes": ", ".join(language_codes())}
            )
        with translation.override(code):
            super().handle(*args, **options)

    def render(self, format: str, output: str, site_url: str | None, json_data: Any, html: Any) -> bytes:  # noqa: A002
        """The file's bytes: the JSON of `json_data()`, or the HTML of `html(site)` or its PDF."""
        if format == "json":
            return (json.dumps(json_data(), ensure_ascii=False, indent=2, cls=DjangoJSONEncoder) + "\n").encode("utf-8")
        site = site_url if site_url is not None else default_site_url()
        text = in_active_language(html(site))  # <html lang dir> of the document's language
        if format != "pdf":
            return text.encode("utf-8")
        if output == "-":
            raise CommandError(gettext("A PDF is not written to standard output: give --output FILE.pdf"))
        warning = font_warning()
        if warning:
            self.stderr.write(f"warning: {warning}")
        return html_to_pdf(text, base_url=site or None)

    def write(self, data: bytes, output: str, done: str) -> None:
        """`data` to the file `output` (or standard output for -), then `done` on standard error."""
        if output == "-":
            self.stdout.write(data.decode("utf-8"), ending="")
            return
        try:
            Path(output).write_bytes(data)
        except OSError as error:
            raise CommandError(
                gettext("Could not write %(output)s: %(error)s") % {"output": output, "error": error.strerror or error}
            ) from None
        self.stderr.write(done.format(size=f"{len(data):,}"))

    def run_progress(self, *, as_of, cycle, format, output, site_url, **_: Any) -> None:  # noqa: A002
        try:
            picked = queries.pick_cycle(cycle)
        except queries.BadParameter as error:
            raise CommandError(str(error).replace("?cycle=", "--cycle ")) from None
        report = build_report(picked, as_of, timezone.localdate())
        data = self.render(
            format, output, site_url, lambda: as_json(report), lambda site: report_html(report, site_url=site)
        )
        self.write(
            data, output, f"Wrote {output} ({format}, {{size}} bytes): {report.cycle_name}, as of {report.as_of_label}."
        )

    def run_profile(self, *, state, format, output, site_url, **_: Any) -> None:  # noqa: A002
        profile = public_profile(state.strip().upper(), timezone.localdate())
        if profile is None:
            raise CommandError(
                gettext("There is no State %(alpha3)s; States are named by ISO 3166-1 alpha-3 code, e.g. CHE.")
                % {"alpha3": repr(state)}
            )

        def json_data() -> dict:
            counted = {"demonstration": bool(settings.DEMO), "counted_statuses": list(queries.counted_statuses(PUBLIC))}
            return ProfileOut.model_validate({**counted, **profile_out(profile)}).model_dump(mode="json")

        data = self.render(format, output, site_url, json_data, lambda site: profile_html(profile, site_url=site))
        self.write(
            data,
            output,
            f"Wrote {output} ({format}, {{size}} bytes): {profile.state.name}, as of {long_date(profile.today)}.",
        )
