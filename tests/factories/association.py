"""The association: its profile, branches, documents and pages."""

import datetime

import factory

from association.models import Association, Branch, BranchStaff, Document, Page
from tests.factories.files import PDF_BYTES


class AssociationFactory(factory.django.DjangoModelFactory):
    """The one profile row (Association.save() always writes pk 1)."""

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


class DocumentFactory(factory.django.DjangoModelFactory):
    """A public PDF; `members_only=True` for one only liaison officers and staff may download."""

    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"文件{n}")
    kind = Document.Kind.REGULATION
    issued_on = datetime.date(2024, 6, 1)
    description = "说明。"
    file = factory.django.FileField(filename="document.pdf", data=PDF_BYTES)
    visibility = Document.Visibility.PUBLIC

    class Params:
        members_only = factory.Trait(visibility=Document.Visibility.MEMBERS)


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    slug = factory.Sequence(lambda n: f"page-{n}")
    title = factory.Sequence(lambda n: f"页面{n}")
    body = "第一段。\n\n第二段。"


class BranchStaffFactory(factory.django.DjangoModelFactory):
    """A branch's news editor; `role=` another staff group's name."""

    class Meta:
        model = BranchStaff

    user = factory.SubFactory("tests.factories.users.StaffUserFactory")
    branch = factory.SubFactory(BranchFactory)
    role = "news editors"
