"""Public pages: awarded practices, their detail and citizen feedback, open-data downloads."""

from django.urls import path

from . import views as public

app_name = "practices"

urlpatterns: list = [
    path("practices/", public.practice_list, name="practice_list"),
    path("practices/<int:pk>/", public.practice_detail, name="practice_detail"),
    path("practices/<int:pk>/feedback/", public.practice_feedback, name="practice_feedback"),
    path("practices/feedback/moderation/", public.moderation_queue, name="feedback_moderation"),
    path("practices/feedback/<int:pk>/moderate/", public.moderate, name="feedback_moderate"),
    path("open-data/", public.open_data, name="open_data"),
    path("open-data/cases.csv", public.open_data_csv, name="open_data_csv"),
    path("open-data/cases.json", public.open_data_json, name="open_data_json"),
]
