"""GET /api/v1/stats/ and /api/v1/stats/<table_id>/."""

urlpatterns: list = []
