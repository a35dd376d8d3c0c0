"""`viennaplan targets list|show|create|deadlines`: indicator targets, the plan's other deadlines, each State's result.

    viennaplan targets list                                   every target with its counts
    viennaplan targets show TARGET_ID [--format text|json]    each State met / not met / insufficient data,
                                                              with the figures, and the review list of 35(f)
    viennaplan targets create --indicator CODE --provision 35(a) --baseline 2000 --target 2005
                              [--rule reduction|trend] [--threshold 10] [--window 1] [--by EMAIL]
    viennaplan targets deadlines [KEY] [--format text|json]   the plan's dated deadlines (ratification by
                                                              2002, 79(e)) with counts; with KEY, each State

The JSON is that of GET /api/targets/ID (of GET /api/targets/deadlines[/KEY] for the deadlines). A
target is the Secretariat's to set: on the command line, whoever runs it is the operator (as for
`treaties import`); `--by` records a person.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext, gettext_lazy

from viennaplan.subcommands import SubcommandCommand


class Command(SubcommandCommand):
    help = gettext_lazy(
        "Indicator targets, the plan's deadlines and each State's result (`viennaplan targets SUBCOMMAND --help`)."
    )

    def add_subcommands(self, commands: Any) -> None:
        commands.add_parser("list", help=gettext("every target with its counts"))
        show = commands.add_parser(
            "show", help=gettext("each State's result with its figures, and the review list of 35(f)")
        )
        show.add_argument("target_id", metavar="TARGET_ID", type=int)
        show.add_argument("--format", choices=["text", "json"], default="text")
        deadlines = commands.add_parser(
            "deadlines", help=gettext("the plan's dated deadlines with counts; with KEY, each State's outcome and why")
        )
        deadlines.add_argument(
            "key", metavar="KEY", nargs="?", help=gettext("a deadline's key: ratify-untoc, review-victims, ...")
        )
        deadlines.add_argument("--format", choices=["text", "json"], default="text")
        create = commands.add_parser("create", help=gettext("set a target (the Secretariat's)"))
        create.add_argument("--indicator", required=True, help=gettext("the indicator's code"))
        create.add_argument("--provision", required=True, help=gettext('the commitment, as cited: "35(a)"'))
        create.add_argument("--baseline", type=int, required=True, help=gettext("baseline year"))
        create.add_argument("--target", type=int, required=True, help=gettext("target year"))
        create.add_argument("--rule", choices=["reduction", "trend"], default="reduction")
        create.add_argument("--threshold", default="10", help=gettext("the fall required, in per cent (default 10)"))
        create.add_argument("--window", type=int, default=1, help=gettext("years either side a value may come from"))
        create.add_argument("--disaggregation", default="{}", help=gettext('JSON, e.g. {"sex": "female"}'))
        create.add_argument("--by", default="", help=gettext("the e-mail of the Secretariat member who set it"))

    def run_list(self, **_: Any) -> None:
        from viennaplan.monitoring.target_results import all_targets, results_of

        targets = all_targets()
        for results in results_of(targets):
            target = results.target
            self.stdout.write(
                f"{target.pk}  {target.provision:<8} {target.indicator.code}  {target.baseline_year}-"
                f"{target.target_year}  met {len(results.met)}, not met {len(results.review)}, "
                f"insufficient data {len(results.insufficient)}"
            )
        if not targets:
            self.stdout.write(gettext("No target has been set yet."))

    def run_show(self, *, target_id: int, format: str, **_: Any) -> None:
        from viennaplan.monitoring.models import IndicatorTarget
        from viennaplan.monitoring.target_results import results_json, results_text, target_results

        target = IndicatorTarget.objects.select_related("indicator").filter(pk=target_id).first()
        if target is None:
            raise CommandError(
                gettext("There is no target %(target)s; `viennaplan targets list` lists them.") % {"target": target_id}
            )
        results = target_results(target)
        if format == "json":
            self.stdout.write(json.dumps(results_json(results), indent=2, ensure_ascii=False, cls=DjangoJSONEncoder))
        else:
            self.stdout.write(results_text(results), ending="")

    def run_deadlines(self, *, key: str | None, format: str, **_: Any) -> None:
        from viennaplan.monitoring import deadline_results as shapes
        from viennaplan.monitoring.deadline_views import unknown_deadline
        from viennaplan.monitoring.deadlines import find_deadline

        if key is None:
            found = shapes.all_deadline_results()
            if format == "json":
                self.stdout.write(
                    json.dumps(
                        [shapes.deadline_json(r) for r in found], indent=2, ensure_ascii=False, cls=DjangoJSONEncoder
                    )
                )
            else:
                self.stdout.write(shapes.list_text(found), ending="")
            return
        deadline = find_deadline(key)
        if deadline is None:
            raise CommandError(unknown_deadline(key, "`viennaplan targets deadlines`"))
        results = shapes.deadline_results(deadline)
        if format == "json":
            self.stdout.write(
                json.dumps(shapes.results_json(results), indent=2, ensure_ascii=False, cls=DjangoJSONEncoder)
            )
        else:
            self.stdout.write(shapes.results_text(results), ending="")

    def run_create(self, **options: Any) -> None:
        from django.contrib.auth import get_user_model

        from viennaplan.indicators.models import Indicator
        from viennaplan.monitoring.models import IndicatorTarget

        indicator = Indicator.objects.filter(code=options["indicator"]).first()
        if indicator is None:
            raise CommandError(
                gettext("There is no indicator %(code)s; `viennaplan indicators catalogue`.")
                % {"code": options["indicator"]}
            )
        try:
            threshold = Decimal(options["threshold"])
            disaggregation = json.loads(options["disaggregation"])
        except (InvalidOperation, json.JSONDecodeError) as error:
            raise CommandError(
                gettext("--threshold is a number and --disaggregation JSON (%(error)s)") % {"error": error}
            ) from None
        by = get_user_model().objects.filter(email__iexact=options["by"]).first() if options["by"] else None
        target = IndicatorTarget(
            indicator=indicator,
            provision=options["provision"],
            baseline_year=options["baseline"],
            target_year=options["target"],
            rule=options["rule"],
            threshold=threshold,
            window=options["window"],
            disaggregation=disaggregation,
            created_by=by,
        )
        try:
            target.full_clean()
        except ValidationError as error:
            raise CommandError("; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())) from None
        target.save()
        self.stdout.write(f"Target {target.pk} set: {target.get_absolute_url()}")
