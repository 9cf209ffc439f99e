"""A guest delegation's personal link (no account needed): /guests/<token>/ in every language."""

from django.urls import path

from events import portal

urlpatterns = [
    path("<str:token>/", portal.guest_registration, name="guest_registration"),
]
