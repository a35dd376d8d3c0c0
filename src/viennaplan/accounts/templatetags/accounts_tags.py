"""Naming people in templates: {{ answer.updated_by|person }} (see accounts.names)."""

from django import template

from ..names import display_name

register = template.Library()


@register.filter
def person(user: object) -> str:
    return display_name(user)
