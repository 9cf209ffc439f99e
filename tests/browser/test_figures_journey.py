"""The secretary-general's year in figures, in Chromium: the dashboard's charts drawn beside their tables, one
chart filtered to a year, a city's profile opened from the "no meeting in 2 years" list, the annual work report
drafted and downloaded as a Word file. Then the public pages readers see: the figures, the directory's map, a
city's meetings and a meeting's cities. Screenshots at 1366 and 390 px."""

import io
import re
from pathlib import Path

import pytest
from django.utils import timezone
from docx import Document

from events.models import Event
from insight.models import WorkReport
from members.models import MemberCity
from tests.browser.conftest import DESKTOP, PHONE, signed_in
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect

SHOTS = Path("var/screenshots")


def fits(page, viewport):
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_the_secretary_general_reads_the_year_and_drafts_the_report(browser, site):
    SHOTS.mkdir(parents=True, exist_ok=True)
    # The secretary-general holds the secretariat's work and reads every chart: meetings, members, dues, news.
    secretary_general = StaffUserFactory(
        username="mishuzhang",
        groups=["secretariat", "news editors", "event managers", "membership managers", "finance"],
    )
    context, page = signed_in(browser, site, secretary_general, DESKTOP)

    page.get_by_role("link", name="协会年度数据图表").click()
    expect(page.get_by_role("heading", name=re.compile("历年会议、参会城市与代表"))).to_be_visible()
    expect(page.locator("#chart-meetings .figure__chart svg")).to_have_count(1)  # drawn by ECharts
    expect(page.locator("#chart-notice-replies .figure__chart svg")).to_have_count(1)
    page.screenshot(path=str(SHOTS / "figures-dashboard-desktop.png"), full_page=False)

    last_year = str(timezone.localdate().year - 1)
    page.fill("#meetings-from", last_year)
    page.fill("#meetings-to", last_year)
    page.locator("#chart-meetings").get_by_role("button", name="显示").click()
    expect(page).to_have_url(re.compile(rf"meetings-from={last_year}&meetings-to={last_year}"))
    rows = page.locator("#chart-meetings tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("th")).to_have_text(last_year)
    expect(page.locator("#chart-meetings .figure__chart svg")).to_have_count(1)

    page.goto(f"{site}/admin/insight/cityengagement/")
    page.get_by_role("link", name="两年内未参会").click()
    page.screenshot(path=str(SHOTS / "figures-engagement-desktop.png"), full_page=False)
    away = [name for name in page.locator(".field-city_name").all_inner_texts()]
    assert away and set(away) <= set(MemberCity.objects.values_list("name", flat=True))
    first = away[0]
    page.locator("tr", has_text=first).get_by_role("link", name="城市画像").click()
    expect(page.get_by_role("heading", name=f"{first}城市画像")).to_be_visible()
    expect(page.get_by_text("未参加过会议。")).to_be_visible()
    page.screenshot(path=str(SHOTS / "figures-city-profile-desktop.png"), full_page=True)

    page.goto(f"{site}/admin/insight/workreport/add/")
    page.select_option("#id_year", last_year)
    page.select_option("#id_category", index=1)
    page.get_by_role("button", name="保存", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text(f"{last_year}年度工作报告已生成草稿文章")
    with page.expect_download() as download:
        page.get_by_role("link", name="下载（.docx）").click()
    document = Document(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert document.paragraphs[0].text == f"协会{last_year}年度工作报告"
    report = WorkReport.objects.get()
    assert report.article.status == "draft"
    page.get_by_role("link", name=f"协会{last_year}年度工作报告").click()
    expect(page).to_have_url(re.compile(rf"/admin/news/article/{report.article_id}/change/"))
    context.close()

    context, page = signed_in(browser, site, secretary_general, PHONE)
    page.goto(f"{site}/admin/dashboard/")
    expect(page.locator("#chart-meetings .figure__chart svg")).to_have_count(1)
    page.screenshot(path=str(SHOTS / "figures-dashboard-phone.png"), full_page=False)
    page.goto(f"{site}/admin/insight/cityengagement/{MemberCity.objects.order_by('pk').first().pk}/profile/")
    page.screenshot(path=str(SHOTS / "figures-city-profile-phone.png"), full_page=False)
    page.goto(f"{site}/admin/insight/workreport/")
    page.screenshot(path=str(SHOTS / "figures-work-reports-phone.png"), full_page=False)
    context.close()


@pytest.mark.parametrize("viewport, size", [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_readers_see_the_figures_the_map_and_who_came(browser, site, viewport, size):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(f"{site}/figures/")
    expect(page.locator("#chart-meetings .figure__chart svg")).to_have_count(1)
    expect(page.locator("#chart-members tbody tr")).not_to_have_count(0)
    fits(page, viewport)
    page.screenshot(path=str(SHOTS / f"figures-public-{size}.png"), full_page=True)

    page.goto(f"{site}/members/")
    expect(page.locator(".city-map__chart svg")).to_have_count(1)
    expect(page.locator(".city-map__chart svg path").first).to_be_attached()  # the province's outline
    placed = MemberCity.objects.members().exclude(latitude=None).count()
    assert placed > 10
    fits(page, viewport)
    page.screenshot(path=str(SHOTS / f"directory-map-{size}.png"), full_page=False)

    held = Event.objects.filter(status="published", starts_at__lt=timezone.now(), delegations__state="confirmed")
    event = held.distinct().order_by("-starts_at").first()
    event.lists_attending_cities = True
    event.save()
    page.goto(f"{site}{event.get_absolute_url()}")
    expect(page.get_by_role("heading", name="参会会员城市")).to_be_visible()
    city = event.delegations.filter(state="confirmed", city__isnull=False).first().city
    page.locator(".attending-cities").get_by_role("link", name=city.name).click()
    expect(page.get_by_role("heading", name="承办和参加的会议")).to_be_visible()
    expect(page.locator("[aria-labelledby=city-meetings]")).to_contain_text(str(event))
    fits(page, viewport)
    page.screenshot(path=str(SHOTS / f"city-meetings-{size}.png"), full_page=True)
    context.close()
    assert errors == []
