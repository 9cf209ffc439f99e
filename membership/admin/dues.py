from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.backoffice.form_pages import form_page
from core.money import in_figures
from membership import documents, exports, selectors
from membership.admin_forms import ArrearsFilterForm, IssueNoticesForm, PaymentForm, ReasonForm, WaiverForm
from membership.models import DuesNotice, DuesRate, PayeeAccount, Payment, Receipt
from membership.services import dues

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ReadOnly:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(DuesRate)
class DuesRateAdmin(SimpleHistoryAdmin):
    list_display = ["year", "level", "amount"]
    list_filter = ["year", "level"]


@admin.register(PayeeAccount)
class PayeeAccountAdmin(SimpleHistoryAdmin):
    list_display = ["name", "bank", "number", "is_current"]


class PaymentInline(ReadOnly, admin.TabularInline):
    model = Payment
    fields = ["kind", "amount", "paid_on", "bank_reference", "reason", "recorded_by", "voided_at", "void_reason"]
    readonly_fields = fields
    extra = 0


@admin.register(DuesNotice)
class DuesNoticeAdmin(admin.ModelAdmin):
    list_display = ["reference", "city", "year", "level", "amount_due", "paid_amount", "outstanding_amount", "due_on"]
    list_filter = ["year", "level", "reminded"]
    list_select_related = ["city"]
    search_fields = ["reference", "city__name"]
    inlines = [PaymentInline]
    readonly_fields = [
        "city",
        "year",
        "level",
        "amount",
        "reference",
        "due_on",
        "payee_name",
        "payee_bank",
        "payee_number",
        "issued_at",
        "issued_by",
        "reminded",
        "papers",
    ]
    exclude = []

    def get_queryset(self, request):
        return super().get_queryset(request).with_amounts()

    def has_add_permission(self, request):
        return False  # notices are issued for the whole year at once (the button on the list)

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("amount due (yuan)"), ordering="amount")
    def amount_due(self, notice):
        return in_figures(notice.amount)

    @admin.display(description=_("paid"), ordering="paid")
    def paid_amount(self, notice):
        return in_figures(notice.paid)

    @admin.display(description=_("outstanding"), ordering="outstanding")
    def outstanding_amount(self, notice):
        return in_figures(notice.outstanding)

    @admin.display(description=_("papers and actions"))
    def papers(self, notice):
        links = [
            (reverse("admin:membership_duesnotice_pdf", args=[notice.pk]), _("Dues notice (PDF)")),
        ]
        if notice.outstanding > 0:
            links += [
                (reverse("admin:membership_duesnotice_payment", args=[notice.pk]), _("Record a payment")),
                (reverse("admin:membership_duesnotice_waiver", args=[notice.pk]), _("Record a waiver or reduction")),
            ]
        return format_html_join(" · ", '<a href="{}">{}</a>', links)

    def get_urls(self):
        own = [
            path("issue/", self.admin_site.admin_view(self.issue_view), name="membership_duesnotice_issue"),
            path("arrears/", self.admin_site.admin_view(self.arrears_view), name="membership_arrears"),
            path("<int:pk>/pdf/", self.admin_site.admin_view(self.pdf_view), name="membership_duesnotice_pdf"),
            path(
                "<int:pk>/payment/", self.admin_site.admin_view(self.payment_view), name="membership_duesnotice_payment"
            ),
            path("<int:pk>/waiver/", self.admin_site.admin_view(self.waiver_view), name="membership_duesnotice_waiver"),
        ]
        return own + super().get_urls()

    def _changelist(self):
        return reverse("admin:membership_duesnotice_changelist")

    def issue_view(self, request):
        if not request.user.has_perm("membership.add_duesnotice"):
            return self._denied()

        def act(data):
            notices = dues.dues_issue_notices(year=data["year"], due_on=data["due_on"], by=request.user)
            return _("%(count)d dues notice(s) issued for %(year)s and sent to the officers.") % {
                "count": len(notices),
                "year": data["year"],
            }

        return form_page(
            self,
            request,
            form_class=IssueNoticesForm,
            title=_("Issue the year's dues notices"),
            intro=_(
                "One notice for every active member city that has none for the year, at its level's rate, with "
                "the bank account in use. Each city's liaison officers receive it by e-mail."
            ),
            act=act,
            done_url=self._changelist(),
        )

    def _denied(self):
        raise PermissionDenied

    def _notice(self, request, pk):
        if not self.has_view_permission(request):
            self._denied()
        return get_object_or_404(DuesNotice.objects.with_amounts().select_related("city"), pk=pk)

    def pdf_view(self, request, pk):
        notice = self._notice(request, pk)
        return documents.pdf_download(
            documents.notice_pdf(notice), f"会费缴纳通知-{notice.year}-{notice.reference}.pdf"
        )

    def payment_view(self, request, pk):
        notice = self._notice(request, pk)

        def act(data):
            receipt = dues.record_payment(notice=notice, by=request.user, **data)
            return _("Payment recorded: receipt %(code)s.") % {"code": receipt.code}

        return form_page(
            self,
            request,
            form_class=PaymentForm,
            title=_("Record a payment"),
            intro=_("Outstanding on %(notice)s: %(amount)s.")
            % {"notice": notice, "amount": in_figures(notice.outstanding)},
            initial={"amount": notice.outstanding, "paid_on": timezone.localdate()},
            act=act,
            done_url=reverse("admin:membership_duesnotice_change", args=[notice.pk]),
            subject=notice,
        )

    def waiver_view(self, request, pk):
        notice = self._notice(request, pk)

        def act(data):
            dues.record_waiver(notice=notice, by=request.user, **data)
            return _("Waiver recorded.")

        return form_page(
            self,
            request,
            form_class=WaiverForm,
            title=_("Record a waiver or reduction"),
            intro=_("Outstanding on %(notice)s: %(amount)s.")
            % {"notice": notice, "amount": in_figures(notice.outstanding)},
            act=act,
            done_url=reverse("admin:membership_duesnotice_change", args=[notice.pk]),
            subject=notice,
        )

    def arrears_view(self, request):
        if not self.has_view_permission(request):
            self._denied()
        form = ArrearsFilterForm(request.GET or None)
        year = form.cleaned_data["year"] if form.is_bound and form.is_valid() else None
        notices = selectors.arrears(year)
        if request.GET.get("format") == "xlsx" and not form.errors:
            content = exports.arrears_workbook(notices=notices, by=request.user)
            response = HttpResponse(content, content_type=XLSX)
            response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename="会费欠缴.xlsx")
            return response
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Dues in arrears"),
            "form": form,
            "notices": notices,
            "year": year,
        }
        return TemplateResponse(request, "admin/membership/arrears.html", context, status=400 if form.errors else 200)

    def changelist_view(self, request, extra_context=None):
        year = timezone.localdate().year
        extra_context = {**(extra_context or {}), "totals": selectors.year_totals(year)}
        return super().changelist_view(request, extra_context)


@admin.register(Payment)
class PaymentAdmin(SimpleHistoryAdmin):
    list_display = ["notice", "kind", "amount", "paid_on", "bank_reference", "recorded_by", "voided_at"]
    list_filter = ["kind", "notice__year"]
    list_select_related = ["notice", "notice__city", "recorded_by"]
    search_fields = ["notice__reference", "notice__city__name", "bank_reference"]
    readonly_fields = [
        "notice",
        "kind",
        "amount",
        "paid_on",
        "bank_reference",
        "reason",
        "recorded_by",
        "recorded_at",
        "voided_at",
        "void_reason",
        "void_link",
    ]

    def has_add_permission(self, request):
        return False  # payments are recorded from their notice

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("void"))
    def void_link(self, payment):
        if payment.voided_at:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:membership_payment_void", args=[payment.pk]), _("Void (red reversal)")
        )

    def get_urls(self):
        own = [path("<int:pk>/void/", self.admin_site.admin_view(self.void_view), name="membership_payment_void")]
        return own + super().get_urls()

    def void_view(self, request, pk):
        payment = get_object_or_404(Payment.objects.select_related("notice"), pk=pk)

        def act(data):
            reversal = dues.void_payment(payment=payment, by=request.user, **data)
            if reversal is None:
                return _("Voided.")
            return _("Voided: reversal receipt %(code)s issued.") % {"code": reversal.code}

        return form_page(
            self,
            request,
            form_class=ReasonForm,
            title=_("Void this payment"),
            intro=_(
                "The receipt stays in the books; a reversal receipt with its own number and the negative amount "
                "points to it, and the amount is outstanding again."
            ),
            act=act,
            done_url=reverse("admin:membership_payment_change", args=[payment.pk]),
            subject=payment,
        )


@admin.register(Receipt)
class ReceiptAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["code", "year", "number", "city", "amount", "issued_at", "reverses", "download"]
    list_filter = ["year"]
    list_select_related = ["payment__notice__city", "reverses"]
    search_fields = ["payment__notice__city__name", "payment__notice__reference"]
    actions = ["export_receipts"]

    @admin.action(description=_("Export the selected receipts (XLSX)"), permissions=["view"])
    def export_receipts(self, request, queryset):
        receipts = queryset.select_related("payment__notice__city", "reverses").order_by("year", "number")
        response = HttpResponse(exports.receipts_workbook(receipts=receipts, by=request.user), content_type=XLSX)
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename="收据.xlsx")
        return response

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("membership.view_receipt")

    @admin.display(description=_("city"))
    def city(self, receipt):
        return receipt.payment.notice.city

    @admin.display(description=_("PDF"))
    def download(self, receipt):
        return format_html('<a href="{}">{}</a>', receipt.get_download_url(), _("download"))
