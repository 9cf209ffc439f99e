"""What the surveys app contributes to the shared features (core/registry.py)."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from core.registry import ALL, VIEW, Contributions, DemoLoader, EmailKind, PeriodicJob, Urls

SECRETARIAT = "secretariat"  # declared by governance

QUESTIONNAIRE = EmailKind("questionnaire", _("questionnaire"))
NOMINATION = EmailKind("nomination", _("nomination and its decision"))

contributions = Contributions(
    urls=(
        Urls("portal/surveys/", "surveys.portal_urls"),
        Urls("portal/jury/", "surveys.jury_urls"),
        Urls("surveys/", "surveys.link_urls"),
    ),
    email_kinds=(QUESTIONNAIRE, NOMINATION),
    demo=(DemoLoader("surveys.demo.load", 45),),
    periodic_jobs=(
        PeriodicJob(
            "questionnaire-reminders", "surveys.tasks.send_questionnaire_reminders", crontab(hour=9, minute=30)
        ),
    ),
    grants={
        SECRETARIAT: {
            "surveys": {
                "form": ALL,
                "section": ALL,
                "question": ALL,
                "questionnaire": ALL,
                "response": VIEW,
                "answerfile": VIEW,
                "nominationcall": ALL,
                "criterion": ALL,
                "juror": ALL,
                "nomination": ("view", "change"),
                "score": VIEW,
            },
            "members": {"membercity": VIEW, "region": VIEW},
        },
    },
)
