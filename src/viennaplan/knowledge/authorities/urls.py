"""The collection's pages under /knowledge/ (included by knowledge/urls.py)."""

from django.urls import path  # noqa: F401

app_name = "authorities"
urlpatterns: list = []
