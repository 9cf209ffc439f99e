"""The leadership, the bodies' pages and the branch councils read from bodies, terms and mandates: a new term
changes them without editing any text, and earlier terms stay as history."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import BodyFactory, BranchFactory, MandateFactory, PositionFactory, ResolutionFactory, TermFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def council():
    body = BodyFactory(name="理事会", name_en="Council")
    president = PositionFactory(name="会长", name_en="President", order=10)
    member = PositionFactory(name="理事", name_en="Council member", order=90, leading=False)
    old = TermFactory(body=body, number=4, starts_on=datetime.date(2016, 10, 12), ends_on=datetime.date(2022, 11, 7))
    new = TermFactory(body=body, number=5, starts_on=datetime.date(2022, 11, 8))
    MandateFactory(term=old, position=president, name="李国强")
    MandateFactory(term=new, position=president, name="韦志宏")
    MandateFactory(term=new, position=member, name="周晓东")
    return body


def test_the_leadership_page_shows_the_current_term_and_keeps_the_former_holders(client, council):
    page = client.get(reverse("association:leadership")).content.decode()

    current, former = page.split('id="past-leaders"')
    assert "韦志宏" in current and "李国强" not in current
    assert "李国强" in former and "第4届" in former
    assert "周晓东" not in page  # a plain council member is not the leadership
    assert council.get_absolute_url() in page


def test_a_new_term_changes_the_pages_without_editing_them(client, council):
    newest = TermFactory(body=council, number=6, starts_on=datetime.date.today())
    council.terms.filter(number=5).update(ends_on=datetime.date.today() - datetime.timedelta(days=1))
    MandateFactory(term=newest, position=council.terms.get(number=5).mandates.first().position, name="黄建军")

    leadership = client.get(reverse("association:leadership")).content.decode()
    body = client.get(council.get_absolute_url()).content.decode()

    current, former = leadership.split('id="past-leaders"')
    assert "黄建军" in current and "韦志宏" in former
    assert body.index("黄建军") < body.index('id="past-terms"') < body.index("韦志宏")
    assert "第6届" in body and "第5届" in body and "第4届" in body


def test_the_body_page_lists_members_of_the_current_term_and_public_resolutions(client, council):
    ResolutionFactory(body=council, title="关于增补理事的决议", is_public=True)
    ResolutionFactory(body=council, title="内部决议", is_public=False)

    page = client.get(council.get_absolute_url()).content.decode()

    assert "韦志宏" in page and "周晓东" in page
    assert "关于增补理事的决议" in page and "内部决议" not in page


@pytest.mark.parametrize("prefix", ["", "/zh-hant", "/en"])
def test_the_body_page_reads_in_every_language(client, council, prefix):
    response = client.get(prefix + council.get_absolute_url())

    assert response.status_code == 200
    if prefix == "/en":
        assert "Term 5" in response.content.decode() and "Council" in response.content.decode()


def test_an_unknown_body_is_404(client):
    assert client.get(reverse("governance:body", args=[999])).status_code == 404


def test_a_branch_council_shows_its_current_term_on_the_branch_page(client):
    branch = BranchFactory()
    old = TermFactory(body__branch=branch, number=1, starts_on="2008-03-06", ends_on="2018-03-05")
    new = TermFactory(body=old.body, number=2, starts_on="2018-03-06")
    MandateFactory(term=old, name="蓝秀英")
    MandateFactory(term=new, name="覃海燕")

    page = client.get(branch.get_absolute_url()).content.decode()

    assert "覃海燕" in page and "蓝秀英" not in page
    assert "蓝秀英" in client.get(old.body.get_absolute_url()).content.decode()


def test_the_home_and_about_pages_name_the_president(client, council):
    assert "韦志宏" in client.get("/").content.decode()
    assert "韦志宏" in client.get(reverse("association:about")).content.decode()
