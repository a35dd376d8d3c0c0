"""Typed events other apps may listen to (publications, notifications, the progress matrix).

`report_transitioned` is sent after a transition is committed, with `event` (a ReportEvent:
report, transition, from_status, to_status, user, at, comment).
`cycle_opened` is sent after a new cycle and its questions are committed, with `cycle` (a
ReportingCycle) and `user` (who opened it).
"""

from django.dispatch import Signal

report_transitioned = Signal()
cycle_opened = Signal()
