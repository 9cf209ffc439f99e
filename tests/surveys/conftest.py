import datetime
from decimal import Decimal

import pytest

from surveys.models import Question
from tests.factories import LiaisonOfficerFactory, QuestionFactory, QuestionnaireFactory, SectionFactory


@pytest.fixture
def officer(db):
    return LiaisonOfficerFactory(name="林海波")


@pytest.fixture
def questionnaire(db):
    return every_kind_questionnaire()


def every_kind_questionnaire():
    """One question of every kind; the number, the table and the file are asked only of cities that have started."""
    section = SectionFactory(title="老旧小区改造")
    started = {"all": [{"question": "started", "is": "是"}]}
    questions = [
        dict(key="started", kind=Question.Kind.SINGLE, text="是否已启动改造", choices="是\n否", required=True),
        dict(
            key="measures", kind=Question.Kind.MULTIPLE, text="改造内容", choices="加装电梯\n雨污分流", allow_other=True
        ),
        dict(key="name", kind=Question.Kind.SHORT_TEXT, text="填表人"),
        dict(key="lesson", kind=Question.Kind.LONG_TEXT, text="经验做法"),
        dict(
            key="households",
            kind=Question.Kind.NUMBER,
            text="惠及户数",
            unit="户",
            min_value=Decimal("0"),
            max_value=Decimal("100000"),
            required=True,
            condition=started,
        ),
        dict(key="since", kind=Question.Kind.DATE, text="启动日期"),
        dict(key="plan", kind=Question.Kind.FILE, text="改造方案", condition=started),
        dict(
            key="funds",
            kind=Question.Kind.TABLE,
            text="投入资金",
            rows="2024\n2025",
            columns="中央\n地方",
            condition=started,
        ),
    ]
    for order, fields in enumerate(questions):
        QuestionFactory(section=section, order=order, **fields)
    return QuestionnaireFactory(form=section.form, title="老旧小区改造情况调查")


def closed(questionnaire):
    type(questionnaire).objects.filter(pk=questionnaire.pk).update(
        opens_at=questionnaire.opens_at - datetime.timedelta(days=40),
        deadline=questionnaire.opens_at - datetime.timedelta(days=1),
    )
