"""Mayors, officers and delegates may have a name in Latin script: English pages, e-mails in English, badges and
exports use it; Chinese pages keep the Chinese, and an English page without one shows the Chinese marked as such."""

import csv
import io

import openpyxl
import pytest

from core.mail.outbox import compose
from events.models import Delegate, Delegation
from members.models import LiaisonAward
from tests.events.conftest import delegates
from tests.events.test_pages import form_data
from tests.factories import MayorFactory
from tests.members.import_export.helpers import export

pytestmark = pytest.mark.django_db


def test_the_english_city_page_names_the_mayor_in_latin_script(client, make_city):
    city = make_city("nanning")
    MayorFactory(city=city, name="李国强", name_latin="Li Guoqiang")
    chinese = client.get(city.get_absolute_url()).content.decode()
    assert "<dd>李国强</dd>" in chinese and "Li Guoqiang" not in chinese
    client.cookies.clear()
    english = client.get(f"/en{city.get_absolute_url()}").content.decode()
    assert "<dd>Li Guoqiang</dd>" in english and "李国强" not in english


def test_without_a_latin_name_the_english_page_shows_the_chinese_marked(client, make_city):
    city = make_city("liuzhou")
    MayorFactory(city=city, name="覃海燕")
    english = client.get(f"/en{city.get_absolute_url()}").content.decode()
    assert '<dd lang="zh-Hans">覃海燕</dd>' in english


def test_the_english_honours_page_names_officers_in_latin_script(client, make_officer):
    officer = make_officer("beihai")
    officer.name, officer.name_latin = "陆明峰", "Lu Mingfeng"
    officer.save()
    LiaisonAward.objects.create(officer=officer, year=2025, title="优秀联络员")
    assert "Lu Mingfeng" in client.get("/en/members/honours/").content.decode()
    client.cookies.clear()
    chinese = client.get("/members/honours/").content.decode()
    assert "陆明峰" in chinese and "Lu Mingfeng" not in chinese


def test_an_english_e_mail_greets_the_officer_by_the_latin_name(make_officer):
    officer = make_officer("qinzhou")
    officer.name, officer.name_latin = "周晓东", "Zhou Xiaodong"
    context = {"officer": officer, "association": None, "set_password_url": "https://example.cn/x"}
    _subject, english = compose("members/email/invitation", context, "en")
    assert english.startswith("Dear Zhou Xiaodong,")
    _subject, chinese = compose("members/email/invitation", context, "zh-hans")
    assert "周晓东" in chinese.splitlines()[0] and "Zhou Xiaodong" not in chinese


def test_the_officer_gives_a_delegate_s_latin_name_and_badges_and_exports_carry_it(
    client, make_event, make_officer, event_manager
):
    event, officer = make_event(), make_officer("nanning")
    client.force_login(officer.user)
    people = delegates(2)
    people[0]["name_latin"] = "Huang Zhiming"
    response = client.post(f"/portal/events/{event.pk}/delegation/", form_data(people))
    assert response.status_code == 302
    assert list(Delegate.objects.order_by("rank").values_list("name", "name_latin")) == [
        ("代表0", "Huang Zhiming"),
        ("代表1", ""),
    ]
    assert Delegation.objects.get().state == "confirmed"

    client.force_login(event_manager)
    base = f"/admin/events/event/{event.pk}"
    badges = client.get(f"{base}/badges/").content.decode()
    assert badges.count('class="badge-card__latin" lang="en">Huang Zhiming<') == 1
    assert badges.count("badge-card__latin") == 1  # none for a delegate without one

    rows = list(csv.reader(io.StringIO(client.get(f"{base}/delegates.csv").content.decode("utf-8-sig"))))
    latin = rows[0].index("姓名拼音")
    assert [(row[1], row[latin]) for row in rows[1:]] == [("代表0", "Huang Zhiming"), ("代表1", "")]


def test_the_officer_roster_carries_the_latin_names(admin_client, make_officer):
    officer = make_officer("guilin")
    officer.name_latin = "Huang Jianjun"
    officer.save()
    response = export(admin_client, [officer])
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header, row = [list(r) for r in sheet.iter_rows(values_only=True)][:2]
    assert row[header.index("姓名拼音")] == "Huang Jianjun"
