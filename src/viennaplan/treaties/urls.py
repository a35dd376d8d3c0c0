from django.urls import path

from . import views

app_name = "treaties"
urlpatterns = [
    path("", views.instruments, name="instruments"),
    path("states/<str:alpha3>", views.state, name="state"),
    path("<str:code>", views.instrument, name="instrument"),
]
