from rest_framework.renderers import BaseRenderer

from dashboard.exports import table_csv


class StatsTableCSVRenderer(BaseRenderer):
    """``?format=csv`` on ``/api/v1/stats/<table_id>/``: one table as a spreadsheet-ready CSV file."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return table_csv(data).encode(self.charset)
