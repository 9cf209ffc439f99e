from django.urls import path

from core.sms import views

app_name = "sms"

urlpatterns = [path("replies/aliyun/<str:token>/", views.aliyun_replies, name="aliyun_replies")]
