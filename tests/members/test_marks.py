"""Cities without an uploaded emblem show their short Chinese name; leaders without a photo a neutral tile."""

import pytest

from members.models import MemberCity
from tests.factories import MemberCityFactory, png_file


@pytest.mark.parametrize(
    "name, short",
    [
        ("桂林市", "桂林"),
        ("贵港市", "贵港"),
        ("桂平市", "桂平"),
        ("恭城瑶族自治县", "恭城瑶族"),
        ("沙市", "沙市"),
    ],
)
def test_the_short_name_drops_the_administrative_suffix(name, short):
    assert MemberCity(name=name).short_name == short


@pytest.mark.django_db
def test_three_cities_starting_alike_are_told_apart_by_their_marks(client, region):
    for slug, name in [("guilin", "桂林市"), ("guigang", "贵港市"), ("guiping", "桂平市")]:
        MemberCityFactory(slug=slug, name=name, region=region)
    page = client.get("/members/").content.decode()
    marks = [
        part.split("</span>")[0] for part in page.split('class="city-mark" aria-hidden="true" lang="zh-Hans">')[1:]
    ]
    assert sorted(marks) == ["桂平", "桂林", "贵港"]


@pytest.mark.django_db
def test_an_uploaded_emblem_replaces_the_mark(client, region):
    city = MemberCityFactory(slug="guilin", name="桂林市", region=region, emblem=png_file(128, 128, "guilin.png"))
    page = client.get(city.get_absolute_url()).content.decode()
    assert city.emblem.url in page and "city-mark" not in page


@pytest.mark.django_db
def test_a_leader_without_a_photo_gets_the_same_neutral_tile_as_everyone(client, demo_data):
    from governance.models import Mandate

    Mandate.objects.update(photo="")
    page = client.get("/about/leadership/").content.decode()
    leaders = Mandate.objects.current().filter(term__body__branch__isnull=True, position__leading=True)
    assert page.count('class="person-mark"') == leaders.count() > 0
    assert "<svg" not in page.split('class="person-mark"')[1][:200]
