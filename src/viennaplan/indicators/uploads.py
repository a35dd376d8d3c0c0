"""An uploaded file of observations, from the upload page or the API: its size checked before it
is read, then checked only ("check", nothing stored) or imported all or nothing by its uploader.

    receive(uploaded_file, user, dry_run=True)  -> ImportOutcome (what importing would do)
    receive(uploaded_file, user)                -> ImportOutcome (stored; the import and its history rows name `user`)

`TooLarge` and `importer.ImportRefused` say why nothing was stored. Who may upload is the
permission table's "indicator.import" (the Secretariat), asked by the callers.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from .importer import ImportOutcome, import_observations, read_file

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # settings.INDICATORS_UPLOAD_MAX_BYTES overrides it


class TooLarge(ValueError):
    pass


def max_upload_bytes() -> int:
    return int(getattr(settings, "INDICATORS_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES))


def receive(uploaded: Any, user: Any, *, dry_run: bool = False) -> ImportOutcome:
    """Check (dry_run) or import an uploaded file; TooLarge before reading it, ImportRefused with every bad row."""
    limit = max_upload_bytes()
    if uploaded.size > limit:
        raise TooLarge(
            _(
                "The file is %(size)s MB; files of up to %(limit)s MB are accepted. "
                "Split it (by indicator or by years) and upload each part. Nothing was read or stored."
            )
            % {"size": f"{uploaded.size / 1048576:.1f}", "limit": f"{limit / 1048576:.0f}"}
        )
    data, name = uploaded.read(limit + 1), uploaded.name or "upload.csv"
    if not dry_run:
        return import_observations(data, source_name=name, user=user)
    parsed = read_file(data, source_name=name)
    outcome = ImportOutcome(name, parsed.format, parsed.rows, len(parsed.records), parsed.on_file)
    outcome.unmatched, outcome.repeated = parsed.unmatched, parsed.repeated
    return outcome
