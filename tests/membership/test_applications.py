"""Applications to join: the public form in three languages, the secretariat's review, the council's decision,
the city entering the register and its officer invited; a notice at every step, and no duplicates."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import OutgoingEmail
from members.models import LiaisonOfficer, MemberCity, MembershipChange, MembershipLevel
from membership.models import Application
from membership.services import applications
from tests.factories import PDF_BYTES, MemberCityFactory, RegionFactory
from tests.factories.membership import ApplicationFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


def form_data(region, **changes):
    data = {
        "city_name": "平果市",
        "region": region.pk,
        "city_level": "county",
        "intended_level": "member",
        "contact_name": "黄立新",
        "contact_position": "市人民政府办公室副主任",
        "contact_phone": "0776-5822000",
        "contact_email": "pingguo@city.example.cn",
        "letter": SimpleUploadedFile("申请书.pdf", PDF_BYTES, content_type="application/pdf"),
        "note": "",
        "consent": "on",
    }
    data.update(changes)
    return data


@pytest.fixture
def manager(membership_manager):
    return membership_manager


@pytest.mark.parametrize("prefix", ["", "/zh-hant", "/en"])
def test_the_application_form_renders_in_every_language(client, prefix):
    response = client.get(f"{prefix}/membership/apply/")
    assert response.status_code == 200
    page = parse(response)
    assert page.find("input", name="city_name") and page.find("input", type="file")
    assert page.find("table", class_="data-table")  # member cities by level


def test_the_about_page_and_the_directory_link_to_it_and_count_members_by_level(client):
    MemberCityFactory(membership_level=MembershipLevel.PRESIDENT)
    MemberCityFactory.create_batch(2, membership_level=MembershipLevel.MEMBER)
    MemberCityFactory(membership_level=MembershipLevel.MEMBER, status=MemberCity.Status.LEFT)
    for url in ("/about/", "/members/"):
        page = parse(client.get(url))
        section = page.find("section", class_="level-counts")
        rows = {row.find("th").text: row.find("td").text for row in section.find("tbody").find_all("tr")}
        assert rows["会长单位"] == "1" and rows["会员单位"] == "2" and rows["理事单位"] == "0"
        assert section.find("a", href=reverse("membership:apply"))


def test_a_city_applies_and_is_told_its_number(client):
    region = RegionFactory()
    response = client.post("/membership/apply/", form_data(region))

    assert response.status_code == 302
    application = Application.objects.get()
    assert (application.city_name, application.state) == ("平果市", Application.State.SUBMITTED)
    assert application.letter.read() == PDF_BYTES
    page = client.get(response["Location"]).content.decode()
    assert application.reference in page
    mail = OutgoingEmail.objects.get(kind="application")
    assert mail.to == ["pingguo@city.example.cn"] and application.reference in mail.body


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"letter": SimpleUploadedFile("申请书.pdf", b"not a pdf at all", content_type="application/pdf")}, "letter"),
        ({"letter": SimpleUploadedFile("申请书.docx", PDF_BYTES)}, "letter"),
        ({"contact_email": "not-an-address"}, "contact_email"),
        ({"intended_level": "emperor"}, "intended_level"),
        ({"consent": ""}, "consent"),
        ({"city_name": ""}, "city_name"),
    ],
)
def test_bad_input_gets_a_message_and_records_nothing(client, changes, field):
    response = client.post("/membership/apply/", form_data(RegionFactory(), **changes))

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Application.objects.exists() and not OutgoingEmail.objects.exists()


def test_a_second_application_from_the_same_city_names_the_open_one(client):
    region = RegionFactory()
    client.post("/membership/apply/", form_data(region))
    first = Application.objects.get()

    response = client.post("/membership/apply/", form_data(region, city_name="平果"))

    assert response.status_code == 400
    assert first.reference in response.content.decode()
    assert Application.objects.count() == 1


def test_review_then_approval_admits_the_city_and_invites_its_officer(manager):
    application = ApplicationFactory(city_name="平果市", contact_email="pingguo@city.example.cn")

    applications.application_review(application=application, by=manager, recommend=True, note="材料齐全")
    applications.application_decide(
        application=application,
        by=manager,
        approved=True,
        meeting="第五届理事会第四次会议",
        resolution="五届理字〔2026〕第5号",
        decided_on=datetime.date(2026, 11, 20),
        level=MembershipLevel.MEMBER,
        base_url="https://portal.example.org",
    )

    application.refresh_from_db()
    city = application.city
    assert application.state == Application.State.APPROVED
    assert (city.name, city.status, city.membership_level) == ("平果市", "active", "member")
    change = MembershipChange.objects.get(city=city)
    assert (change.meeting, change.resolution, change.status_after) == (
        "第五届理事会第四次会议",
        "五届理字〔2026〕第5号",
        "active",
    )
    officer = LiaisonOfficer.objects.get(city=city)
    assert officer.email == "pingguo@city.example.cn" and officer.invited_at is not None
    kinds = list(OutgoingEmail.objects.order_by("id").values_list("kind", flat=True))
    assert kinds == ["application", "application", "invitation"]  # reviewed, approved, then the invitation


def test_a_city_that_left_comes_back_on_approval(manager):
    city = MemberCityFactory(name="合山市", status=MemberCity.Status.LEFT)
    application = applications.application_submit(
        data={
            "city_name": "合山市",
            "region": city.region,
            "city_level": "county",
            "intended_level": "member",
            "contact_name": "覃明",
            "contact_position": "市政府办副主任",
            "contact_phone": "0772-8912000",
            "contact_email": "heshan@city.example.cn",
            "letter": SimpleUploadedFile("l.pdf", PDF_BYTES),
            "note": "",
        },
        language="zh-hans",
    )
    assert application.city == city
    applications.application_review(application=application, by=manager, recommend=True, note="")
    applications.application_decide(
        application=application,
        by=manager,
        approved=True,
        meeting="第五届常务理事会第六次会议",
        resolution="",
        decided_on=datetime.date(2026, 11, 20),
        base_url="https://portal.example.org",
    )
    city.refresh_from_db()
    assert city.status == MemberCity.Status.ACTIVE
    assert MemberCity.objects.filter(name="合山市").count() == 1


def test_turned_down_by_the_secretariat_with_a_reason_the_applicant_reads(manager):
    application = ApplicationFactory()
    with pytest.raises(ValidationError):
        applications.application_review(application=application, by=manager, recommend=False, note="")

    applications.application_review(application=application, by=manager, recommend=False, note="申请书未盖章。")

    application.refresh_from_db()
    assert application.state == Application.State.REJECTED
    mail = OutgoingEmail.objects.get(kind="application")
    assert "申请书未盖章。" in mail.body
    with pytest.raises(ValidationError):  # a closed application takes no further step
        applications.application_review(application=application, by=manager, recommend=True, note="")


def test_the_council_decides_only_after_the_review(manager):
    application = ApplicationFactory()
    with pytest.raises(ValidationError):
        applications.application_decide(
            application=application,
            by=manager,
            approved=True,
            meeting="会议",
            resolution="",
            decided_on=datetime.date(2026, 11, 20),
            base_url="https://portal.example.org",
        )
    assert not MemberCity.objects.exists()
