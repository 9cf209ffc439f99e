"""The membership app's counts on the admin index: this year's dues, and what waits for a person."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.backoffice.dashboard import Tile
from core.money import in_figures
from membership import selectors
from membership.models import Application, StatementRow


def tiles(request):
    user = request.user
    if user.has_perm("membership.view_application"):
        url = reverse("admin:membership_application_changelist")
        waiting = Application.objects.open().count()
        yield Tile(_("Applications to join awaiting a decision"), waiting, f"{url}?open=yes", attention=bool(waiting))
    if user.has_perm("membership.view_payment"):
        totals = selectors.year_totals(timezone.localdate().year)
        yield Tile(
            _("Dues notices this year (paid + waived + outstanding = issued: %(check)s)")
            % {"check": _("agrees") if totals.balanced else _("does not agree")},
            totals.notices,
            reverse("admin:membership_duesnotice_changelist"),
            attention=not totals.balanced,
        )
        yield Tile(
            _("Dues outstanding this year: %(amount)s") % {"amount": in_figures(totals.outstanding)},
            selectors.arrears(totals.year).count(),
            reverse("admin:membership_arrears"),
        )
        unmatched = StatementRow.objects.filter(state=StatementRow.State.UNMATCHED).count()
        if unmatched:
            url = reverse("admin:membership_statementrow_changelist")
            yield Tile(_("Bank statement rows to match"), unmatched, f"{url}?state__exact=unmatched", attention=True)
