"""The association's models: the single profile, leaders in office, branches, documents and pages."""

import datetime
import re

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.test import override_settings
from django.utils import timezone, translation

from association.models import Association, Branch, Document
from tests.factories import (
    AssociationFactory,
    BranchFactory,
    DocumentFactory,
    PageFactory,
    pdf_file,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def test_the_association_profile_is_always_the_row_with_pk_1():
    AssociationFactory(name="甲")
    Association(name="乙").save()

    assert list(Association.objects.values_list("pk", "name")) == [(1, "乙")]


def test_an_empty_database_gives_an_unsaved_empty_profile():
    profile = Association.load()

    assert profile.pk is None
    assert profile.name == ""
    assert str(profile)


def test_the_profile_is_cached_and_saving_refreshes_it(django_assert_num_queries):
    profile = AssociationFactory(name="旧名")
    assert Association.load().name == "旧名"

    with django_assert_num_queries(0):
        Association.load()

    profile.name = "新名"
    profile.save()
    assert Association.load().name == "新名"


def test_an_empty_profile_cached_before_the_first_save_is_replaced_by_the_saved_one():
    assert Association.load().pk is None

    AssociationFactory(name="广西市长协会")

    assert Association.load().name == "广西市长协会"


def test_supervising_bodies_are_read_one_per_line():
    profile = AssociationFactory(supervising_bodies="民政厅\n\n  住建厅  \n")

    assert profile.supervising_bodies_list == ["民政厅", "住建厅"]


def test_inactive_branches_are_not_active():
    active = BranchFactory()
    BranchFactory(is_active=False)

    assert list(Branch.objects.active()) == [active]


def test_a_branch_url_carries_the_language_prefix():
    branch = BranchFactory(slug="women-mayors")

    assert branch.get_absolute_url() == "/about/branches/women-mayors/"
    with translation.override("en"):
        assert branch.get_absolute_url() == "/en/about/branches/women-mayors/"


def test_a_document_records_its_file_size_and_type():
    document = DocumentFactory(file=pdf_file("章程.PDF"))

    assert document.file_size == document.file.size > 0
    assert document.extension == "PDF"


def test_a_document_file_is_stored_under_a_random_name_in_the_documents_storage(isolated_storage):
    document = DocumentFactory(file=pdf_file("会员城市通讯录.pdf"))

    assert re.fullmatch(r"documents/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", document.file.name)
    assert (isolated_storage / "private" / document.file.name).is_file()
    assert not (isolated_storage / "media").exists()


def test_members_only_documents_are_visible_to_staff_and_liaison_officers_only(user, staff_user, liaison_officer):
    public = DocumentFactory()
    internal = DocumentFactory(members_only=True)

    assert internal.is_members_only and not public.is_members_only
    assert list(Document.objects.public()) == [public]
    assert set(Document.objects.visible_to(user)) == {public}
    assert set(Document.objects.visible_to(staff_user)) == {public, internal}
    assert set(Document.objects.visible_to(liaison_officer)) == {public, internal}


def test_an_inactive_staff_user_sees_no_members_only_document(staff_user):
    DocumentFactory(members_only=True)
    staff_user.is_active = False

    assert not Document.objects.visible_to(staff_user).exists()


def test_the_documents_storage_follows_an_override_of_the_storages_setting(tmp_path):
    """Tests (and any code that reconfigures storage) must reach the storage Document.file writes to."""
    location = tmp_path / "elsewhere"
    overridden = {
        **django_settings.STORAGES,
        "documents": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": location}},
    }
    with override_settings(STORAGES=overridden):
        assert storages["documents"].location == str(location)
        document = DocumentFactory()

        assert (location / document.file.name).is_file()


def test_pages_cannot_take_the_address_of_leadership_or_branches():
    page = PageFactory.build(slug="leadership")

    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "slug" in error.value.message_dict


@pytest.mark.parametrize("slug, url", [("about", "/about/"), ("contact", "/contact/"), ("privacy", "/about/privacy/")])
def test_a_page_url_depends_on_its_slug(slug, url):
    assert PageFactory(slug=slug).get_absolute_url() == url
