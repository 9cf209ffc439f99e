"""factory-boy factories for the portal's models."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from association.models import Association, Branch, CouncilMember, Document, Leader, Page, Position
from core.groups import LIAISON_OFFICERS
from members.models import LiaisonAward, LiaisonOfficer, Mayor, MemberCity, Region

PASSWORD = "correct horse battery staple"

# A small but well-formed one-page PDF.
PDF_BYTES = (
    b"%PDF-1.4\n"
    b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
    b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \n"
    b"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n186\n%%EOF\n"
)


def pdf_file(name="document.pdf", content=PDF_BYTES):
    return ContentFile(content, name=name)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.cn")
    password = factory.django.Password(PASSWORD)


class StaffUserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"staff{n}")
    is_staff = True


class SuperUserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"admin{n}")
    is_staff = True
    is_superuser = True


class AssociationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Association

    name = "测试市长协会"
    name_en = "Test Mayors' Association"
    short_name = "市长协会"
    mission = "为城市发展服务，为市长工作服务"
    founded_on = datetime.date(1993, 6, 18)
    introduction = "协会简介。"
    phone = "0771-2801 234"
    email = "office@example.cn"


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    name = factory.Sequence(lambda n: f"职务{n}")
    name_en = factory.Sequence(lambda n: f"Position {n}")
    order = factory.Sequence(lambda n: n)


class LeaderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Leader

    position = factory.SubFactory(PositionFactory)
    name = factory.Sequence(lambda n: f"领导{n}")
    affiliation = "某市人民政府市长"
    since = datetime.date(2020, 1, 1)
    until = None


class BranchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Branch

    name = factory.Sequence(lambda n: f"分会{n}")
    name_en = factory.Sequence(lambda n: f"Branch {n}")
    slug = factory.Sequence(lambda n: f"branch-{n}")
    kind = Branch.Kind.CITY
    founded_on = datetime.date(2012, 9, 20)
    introduction = "分会简介。"
    order = factory.Sequence(lambda n: n)


class CouncilMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CouncilMember

    branch = factory.SubFactory(BranchFactory)
    name = factory.Sequence(lambda n: f"理事{n}")
    role = CouncilMember.Role.DIRECTOR
    affiliation = "某市人民政府副市长"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"文件{n}")
    kind = Document.Kind.REGULATION
    issued_on = datetime.date(2024, 6, 1)
    description = "说明。"
    file = factory.LazyFunction(pdf_file)
    visibility = Document.Visibility.PUBLIC

    class Params:
        members_only = factory.Trait(visibility=Document.Visibility.MEMBERS)


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    slug = factory.Sequence(lambda n: f"page-{n}")
    title = factory.Sequence(lambda n: f"页面{n}")
    body = "第一段。\n\n第二段。"


# --- members ---------------------------------------------------------------------------------


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"地区{n}")
    name_en = factory.Sequence(lambda n: f"Region {n}")
    order = factory.Sequence(lambda n: n)


class MemberCityFactory(factory.django.DjangoModelFactory):
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
    """A current primary officer; the account's e-mail is the officer's."""

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
