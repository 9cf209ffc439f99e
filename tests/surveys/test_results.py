"""Staff follow a questionnaire: each city's state, reminders to those missing, results as charts with their
tables (the figures compared with a count made here), and the exports (XLSX, zip of files)."""

import io
import json
import re
import zipfile
from collections import Counter

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from core.models import ExportLog, OutgoingEmail
from surveys.models import Response
from tests.factories import AnswerFileFactory, LiaisonOfficerFactory, MemberCityFactory, ResponseFactory

pytestmark = pytest.mark.django_db

CHOICES = ["是", "否"]


def answered(questionnaire, cities):
    """Submitted answers from `cities` cities, with a number, a table and choices; one city left with a draft."""
    rows = []
    for n in range(cities):
        city = MemberCityFactory(name=f"城市{n:02d}")
        answers = {
            "started": CHOICES[n % 3 == 0],
            "measures": ["加装电梯"] + (["雨污分流"] if n % 2 else []),
            "households": str(100 * (n + 1)),
            "funds": {"2024": {"中央": str(n), "地方": ""}},
            "name": '=HYPERLINK("http://example.com")' if n == 0 else f"填表人{n}",
        }
        rows.append(ResponseFactory(questionnaire=questionnaire, city=city, answers=answers, state="submitted"))
    ResponseFactory(questionnaire=questionnaire, city=MemberCityFactory(name="草稿城市"), answers={"started": "是"})
    return rows


def results_url(questionnaire):
    return reverse("admin:surveys_questionnaire_results", args=[questionnaire.pk])


def charts(page):
    return {
        match.group(1): json.loads(match.group(2))
        for match in re.finditer(r'<script id="(chart-\d+)" type="application/json">(.*?)</script>', page, re.S)
    }


def test_the_results_page_draws_what_a_count_made_here_finds(admin_client, questionnaire):
    rows = answered(questionnaire, 9)
    counted_started = Counter(row.answers["started"] for row in rows)
    counted_measures = Counter(item for row in rows for item in row.answers["measures"])

    page = admin_client.get(results_url(questionnaire)).content.decode()
    drawn = charts(page)

    started = questionnaire.form.questions_in_order().get(key="started")
    measures = questionnaire.form.questions_in_order().get(key="measures")
    assert dict(zip(drawn[f"chart-{started.pk}"]["labels"], drawn[f"chart-{started.pk}"]["values"], strict=True)) == {
        "是": counted_started["是"],
        "否": counted_started["否"],
    }
    measured = drawn[f"chart-{measures.pk}"]
    assert dict(zip(measured["labels"], measured["values"], strict=True)) == {
        "加装电梯": 9,
        "雨污分流": counted_measures["雨污分流"],
    }
    households = sorted(int(row.answers["households"]) for row in rows)
    assert f"<td>{sum(households)}" in page and f"<td>{households[4]}" in page  # total and median
    assert f"<td>{sum(range(9))}</td>" in page  # the table's 2024 central-government column, summed
    assert "草稿城市" in page and page.count("<tr><td>") >= 9  # each city's state


def test_the_xlsx_has_a_row_per_respondent_with_chinese_headers(admin_client, questionnaire):
    rows = answered(questionnaire, 5)

    response = admin_client.get(reverse("admin:surveys_questionnaire_xlsx", args=[questionnaire.pk]))

    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    table = list(sheet.iter_rows(values_only=True))
    header, body = table[0], table[1:]
    assert header[:4] == ("城市", "所属地区", "状态", "提交时间")
    assert "是否已启动改造" in header and "投入资金 · 2024 · 中央" in header
    assert len(body) == Response.objects.filter(questionnaire=questionnaire).count() == 6
    submitted = [line for line in body if line[2] == "已提交"]
    assert sorted(line[0] for line in submitted) == sorted(row.city.name for row in rows)
    first = next(line for line in body if line[0] == "城市00")
    assert first[header.index("填表人")] == '=HYPERLINK("http://example.com")'  # text, never a formula
    cell = next(
        c for c in sheet[2 + [line[0] for line in body].index("城市00")] if c.value == first[header.index("填表人")]
    )
    assert cell.data_type == "s"
    assert ExportLog.objects.filter(row_count=6).exists()


def test_the_files_come_in_a_zip_named_by_city(admin_client, questionnaire):
    response = ResponseFactory(questionnaire=questionnaire, city=MemberCityFactory(name="北海市"))
    AnswerFileFactory(response=response, question_key="plan", name="方案.pdf")

    download = admin_client.get(reverse("admin:surveys_questionnaire_files", args=[questionnaire.pk]))

    with zipfile.ZipFile(io.BytesIO(download.content)) as archive:
        assert archive.namelist() == ["北海市-plan.pdf"]
        assert archive.read("北海市-plan.pdf").startswith(b"%PDF")


def test_reminders_go_to_the_cities_that_have_not_submitted_once_a_day(admin_client, questionnaire):
    done, draft, silent = (LiaisonOfficerFactory() for _ in range(3))
    ResponseFactory(questionnaire=questionnaire, city=done.city, state="submitted")
    ResponseFactory(questionnaire=questionnaire, city=draft.city)
    url = reverse("admin:surveys_questionnaire_remind", args=[questionnaire.pk])

    admin_client.post(url)
    admin_client.post(url)

    reminded = sorted(address for mail in OutgoingEmail.objects.filter(kind="questionnaire") for address in mail.to)
    assert reminded == sorted([draft.email, silent.email])


def test_only_staff_allowed_see_results_and_exports(client, questionnaire, staff_user):
    client.force_login(staff_user)
    for name in ("results", "xlsx", "files"):
        assert client.get(reverse(f"admin:surveys_questionnaire_{name}", args=[questionnaire.pk])).status_code == 403


@pytest.mark.parametrize("cities", [3, 30])
def test_the_results_page_and_the_export_run_a_fixed_number_of_queries(
    admin_client, questionnaire, django_assert_num_queries, cities
):
    answered(questionnaire, cities)
    admin_client.get(results_url(questionnaire))
    # session, user, two-step devices (two), the questionnaire, the questions, the submitted answers, the audience
    # with its states (two), the personal links, the admin's app list
    with django_assert_num_queries(10):
        admin_client.get(results_url(questionnaire))
    with django_assert_num_queries(8):  # and the responses read in one, and the export log written
        admin_client.get(reverse("admin:surveys_questionnaire_xlsx", args=[questionnaire.pk]))


def test_the_daily_job_reminds_once_per_stage(questionnaire):
    import datetime

    from django.utils import timezone

    from surveys import services

    silent = LiaisonOfficerFactory()
    type(questionnaire).objects.filter(pk=questionnaire.pk).update(
        deadline=timezone.now() + datetime.timedelta(days=10)
    )
    assert services.reminders_send() == 0  # more than a week left
    type(questionnaire).objects.filter(pk=questionnaire.pk).update(deadline=timezone.now() + datetime.timedelta(days=5))
    assert services.reminders_send() == 1 and services.reminders_send() == 0  # the week's stage, once
    type(questionnaire).objects.filter(pk=questionnaire.pk).update(
        deadline=timezone.now() + datetime.timedelta(hours=5)
    )
    assert services.reminders_send() == 1  # the last day's
    assert OutgoingEmail.objects.filter(kind="questionnaire", to=[silent.email]).count() == 2


def test_named_people_and_a_bodys_members_each_get_a_personal_link(admin_client, client):
    from tests.factories import MandateFactory, QuestionFactory, QuestionnaireFactory, SectionFactory, UserFactory

    section = SectionFactory()
    QuestionFactory(section=section, key="topic", text="建议议题")
    questionnaire = QuestionnaireFactory(form=section.form, all_cities=False, state="draft")
    expert = UserFactory(first_name="专家", email="expert@example.cn")
    member = MandateFactory(name="覃海燕", email="qin@example.cn")
    MandateFactory(term=member.term, name="无邮箱")  # no address: no link
    questionnaire.people.add(expert)
    questionnaire.body = member.term.body
    questionnaire.save()

    admin_client.post(
        reverse("admin:surveys_questionnaire_changelist"), {"action": "send", "_selected_action": [questionnaire.pk]}
    )

    links = {response.label: response for response in Response.objects.filter(questionnaire=questionnaire)}
    assert set(links) == {"专家", "覃海燕"}
    mails = {mail.to[0]: mail.body for mail in OutgoingEmail.objects.filter(kind="questionnaire")}
    assert set(mails) == {"expert@example.cn", "qin@example.cn"}
    assert reverse("survey_links:answer", args=[links["覃海燕"].token]) in mails["qin@example.cn"]
    url = reverse("survey_links:answer", args=[links["覃海燕"].token])
    assert client.post(url, {"topic": "城市更新", "submit": "1"}).status_code == 302
    assert Response.objects.get(pk=links["覃海燕"].pk).answers == {"topic": "城市更新"}
