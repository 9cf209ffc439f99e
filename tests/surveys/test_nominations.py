"""A call for nominations from the call to the honours page: a city names its nominee and fills in the form,
jurors score against weighted criteria (never their own city's nomination, by any address), the ranking adds it
up, and the decision writes the honours and tells the cities."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from core.models import OutgoingEmail
from members.models import LiaisonAward
from surveys import nominations
from surveys.models import Nomination, NominationCall, Score
from tests.factories import (
    CriterionFactory,
    JurorFactory,
    LiaisonOfficerFactory,
    NominationCallFactory,
    NominationFactory,
    QuestionFactory,
    SectionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def call():
    section = SectionFactory(title="推荐材料")
    QuestionFactory(section=section, key="deeds", kind="long", text="主要事迹", required=True)
    call = NominationCallFactory(questionnaire__form=section.form)
    CriterionFactory(call=call, name="联络工作成效", weight=Decimal(2))
    CriterionFactory(call=call, name="信息报送", weight=Decimal(1))
    CriterionFactory(call=call, name="印象分", weight=Decimal(0))
    return call


def test_a_city_names_its_nominee_then_fills_in_the_form(client, call):
    officer = LiaisonOfficerFactory(name="林海波")
    deputy = LiaisonOfficerFactory(city=officer.city, name="周丽", is_primary=False)
    client.force_login(officer.user)
    answer = reverse("surveys:answer", args=[call.questionnaire.pk])

    assert client.get(answer).url == reverse("surveys:nominee", args=[call.questionnaire.pk])
    client.post(reverse("surveys:nominee", args=[call.questionnaire.pk]), {"officer": deputy.pk})
    page = client.get(answer).content.decode()
    client.post(answer, {"deeds": "三年来及时报送信息120条。", "submit": "1"})

    nomination = Nomination.objects.get()
    assert nomination.officer == deputy and "周丽" in page
    assert nomination.response.state == "submitted"


def test_a_city_cannot_nominate_another_citys_officer(client, call):
    officer, stranger = LiaisonOfficerFactory(), LiaisonOfficerFactory()
    client.force_login(officer.user)

    response = client.post(reverse("surveys:nominee", args=[call.questionnaire.pk]), {"officer": stranger.pk})

    assert response.status_code == 400 and not Nomination.objects.exists()


def test_a_juror_cannot_reach_their_own_citys_nomination_by_any_address(client, call):
    own = NominationFactory(call=call)
    other = NominationFactory(call=call)
    juror = JurorFactory(call=call, city=own.response.city)
    client.force_login(juror.user)
    criteria = {f"c{criterion.pk}": 5 for criterion in call.criteria.all()}

    listing = client.get(reverse("jury:nominations", args=[call.pk])).content.decode()
    probes = [
        client.get(reverse("jury:score", args=[call.pk, own.pk])).status_code,
        client.post(reverse("jury:score", args=[call.pk, own.pk]), criteria).status_code,
        client.get(reverse("surveys:answer", args=[call.questionnaire.pk])).status_code,
        client.get(reverse("admin:surveys_nominationcall_ranking", args=[call.pk])).status_code,
        client.get(reverse("admin:surveys_nomination_change", args=[own.pk])).status_code,
        client.get(reverse("admin:surveys_nominationcall_scores", args=[call.pk])).status_code,
    ]

    assert own.officer.name not in listing and other.officer.name in listing
    assert all(status in (302, 403, 404) for status in probes), probes
    assert not Score.objects.filter(nomination=own).exists()
    with pytest.raises(PermissionDenied):
        nominations.scores_save(juror=juror, nomination=own, values={c.pk: 5 for c in call.criteria.all()})


def test_scores_are_checked_and_changeable_until_the_decision(client, call):
    nomination = NominationFactory(call=call)
    juror = JurorFactory(call=call)
    client.force_login(juror.user)
    url = reverse("jury:score", args=[call.pk, nomination.pk])
    criteria = list(call.criteria.all())

    bad = client.post(url, {f"c{c.pk}": 11 for c in criteria})
    client.post(url, {f"c{c.pk}": 6 for c in criteria})
    client.post(url, {f"c{c.pk}": 7 for c in criteria})

    assert bad.status_code == 400
    assert sorted(Score.objects.filter(juror=juror).values_list("value", flat=True)) == [7, 7, 7]


def test_the_ranking_weighs_the_criteria_and_ignores_those_of_weight_zero(call):
    first, second = NominationFactory(call=call), NominationFactory(call=call)
    jurors = [JurorFactory(call=call) for _ in range(2)]
    effect, news, view = call.criteria.all()
    given = {
        first: [(effect, 8, 6), (news, 5, 5), (view, 0, 0)],  # 2×7 + 1×5 = 19
        second: [(effect, 6, 6), (news, 9, 9), (view, 10, 10)],  # 2×6 + 1×9 = 21; the view does not count
    }
    for nomination, rows in given.items():
        for criterion, one, two in rows:
            Score.objects.create(nomination=nomination, juror=jurors[0], criterion=criterion, value=one)
            Score.objects.create(nomination=nomination, juror=jurors[1], criterion=criterion, value=two)

    ranked = nominations.ranking(call)

    assert [(row.nomination, row.total, row.jurors) for row in ranked] == [
        (second, Decimal("21.00"), 2),
        (first, Decimal("19.00"), 2),
    ]
    assert ranked[0].means == [Decimal("6.00"), Decimal("9.00"), Decimal("10.00")]


def test_the_decision_writes_the_honours_and_tells_the_cities(admin_client, client, call):
    honoured, other = NominationFactory(call=call), NominationFactory(call=call)

    admin_client.post(reverse("admin:surveys_nominationcall_ranking", args=[call.pk]), {"honoured": [honoured.pk]})

    call.refresh_from_db()
    assert call.state == NominationCall.State.DECIDED
    assert list(LiaisonAward.objects.values_list("officer", "year", "title")) == [
        (honoured.officer_id, 2026, "优秀联络员")
    ]
    assert Nomination.objects.get(pk=other.pk).decision == "not"
    told = {address for mail in OutgoingEmail.objects.filter(kind="nomination") for address in mail.to}
    assert told == {honoured.officer.email, other.officer.email}
    assert honoured.officer.name in client.get(reverse("members:honours")).content.decode()


def test_no_more_than_the_places_are_honoured_and_nothing_is_written(admin_client, call):
    chosen = [NominationFactory(call=call).pk for _ in range(4)]

    admin_client.post(reverse("admin:surveys_nominationcall_ranking", args=[call.pk]), {"honoured": chosen})

    assert not LiaisonAward.objects.exists() and NominationCall.objects.get().state == "open"


def test_the_scores_export_has_each_jurors_scores_and_the_totals(admin_client, call):
    import io

    from openpyxl import load_workbook

    nomination = NominationFactory(call=call)
    jurors = [JurorFactory(call=call, user=UserFactory(first_name=name)) for name in ("王评委", "李评委")]
    for juror in jurors:
        for criterion in call.criteria.all():
            Score.objects.create(nomination=nomination, juror=juror, criterion=criterion, value=5)

    download = admin_client.get(reverse("admin:surveys_nominationcall_scores", args=[call.pk]))

    book = load_workbook(io.BytesIO(download.content))
    ranking, scores = book.worksheets
    assert list(ranking.iter_rows(values_only=True))[1][-2:] == (15.0, 2)  # 2×5 + 1×5, two jurors
    assert len(list(scores.iter_rows(values_only=True))) == 1 + 2 * 3
    assert {row[0] for row in list(scores.iter_rows(values_only=True))[1:]} == {"王评委", "李评委"}


def test_a_submitted_nomination_is_acknowledged_and_the_jurors_are_told_once(client, call):
    officer = LiaisonOfficerFactory(email="officer@city.example.cn")
    jurors = [
        JurorFactory(call=call, user=UserFactory(email="juror@example.cn")),
        JurorFactory(call=call, user=UserFactory(email="own@example.cn"), city=officer.city),
    ]
    client.force_login(officer.user)
    client.post(reverse("surveys:nominee", args=[call.questionnaire.pk]), {"officer": officer.pk})
    answer = reverse("surveys:answer", args=[call.questionnaire.pk])
    client.post(answer, {"deeds": "事迹。", "submit": "1"})
    client.post(answer, {"deeds": "事迹，补充。", "submit": "1"})

    told = sorted(address for mail in OutgoingEmail.objects.filter(kind="nomination") for address in mail.to)
    assert told == ["juror@example.cn", "officer@city.example.cn"]  # not the juror of the nominating city
    assert jurors


def test_a_call_of_another_category_names_its_nominee_and_the_awards_page_shows_it(client, admin_client):
    section = SectionFactory()
    QuestionFactory(section=section, key="story", kind="long", text="案例介绍")
    call = NominationCallFactory(
        questionnaire__form=section.form, honour="城市更新优秀案例", nominee_kind="other", nominee_label="案例名称"
    )
    officer = LiaisonOfficerFactory()
    client.force_login(officer.user)
    nominee_page = client.get(reverse("surveys:nominee", args=[call.questionnaire.pk])).content.decode()
    empty = client.post(reverse("surveys:nominee", args=[call.questionnaire.pk]), {"name": "  "})
    client.post(reverse("surveys:nominee", args=[call.questionnaire.pk]), {"name": "老城区微改造"})
    client.post(reverse("surveys:answer", args=[call.questionnaire.pk]), {"story": "三年改造42个小区。", "submit": "1"})
    nomination = Nomination.objects.get()

    admin_client.post(reverse("admin:surveys_nominationcall_ranking", args=[call.pk]), {"honoured": [nomination.pk]})

    assert "案例名称" in nominee_page and empty.status_code == 400
    assert nomination.nominee == "老城区微改造" and nomination.officer is None
    assert not LiaisonAward.objects.exists()  # the officers' honours page is for officers
    awards = client.get(reverse("awards:list")).content.decode()
    assert "城市更新优秀案例" in awards and "老城区微改造" in awards and officer.city.name in awards


def test_an_undecided_call_is_not_on_the_awards_page(client, call):
    NominationFactory(call=call)

    page = client.get(reverse("awards:list")).content.decode()
    assert "2026年度优秀联络员" not in page and "尚无已评定的评选" in page


@pytest.mark.parametrize("calls", [1, 6])
def test_the_awards_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, calls):
    for _ in range(calls):
        call = NominationCallFactory(state="decided")
        for _n in range(3):
            NominationFactory(call=call, decision="honoured")
    client.get(reverse("awards:list"))
    # the decided calls, their honoured nominations with cities and officers, the footer pages
    with django_assert_num_queries(3):
        assert client.get(reverse("awards:list")).status_code == 200
