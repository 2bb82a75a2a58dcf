"""Follow-up reports and adoptions."""

from django.urls import path

from . import views

app_name = "afterward"

urlpatterns = [
    path("follow-ups/", views.index, name="index"),
    path("follow-ups/<int:pk>/", views.report, name="report"),
    path("follow-ups/cycles/<int:year>/points/", views.set_points, name="set_points"),
    path("practices/<int:pk>/adoption/", views.record_adoption, name="record_adoption"),
    path("adoptions/<int:pk>/answer/", views.answer_adoption, name="answer_adoption"),
]
