"""GET /api/v1/stats/ and /api/v1/stats/<table_id>/."""

from django.urls import path

from .views import StatsTableView, StatsView

urlpatterns = [
    path("", StatsView.as_view(), name="stats"),
    path("<slug:table_id>/", StatsTableView.as_view(), name="stats-table"),
]
