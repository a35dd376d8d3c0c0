"""The plan's stamp (`plan.kept`): one row whose number is drawn anew by every change to the plan, so
that the API answers a process keeps are dropped when the plan changes. Its first number is drawn here,
so that no two databases share the stamp of an empty row (a restored backup always looks changed)."""

import secrets

from django.db import migrations, models


def first_stamp(apps, schema_editor):
    apps.get_model("plan", "PlanStamp").objects.create(id=1, number=secrets.randbits(62) + 1)


class Migration(migrations.Migration):
    dependencies = [
        ("plan", "0004_provision_words_stored"),
    ]

    operations = [
        migrations.CreateModel(
            name="PlanStamp",
            fields=[
                ("id", models.PositiveSmallIntegerField(primary_key=True, serialize=False)),
                ("number", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(first_stamp, migrations.RunPython.noop),
    ]
