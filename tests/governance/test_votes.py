"""Votes of a body's members: the roll taken when the vote opens, one vote each inside the window, results sealed
until it closes, the outcome worked out from the ballots, and a chain of ballots that shows any edit."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from core.models import OutgoingEmail
from governance import integrity, selectors, services
from governance.models import Ballot, Choice, Motion, Resolution, RollEntry
from tests.factories import BodyFactory, MandateFactory, MotionFactory, StaffUserFactory, TermFactory
from tests.governance.conftest import close, open_motion

pytestmark = pytest.mark.django_db


def entries(motion):
    return list(RollEntry.objects.filter(motion=motion).order_by("pk"))


def cast(motion, choices):
    for entry, choice in zip(entries(motion), choices, strict=False):
        services.vote_cast(entry=entry, choice=choice)


def test_opening_takes_the_roll_from_the_current_term_and_sends_each_member_a_personal_link(council, secretariat):
    other_body_member = MandateFactory(term=TermFactory())
    left_last_month = MandateFactory(
        term=council.terms.get(number=2), until=timezone.localdate() - datetime.timedelta(days=30)
    )

    motion = open_motion(council, secretariat)

    on_roll = {entry.mandate for entry in entries(motion)}
    assert on_roll == set(council.members)
    assert other_body_member not in on_roll and left_last_month not in on_roll
    assert motion.roll_size == 7 and motion.state == Motion.State.OPEN
    mails = OutgoingEmail.objects.filter(kind="vote")
    assert mails.count() == 7
    for entry in entries(motion):
        mail = mails.get(to=[entry.mandate.email])
        assert reverse("ballots:vote", args=[entry.token]) in mail.body


def test_a_body_without_a_current_term_cannot_open_a_vote(secretariat):
    motion = MotionFactory(body=BodyFactory())

    with pytest.raises(ValidationError, match="没有本届成员"):
        services.motion_open(motion=motion, by=secretariat)
    assert Motion.objects.get(pk=motion.pk).state == Motion.State.DRAFT


def test_only_those_allowed_open_votes(council):
    with pytest.raises(PermissionDenied):
        services.motion_open(motion=MotionFactory(body=council), by=StaffUserFactory())


def test_each_member_votes_once(council, secretariat):
    motion = open_motion(council, secretariat)
    entry = entries(motion)[0]
    services.vote_cast(entry=entry, choice=Choice.YES)

    with pytest.raises(ValidationError, match="已对此议案投过票"):
        services.vote_cast(entry=entry, choice=Choice.NO)

    assert list(Ballot.objects.filter(motion=motion).values_list("choice", flat=True)) == ["yes"]


def test_no_vote_before_the_window_opens_or_after_it_closes(council, secretariat):
    later = open_motion(
        council,
        secretariat,
        opens_at=timezone.now() + datetime.timedelta(hours=1),
        closes_at=timezone.now() + datetime.timedelta(hours=2),
    )
    closed = close(open_motion(council, secretariat))

    with pytest.raises(ValidationError, match="尚未开始"):
        services.vote_cast(entry=entries(later)[0], choice=Choice.YES)
    with pytest.raises(ValidationError, match="表决已结束"):
        services.vote_cast(entry=entries(closed)[0], choice=Choice.YES)
    assert not Ballot.objects.exists() and not RollEntry.objects.filter(voted=True).exists()


def test_the_result_is_sealed_until_the_window_closes(client, council, secretariat):
    motion = open_motion(council, secretariat)
    cast(motion, [Choice.YES, Choice.YES, Choice.NO])
    member = council.members[0]
    client.force_login(member.user)

    page = client.get(reverse("votes:vote", args=[motion.pk])).content.decode()
    assert "sealed" in page.lower() or "封存" in page
    assert 'id="result-title"' not in page
    with pytest.raises(ValidationError):
        services.motion_publish_result(motion=motion, by=secretariat, public=True)

    close(motion)
    page = client.get(reverse("votes:vote", args=[motion.pk])).content.decode()
    assert 'id="result-title"' in page


@pytest.mark.parametrize(
    "quorum, majority, choices, outcome",
    [
        # 7 members. More than half must vote: 4.
        (Motion.Quorum.HALF, Motion.Majority.SIMPLE_OF_VOTING, ["yes", "yes", "no"], "no_quorum"),
        (Motion.Quorum.HALF, Motion.Majority.SIMPLE_OF_VOTING, ["yes", "yes", "no", "abstain"], "rejected"),
        (Motion.Quorum.HALF, Motion.Majority.SIMPLE_OF_VOTING, ["yes", "yes", "yes", "abstain"], "adopted"),
        # Two thirds must vote: 5 of 7 (3·5 ≥ 2·7).
        (Motion.Quorum.TWO_THIRDS, Motion.Majority.SIMPLE_OF_VOTING, ["yes"] * 4, "no_quorum"),
        (Motion.Quorum.TWO_THIRDS, Motion.Majority.SIMPLE_OF_VOTING, ["yes"] * 5, "adopted"),
        # Two thirds of those voting: 4 of 6 yes is enough, 3 of 5 is not.
        (Motion.Quorum.HALF, Motion.Majority.TWO_THIRDS_OF_VOTING, ["yes"] * 4 + ["no"] * 2, "adopted"),
        (Motion.Quorum.HALF, Motion.Majority.TWO_THIRDS_OF_VOTING, ["yes"] * 3 + ["no"] * 2, "rejected"),
        # More than half of all members: 4 yes of 7, whoever else votes.
        (Motion.Quorum.NONE, Motion.Majority.SIMPLE_OF_MEMBERS, ["yes"] * 3 + ["abstain"] * 3, "rejected"),
        (Motion.Quorum.NONE, Motion.Majority.SIMPLE_OF_MEMBERS, ["yes"] * 4, "adopted"),
        # Two thirds of all members: 5 of 7.
        (Motion.Quorum.NONE, Motion.Majority.TWO_THIRDS_OF_MEMBERS, ["yes"] * 4 + ["no"], "rejected"),
        (Motion.Quorum.NONE, Motion.Majority.TWO_THIRDS_OF_MEMBERS, ["yes"] * 5, "adopted"),
    ],
)
def test_the_outcome_is_worked_out_from_the_ballots(council, secretariat, quorum, majority, choices, outcome):
    motion = open_motion(council, secretariat, quorum=quorum, majority=majority)
    cast(motion, choices)
    close(motion)

    resolution = services.motion_publish_result(motion=motion, by=secretariat, public=True)

    assert resolution.outcome == outcome
    result = selectors.motion_result(motion)
    assert (result.yes, result.no, result.abstain) == (
        choices.count("yes"),
        choices.count("no"),
        choices.count("abstain"),
    )


def test_quorum_not_met_is_said_plainly_on_the_public_site(client, council, secretariat):
    motion = open_motion(council, secretariat, title="关于调整会费标准的议案")
    cast(motion, [Choice.YES, Choice.YES])
    close(motion)

    resolution = services.motion_publish_result(motion=motion, by=secretariat, public=True)

    assert resolution.outcome == Resolution.Outcome.NO_QUORUM
    page = client.get(council.get_absolute_url()).content.decode()
    assert "关于调整会费标准的议案" in page and "未达法定人数" in page
    english = client.get("/en" + council.get_absolute_url()).content.decode()
    assert "No quorum" in english


def test_a_result_kept_for_the_members_is_not_on_the_public_site(client, council, secretariat):
    motion = close(open_motion(council, secretariat, title="内部表决事项"))

    services.motion_publish_result(motion=motion, by=secretariat, public=False)

    assert "内部表决事项" not in client.get(council.get_absolute_url()).content.decode()
    assert not Resolution.objects.published().exists()


def test_the_chain_is_whole_after_honest_votes(council, secretariat):
    motion = open_motion(council, secretariat)
    cast(motion, ["yes", "no", "abstain", "yes"])
    motion.refresh_from_db()

    assert integrity.ballots_verify(motion) == []
    assert list(Ballot.objects.filter(motion=motion).values_list("seq", flat=True)) == [1, 2, 3, 4]


def test_an_edit_made_in_the_database_is_reported(council, secretariat):
    motion = open_motion(council, secretariat)
    cast(motion, ["yes", "no", "no"])
    Ballot.objects.filter(motion=motion, seq=2).update(choice="yes")
    motion.refresh_from_db()

    assert integrity.ballots_verify(motion) == ["第2张选票在投出后被改动。"]


def test_a_deleted_ballot_is_reported_even_the_last(council, secretariat):
    motion = open_motion(council, secretariat)
    cast(motion, ["yes", "no", "no"])
    Ballot.objects.filter(motion=motion, seq=3).delete()
    motion.refresh_from_db()

    problems = integrity.ballots_verify(motion)
    assert any("选票链中有2张" in problem for problem in problems)
    assert "已有3人投票，但选票为2张。" in problems


def test_a_forged_ballot_with_a_correct_hash_is_still_caught_by_the_count(council, secretariat):
    motion = open_motion(council, secretariat)
    cast(motion, ["no", "no"])
    motion.refresh_from_db()
    last = Ballot.objects.get(motion=motion, seq=2)
    forged = Ballot(motion=motion, seq=3, choice="yes", previous_hash=last.hash)
    forged.hash = forged.computed_hash()
    forged.save()

    assert integrity.ballots_verify(motion) != []


def test_the_admin_shows_the_chain_and_the_turnout_but_not_the_count_before_closing(admin_client, council, secretariat):
    motion = open_motion(council, secretariat)
    cast(motion, ["yes", "no"])

    page = admin_client.get(reverse("admin:governance_motion_change", args=[motion.pk])).content.decode()

    assert "2 / 7" in page
    assert "封存" in page or "Sealed" in page
    assert "每张选票都接续前一张" in page or "every ballot follows" in page


def test_the_check_command_reports_a_tampered_vote(council, secretariat):
    from io import StringIO

    from django.core.management import CommandError, call_command

    motion = open_motion(council, secretariat)
    cast(motion, ["yes", "no"])
    out = StringIO()
    call_command("check_ballots", stdout=out)
    assert "1 votes checked" in out.getvalue()

    Ballot.objects.filter(motion=motion, seq=1).update(choice="no")
    err = StringIO()
    with pytest.raises(CommandError, match="1 of 1 votes"):
        call_command("check_ballots", stdout=StringIO(), stderr=err)
    assert "第1张选票在投出后被改动" in err.getvalue()
