"""The resources pages under /assistance/ (included by assistance/urls.py)."""

app_name = "resources"
urlpatterns: list = []
