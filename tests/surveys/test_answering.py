"""An officer answers a questionnaire on the desk: every kind of question validated at its field, a draft saved
and taken up again, submitted once and changed until the deadline, questions shown by their conditions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from surveys.models import AnswerFile, Response
from tests.factories import PDF_BYTES, LiaisonOfficerFactory, MemberCityFactory, QuestionnaireFactory
from tests.surveys.conftest import closed

pytestmark = pytest.mark.django_db

GOOD = {
    "started": "是",
    "measures": ["加装电梯", "__other__"],
    "measures__other__": "屋面防水",
    "name": "林海波",
    "lesson": "先民生后提升。",
    "households": "1200",
    "since": "2024-03-01",
    "funds__r0c0": "800",
    "funds__r1c1": "1200",
}


def answer_url(questionnaire):
    return reverse("surveys:answer", args=[questionnaire.pk])


@pytest.fixture
def desk(client, officer):
    client.force_login(officer.user)
    return client


def test_the_desk_lists_the_questionnaire_with_the_city_state(desk, questionnaire):
    assert "老旧小区改造情况调查" in desk.get(reverse("portal:dashboard")).content.decode()
    page = desk.get(reverse("surveys:list")).content.decode()
    assert ("老旧小区改造情况调查" in page and "尚未填写" in page) or "not opened yet" in page


def test_every_kind_of_answer_is_kept_in_a_draft_and_shown_again(desk, questionnaire, officer):
    data = {**GOOD, "plan": SimpleUploadedFile("方案.pdf", PDF_BYTES, content_type="application/pdf"), "draft": "1"}

    response = desk.post(answer_url(questionnaire), data)

    assert response.status_code == 302
    saved = Response.objects.get(questionnaire=questionnaire, city=officer.city)
    assert saved.state == Response.State.DRAFT
    assert saved.answers == {
        "started": "是",
        "measures": ["加装电梯", "屋面防水"],
        "name": "林海波",
        "lesson": "先民生后提升。",
        "households": "1200",
        "since": "2024-03-01",
        "plan": "方案.pdf",
        "funds": {"2024": {"中央": "800", "地方": ""}, "2025": {"中央": "", "地方": "1200"}},
    }
    assert AnswerFile.objects.get(response=saved).file.read().startswith(b"%PDF")
    page = desk.get(answer_url(questionnaire)).content.decode()
    assert 'value="1200"' in page and "屋面防水" in page and "方案.pdf" in page and 'value="800"' in page


@pytest.mark.parametrize(
    "bad, field, message",
    [
        ({"households": "一千"}, "households", "输入一个数字"),
        ({"households": "200000"}, "households", "100000"),
        ({"households": "-5"}, "households", "0"),
        ({"since": "2024-02-30"}, "since", "日期"),
        ({"started": "也许"}, "started", "选择一个有效的选项"),
        ({"measures": ["拆除重建"]}, "measures", "选择一个有效的选项"),
        ({"name": "名" * 301}, "name", "300"),
        ({"funds__r0c0": "1" * 101}, "funds", "100"),
        ({"plan": SimpleUploadedFile("方案.pdf", b"MZ not a pdf", content_type="application/pdf")}, "plan", "不符"),
        ({"plan": SimpleUploadedFile("photo.jpg", b"not an image", content_type="image/jpeg")}, "plan", "图片"),
    ],
)
def test_bad_answers_get_a_message_at_their_question_and_nothing_is_saved(
    desk, questionnaire, officer, bad, field, message
):
    data = {**GOOD, **bad, "submit": "1"}

    response = desk.post(answer_url(questionnaire), data)

    assert response.status_code == 400
    page = response.content.decode()
    block = page.split(f'data-question="{field}"')[1].split('class="survey-question"')[0]
    assert "field-error" in block and message in block
    assert not Response.objects.filter(questionnaire=questionnaire, state="submitted").exists()
    assert Response.objects.get(questionnaire=questionnaire).answers == {}


def test_a_required_question_is_required_only_where_it_is_shown(desk, questionnaire, officer):
    missing = desk.post(answer_url(questionnaire), {"started": "是", "submit": "1"})
    not_started = desk.post(answer_url(questionnaire), {"started": "否", "households": "99", "submit": "1"})

    households = missing.content.decode().split('data-question="households"')[1].split('class="survey-question"')[0]
    assert missing.status_code == 400 and "field-error" in households
    assert not_started.status_code == 302
    saved = Response.objects.get(questionnaire=questionnaire)
    assert saved.state == "submitted" and saved.answers == {"started": "否"}  # the hidden answer was dropped


def test_a_draft_needs_no_required_answer_but_a_submission_does(desk, questionnaire):
    assert desk.post(answer_url(questionnaire), {"name": "林海波", "draft": "1"}).status_code == 302
    refused = desk.post(answer_url(questionnaire), {"name": "林海波", "submit": "1"})

    assert refused.status_code == 400
    assert Response.objects.get(questionnaire=questionnaire).state == "draft"


def test_submitted_answers_may_change_until_the_deadline_and_not_after(desk, questionnaire):
    desk.post(answer_url(questionnaire), {**GOOD, "submit": "1"})
    first = Response.objects.get(questionnaire=questionnaire)
    desk.post(answer_url(questionnaire), {**GOOD, "households": "1300", "submit": "1"})
    changed = Response.objects.get(questionnaire=questionnaire)
    assert changed.answers["households"] == "1300" and changed.submitted_at == first.submitted_at

    closed(questionnaire)
    late = desk.post(answer_url(questionnaire), {**GOOD, "households": "1", "submit": "1"})

    assert late.status_code in (400, 200) and 'name="submit"' not in late.content.decode()
    assert Response.objects.get(questionnaire=questionnaire).answers["households"] == "1300"


def test_a_city_outside_the_audience_finds_no_such_questionnaire(client, questionnaire):
    region_only = QuestionnaireFactory(all_cities=False)
    region_only.regions.add(MemberCityFactory().region)
    outsider = LiaisonOfficerFactory()
    client.force_login(outsider.user)

    assert client.get(answer_url(region_only)).status_code == 404
    assert client.post(answer_url(region_only), GOOD).status_code == 404
    assert not Response.objects.filter(questionnaire=region_only).exists()


def test_a_questionnaire_being_prepared_is_on_no_desk(desk):
    draft = QuestionnaireFactory(state="draft")

    assert desk.get(answer_url(draft)).status_code == 404


@pytest.mark.parametrize("scale", [1, 10])
def test_the_desk_and_the_answer_page_run_a_fixed_number_of_queries(desk, officer, django_assert_num_queries, scale):
    from tests.factories import QuestionFactory, SectionFactory

    section = SectionFactory()
    for n in range(scale):
        QuestionFactory(section=section, key=f"k{n}")
    latest = QuestionnaireFactory(form=section.form)
    for _ in range(scale):
        QuestionnaireFactory()
    desk.get(reverse("surveys:list"))
    # session, user, whether they have a two-step device, the officer with the city, the questionnaires, the city's
    # responses, whether an officer (the header), the footer pages
    with django_assert_num_queries(8):
        desk.get(reverse("surveys:list"))
    desk.get(answer_url(latest))
    # session, user, whether they have a two-step device, the officer, the questionnaire, whether it is the city's,
    # the response (its get_or_create's savepoint and release), the questions, the files given, whether an officer,
    # the footer
    with django_assert_num_queries(13):
        desk.get(answer_url(latest))


def test_an_anonymous_questionnaire_is_answered_once_by_each_personal_link(client, admin_client, questionnaire):
    questionnaire.anonymous = True
    questionnaire.save()
    admin_client.post(
        reverse("admin:surveys_questionnaire_links", args=[questionnaire.pk]), {"labels": "嘉宾甲\n嘉宾乙\n"}
    )
    links = list(Response.objects.filter(questionnaire=questionnaire).order_by("pk"))
    assert [link.label for link in links] == ["嘉宾甲", "嘉宾乙"] and all(len(link.token) > 30 for link in links)
    url = reverse("survey_links:answer", args=[links[0].token])

    assert client.get(url).status_code == 200
    assert client.post(url, {**GOOD, "submit": "1"}).status_code == 302
    assert client.post(url, {**GOOD, "households": "7", "submit": "1"}).status_code == 302  # changed, still one

    assert Response.objects.filter(questionnaire=questionnaire).count() == 2
    assert Response.objects.get(pk=links[0].pk).answers["households"] == "7"
    assert client.get(reverse("survey_links:answer", args=["no-such-link"])).status_code == 404
    page = admin_client.get(reverse("admin:surveys_questionnaire_results", args=[questionnaire.pk])).content.decode()
    assert links[1].token in page


def test_personal_links_are_refused_for_a_questionnaire_put_to_cities(admin_client, questionnaire):
    admin_client.post(reverse("admin:surveys_questionnaire_links", args=[questionnaire.pk]), {"labels": "嘉宾"})

    assert not Response.objects.filter(questionnaire=questionnaire).exists()
