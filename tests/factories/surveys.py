"""Forms (sections, questions), questionnaires and their responses."""

import datetime

import factory
from django.utils import timezone

from surveys.models import AnswerFile, Form, Question, Questionnaire, Response, Section
from tests.factories.files import PDF_BYTES


class FormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Form

    name = factory.Sequence(lambda n: f"调查表{n}")


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    form = factory.SubFactory(FormFactory)
    title = "基本情况"


class QuestionFactory(factory.django.DjangoModelFactory):
    """A short-text question; `kind=` and its fields for the others."""

    class Meta:
        model = Question

    section = factory.SubFactory(SectionFactory)
    key = factory.Sequence(lambda n: f"q{n}")
    kind = Question.Kind.SHORT_TEXT
    text = factory.Sequence(lambda n: f"问题{n}")
    order = factory.Sequence(lambda n: n)


class QuestionnaireFactory(factory.django.DjangoModelFactory):
    """Sent to every city, open from yesterday for a month."""

    class Meta:
        model = Questionnaire

    form = factory.SubFactory(FormFactory)
    title = factory.Sequence(lambda n: f"调查问卷{n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    all_cities = True
    state = Questionnaire.State.SENT


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    questionnaire = factory.SubFactory(QuestionnaireFactory)
    city = factory.SubFactory("tests.factories.members.MemberCityFactory")


class AnswerFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnswerFile

    response = factory.SubFactory(ResponseFactory)
    question_key = "q1"
    file = factory.django.FileField(filename="材料.pdf", data=PDF_BYTES)
    name = "材料.pdf"
