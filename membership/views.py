"""Public pages of membership (the application to join, checking a certificate) and the papers a city downloads."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.web import throttle
from core.web.network import client_ip
from members.access import current_officer
from members.models import MemberCity
from membership import documents
from membership.forms import ApplicationForm, CertificateLookupForm
from membership.models import Application, Certificate, DuesNotice, Receipt
from membership.services import applications

APPLICATIONS_PER_HOUR = 5


@never_cache
@require_http_methods(["GET", "POST"])
def apply(request):
    form = ApplicationForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        elif not throttle.within_limit(
            "apply", [client_ip(request)], limit=APPLICATIONS_PER_HOUR, seconds=3600, durable=True
        ):
            form.add_error(None, _("Too many requests from here. Please try again in an hour."))
            status = 429
        else:
            data = {name: value for name, value in form.cleaned_data.items() if name != "consent"}
            try:
                application = applications.application_submit(
                    data=data, language=translation.get_language() or settings.LANGUAGE_CODE
                )
            except ValidationError as error:
                form.add_error(None, error)
                status = 400
            else:
                request.session["membership_application"] = application.pk
                return redirect("membership:applied")
    context = {"form": form, "counts_by_level": MemberCity.objects.counts_by_level()}
    return render(request, "membership/apply.html", context, status=status)


@never_cache
def applied(request):
    application = Application.objects.filter(pk=request.session.get("membership_application")).first()
    return render(request, "membership/applied.html", {"application": application})


@never_cache
def verify(request, number=None):
    """Whether a certificate is valid: the city, the level and the validity, nothing personal."""
    form = CertificateLookupForm(request.GET or None)
    if number is None and form.is_valid():
        return redirect("membership:verify", number=form.cleaned_data["number"])
    certificate = None
    if number is not None:
        certificate = Certificate.objects.select_related("city").filter(number=number.strip().upper()).first()
    status = 404 if number is not None and certificate is None else (400 if form.errors else 200)
    context = {"form": form, "number": number, "certificate": certificate}
    return render(request, "membership/verify.html", context, status=status)


def _may_download(request, city_id):
    if request.user.is_staff and request.user.has_perm("membership.view_duesnotice"):
        return True
    officer = current_officer(request.user) if request.user.is_authenticated else None
    return officer is not None and officer.city_id == city_id


def _download(request, model, pk, city_of, render_pdf, filename):
    if not request.user.is_authenticated:
        messages.info(request, _("Please sign in to download your city's papers."))
        return redirect_to_login(request.get_full_path())
    paper = get_object_or_404(model, pk=pk)
    if not _may_download(request, city_of(paper)):
        raise PermissionDenied
    return documents.pdf_download(render_pdf(paper), filename(paper))


def notice_pdf(request, pk):
    return _download(
        request,
        DuesNotice.objects.select_related("city"),
        pk,
        lambda notice: notice.city_id,
        documents.notice_pdf,
        lambda notice: f"会费缴纳通知-{notice.year}-{notice.reference}.pdf",
    )


def receipt_pdf(request, pk):
    return _download(
        request,
        Receipt.objects.select_related("payment__notice__city", "reverses"),
        pk,
        lambda receipt: receipt.payment.notice.city_id,
        documents.receipt_pdf,
        lambda receipt: f"收据-{receipt.code}.pdf",
    )


def certificate_pdf(request, pk):
    return _download(
        request,
        Certificate.objects.select_related("city"),
        pk,
        lambda certificate: certificate.city_id,
        documents.certificate_pdf,
        lambda certificate: f"会员证书-{certificate.number}.pdf",
    )
