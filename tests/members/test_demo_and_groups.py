"""The demo member cities of Guangxi, loaded once and kept; which staff groups may manage members."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from members import demo as members_demo
from members.contributions import LIAISON_OFFICERS, MEMBERSHIP_MANAGERS
from members.models import LiaisonAward, LiaisonOfficer, Mayor, MemberCity, Region
from news.contributions import NEWS_EDITORS, NEWS_REVIEWERS

pytestmark = pytest.mark.django_db

PREFECTURE_LEVEL = {
    "nanning",
    "liuzhou",
    "guilin",
    "wuzhou",
    "beihai",
    "fangchenggang",
    "qinzhou",
    "guigang",
    "yulin",
    "baise",
    "hezhou",
    "hechi",
    "laibin",
    "chongzuo",
}
COUNTY_LEVEL = {"dongxing", "pingxiang", "cenxi", "beiliu", "guiping", "jingxi", "heshan", "lipu"}


def load_demo_data():
    call_command("load_demo_data", stdout=StringIO())


@pytest.fixture
def demo(isolated_storage):
    """The members part of the demo only: quicker than every app's demo content."""
    members_demo.load(lambda message: None)


@pytest.fixture
def full_demo(isolated_storage):
    load_demo_data()


def test_the_demo_has_the_fourteen_prefecture_level_and_eight_county_level_cities_of_guangxi(full_demo):
    cities = MemberCity.objects.all()

    assert set(cities.filter(level="prefecture").values_list("slug", flat=True)) == PREFECTURE_LEVEL
    assert set(cities.filter(level="county").values_list("slug", flat=True)) == COUNTY_LEVEL
    assert {city.region.name for city in cities} == {"广西壮族自治区"}
    assert all(city.status == MemberCity.Status.ACTIVE for city in cities)


def test_every_demo_city_has_an_introduction_and_key_figures_and_no_made_up_emblem(demo):
    """Without an uploaded emblem a city shows its short Chinese name; the demo makes up no emblems (which had
    shown Latin initials: 桂林, 贵港 and 桂平 were all "GU")."""
    for city in MemberCity.objects.all():
        assert not city.emblem
        assert city.introduction and city.name_en
        assert city.population and city.area and city.joined_on
        assert city.latitude is not None and city.longitude is not None


def test_every_demo_city_has_one_or_two_current_officers_one_of_them_primary(demo):
    for city in MemberCity.objects.all():
        current = list(city.officers.current())
        assert 1 <= len(current) <= 2, city.slug
        assert sum(officer.is_primary for officer in current) == 1, city.slug


def test_the_demo_keeps_a_former_officer_whose_appointment_ended(demo):
    former = LiaisonOfficer.objects.exclude(pk__in=LiaisonOfficer.objects.current())

    assert former.count() >= 1
    assert all(officer.ended_on is not None for officer in former)


def test_demo_officers_have_accounts_that_are_not_staff_and_wait_for_an_invitation(demo):
    for officer in LiaisonOfficer.objects.select_related("user"):
        assert officer.user.email == officer.email
        assert not officer.user.is_staff and not officer.user.is_superuser
        assert not officer.user.has_usable_password()
        assert officer.user.groups.filter(name=LIAISON_OFFICERS).exists()


def test_every_demo_city_has_one_current_mayor_and_a_past_one(demo):
    for city in MemberCity.objects.all():
        assert city.mayors.filter(term_end__isnull=True).count() == 1
        assert city.mayors.filter(term_end__isnull=False).count() >= 1


def test_the_demo_has_awards_over_several_years(demo):
    years = set(LiaisonAward.objects.values_list("year", flat=True))

    assert len(years) >= 3
    for year in years:
        assert LiaisonAward.objects.filter(year=year).count() >= 2


def test_the_demo_member_pages_render(client, full_demo):
    assert client.get("/members/").status_code == 200
    assert client.get("/members/honours/").status_code == 200
    with_news = 0
    for city in MemberCity.objects.all():
        response = client.get(city.get_absolute_url())
        assert response.status_code == 200
        with_news += bool(response.context["news"])
    assert with_news >= 1  # the demo relates news to the cities it mentions


def members_snapshot():
    """Every row of the members app, and the accounts of its officers."""
    return {
        "regions": list(Region.objects.order_by("pk").values()),
        "cities": list(MemberCity.objects.order_by("pk").values()),
        "mayors": list(Mayor.objects.order_by("pk").values()),
        "officers": list(LiaisonOfficer.objects.order_by("pk").values()),
        "history": LiaisonOfficer.history.count(),
        "awards": list(LiaisonAward.objects.order_by("pk").values()),
        "accounts": list(LiaisonOfficer.objects.order_by("pk").values_list("user__username", "user__password")),
    }


def test_loading_the_demo_a_second_time_changes_nothing(full_demo, isolated_storage):
    first = members_snapshot()
    files = sorted(path for path in isolated_storage.rglob("*") if path.is_file())

    load_demo_data()

    assert members_snapshot() == first
    assert sorted(path for path in isolated_storage.rglob("*") if path.is_file()) == files


def members_permissions(group_name):
    return set(
        Group.objects.get(name=group_name)
        .permissions.filter(content_type__app_label="members")
        .values_list("codename", flat=True)
    )


def test_membership_managers_may_manage_every_part_of_the_members_app():
    expected = {
        f"{action}_{model}"
        for model in ("region", "membercity", "mayor", "liaisonofficer", "liaisonaward")
        for action in ("view", "add", "change", "delete")
    } | {"view_historicalliaisonofficer"}
    # The member register's individual members and its record of decisions (granted by the membership app).
    expected |= {f"{action}_individualmember" for action in ("view", "add", "change", "delete")}
    expected |= {"view_historicalindividualmember", "view_membershipchange"}

    assert members_permissions(MEMBERSHIP_MANAGERS) == expected


def test_membership_managers_may_read_the_export_log():
    codenames = set(Group.objects.get(name=MEMBERSHIP_MANAGERS).permissions.values_list("codename", flat=True))

    assert "view_exportlog" in codenames


@pytest.mark.parametrize("group_name", [NEWS_EDITORS, NEWS_REVIEWERS, LIAISON_OFFICERS])
def test_other_groups_have_no_members_permission(group_name):
    assert members_permissions(group_name) == set()


def test_every_members_model_has_its_four_permissions():
    codenames = set(Permission.objects.filter(content_type__app_label="members").values_list("codename", flat=True))

    for model in ("region", "membercity", "mayor", "liaisonofficer", "liaisonaward"):
        assert {f"{action}_{model}" for action in ("view", "add", "change", "delete")} <= codenames


@pytest.mark.parametrize(
    "url",
    [
        "/admin/members/membercity/",
        "/admin/members/liaisonofficer/",
        "/admin/members/liaisonaward/",
        "/admin/members/region/",
        "/admin/members/membercity/add/",
        "/admin/members/liaisonofficer/add/",
    ],
)
def test_a_membership_manager_opens_the_members_admin_and_a_news_editor_cannot(
    client, membership_manager, news_editor, url
):
    client.force_login(membership_manager)
    assert client.get(url).status_code == 200

    client.force_login(news_editor)
    assert client.get(url).status_code == 403


def test_the_members_admin_lists_the_demo_with_filters(client, demo, membership_manager):
    client.force_login(membership_manager)

    officers = client.get("/admin/members/liaisonofficer/", {"is_active__exact": "1"})
    cities = client.get("/admin/members/membercity/", {"level__exact": "county"})

    assert officers.status_code == 200 and officers.context["cl"].result_count == LiaisonOfficer.objects.count()
    assert cities.context["cl"].result_count == len(COUNTY_LEVEL)
    city = MemberCity.objects.get(slug="nanning")
    assert client.get(f"/admin/members/membercity/{city.pk}/change/").status_code == 200
