"""Numbers people keep (receipts, certificates): one counter row per series and year."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NumberCounter(models.Model):
    """The last number given in a series for a year. It is read under a row lock in the transaction that uses the
    number, so two simultaneous payments never get the same receipt number, and a rollback gives the number back."""

    series = models.CharField(_("series"), max_length=20)
    year = models.PositiveSmallIntegerField(_("year"))
    last = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("number counter")
        verbose_name_plural = _("number counters")
        constraints = [models.UniqueConstraint(fields=["series", "year"], name="numbercounter_one_per_series_year")]

    def __str__(self):
        return f"{self.series} {self.year}: {self.last}"
