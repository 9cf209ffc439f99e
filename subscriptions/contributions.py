"""What the subscriptions app contributes to the shared features (core/registry.py)."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from core.registry import VIEW, Chart, Contributions, DemoLoader, EmailKind, NavEntry, PeriodicJob, Urls

SUBSCRIPTION = EmailKind("subscription", _("subscription confirmation"), secret=True)
DIGEST = EmailKind("digest", _("news digest"), secret=True)
ANNOUNCEMENT = EmailKind("announcement", _("new issue announcement"), secret=True)

contributions = Contributions(
    urls=(Urls("subscribe/", "subscriptions.urls"),),
    navigation=(NavEntry("subscriptions:subscribe", _("Subscribe by e-mail"), 40, place="footer"),),
    grants={"news reviewers": {"subscriptions": {"subscriber": VIEW}}},
    email_kinds=(SUBSCRIPTION, DIGEST, ANNOUNCEMENT),
    periodic_jobs=(
        # Daily digests every morning, weekly ones on Mondays (subscriptions.services.due_frequencies).
        PeriodicJob("subscription-digests", "subscriptions.tasks.send_digests", crontab(hour=7, minute=0)),
        PeriodicJob("issue-announcements", "subscriptions.tasks.announce_new_issues", crontab(minute="*/15")),
        PeriodicJob("unconfirmed-subscriptions", "subscriptions.tasks.forget_unconfirmed", crontab(hour=3, minute=20)),
        PeriodicJob("ended-subscriptions", "subscriptions.tasks.forget_unsubscribed", crontab(hour=3, minute=25)),
    ),
    dashboard_tiles=("subscriptions.dashboard.tiles",),
    charts=(
        Chart(
            "subscribers",
            _("E-mail subscribers over time"),
            "subscriptions.figures.subscribers_over_time",
            80,
            2,
            permission="subscriptions.view_subscriber",
        ),
    ),
    demo=(DemoLoader("subscriptions.demo.load", 56),),
)
