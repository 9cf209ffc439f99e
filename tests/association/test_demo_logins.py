"""`make run` prints a working login for every demo role, the same each time, kept in var/ by its owner only."""

import re
import stat
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from events.contributions import EVENT_MANAGERS
from members.contributions import MEMBERSHIP_MANAGERS
from members.models import LiaisonOfficer
from news.contributions import NEWS_EDITORS, NEWS_REVIEWERS

pytestmark = pytest.mark.django_db

LINE = re.compile(r"^\s+(?P<role>.+?)\s+(?P<url>http://\S+)\s+user: (?P<user>\S+)\s+password: (?P<password>\S+)$")


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    return settings.VAR_DIR


def demo_logins(**options):
    out = StringIO()
    call_command("demo_logins", stdout=out, **options)
    return [match.groupdict() for line in out.getvalue().splitlines() if (match := LINE.match(line))]


def works(login):
    return get_user_model().objects.get(username=login["user"]).check_password(login["password"])


@pytest.fixture
def demo():
    call_command("load_demo_data", stdout=StringIO())


def test_every_role_gets_a_login_that_works_and_the_same_one_next_time(demo, var_dir):
    first = demo_logins()
    second = demo_logins(port=8123)

    assert [login["role"] for login in first][:6] == [
        "admin (everything)",
        "news editor",
        "news reviewer",
        "event manager",
        "membership manager",
        "finance officer",
    ]
    assert [login["role"] for login in first][6:8] == ["women mayors' branch editor", "council member (votes)"]
    assert len(first) == 10
    for login in first:
        assert works(login), login["role"]
    assert [(login["user"], login["password"]) for login in second] == [
        (login["user"], login["password"]) for login in first
    ]
    assert all(login["url"].startswith("http://127.0.0.1:8123/") for login in second)
    assert stat.S_IMODE((var_dir / "demo-logins.json").stat().st_mode) == 0o600


def test_the_staff_have_their_groups_and_the_officers_are_of_two_cities(demo, var_dir):
    logins = {login["role"]: login for login in demo_logins()}
    User = get_user_model()

    groups = {
        username: list(User.objects.get(username=username).groups.values_list("name", flat=True))
        for username in ("editor", "reviewer", "meetings", "members")
    }
    assert groups == {
        "editor": [NEWS_EDITORS],
        "reviewer": [NEWS_REVIEWERS],
        "meetings": [EVENT_MANAGERS],
        "members": [MEMBERSHIP_MANAGERS],
    }
    assert User.objects.get(username="admin").is_superuser
    officers = [login for role, login in logins.items() if role.startswith("liaison officer")]
    cities = {LiaisonOfficer.objects.get(user__username=login["user"]).city.slug for login in officers}
    assert cities == {"nanning", "beihai"}
    assert all(login["url"].endswith("/portal/") for login in officers)


def test_an_officer_signs_in_to_the_desk_with_the_printed_password(demo, var_dir, client):
    officer = next(login for login in demo_logins() if login["role"].startswith("liaison officer"))

    response = client.post("/accounts/login/", {"username": officer["user"], "password": officer["password"]})

    assert response.status_code == 302 and client.get("/portal/").status_code == 200


def test_a_lost_file_makes_new_working_passwords(demo, var_dir):
    old = demo_logins()
    (var_dir / "demo-logins.json").unlink()

    new = demo_logins()

    assert old[1]["password"] != new[1]["password"]
    assert works(new[1]) and not works({**new[1], "password": old[1]["password"]})


def test_the_branch_editor_works_for_the_women_mayors_branch_and_the_council_member_reads_the_vote(
    demo, var_dir, client
):
    from association.models import BranchStaff

    logins = {login["role"]: login for login in demo_logins()}
    editor, member = logins["women mayors' branch editor"], logins["council member (votes)"]

    staff = BranchStaff.objects.get(user__username=editor["user"])
    assert (staff.branch.slug, staff.role) == ("women-mayors", NEWS_EDITORS)
    client.post("/accounts/login/", {"username": member["user"], "password": member["password"]})
    votes = client.get("/portal/votes/")
    assert votes.status_code == 200 and "关于调整会员单位会费标准的议案" in votes.content.decode()
