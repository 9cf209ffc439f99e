"""Forms (sections, questions), questionnaires and their responses."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from surveys.models import (
    AnswerFile,
    Criterion,
    Form,
    Juror,
    Nomination,
    NominationCall,
    Question,
    Questionnaire,
    Response,
    Score,
    Section,
)
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


class NominationCallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NominationCall

    questionnaire = factory.SubFactory(QuestionnaireFactory, title="2026年度优秀联络员推荐")
    honour = "优秀联络员"
    year = 2026
    places = 3


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    call = factory.SubFactory(NominationCallFactory)
    name = factory.Iterator(["联络工作成效", "信息报送", "参会组织"])
    weight = Decimal(1)


class JurorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Juror

    call = factory.SubFactory(NominationCallFactory)
    user = factory.SubFactory("tests.factories.users.UserFactory")


class NominationFactory(factory.django.DjangoModelFactory):
    """A submitted nomination of a city's officer."""

    class Meta:
        model = Nomination

    call = factory.SubFactory(NominationCallFactory)
    officer = factory.SubFactory("tests.factories.members.LiaisonOfficerFactory")
    response = factory.SubFactory(
        ResponseFactory,
        questionnaire=factory.SelfAttribute("..call.questionnaire"),
        city=factory.SelfAttribute("..officer.city"),
        state="submitted",
    )


class ScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Score

    nomination = factory.SubFactory(NominationFactory)
    juror = factory.SubFactory(JurorFactory, call=factory.SelfAttribute("..nomination.call"))
    criterion = factory.SubFactory(CriterionFactory, call=factory.SelfAttribute("..nomination.call"))
    value = 8
