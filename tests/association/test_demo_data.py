"""`make run` commands: demo content loads once and stays; the admin login is created once and kept."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models

from association.models import Association, Branch, Document, Page
from governance.models import Mandate

pytestmark = pytest.mark.django_db


def snapshot(storage_root):
    """Row counts of every model, the name of every stored file, and the files on disk."""
    counts = {model._meta.label: model.objects.count() for model in apps.get_models()}
    file_names = {
        model._meta.label: sorted(
            (obj.pk, field.name, getattr(obj, field.name).name)
            for obj in model.objects.all()
            for field in model._meta.fields
            if isinstance(field, models.FileField)
        )
        for model in apps.get_models()
        if any(isinstance(field, models.FileField) for field in model._meta.fields)
    }
    on_disk = sorted(str(path.relative_to(storage_root)) for path in storage_root.rglob("*") if path.is_file())
    return counts, file_names, on_disk


def load_demo_data():
    out = StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


def test_load_demo_data_fills_every_part_of_the_association(isolated_storage):
    load_demo_data()

    assert Association.objects.get().wechat_qr
    leaders = Mandate.objects.filter(term__body__branch__isnull=True, position__leading=True)
    assert leaders.current().count() == 7
    assert leaders.past().count() == 5
    assert Branch.objects.active().count() == 3
    assert Document.objects.public().count() == 5  # with the women mayors branch's work plan
    assert Document.objects.filter(visibility=Document.Visibility.MEMBERS).count() == 2
    assert {"about", "contact", "privacy", "statement"} <= set(Page.objects.values_list("slug", flat=True))
    for document in Document.objects.all():
        assert document.file.read(5) == b"%PDF-"
        assert document.file_size == document.file.size


def test_load_demo_data_a_second_time_changes_nothing(isolated_storage):
    load_demo_data()
    first = snapshot(isolated_storage)

    load_demo_data()

    assert snapshot(isolated_storage) == first


def test_load_demo_data_keeps_content_that_staff_have_edited(isolated_storage):
    load_demo_data()
    Branch.objects.filter(slug="women-mayors").update(name="女市长分会（已改名）")

    load_demo_data()

    assert Branch.objects.get(slug="women-mayors").name == "女市长分会（已改名）"


def ensure_admin(**options):
    out = StringIO()
    call_command("ensure_admin", stdout=out, **options)
    return out.getvalue()


def printed_password(output):
    """The password ends the printed login line."""
    return next(line for line in output.splitlines() if line.startswith("Admin login")).split()[-1]


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    return settings.VAR_DIR


def test_ensure_admin_prints_the_same_working_login_twice(var_dir):
    first = ensure_admin()
    second = ensure_admin()

    assert first == second
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password(printed_password(first))
    assert (var_dir / "admin-password.txt").stat().st_mode & 0o077 == 0


def test_ensure_admin_makes_a_new_working_password_when_the_file_is_lost(var_dir):
    old = printed_password(ensure_admin())
    (var_dir / "admin-password.txt").unlink()

    new = printed_password(ensure_admin())

    assert new != old
    admin = get_user_model().objects.get(username="admin")
    assert admin.check_password(new)
    assert not admin.check_password(old)


def test_ensure_admin_takes_another_username(var_dir):
    output = ensure_admin(username="secretariat")

    assert "secretariat" in output
    assert get_user_model().objects.get(username="secretariat").check_password(printed_password(output))


def test_ensure_admin_for_a_second_username_leaves_the_first_login_working(var_dir):
    ensure_admin()
    ensure_admin(username="secretariat")

    output = ensure_admin()

    assert get_user_model().objects.get(username="admin").check_password(printed_password(output))
