from django.urls import path

from members import portal

app_name = "portal"

urlpatterns = [
    path("", portal.dashboard, name="dashboard"),
    path("sms/", portal.sms, name="sms"),
]
