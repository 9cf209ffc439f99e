"""The officer's registration pages, under /portal/events/ beside the desk that members keeps."""

from django.urls import path

from events import portal

app_name = "delegations"

urlpatterns = [
    path("<int:pk>/delegation/", portal.delegation, name="edit"),
]
