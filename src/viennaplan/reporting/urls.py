from django.urls import include, path

from . import views

app_name = "reporting"
urlpatterns = [
    path("", views.cycle_list, name="cycles"),
    path("desk", views.desk_page, name="desk"),
    path("<int:cycle_id>/", views.cycle_detail, name="cycle"),
    path("<int:cycle_id>/options", views.cycle_options, name="cycle_options"),
    path("contributions/", views.moderation, name="contributions"),
    path("contributions/<int:contribution_id>/moderation", views.moderate, name="moderate"),
    path("<int:cycle_id>/international/", views.international_progress, name="international"),
    path("<int:cycle_id>/<str:alpha3>/", views.report_page, name="report"),
    path("<int:cycle_id>/<str:alpha3>/history", views.report_history, name="history"),
    path("<int:cycle_id>/<str:alpha3>/print", views.report_print, name="print"),
    path("<int:cycle_id>/<str:alpha3>/report.pdf", views.report_pdf, name="report_pdf"),
    path("<int:cycle_id>/<str:alpha3>/chapter/<str:chapter>", views.section_page, name="section"),
    path("<int:cycle_id>/<str:alpha3>/next", views.next_unanswered, name="next_unanswered"),
    path("<int:cycle_id>/<str:alpha3>/start", views.start_report, name="start"),
    path("<int:cycle_id>/<str:alpha3>/submit", views.submit_step, name="submit"),
    path("<int:cycle_id>/<str:alpha3>/answers/<int:answer_id>", views.answer_save, name="answer"),
    path("<int:cycle_id>/<str:alpha3>/transitions/<str:name>", views.transition, name="transition"),
    path("<int:cycle_id>/<str:alpha3>/comments", views.comment, name="comment"),
    path("<int:cycle_id>/<str:alpha3>/contributions", views.contribute, name="contribute"),
    path("", include("viennaplan.reporting.urls_offline")),  # the questionnaire as a workbook
]
