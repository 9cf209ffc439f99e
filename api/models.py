"""How much the open data API is used: requests per day (the dashboard's chart)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiUsage(models.Model):
    day = models.DateField(_("day"), unique=True)
    requests = models.PositiveBigIntegerField(_("requests"), default=0)

    class Meta:
        ordering = ["day"]
        verbose_name = _("API requests in a day")
        verbose_name_plural = _("API requests by day")

    def __str__(self) -> str:
        return f"{self.day}: {self.requests}"
