"""What the surveys app contributes to the shared features (core/registry.py)."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from core.registry import (
    ALL,
    VIEW,
    Chart,
    ContentType,
    Contributions,
    DemoLoader,
    EmailKind,
    NavEntry,
    PeriodicJob,
    ProfileSection,
    Urls,
)

SECRETARIAT = "secretariat"  # declared by governance

QUESTIONNAIRE = EmailKind("questionnaire", _("questionnaire"))
NOMINATION = EmailKind("nomination", _("nomination and its decision"))

contributions = Contributions(
    urls=(
        Urls("portal/surveys/", "surveys.portal_urls"),
        Urls("portal/jury/", "surveys.jury_urls"),
        Urls("surveys/", "surveys.link_urls"),
        Urls("awards/", "surveys.award_urls"),
    ),
    navigation=(NavEntry("awards:list", _("Awards"), 65, place="footer"),),
    content_types=(ContentType("surveys.NominationCall", scanned=False),),
    page_cache=True,
    never_public=(
        "Form",
        "Section",
        "Question",
        "Questionnaire",
        "Response",
        "AnswerFile",
        "Criterion",
        "Juror",
        "Score",
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
    charts=(
        Chart(
            "responses",
            _("Questionnaire response rates"),
            "surveys.figures.response_rates",
            40,
            2,
            permission="surveys.view_questionnaire",
        ),
    ),
    city_profile=(ProfileSection("surveys.figures.city_record", "admin/city_profile/surveys.html", 20),),
)
