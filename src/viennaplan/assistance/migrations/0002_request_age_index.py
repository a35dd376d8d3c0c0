"""An index for the pipeline board (issue 13, overview.board): the median and oldest age of the open
requests of each area and status are read in one window over (chapter, status, created_at), which
this index serves in order, without a sort (bench/assistance.py: the window from about 60 to 37 ms on
20,000 requests). It replaces the index on (chapter, status), whose queries it serves as well."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assistance", "0001_initial"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="assistancerequest", name="assistance__chapter_32883f_idx"),
        migrations.AddIndex(
            model_name="assistancerequest",
            index=models.Index(fields=["chapter", "status", "created_at"], name="assistance_req_chapter_age"),
        ),
    ]
