"""Typed events other apps may listen to (publications, notifications, the progress matrix).

`report_transitioned` is sent after a transition is committed, with `event` (a ReportEvent:
report, transition, from_status, to_status, user, at, comment).
"""

from django.dispatch import Signal

report_transitioned = Signal()
