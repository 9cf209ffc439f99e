import datetime

import pytest
from django.utils import timezone

from events import services
from events.models import AgendaItem, Delegation, Event, EventSeries, Speaker
from tests.events.conftest import delegates


def form_data(people, consent=True, **extra):
    data = {
        "delegates-TOTAL_FORMS": str(len(people)),
        "delegates-INITIAL_FORMS": "0",
        "delegates-MIN_NUM_FORMS": "1",
        "delegates-MAX_NUM_FORMS": "50",
        "remarks": "",
        **extra,
    }
    if consent:
        data["consent"] = "on"
    for n, person in enumerate(people):
        for key, value in person.items():
            if key == "is_head":
                if value:
                    data[f"delegates-{n}-is_head"] = "on"
            else:
                data[f"delegates-{n}-{key}"] = value
        data[f"delegates-{n}-accommodation"] = "single"
    return data


@pytest.mark.parametrize("prefix, lang", [("", "zh-Hans"), ("/zh-hant", "zh-Hant"), ("/en", "en")])
def test_public_event_pages_render_in_every_language(client, make_event, prefix, lang):
    series = EventSeries.objects.create(name="中国—东盟市长论坛", slug="forum")
    event = make_event(series=series, edition=7, title="")
    for url in ("/events/", f"/events/{event.pk}/", "/events/series/forum/"):
        response = client.get(prefix + url)
        assert response.status_code == 200
        assert f'<html lang="{lang}"' in response.content.decode()


def test_an_edition_of_a_series_is_named_by_its_number(client, make_event):
    series = EventSeries.objects.create(name="中国—东盟市长论坛", slug="forum")
    event = make_event(series=series, edition=7, title="")
    assert "第7届中国—东盟市长论坛" in client.get(f"/events/{event.pk}/").content.decode()


def test_drafts_are_not_public(client, make_event):
    draft = make_event(status=Event.Status.DRAFT, title="草稿会议")
    assert client.get(f"/events/{draft.pk}/").status_code == 404
    assert "草稿会议" not in client.get("/events/").content.decode()
    assert client.get(f"/events/{draft.pk}/calendar.ics").status_code == 404


def test_upcoming_first_then_past(client, make_event):
    now = timezone.now()
    make_event(
        title="过去的会议", starts_at=now - datetime.timedelta(days=10), ends_at=now - datetime.timedelta(days=9)
    )
    make_event(title="将来的会议")
    html = client.get("/events/").content.decode()
    assert html.index("将来的会议") < html.index("过去的会议")


@pytest.mark.parametrize(
    "query, status", [("?kind=zzz", 400), ("?year=abc", 400), ("?page=abc", 404), ("?page=99", 404)]
)
def test_bad_queries_are_4xx(client, make_event, query, status):
    make_event()
    assert client.get(f"/events/{query}").status_code == status


def test_agenda_is_grouped_by_day_with_speakers(client, make_event):
    event = make_event()
    speaker = Speaker.objects.create(name="唐文彬", title="院长", organisation="规划设计院")
    item = AgendaItem.objects.create(
        event=event, day=event.starts_at.date(), starts_at="10:45", title="专题讲座", kind="lecture"
    )
    item.speakers.add(speaker)
    html = client.get(f"/events/{event.pk}/").content.decode()
    assert "专题讲座" in html and "唐文彬" in html and "规划设计院" in html


def test_icalendar_files(client, make_event):
    event = make_event(title="培训班", venue="桂林")
    single = client.get(f"/events/{event.pk}/calendar.ics")
    assert single["Content-Type"].startswith("text/calendar")
    assert "SUMMARY:培训班" in single.content.decode() and "LOCATION:桂林" in single.content.decode()
    assert "SUMMARY:培训班" in client.get("/events/calendar.ics").content.decode()


def test_an_officer_registers_through_the_portal(client, make_event, make_officer):
    event, officer = make_event(), make_officer("nanning")
    client.force_login(officer.user)
    assert client.get(f"/portal/events/{event.pk}/delegation/").status_code == 200
    response = client.post(f"/portal/events/{event.pk}/delegation/", form_data(delegates(2)))
    assert response.status_code == 302
    delegation = Delegation.objects.get()
    assert (delegation.city, delegation.state, delegation.delegate_count) == (officer.city, "confirmed", 2)
    assert "<svg" in client.get(f"/portal/events/{event.pk}/delegation/").content.decode()  # check-in QR codes


def test_without_consent_nothing_is_registered(client, make_event, make_officer):
    event, officer = make_event(), make_officer("nanning")
    client.force_login(officer.user)
    response = client.post(f"/portal/events/{event.pk}/delegation/", form_data(delegates(1), consent=False))
    assert response.status_code == 400
    assert not Delegation.objects.exists()


def test_too_many_delegates_is_a_form_error(client, make_event, make_officer):
    event, officer = make_event(per_city_limit=2), make_officer("nanning")
    client.force_login(officer.user)
    response = client.post(f"/portal/events/{event.pk}/delegation/", form_data(delegates(3)))
    assert response.status_code == 400
    assert "error-summary" in response.content.decode() and "2" in response.context["error_summary"][0][1]
    assert not Delegation.objects.exists()


def test_an_officer_only_ever_sees_their_own_citys_delegation(client, make_event, make_officer):
    event = make_event()
    own, other = make_officer("nanning"), make_officer("liuzhou")
    services.delegation_register(
        event=event, officer=other, delegates=[{**delegates(1)[0], "name": "柳州代表甲"}], consent=True
    )
    client.force_login(own.user)
    html = client.get(f"/portal/events/{event.pk}/delegation/").content.decode()
    assert "柳州代表甲" not in html
    client.post(f"/portal/events/{event.pk}/delegation/", {"withdraw": "1"})
    assert Delegation.objects.get().state == "confirmed"


def test_the_portal_refuses_non_officers(client, make_event, django_user_model):
    event = make_event()
    assert client.get(f"/portal/events/{event.pk}/delegation/").status_code == 302
    client.force_login(django_user_model.objects.create_user("citizen"))
    assert client.get(f"/portal/events/{event.pk}/delegation/").status_code == 403


def test_staff_confirm_in_the_admin_and_the_officer_is_told(
    client, make_event, make_officer, event_manager, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(requires_approval=True)
    delegation = services.delegation_register(
        event=event, officer=make_officer("nanning"), delegates=delegates(2), consent=True
    )
    client.force_login(event_manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/events/delegation/", {"action": "confirm", "_selected_action": [delegation.pk]})
    delegation.refresh_from_db()
    assert delegation.state == "confirmed"
    assert mailoutbox and mailoutbox[-1].to == ["nanning@example.cn"]


def test_event_page_queries_do_not_grow_with_the_agenda_or_delegations(
    client, make_event, make_officer, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    event = make_event(capacity=100, per_city_limit=5)

    def count():
        client.get(f"/events/{event.pk}/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/events/{event.pk}/").status_code == 200
        return len(queries)

    def grow(n, start):
        for i in range(start, start + n):
            item = AgendaItem.objects.create(
                event=event, day=event.starts_at.date(), starts_at="09:00", title=f"议程{i}"
            )
            item.speakers.add(Speaker.objects.create(name=f"主讲人{i}"))
            services.delegation_register(
                event=event, officer=make_officer(f"c{i}"), delegates=delegates(2), consent=True
            )

    grow(2, 0)
    small = count()
    grow(10, 2)
    assert count() == small
    with django_assert_max_num_queries(10):
        client.get(f"/events/{event.pk}/")


def test_events_list_query_count_is_pinned(client, make_event, django_assert_num_queries):
    now = timezone.now()
    for days in (-30, -20, 10, 40):
        make_event(starts_at=now + datetime.timedelta(days=days), ends_at=now + datetime.timedelta(days=days, hours=8))
    client.get("/events/")
    # upcoming, past count, past page, footer pages
    with django_assert_num_queries(4):
        client.get("/events/")


def test_event_page_queries_do_not_grow_with_its_news_photos_or_attending_cities(client, make_event, make_officer):
    """Measured on a large site: 11 queries grew to 16, one for each news item about the meeting."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ArticleFactory, EventPhotoFactory

    event = make_event(capacity=500, per_city_limit=5, lists_attending_cities=True)

    def count():
        client.get(f"/events/{event.pk}/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/events/{event.pk}/").status_code == 200
        return len(queries)

    def grow(n, start):
        for i in range(start, start + n):
            event.articles.add(ArticleFactory(title=f"会议报道{i}"))
            EventPhotoFactory(event=event)
            services.delegation_register(
                event=event, officer=make_officer(f"city{i}"), delegates=delegates(2), consent=True
            )

    grow(1, 0)
    small = count()
    grow(8, 1)
    assert count() == small == 10


def test_on_a_phone_the_summary_s_cells_say_what_they_are(client, make_event, make_officer):
    """The phone stacks a table's cells and hides its header: each cell carries the header's word (site.css)."""
    event, officer = make_event(), make_officer("nanning")
    client.force_login(officer.user)
    client.post(f"/portal/events/{event.pk}/delegation/", form_data(delegates(2)))
    html = client.get(f"/portal/events/{event.pk}/delegation/").content.decode()
    for label in ("排序", "职务", "行程", "房间"):
        assert html.count(f'data-label="{label}"') == 2, label
    assert "尚未填写" in html and ">—<" not in html  # no travel given yet, said in words
