"""The events pages under /assistance/ (included by assistance/urls.py)."""

app_name = "events"
urlpatterns: list = []
