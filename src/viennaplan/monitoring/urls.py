"""The monitoring pages, included under /reporting/ next to `reporting.urls` (paths kept as they were):

/reporting/status?cycle=ID&by=region|group          which States have reported, late reports
/reporting/progress?cycle=ID&by=region|group        the progress matrix (chapters x areas)
/reporting/progress/cell?cycle=&chapter=&by=&area=  one cell: its States and their answers
/reporting/commitments?cycle=ID                     progress of each commitment and objective
/reporting/states/CHE                               a State's profile
"""

from django.urls import path

from . import views

app_name = "monitoring"
urlpatterns = [
    path("status", views.status, name="status"),
    path("progress", views.matrix, name="matrix"),
    path("progress/cell", views.cell, name="cell"),
    path("commitments", views.commitments, name="commitments"),
    path("states/<str:alpha3>", views.state, name="state"),
]
