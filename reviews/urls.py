"""Reviewer and manager pages."""

from django.urls import path

from . import cycle_views, notification_views, views

app_name = "reviews"

urlpatterns = [
    path("", views.my_assignments, name="my_assignments"),
    path("assignments/<int:pk>/", views.review, name="review"),
    path("cases/<int:pk>/comments/", views.comments, name="comments"),
    path("manage/", views.manage, name="manage"),
    path("manage/notifications/", notification_views.notifications, name="notifications"),
    path("manage/cases/<int:pk>/", views.case, name="case"),
    path("manage/<int:year>/", views.cycle, name="cycle"),
    path("manage/<int:year>/state/", cycle_views.cycle_state, name="cycle_state"),
    path("manage/<int:year>/publish/", cycle_views.publish, name="publish"),
    path("manage/<int:year>/assignments/", views.assignment, name="assignment"),
    path("manage/<int:year>/ranking/", views.ranking, name="ranking"),
    path("manage/<int:year>/decisions/", views.decisions, name="decisions"),
]
