"""Member cities, their mayors, liaison officers (with their accounts) and the officers' awards."""

import datetime

import factory
from django.contrib.auth.models import Group

from members.contributions import LIAISON_OFFICERS
from members.models import (
    IndividualMember,
    LiaisonAward,
    LiaisonOfficer,
    Mayor,
    MemberCity,
    MembershipChange,
    MembershipLevel,
    Region,
)
from tests.factories.users import StaffUserFactory, UserFactory


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"地区{n}")
    name_en = factory.Sequence(lambda n: f"Region {n}")
    order = factory.Sequence(lambda n: n)


class MemberCityFactory(factory.django.DjangoModelFactory):
    # The default names ("城市3市") are relied on: tests search the directory for "城市".
    class Meta:
        model = MemberCity

    name = factory.Sequence(lambda n: f"城市{n}市")
    name_en = factory.Sequence(lambda n: f"City {n}")
    slug = factory.Sequence(lambda n: f"city-{n}")
    level = MemberCity.Level.PREFECTURE
    region = factory.SubFactory(RegionFactory)
    joined_on = datetime.date(2005, 6, 18)
    population = 100
    area = 1000
    introduction = "城市简介。"


class MayorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mayor

    city = factory.SubFactory(MemberCityFactory)
    name = factory.Sequence(lambda n: f"市长{n}")
    gender = Mayor.Gender.MALE
    term_start = datetime.date(2022, 1, 10)
    term_end = None


class OfficerUserFactory(UserFactory):
    """The sign-in account of a liaison officer: not staff, in the liaison officers' group."""

    username = factory.Sequence(lambda n: f"officer{n}")

    @factory.post_generation
    def liaison_group(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get_or_create(name=LIAISON_OFFICERS)[0])


class LiaisonOfficerFactory(factory.django.DjangoModelFactory):
    """A current primary officer; the account's e-mail is the officer's. `deputy=True` for a deputy."""

    class Meta:
        model = LiaisonOfficer

    city = factory.SubFactory(MemberCityFactory)
    name = factory.Sequence(lambda n: f"联络员{n}")
    position = "市人民政府副秘书长"
    office_phone = factory.Sequence(lambda n: f"0771-2800{n:04d}")
    mobile = factory.Sequence(lambda n: f"1380000{n:04d}")
    email = factory.Sequence(lambda n: f"liaison{n}@city.example.cn")
    user = factory.SubFactory(OfficerUserFactory, email=factory.SelfAttribute("..email"))
    appointed_on = datetime.date(2021, 3, 1)
    ended_on = None
    is_primary = True
    is_active = True

    class Params:
        deputy = factory.Trait(is_primary=False)


class LiaisonAwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LiaisonAward

    officer = factory.SubFactory(LiaisonOfficerFactory)
    year = 2024
    title = "优秀联络员"


class MembershipChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipChange

    city = factory.SubFactory(MemberCityFactory)
    effective_on = datetime.date(2024, 12, 10)
    level_before = MembershipLevel.COUNCIL
    level_after = MembershipLevel.STANDING_COUNCIL
    status_before = MemberCity.Status.ACTIVE
    status_after = MemberCity.Status.ACTIVE
    reason = "工作突出，经常务理事会提名。"
    meeting = "第五届理事会第三次会议"
    recorded_by = factory.SubFactory(StaffUserFactory)


class IndividualMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndividualMember

    name = factory.Sequence(lambda n: f"个人会员{n}")
    category = IndividualMember.Category.EXPERT
    organisation = "广西大学"
    title = "教授"
    email = factory.Sequence(lambda n: f"expert{n}@example.cn")
    joined_on = datetime.date(2020, 5, 1)
