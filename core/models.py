"""The models the shared infrastructure keeps: the export record and the search index."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.search.models import SearchEntry  # noqa: F401  (the search index lives in core.search)


class ExportLog(models.Model):
    """Who exported which personal data, and when: exports of it are staff-only and recorded."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("exported by")
    )
    what = models.CharField(_("what"), max_length=200)
    row_count = models.PositiveIntegerField(_("rows"))
    created_at = models.DateTimeField(_("exported at"), auto_now_add=True)

    class Meta:
        db_table = "association_exportlog"  # made there before it moved to core
        ordering = ["-created_at"]
        verbose_name = _("export record")
        verbose_name_plural = _("export records")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.user} {self.what}"
