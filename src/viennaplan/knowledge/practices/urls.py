"""The collection's pages under /knowledge/ (included by knowledge/urls.py).

/knowledge/practices            the list (search and filters)
/knowledge/practices/<key>      a practice with its evaluations (the key is stable: the CSV's key)
"""

from django.urls import re_path

from . import views

app_name = "practices"
urlpatterns = [
    re_path(r"^practices$", views.practice_list, name="list"),
    re_path(r"^practices/(?P<key>[A-Za-z0-9][A-Za-z0-9._-]{0,79})$", views.practice_detail, name="practice"),
]
