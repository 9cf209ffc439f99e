from django.urls import path

from surveys import jury

app_name = "jury"

urlpatterns = [
    path("", jury.seats, name="seats"),
    path("<int:call_pk>/", jury.call_nominations, name="nominations"),
    path("<int:call_pk>/<int:pk>/", jury.score, name="score"),
]
