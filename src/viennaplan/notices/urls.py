from django.urls import path

from . import views

app_name = "notices"
urlpatterns = [
    path("", views.notice_list, name="list"),
    path("<int:pk>/open", views.open_notice, name="open"),
    path("read", views.read_all, name="read_all"),
    path("email", views.email_choice, name="email"),
    path("remind", views.remind_states, name="remind"),
]
