"""What the surveys app contributes to the shared features (core/registry.py)."""

from django.utils.translation import gettext_lazy as _

from core.registry import ALL, VIEW, Contributions, DemoLoader, EmailKind, Urls

SECRETARIAT = "secretariat"  # declared by governance

QUESTIONNAIRE = EmailKind("questionnaire", _("questionnaire"))

contributions = Contributions(
    urls=(Urls("portal/surveys/", "surveys.portal_urls"), Urls("surveys/", "surveys.link_urls")),
    email_kinds=(QUESTIONNAIRE,),
    demo=(DemoLoader("surveys.demo.load", 45),),
    grants={
        SECRETARIAT: {
            "surveys": {
                "form": ALL,
                "section": ALL,
                "question": ALL,
                "questionnaire": ALL,
                "response": VIEW,
                "answerfile": VIEW,
            },
            "members": {"membercity": VIEW, "region": VIEW},
        },
    },
)
