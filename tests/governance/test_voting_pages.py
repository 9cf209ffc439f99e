"""Casting a vote as a member does: on the desk after signing in, or by the personal link from the e-mail."""

import pytest
from django.urls import reverse

from governance.models import Ballot, RollEntry
from tests.factories import UserFactory
from tests.governance.conftest import close, open_motion

pytestmark = pytest.mark.django_db


def test_a_member_votes_from_the_desk_and_sees_it_recorded(client, council, secretariat):
    motion = open_motion(council, secretariat)
    member = council.members[0]
    client.force_login(member.user)

    listing = client.get(reverse("votes:list")).content.decode()
    assert motion.title in listing
    response = client.post(reverse("votes:vote", args=[motion.pk]), {"choice": "no"}, follow=True)

    assert response.status_code == 200
    assert RollEntry.objects.get(motion=motion, mandate=member).voted
    assert list(Ballot.objects.values_list("choice", "voter")) == [("no", member.pk)]  # an open ballot
    assert "cache" in response.headers["Cache-Control"] and "private" in response.headers["Cache-Control"]


def test_a_member_votes_by_the_personal_link_without_signing_in(client, council, secretariat):
    motion = open_motion(council, secretariat)
    entry = RollEntry.objects.filter(motion=motion).first()
    url = reverse("ballots:vote", args=[entry.token])

    assert client.get(url).status_code == 200
    client.post(url, {"choice": "yes"})
    second = client.post(url, {"choice": "no"})

    assert second.status_code == 400
    assert "您已对此议案投过票" in second.content.decode() and 'name="choice"' not in second.content.decode()
    assert list(Ballot.objects.values_list("choice", flat=True)) == ["yes"]


@pytest.mark.parametrize("data", [{}, {"choice": "maybe"}, {"choice": "yes" * 100}])
def test_a_bad_ballot_gets_a_message_and_changes_nothing(client, council, secretariat, data):
    motion = open_motion(council, secretariat)
    client.force_login(council.members[0].user)

    response = client.post(reverse("votes:vote", args=[motion.pk]), data)

    assert response.status_code == 400
    assert "请选择赞成、反对或弃权" in response.content.decode()
    assert not Ballot.objects.exists()


def test_a_vote_after_the_window_gets_a_message(client, council, secretariat):
    motion = open_motion(council, secretariat)
    entry = RollEntry.objects.filter(motion=motion).first()
    close(motion)

    response = client.post(reverse("ballots:vote", args=[entry.token]), {"choice": "yes"})

    assert response.status_code == 400
    assert not Ballot.objects.exists()
    page = response.content.decode()
    assert "表决已结束" in page and 'id="result-title"' in page and 'name="choice"' not in page


def test_someone_not_on_the_roll_finds_no_such_vote(client, council, secretariat):
    motion = open_motion(council, secretariat)
    client.force_login(UserFactory())

    assert client.get(reverse("votes:vote", args=[motion.pk])).status_code == 404
    assert client.post(reverse("votes:vote", args=[motion.pk]), {"choice": "yes"}).status_code == 404
    assert client.get(reverse("votes:list")).status_code == 404
    assert client.get(reverse("ballots:vote", args=["no-such-token"])).status_code == 404
    assert not Ballot.objects.exists()


def test_a_draft_motion_cannot_be_voted_on(client, council):
    from tests.factories import MotionFactory

    draft = MotionFactory(body=council)
    client.force_login(council.members[0].user)

    assert client.get(reverse("votes:vote", args=[draft.pk])).status_code == 404


@pytest.mark.parametrize("votes", [1, 12])
def test_the_vote_pages_run_a_fixed_number_of_queries(client, council, secretariat, django_assert_num_queries, votes):
    from tests.factories import CouncilMeetingFactory, DocumentFactory

    for _ in range(votes):
        motion = open_motion(council, secretariat)
        CouncilMeetingFactory(term=council.terms.get(number=2)).papers.add(DocumentFactory(), DocumentFactory())
    client.force_login(council.members[0].user)
    client.get(reverse("votes:list"))
    # session, user, whether they have a two-step device, the votes with their motions and bodies, whether an
    # officer (the header), the meetings, their papers, the footer pages
    with django_assert_num_queries(8):
        assert client.get(reverse("votes:list")).status_code == 200
    # session, user, whether they have a two-step device, the motion with its body, the roll entry, whether an
    # officer, the footer pages
    with django_assert_num_queries(7):
        assert client.get(reverse("votes:vote", args=[motion.pk])).status_code == 200


def test_members_read_their_bodies_meetings_minutes_and_papers(client, council):
    from tests.factories import CouncilMeetingFactory, DocumentFactory

    paper = DocumentFactory(title="会费标准调整方案（征求意见稿）", members_only=True)
    meeting = CouncilMeetingFactory(
        term=council.terms.get(number=2), title="第二届理事会第三次会议", minutes="会议审议了会费标准调整方案。"
    )
    meeting.papers.add(paper)
    member, stranger = council.members[0].user, UserFactory()

    client.force_login(member)
    page = client.get(reverse("votes:list")).content.decode()
    download = client.get(paper.get_download_url())
    client.force_login(stranger)
    refused = client.get(paper.get_download_url())

    assert "第二届理事会第三次会议" in page and "会议审议了会费标准调整方案" in page
    assert paper.get_download_url() in page
    assert download.status_code == 200 and refused.status_code == 404
