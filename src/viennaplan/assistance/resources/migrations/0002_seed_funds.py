"""The funds and programmes the plan asks States to contribute to, seeded as data (issue 13).

- the global programme against corruption: 20(d), 31(e) (chapter IV);
- the global programme against trafficking in persons: 35(e), 44(i), 46(a), 51(a) (chapter V);
- the Global Programme against Money-Laundering: 62(c), 63(g), 65(g), 65(h) (chapter VII);
- the international fund for support to victims of transnational crime: 84(a) (chapter X);
- unearmarked (general-purpose) voluntary contributions to the Centre for International Crime
  Prevention, whose donor base States are to broaden: 10(d), and 98(e) (voluntary contributions,
  with the private sector, for crime control as populations take up new technologies).

Names are the plan's (English, as the plan's text is shown). A fund already present with the same key
is left as the Secretariat has it.
"""

from django.db import migrations

FUNDS = [
    {
        "key": "gp-corruption",
        "name": "Global programme against corruption",
        "kind": "global_programme",
        "chapter": "IV",
        "provisions": ["20/d", "31/e"],
    },
    {
        "key": "gp-trafficking",
        "name": "Global programme against trafficking in persons",
        "kind": "global_programme",
        "chapter": "V",
        "provisions": ["35/e", "44/i", "46/a", "51/a"],
    },
    {
        "key": "gp-money-laundering",
        "name": "Global Programme against Money-Laundering",
        "kind": "global_programme",
        "chapter": "VII",
        "provisions": ["62/c", "63/g", "65/g", "65/h"],
    },
    {
        "key": "victims-fund",
        "name": "International fund for support to victims of transnational crime",
        "kind": "victims",
        "chapter": "X",
        "provisions": ["84/a"],
    },
    {
        "key": "unearmarked",
        "name": "Unearmarked voluntary contributions to the Centre for International Crime Prevention",
        "kind": "unearmarked",
        "chapter": "",
        "provisions": ["10/d", "98/e"],
    },
]


def seed(apps, schema_editor):
    Fund = apps.get_model("assistance_resources", "Fund")
    HistoricalFund = apps.get_model("assistance_resources", "HistoricalFund")
    from django.utils import timezone

    for values in FUNDS:
        fund, created = Fund.objects.get_or_create(key=values["key"], defaults=values)
        if created:
            HistoricalFund.objects.create(
                id=fund.id,
                history_date=timezone.now(),
                history_type="+",
                history_change_reason="seeded by migration 0002",
                **values,
                description="",
                region="",
            )


def unseed(apps, schema_editor):
    Fund = apps.get_model("assistance_resources", "Fund")
    Fund.objects.filter(
        key__in=[values["key"] for values in FUNDS], pledges=None, contributions=None, disbursements=None
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("assistance_resources", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
