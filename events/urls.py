from django.urls import path

from events import staff_views, views

app_name = "events"

urlpatterns = [
    path("", views.index, name="index"),
    path("calendar.ics", views.upcoming_ics, name="calendar"),
    path("series/<slug:slug>/", views.series, name="series"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/calendar.ics", views.event_ics, name="event_calendar"),
    path("<int:pk>/photos/", views.album, name="album"),
    path("<int:pk>/checkin/", staff_views.checkin, name="checkin"),
]
