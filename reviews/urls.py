"""Reviewer and manager pages."""

app_name = "reviews"

urlpatterns: list = []
