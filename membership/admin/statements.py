from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.backoffice.admin_actions import service_action
from core.backoffice.form_pages import form_page
from membership.admin_forms import MatchRowForm, StatementForm
from membership.models import Statement, StatementRow
from membership.services import statements


class RowInline(admin.TabularInline):
    model = StatementRow
    fields = ["line", "booked_on", "amount", "payer", "memo", "bank_reference", "state", "payment"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["filename", "imported_at", "imported_by"]
    list_select_related = ["imported_by"]
    readonly_fields = ["filename", "sha256", "imported_by", "imported_at"]
    inlines = [RowInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied

        def act(data):
            upload = data["file"]
            result = statements.statement_import(data=upload.read(), filename=upload.name, by=request.user)
            return _(
                "Statement imported: %(matched)d payment(s) recorded with their receipts, %(unmatched)d row(s) to "
                "match by hand, %(ignored)d not dues, %(seen)d seen in an earlier statement."
            ) % {
                "matched": result.matched,
                "unmatched": result.unmatched,
                "ignored": result.ignored,
                "seen": result.seen_before,
            }

        return form_page(
            self,
            request,
            form_class=StatementForm,
            title=_("Import a bank statement"),
            intro=_(
                "Each row of money in is matched to a dues notice by the payment reference in its memo, or by the "
                "amount and the city's name, and recorded with a receipt. A file with a row that cannot be read "
                "records nothing; a file or a transaction imported before is not recorded again."
            ),
            act=act,
            done_url=reverse("admin:membership_statementrow_changelist") + "?state__exact=unmatched",
        )


@admin.register(StatementRow)
class StatementRowAdmin(admin.ModelAdmin):
    list_display = ["booked_on", "amount", "payer", "memo", "bank_reference", "state", "match_link"]
    list_filter = ["state", "statement"]
    list_select_related = ["statement", "payment"]
    search_fields = ["payer", "memo", "bank_reference"]
    readonly_fields = [
        "statement",
        "line",
        "booked_on",
        "amount",
        "payer",
        "memo",
        "bank_reference",
        "state",
        "payment",
        "match_link",
    ]
    actions = [
        service_action(
            lambda row, by: statements.statement_row_ignore(row=row, by=by),
            description=_("Set aside as not dues"),
            done=lambda n: _("%(count)d row(s) set aside.") % {"count": n},
            permissions=["change"],
        )
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("match"))
    def match_link(self, row):
        if row.state != StatementRow.State.UNMATCHED:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:membership_statementrow_match", args=[row.pk]), _("match to a notice")
        )

    def get_urls(self):
        own = [
            path("<int:pk>/match/", self.admin_site.admin_view(self.match_view), name="membership_statementrow_match")
        ]
        return own + super().get_urls()

    def match_view(self, request, pk):
        row = get_object_or_404(StatementRow, pk=pk)
        if not self.has_change_permission(request, row):
            raise PermissionDenied

        def act(data):
            statements.statement_row_match(row=row, notice=data["notice"], by=request.user)
            return _("Matched: the payment is recorded with its receipt.")

        return form_page(
            self,
            request,
            form_class=MatchRowForm,
            title=_("Match to a dues notice"),
            intro=f"{row.booked_on} ¥{row.amount} {row.payer} {row.memo}",
            act=act,
            done_url=reverse("admin:membership_statementrow_changelist") + "?state__exact=unmatched",
            subject=row,
        )
