"""Public pages: awarded practices, their detail and citizen feedback, open-data downloads."""

urlpatterns: list = []
