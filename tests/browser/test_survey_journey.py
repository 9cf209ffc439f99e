"""Two liaison officers answer the association's questionnaire on their desks, one on a phone: questions appear as
earlier answers call for them, a draft is kept across a session that timed out, and the answers are submitted."""

from pathlib import Path

import pytest

from members.models import LiaisonOfficer
from surveys.models import Questionnaire, Response
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect

SHOTS = Path("var/screenshots")


def officer_page(browser, site, officer, viewport):
    from tests.browser.conftest import DESKTOP  # noqa: F401  (the sizes are the conftest's)

    officer.user.set_password(PASSWORD)
    officer.user.save()
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{site}/accounts/login/")
    page.fill("#id_username", officer.user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("form.stacked-form button[type=submit], input[type=submit]").first.click()
    expect(page).to_have_url(f"{site}/portal/")
    return context, page


def test_two_officers_answer_one_on_a_phone(browser, site):
    from tests.browser.conftest import DESKTOP, PHONE

    SHOTS.mkdir(parents=True, exist_ok=True)
    questionnaire = Questionnaire.objects.get(title="第八届中国—东盟市长论坛议题征集")
    first, second = LiaisonOfficer.objects.current().filter(is_primary=True).order_by("pk")[:2]

    # On a phone: "other" needs its text; the draft survives a session that ended.
    context, page = officer_page(browser, site, first, PHONE)
    page.get_by_role("link", name="第八届中国—东盟市长论坛议题征集").click()
    page.get_by_role("radio", name="其他").check()
    page.fill("input.survey-other", "跨境产业合作")
    page.fill("input[name=speaker]", "东兴市")
    page.screenshot(path=str(SHOTS / "survey-phone.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    context.clear_cookies(name="sessionid")  # the session times out; the rest of the browser stays
    page.get_by_role("button", name="提交", exact=True).click()
    expect(page).to_have_url(f"{site}/accounts/login/?next=/portal/surveys/{questionnaire.pk}/")
    page.fill("#id_username", first.user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("form.stacked-form button[type=submit], input[type=submit]").first.click()
    expect(page.locator("input.survey-other")).to_have_value("跨境产业合作")  # kept in the browser
    expect(page.locator("input[name=speaker]")).to_have_value("东兴市")
    page.get_by_role("button", name="提交", exact=True).click()
    expect(page.locator("ul.messages")).to_contain_text("已提交")
    context.close()

    # On a desktop: the other officer saves a draft, then submits.
    context, page = officer_page(browser, site, second, DESKTOP)
    page.goto(f"{site}/portal/surveys/{questionnaire.pk}/")
    page.get_by_label("城市更新").check()
    page.get_by_role("button", name="保存草稿").click()
    expect(page.locator("main")).to_contain_text("草稿已保存")
    page.get_by_role("button", name="提交", exact=True).click()
    page.screenshot(path=str(SHOTS / "survey-desktop.png"), full_page=True)
    context.close()

    answers = {r.city_id: (r.state, r.answers) for r in Response.objects.filter(questionnaire=questionnaire)}
    assert answers[first.city_id] == ("submitted", {"topic": "跨境产业合作", "speaker": "东兴市"})
    assert answers[second.city_id] == ("submitted", {"topic": "城市更新"})


def test_a_question_appears_when_its_condition_holds(browser, site):
    from tests.browser.conftest import PHONE

    questionnaire = Questionnaire.objects.get(title="第八届中国—东盟市长论坛议题征集")
    Questionnaire.objects.filter(pk=questionnaire.pk)  # the demo's open questionnaire, given a conditional question
    from surveys.models import Question

    section = questionnaire.form.sections.first()
    Question.objects.create(
        section=section,
        key="cross_border",
        kind=Question.Kind.NUMBER,
        text="口岸年通关人次",
        unit="万人次",
        order=99,
        condition={"all": [{"question": "topic", "is": "口岸经济"}]},
    )
    officer = LiaisonOfficer.objects.current().filter(is_primary=True).order_by("-pk").first()
    context, page = officer_page(browser, site, officer, PHONE)
    page.goto(f"{site}/portal/surveys/{questionnaire.pk}/")
    expect(page.locator("[data-question=cross_border]")).to_be_hidden()
    page.get_by_label("口岸经济").check()
    expect(page.locator("[data-question=cross_border]")).to_be_visible()
    page.get_by_label("城市更新").check()
    expect(page.locator("[data-question=cross_border]")).to_be_hidden()
    context.close()


def test_staff_see_the_charts_and_download_the_answers(browser, site):
    from tests.browser.conftest import DESKTOP, signed_in
    from tests.factories import SuperUserFactory

    questionnaire = Questionnaire.objects.get(title="2025年老旧小区改造情况调查")
    context, page = signed_in(browser, site, SuperUserFactory(username="survey.clerk"), DESKTOP)
    page.goto(f"{site}/admin/surveys/questionnaire/")
    page.locator(f"a[href$='/surveys/questionnaire/{questionnaire.pk}/results/']").click()
    containers = page.locator(".result__chart").count()
    assert containers >= 3  # started, the measures and the number of households
    expect(page.locator(".result__chart > div > svg")).to_have_count(containers)
    page.screenshot(path=str(SHOTS / "survey-results.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="下载答卷（XLSX）").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    context.close()


def test_every_kind_of_question_is_usable_on_a_phone(browser, site, tmp_path):
    from core.media.demo_images import meeting_hall
    from tests.browser.conftest import PHONE
    from tests.surveys.conftest import every_kind_questionnaire

    questionnaire = every_kind_questionnaire()
    officer = LiaisonOfficer.objects.current().filter(is_primary=True).order_by("pk")[4]
    photo = tmp_path / "方案.jpg"
    photo.write_bytes(meeting_hall(3))
    context, page = officer_page(browser, site, officer, PHONE)
    page.goto(f"{site}/portal/surveys/{questionnaire.pk}/")
    expect(page.locator("[data-question=households]")).to_be_hidden()
    page.get_by_label("是", exact=True).check()
    expect(page.locator("[data-question=households]")).to_be_visible()
    page.get_by_label("加装电梯").check()
    page.fill("input[name=name]", "林海波")
    page.fill("textarea[name=lesson]", "先民生后提升。")
    page.fill("input[name=households]", "1200")
    page.fill("input[name=since]", "2024-03-01")
    page.set_input_files("input[name=plan]", str(photo))
    page.fill("input[name=funds__r1c1]", "900")  # the table's last cell, reached by scrolling the table alone
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(SHOTS / "survey-every-kind-phone.png"), full_page=True)
    page.get_by_role("button", name="提交", exact=True).click()
    expect(page.locator("ul.messages")).to_contain_text("已提交")
    context.close()

    saved = Response.objects.get(questionnaire=questionnaire, city=officer.city)
    assert saved.answers["funds"] == {"2025": {"中央": "", "地方": "900"}} and saved.answers["plan"] == "方案.jpg"
