"""The statistics dashboard page and its CSV downloads."""

app_name = "dashboard"

urlpatterns: list = []
