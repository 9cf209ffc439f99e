"""One rule of "open for registration" (events.models.RegistrationWindow): the queryset, the event itself, the
officer's desk, the event page and the registration service agree for any window."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events import services
from events.models import Event
from tests.events.conftest import delegates

pytestmark = pytest.mark.django_db

hours = st.one_of(st.none(), st.integers(min_value=-72, max_value=72))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(opens=hours, closes=hours, status=st.sampled_from(Event.Status.values))
def test_the_queryset_and_the_event_agree_for_any_window(make_event, opens, closes, status):
    now = timezone.now()
    event = make_event(
        status=status,
        starts_at=now + datetime.timedelta(days=1),
        ends_at=now + datetime.timedelta(days=2),
        registration_opens_at=None if opens is None else now + datetime.timedelta(hours=opens),
        registration_closes_at=None
        if closes is None or (opens is not None and closes < opens)
        else now + datetime.timedelta(hours=closes),
    )
    in_queryset = Event.objects.open_for_registration().filter(pk=event.pk).exists()
    assert in_queryset == event.is_open_for_registration
    event.delete()


@pytest.mark.parametrize(
    "window, page_says, on_desk",
    [
        ({"registration_closes_at": None}, "报名截止", True),  # opened, no closing time: open until the meeting ends
        ({"registration_opens_at": None, "registration_closes_at": None}, None, False),  # no online registration
        ({"registration_opens_at": "+2", "registration_closes_at": "+5"}, "开始报名", False),
        ({"registration_opens_at": "-5", "registration_closes_at": "-2"}, "已截止", False),
    ],
)
def test_the_desk_the_event_page_and_the_service_agree(make_event, make_officer, window, page_says, on_desk):
    now = timezone.now()
    values = {
        key: (now + datetime.timedelta(days=int(value)) if isinstance(value, str) else value)
        for key, value in window.items()
    }
    event = make_event(**values)
    officer = make_officer("nanning")
    client = Client()
    client.force_login(officer.user)
    desk = client.get("/portal/").content.decode()
    assert (f"/portal/events/{event.pk}/delegation/" in desk) == on_desk
    page = client.get(f"/events/{event.pk}/").content.decode()
    if page_says is None:
        assert "已截止" not in page and "报名截止" not in page
    else:
        assert page_says in page
    if on_desk:
        services.delegation_register(event=event, officer=officer, delegates=delegates(1), consent=True)
    else:
        with pytest.raises(ValidationError):
            services.delegation_register(event=event, officer=officer, delegates=delegates(1), consent=True)
