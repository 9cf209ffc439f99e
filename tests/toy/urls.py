from django.urls import path

from tests.toy import views

app_name = "toy"
urlpatterns = [
    path("", views.policy_list, name="index"),
    path("<int:pk>/", views.policy_detail, name="detail"),
]
