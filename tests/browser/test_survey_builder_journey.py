"""Staff build a questionnaire in the back office (a form, a section, a table question) and send it to a region;
an officer of that region finds it on the desk with the table to fill in."""

import datetime

import pytest
from django.utils import timezone

from members.models import LiaisonOfficer, Region
from surveys.models import Question, Questionnaire
from tests.browser.conftest import DESKTOP, PHONE, signed_in
from tests.factories import SuperUserFactory

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect


def test_staff_build_a_questionnaire_with_a_table_and_send_it_to_a_region(browser, site):
    context, page = signed_in(browser, site, SuperUserFactory(username="survey.builder"), DESKTOP)

    # The form and its section.
    page.goto(f"{site}/admin/surveys/form/add/")
    page.fill("#id_name", "城市更新投入调查")
    page.locator("#sections-group .add-row a").click()
    page.fill("#id_sections-0-title", "投入情况")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_be_visible()

    # A table question in the section.
    page.locator("#sections-group a.inlinechangelink").first.click()
    page.locator("#questions-group .add-row a").click()
    page.fill("#id_questions-0-key", "investment")
    page.select_option("#id_questions-0-kind", "table")
    page.fill("#id_questions-0-text", "各年度投入资金（万元）")
    page.fill("#id_questions-0-rows", "2024\n2025")
    page.fill("#id_questions-0-columns", "中央补助\n地方配套")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    assert Question.objects.get(key="investment").row_list == ["2024", "2025"]

    # The questionnaire, for one region, sent.
    region = Region.objects.order_by("pk").first()
    page.goto(f"{site}/admin/surveys/questionnaire/add/")
    page.select_option("#id_form", label="城市更新投入调查")
    page.fill("#id_title", "2026年城市更新投入调查")
    today = timezone.localdate()
    page.fill("#id_opens_at_0", (today - datetime.timedelta(days=1)).isoformat())
    page.fill("#id_opens_at_1", "08:00:00")
    page.fill("#id_deadline_0", (today + datetime.timedelta(days=20)).isoformat())
    page.fill("#id_deadline_1", "18:00:00")
    page.select_option("#id_regions_from", label=region.name)
    page.locator("#id_regions_add").click()
    page.locator("input[name=_save]").click()
    questionnaire = Questionnaire.objects.get(title="2026年城市更新投入调查")
    page.locator(f"input[name=_selected_action][value='{questionnaire.pk}']").check()
    page.select_option("select[name=action]", "send")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_contain_text("已发送1份问卷")
    context.close()
    questionnaire.refresh_from_db()
    assert questionnaire.state == "sent" and list(questionnaire.regions.all()) == [region]

    # An officer of the region finds it on the desk, with the table.
    officer = LiaisonOfficer.objects.current().filter(city__region=region, is_primary=True).first()
    context, page = signed_in(browser, site, officer.user, PHONE)
    page.get_by_role("link", name="2026年城市更新投入调查").first.click()
    expect(page.locator("table.survey-table input")).to_have_count(4)
    context.close()
