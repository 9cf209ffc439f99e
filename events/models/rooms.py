"""The hotels a meeting lodges its delegates in; each delegate's hotel, room and roommate sit on the delegate."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from events.models.meetings import Event


class Hotel(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="hotels", verbose_name=_("event"))
    name = models.CharField(_("name"), max_length=100)
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        ordering = ["event", "id"]
        verbose_name = _("hotel")
        verbose_name_plural = _("hotels")
        constraints = [models.UniqueConstraint(fields=["event", "name"], name="hotel_named_once_per_event")]

    def __str__(self):
        return self.name
