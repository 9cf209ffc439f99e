"""What the membership app contributes to the shared features (core/registry.py)."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from core.registry import (
    ALL,
    EDIT,
    VIEW,
    Chart,
    Contributions,
    DemoLoader,
    EmailKind,
    PeriodicJob,
    ProfileSection,
    StaffGroup,
    Urls,
)

MEMBERSHIP_MANAGERS = "membership managers"  # declared by members, who keep the register
FINANCE = "finance"

DUES = EmailKind("dues", _("dues notice or reminder"))
APPLICATION = EmailKind("application", _("application to join"))

contributions = Contributions(
    urls=(Urls("membership/", "membership.urls"),),
    staff_groups=(StaffGroup(FINANCE, _("finance")),),
    grants={
        MEMBERSHIP_MANAGERS: {
            "members": {"membershipchange": VIEW, "individualmember": ALL, "historicalindividualmember": VIEW},
            "membership": {
                "application": EDIT,
                "historicalapplication": VIEW,
                "certificate": EDIT,
                "duesnotice": VIEW,
                "duesrate": VIEW,
            },
        },
        FINANCE: {
            "core": {"exportlog": VIEW},
            "members": {"membercity": VIEW},
            "membership": {
                "duesrate": ALL,
                "historicalduesrate": VIEW,
                "payeeaccount": EDIT,
                "duesnotice": ("view", "add"),
                "payment": ("view", "add", "change"),
                "historicalpayment": VIEW,
                "receipt": VIEW,
                "statement": ("view", "add"),
                "statementrow": ("view", "change"),
            },
        },
    },
    email_kinds=(DUES, APPLICATION),
    periodic_jobs=(PeriodicJob("dues-reminders", "membership.tasks.send_dues_reminders", crontab(hour=9, minute=0)),),
    demo=(DemoLoader("membership.demo.load", 35),),
    dashboard_tiles=("membership.dashboard.tiles",),
    charts=(
        Chart(
            "dues",
            _("Dues collected against expected"),
            "membership.figures.dues_by_year",
            60,
            permission="membership.view_duesnotice",
        ),
    ),
    city_profile=(ProfileSection("membership.figures.profile", "admin/city_profile/membership.html", 40),),
)
