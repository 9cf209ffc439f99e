from django.urls import path

from events import portal as events_portal
from members import portal

app_name = "portal"

urlpatterns = [
    path("", portal.dashboard, name="dashboard"),
    path("events/<int:pk>/delegation/", events_portal.delegation, name="delegation"),
]
