from django.urls import path, re_path

from . import views

app_name = "plan"
urlpatterns = [
    path("", views.home, name="home"),
    path("plan/chapter/<str:number>", views.chapter, name="chapter"),
    path("plan/notes", views.notes, name="notes"),
    path("plan/notes/<int:number>", views.note, name="note"),
    path("plan/deadlines", views.deadlines, name="deadlines"),
    path("plan/search", views.search, name="search"),
    # 57, 57/k, 57/k/ii; also 57(k)(ii) and other spellings, which redirect to the stable URL.
    re_path(r"^plan/(?P<path>\d[^?#]*)$", views.provision, name="provision"),
]
