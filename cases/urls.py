"""Submitter pages: my cases, the sectioned case form, submit, withdraw, attachments."""

from django.urls import path

from . import views as submitter

app_name = "cases"

urlpatterns = [
    path("my/cases/", submitter.my_cases, name="my_cases"),
    path("my/cases/new/", submitter.case_new, name="case_new"),
    path("my/cases/<int:pk>/", submitter.case_detail, name="case_detail"),
    path("my/cases/<int:pk>/edit/", submitter.case_edit, {"section": "basics"}, name="case_edit_start"),
    path("my/cases/<int:pk>/edit/<slug:section>/", submitter.case_edit, name="case_edit"),
    path("my/cases/<int:pk>/submit/", submitter.case_submit, name="case_submit"),
    path("my/cases/<int:pk>/withdraw/", submitter.case_withdraw, name="case_withdraw"),
    path(
        "my/cases/<int:pk>/attachments/<int:attachment_id>/delete/",
        submitter.attachment_delete,
        name="attachment_delete",
    ),
    path("cases/<int:pk>/attachments/<int:attachment_id>/", submitter.attachment_download, name="attachment_download"),
]
