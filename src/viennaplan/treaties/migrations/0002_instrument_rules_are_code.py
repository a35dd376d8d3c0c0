"""The instruments' rules are read from code (treaties/rules.py): the Instrument table keeps only the
registry (code, names, order) that actions point at. The rule columns are dropped.

Backwards, the four columns without a default get one for the rows already there (the old code's
post-migrate sync writes the real rules into them)."""

import datetime

from django.db import migrations, models

PLACEHOLDERS = {
    "adopted": models.DateField(default=datetime.date(1900, 1, 1)),
    "threshold": models.PositiveSmallIntegerField(default=0),
    "general_delay_days": models.PositiveSmallIntegerField(default=0),
    "later_delay_days": models.PositiveSmallIntegerField(default=0),
}
RULE_COLUMNS = (
    "adopted", "adopted_by", "articles", "consent_kinds", "counts_organizations",
    "denunciation_cascades_to_children", "denunciation_delay_days", "denunciation_delay_months",
    "general_delay_days", "interpretations", "later_delay_days", "later_whichever_is_later",
    "official_entry_into_force", "organizations_may_join", "parent", "signature_windows", "source", "threshold",
)  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("treaties", "0001_initial")]

    operations = [
        *(migrations.AlterField("instrument", name, field) for name, field in PLACEHOLDERS.items()),
        *(migrations.RemoveField("instrument", name) for name in RULE_COLUMNS),
    ]
