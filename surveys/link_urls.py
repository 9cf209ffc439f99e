"""An anonymous questionnaire's personal links (no account needed): /surveys/<token>/ in every language."""

from django.urls import path

from surveys import portal

app_name = "survey_links"

urlpatterns = [
    path("<str:token>/", portal.answer_by_link, name="answer"),
]
