"""factory-boy factories for the portal's models."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from association.models import Association, Branch, CouncilMember, Document, Leader, Page, Position

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
