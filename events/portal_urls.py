"""The officer's registration pages, under /portal/events/ beside the desk that members keeps."""

from django.urls import path

from events import notice_views, portal

app_name = "delegations"

urlpatterns = [
    path("<int:pk>/delegation/", portal.delegation, name="edit"),
    path("notices/<int:pk>/", notice_views.notice, name="notice"),
    path("notices/<int:pk>/attachment/", notice_views.notice_attachment, name="notice_attachment"),
]
