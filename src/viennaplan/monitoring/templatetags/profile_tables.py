"""The long tables of a State's profile page, drawn in Python (`monitoring.profile_html`):
`{{ line.answers|answer_rows }}`, `{{ series.values|value_rows }}`."""

from django import template

from viennaplan.monitoring import profile_html

register = template.Library()

register.filter("answer_rows", profile_html.answer_rows)
register.filter("value_rows", profile_html.value_rows)
