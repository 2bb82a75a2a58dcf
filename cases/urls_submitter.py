"""Submitter pages: my cases, the sectioned case form, submit, withdraw, attachments."""

urlpatterns: list = []
