from django.urls import path

from surveys import awards

app_name = "awards"

urlpatterns = [path("", awards.award_list, name="list")]
