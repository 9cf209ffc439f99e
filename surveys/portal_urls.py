"""Questionnaires on the liaison officer's desk: /portal/surveys/."""

from django.urls import path

from surveys import portal

app_name = "surveys"

urlpatterns = [
    path("", portal.questionnaire_list, name="list"),
    path("<int:pk>/", portal.answer, name="answer"),
    path("<int:pk>/nominee/", portal.nominee, name="nominee"),
]
