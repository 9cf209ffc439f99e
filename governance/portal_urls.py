"""A member's votes on the desk: /portal/votes/."""

from django.urls import path

from governance import voting

app_name = "votes"

urlpatterns = [
    path("", voting.vote_list, name="list"),
    path("<int:pk>/", voting.vote_on_desk, name="vote"),
]
