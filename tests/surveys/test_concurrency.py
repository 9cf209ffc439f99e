"""Two tabs submitting the same city's answers at once leave one response, holding one tab's answers whole
(PostgreSQL, real connections)."""

import pytest
from django.db import connection

from surveys import services
from surveys.models import Response
from tests.concurrency import run_together
from tests.factories import MemberCityFactory, QuestionnaireFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL: set DATABASE_URL to run the concurrency tests"
    ),
]


def test_two_tabs_submitting_at_once_leave_one_answer():
    questionnaire, city = QuestionnaireFactory(), MemberCityFactory()
    tabs = [{"q1": "第一个标签页", "q2": "甲"}, {"q1": "第二个标签页", "q2": "乙"}] * 4

    def submit(answers):
        response = services.response_for_city(questionnaire=questionnaire, city=city)
        return services.response_save(response=response, answers=answers, files={}, submit=True, by=None)

    outcomes = run_together([(lambda a=answers: submit(a)) for answers in tabs], catch=(Exception,))

    assert all(isinstance(outcome, Response) for outcome in outcomes), outcomes
    assert Response.objects.filter(questionnaire=questionnaire, city=city).count() == 1
    saved = Response.objects.get(questionnaire=questionnaire, city=city)
    assert saved.state == "submitted" and saved.answers in tabs
