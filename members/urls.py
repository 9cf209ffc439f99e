from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("", views.index, name="index"),
    path("honours/", views.honours, name="honours"),
    path("<slug:slug>/", views.city, name="city"),
]
