"""The monitoring pages, mounted at the site's root before the treaties and reporting pages (paths
kept as they were; /treaties/<code> and reporting's patterns would otherwise match them):

/progress                                           the way in: every view of where the plan stands
/reporting/status?cycle=ID&by=region|group          which States have reported, late reports
/reporting/progress?cycle=ID&by=region|group        the progress matrix (chapters x areas)
/reporting/progress/cell?cycle=&chapter=&by=&area=  one cell: its States and their answers
/reporting/commitments?cycle=ID                     progress of each commitment and objective
/reporting/states/CHE (/print, and CHE.pdf)        a State's profile (printable and PDF: the public's): profile_views
/treaties/targets?as_of=YYYY-MM-DD                  the plan's ratification objectives
/targets, /targets/ID (/new, /ID/edit)              indicator targets and the review list of 35(f)
/targets/ID/states/A3                               one State's series under a target, charted
/targets/deadlines, /targets/deadlines/KEY?outcome= the plan's dated deadlines, each State: deadline_views
/treaties/UNTOC/map?as_of=…, /reporting/status/map?cycle=ID   world maps (and .svg): map_views
/indicators/CODE/map?year=&disaggregation=, /targets/ID/map   (and .svg) an indicator's values, a target's results
/reporting/commission-report?as_of=…&cycle=ID (and .pdf)      the report to the Commission: report_views
"""

from django.urls import path

from . import deadline_views, map_views, profile_views, report_views, target_views, views

app_name = "monitoring"
urlpatterns = [
    path("progress", views.progress, name="progress"),
    path("reporting/status", views.status, name="status"),
    path("reporting/progress", views.matrix, name="matrix"),
    path("reporting/progress/cell", views.cell, name="cell"),
    path("reporting/commitments", views.commitments, name="commitments"),
    path("reporting/states/<str:alpha3>.pdf", profile_views.state_pdf, name="state_pdf"),  # before the page
    path("reporting/states/<str:alpha3>/print", profile_views.state_print, name="state_print"),
    path("reporting/states/<str:alpha3>", profile_views.state, name="state"),
    path("treaties/targets", views.targets, name="targets"),
    path("targets", target_views.target_list, name="indicator_targets"),
    path("targets/new", target_views.target_form, name="indicator_target_new"),
    path("targets/deadlines", deadline_views.deadline_list, name="deadlines"),
    path("targets/deadlines/<str:key>", deadline_views.deadline_page, name="deadline"),
    path("targets/<int:pk>", target_views.target_page, name="indicator_target"),
    path("targets/<int:pk>/edit", target_views.target_form, name="indicator_target_edit"),
    path("targets/<int:pk>/states/<str:alpha3>", target_views.target_state_page, name="indicator_target_state"),
    path("treaties/<str:code>/map", map_views.treaty_map, name="treaty_map"),
    path("treaties/<str:code>/map.svg", map_views.treaty_map_svg, name="treaty_map_svg"),
    path("reporting/status/map", map_views.reporting_map, name="reporting_map"),
    path("reporting/status/map.svg", map_views.reporting_map_svg, name="reporting_map_svg"),
    path("indicators/<str:code>/map", map_views.indicator_map, name="indicator_map"),
    path("indicators/<str:code>/map.svg", map_views.indicator_map_svg, name="indicator_map_svg"),
    path("targets/<int:pk>/map", map_views.target_map, name="target_map"),
    path("targets/<int:pk>/map.svg", map_views.target_map_svg, name="target_map_svg"),
    path("reporting/commission-report", report_views.commission_report, name="commission_report"),
    path("reporting/commission-report.pdf", report_views.commission_report_pdf, name="commission_report_pdf"),
]
