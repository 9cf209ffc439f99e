"""What the events app contributes to the shared features (core/registry.py)."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from core.registry import (
    ALL,
    VIEW,
    ApiRouter,
    Chart,
    ContentType,
    Contributions,
    DemoLoader,
    EmailKind,
    NavEntry,
    PeriodicJob,
    ProfileSection,
    SitemapSection,
    SmsKind,
    StaffGroup,
    Urls,
)

EVENT_MANAGERS = "event managers"

DELEGATION = EmailKind("delegation", _("delegation notice"))
REMINDER = EmailKind("reminder", _("meeting reminder"))
GUEST = EmailKind("guest", _("message to a guest delegation"), secret=True)
MEETING_NOTICE = EmailKind("meeting_notice", _("meeting notice"))

NOTICE_SMS = SmsKind(
    "meeting_notice",
    _("meeting notice"),
    ("event", "reply_by"),
    _("The notice of ${event} has been sent to your city: please reply on the association's portal by ${reply_by}."),
)
NOTICE_REMINDER_SMS = SmsKind(
    "notice_reminder",
    _("reply reminder"),
    ("event", "reply_by"),
    _("Your city has not yet replied to the notice of ${event}: please reply on the portal by ${reply_by}."),
)
DELEGATION_SMS = SmsKind(
    "delegation",
    _("registration state"),
    ("event", "state"),
    _("Your city's registration for ${event}: ${state}. Details on the association's portal."),
)
REMINDER_SMS = SmsKind(
    "reminder",
    _("meeting reminder"),
    ("event", "starts"),
    _("Reminder: ${event} begins ${starts}. Please check your delegation's details on the portal."),
)

contributions = Contributions(
    urls=(
        Urls("events/", "events.urls"),
        Urls("portal/events/", "events.portal_urls"),
        Urls("guests/", "events.guest_urls"),
    ),
    sitemaps=(
        SitemapSection("events", "events.sitemaps.EventSitemap", 60),
        SitemapSection("event-series", "events.sitemaps.EventSeriesSitemap", 70),
    ),
    api_routers=(ApiRouter("/events/", "events.api.events", 20),),
    navigation=(NavEntry("events:index", _("Meetings & events"), 40),),
    content_types=(ContentType("events.Event"),),
    search=("events.search.register",),
    page_cache=True,
    never_public=("Delegation", "Delegate", "DelegationTransition"),
    next_change=("events.selectors.next_schedule_change",),
    staff_groups=(StaffGroup(EVENT_MANAGERS, _("event managers")),),
    grants={
        EVENT_MANAGERS: {
            "events": {
                "eventseries": ALL,
                "event": ALL,
                "agendaitem": ALL,
                "speaker": ALL,
                "eventphoto": ALL,
                "eventvideo": ALL,
                "delegation": ALL,
                "delegate": ALL,
                "delegationtransition": VIEW,
                "guestinvitation": ALL,
                "meetingnotice": ALL,
                "noticerecipient": VIEW,
            },
            "core": {"exportlog": VIEW, "outgoingemail": ("view", "change"), "periodicrun": VIEW},
        },
    },
    email_kinds=(DELEGATION, REMINDER, GUEST, MEETING_NOTICE),
    sms_kinds=(NOTICE_SMS, NOTICE_REMINDER_SMS, DELEGATION_SMS, REMINDER_SMS),
    scoped={
        "events.Event": "branch",
        "events.AgendaItem": "event__branch",
        "events.EventPhoto": "event__branch",
        "events.EventVideo": "event__branch",
        "events.Delegation": "event__branch",
        "events.Delegate": "delegation__event__branch",
        "events.DelegationTransition": "delegation__event__branch",
    },
    shared_with_sections=("events.EventSeries", "events.Speaker"),
    periodic_jobs=(
        PeriodicJob("event-reminders", "events.tasks.send_event_reminders", crontab(minute="*/15")),
        PeriodicJob("delegate-data-purge", "events.tasks.purge_delegate_data", crontab(hour=3, minute=30)),
    ),
    demo=(DemoLoader("events.demo.load", 40), DemoLoader("events.demo_sms.load", 41)),
    dashboard_tiles=("events.dashboard.tiles",),
    charts=(
        Chart(
            "meetings",
            _("Meetings, cities and delegates per year"),
            "events.figures.meetings_per_year",
            10,
            public=True,
            permission="events.view_event",
        ),
        Chart(
            "meeting-attendance",
            _("Cities and delegates at each meeting"),
            "events.figures.per_meeting",
            20,
            1,
            permission="events.view_event",
        ),
        Chart(
            "notice-replies",
            _("Replies to meeting notices"),
            "events.figures.notice_reply_rates",
            30,
            permission="events.view_meetingnotice",
        ),
    ),
    city_profile=(
        ProfileSection("events.figures.profile", "admin/city_profile/events.html", 10),
        ProfileSection("events.figures.public_record", "events/city_meetings.html", 10, public=True),
    ),
)
