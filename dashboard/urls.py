"""The statistics dashboard page (its CSV downloads are the stats API's ``?format=csv``)."""

from django.urls import path

from . import views

app_name = "dashboard"

urlpatterns = [
    path("", views.index, name="index"),
]
