from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Questionnaires")

    def ready(self):
        from members import desk
        from surveys import selectors

        desk.register(
            desk.DeskSection(template="surveys/portal/desk_surveys.html", data=selectors.desk_for, position=4)
        )
