from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.backoffice.form_pages import form_page
from membership.admin_forms import ReasonForm, YearForm
from membership.models import Certificate
from membership.services import certificates


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["number", "city", "level", "valid_from", "valid_until", "revoked_at", "links"]
    list_filter = ["valid_from", "level"]
    list_select_related = ["city"]
    search_fields = ["number", "city__name"]
    readonly_fields = [
        "number",
        "city",
        "level",
        "valid_from",
        "valid_until",
        "issued_at",
        "issued_by",
        "revoked_at",
        "revoke_reason",
        "links",
    ]

    def has_add_permission(self, request):
        return False  # issued for the year from the list's button

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("links"))
    def links(self, certificate):
        revoke = ""
        if certificate.revoked_at is None:
            revoke = format_html(
                ' · <a href="{}">{}</a>',
                reverse("admin:membership_certificate_revoke", args=[certificate.pk]),
                _("revoke"),
            )
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>{}',
            certificate.get_download_url(),
            _("PDF"),
            certificate.get_absolute_url(),
            _("verification page"),
            revoke,
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        own = [
            path("issue/", view(self.issue_view), name="membership_certificate_issue"),
            path("<int:pk>/revoke/", view(self.revoke_view), name="membership_certificate_revoke"),
        ]
        return own + super().get_urls()

    def issue_view(self, request):
        if not request.user.has_perm("membership.add_certificate"):
            raise PermissionDenied

        def act(data):
            issued = certificates.certificates_issue(year=data["year"], by=request.user)
            return _("%(count)d certificate(s) issued.") % {"count": len(issued)}

        return form_page(
            self,
            request,
            form_class=YearForm,
            title=_("Issue the year's certificates"),
            intro=_("A certificate for every active member city without a valid one for the year, at its level."),
            act=act,
            done_url=reverse("admin:membership_certificate_changelist"),
        )

    def revoke_view(self, request, pk):
        certificate = get_object_or_404(Certificate, pk=pk)

        def act(data):
            certificates.certificate_revoke(certificate=certificate, reason=data["reason"], by=request.user)
            return _("Certificate revoked: its verification page says so.")

        return form_page(
            self,
            request,
            form_class=ReasonForm,
            title=_("Revoke the certificate"),
            act=act,
            done_url=reverse("admin:membership_certificate_change", args=[certificate.pk]),
            subject=certificate,
        )
