"""A call for nominations run to the honours page in Chromium: a city nominates its officer on the desk, a juror
scores it, the secretariat decides, and the honours page names the officer."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from members.models import LiaisonAward, LiaisonOfficer
from surveys.models import Criterion, Form, Juror, NominationCall, Question, Questionnaire, Section
from tests.browser.conftest import DESKTOP, PHONE, signed_in
from tests.factories import SuperUserFactory, UserFactory

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect

SHOTS = Path("var/screenshots")


def test_a_call_runs_from_the_nomination_to_the_honours_page(browser, site):
    SHOTS.mkdir(parents=True, exist_ok=True)
    now = timezone.now()
    form = Form.objects.create(name="推荐表")
    section = Section.objects.create(form=form, title="推荐材料")
    Question.objects.create(section=section, key="deeds", kind="long", text="主要事迹", required=True)
    questionnaire = Questionnaire.objects.create(
        form=form,
        title="2027年度优秀联络员推荐",
        opens_at=now - datetime.timedelta(days=1),
        deadline=now + datetime.timedelta(days=20),
        all_cities=True,
        state=Questionnaire.State.SENT,
    )
    call = NominationCall.objects.create(questionnaire=questionnaire, honour="优秀联络员", year=2027, places=2)
    Criterion.objects.create(call=call, name="联络工作成效", weight=Decimal(1))
    officer = LiaisonOfficer.objects.current().filter(is_primary=True).order_by("pk")[2]
    juror = Juror.objects.create(call=call, user=UserFactory(username="jury.expert", first_name="专家"))

    # The city nominates its officer on a phone.
    context, page = signed_in(browser, site, officer.user, PHONE)
    page.goto(f"{site}/portal/surveys/{questionnaire.pk}/")
    page.get_by_label(officer.name, exact=False).first.check()
    page.get_by_role("button", name="继续填写推荐表").click()
    page.fill("textarea[name=deeds]", "全年报送信息150条，组织本市代表团参加各项会议。")
    page.get_by_role("button", name="提交", exact=True).click()
    expect(page.locator("ul.messages")).to_contain_text("已提交")
    context.close()

    # A juror scores it.
    context, page = signed_in(browser, site, juror.user, DESKTOP)
    page.goto(f"{site}/portal/jury/{call.pk}/")
    page.get_by_role("link", name=officer.name).click()
    page.get_by_label("联络工作成效").fill("9")
    page.get_by_role("button", name="保存评分").click()
    expect(page.locator("ul.messages")).to_contain_text("评分已保存")
    context.close()

    # The secretariat decides; the honours page names the officer.
    context, page = signed_in(browser, site, SuperUserFactory(username="honours.clerk"), DESKTOP)
    page.goto(f"{site}/admin/surveys/nominationcall/{call.pk}/ranking/")
    page.screenshot(path=str(SHOTS / "nomination-ranking.png"), full_page=True)
    page.locator("input[name=honoured]").first.check()
    page.get_by_role("button", name="评定并在荣誉榜公布").click()
    expect(page.locator(".messagelist")).to_contain_text("已表彰1人")
    context.close()
    assert LiaisonAward.objects.filter(officer=officer, year=2027, title="优秀联络员").exists()
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{site}/members/honours/")
    expect(page.locator("main")).to_contain_text(officer.name)
    context.close()
