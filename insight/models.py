"""The association's figures for staff: each member city's engagement (a view of the register, no table of its
own) and the annual work reports drafted from the data."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from members.models import MemberCity


class CityEngagement(MemberCity):
    """A member city seen for its engagement: meetings attended, notices answered (the profile, 城市画像)."""

    class Meta:
        proxy = True
        verbose_name = _("city's engagement")
        verbose_name_plural = _("cities' engagement")


class WorkReport(models.Model):
    """An annual work report drafted from the portal's data: the draft article it became, kept for its year."""

    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)])
    article = models.ForeignKey(
        "news.Article", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("draft article")
    )
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("drafted by")
    )
    generated_at = models.DateTimeField(_("drafted at"), auto_now_add=True)
    # The report's outline as drafted (insight.report.Report), from which its Word file is written: the article
    # and the file say the same even after the data change.
    outline = models.JSONField(_("outline"), encoder=DjangoJSONEncoder, editable=False)

    class Meta:
        ordering = ["-year", "-generated_at"]
        verbose_name = _("annual work report")
        verbose_name_plural = _("annual work reports")

    def __str__(self):
        return _("Work report %(year)s") % {"year": self.year}
