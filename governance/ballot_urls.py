"""A member's personal voting link (no sign-in needed): /votes/<token>/."""

from django.urls import path

from governance import voting

app_name = "ballots"

urlpatterns = [
    path("<str:token>/", voting.vote_by_link, name="vote"),
]
