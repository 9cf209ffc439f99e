from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, _unicode_ci_compare
from django.core.validators import MaxLengthValidator
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.i18n.chinese import to_simplified
from core.mail import outbox
from core.search import query as search_query
from members import contributions
from members.models import LiaisonOfficer, MemberCity, MembershipLevel, Region
from members.services import CONTACT_FIELDS


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("City name or keyword"), required=False, max_length=search_query.MAX_LENGTH)
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), required=False, empty_label=_("All regions")
    )
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("All levels")), *MemberCity.Level.choices]
    )

    def clean_q(self):
        return to_simplified(self.cleaned_data["q"].strip())  # 聯絡 typed in Traditional finds 联络

    def filter(self, cities):
        data = self.cleaned_data
        if data.get("q"):
            named = Q(name__icontains=data["q"]) | Q(name_en__icontains=data["q"])
            try:
                described = Q(pk__in=search_query.object_ids(search_query.parse(data["q"]), "city"))
            except search_query.QueryError:
                described = Q(pk__in=[])
            cities = cities.filter(named | described)
        if data.get("region"):
            cities = cities.filter(region=data["region"])
        if data.get("level"):
            cities = cities.filter(level=data["level"])
        return cities


class OfficerContactForm(forms.ModelForm):
    class Meta:
        model = LiaisonOfficer
        fields = CONTACT_FIELDS

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language or settings.LANGUAGE_CODE


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"), help_text=_("UTF-8 CSV or .xlsx; the first row holds the column names.")
    )


PASSWORD_MAX_LENGTH = 4096  # hashed, so no column limits it; this keeps a hash of megabytes from being asked for


class BoundedSignInMixin:
    """Django's sign-in form announces the username's length (maxlength) but does not check it, so an over-long
    name reached django-axes' record of the failure (a 255-character column) and failed there. Both fields are
    checked before anything is looked up or recorded."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))
        password = self.fields["password"]
        password.max_length = PASSWORD_MAX_LENGTH
        password.validators.append(MaxLengthValidator(PASSWORD_MAX_LENGTH))


class PortalSignInForm(BoundedSignInMixin, AuthenticationForm):
    pass


class PortalAdminSignInForm(BoundedSignInMixin, AdminAuthenticationForm):
    pass


class OfficerPasswordResetForm(PasswordResetForm):
    """Django's reset form, which also reaches current officers who never set a password
    (their invitation expired): the reset link lets them set one."""

    def get_users(self, email):
        User = get_user_model()
        email_field = User.get_email_field_name()
        candidates = User._default_manager.filter(**{f"{email_field}__iexact": email, "is_active": True})
        for user in candidates:
            if user.has_usable_password() or LiaisonOfficer.objects.current().filter(user=user).exists():
                if _unicode_ci_compare(email, getattr(user, email_field)):
                    yield user

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        """Through the outbox, like every e-mail the portal sends, in the language the reset was asked in."""
        subject = "".join(outbox.render_text(subject_template_name, context).splitlines())
        body = outbox.render_text(email_template_name, context)
        outbox.enqueue(
            kind=contributions.PASSWORD_RESET.code, to=[to_email], subject=subject, body=body, language=get_language()
        )


class SecondStepCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        strip=True,
        help_text=_("The six digits your authenticator app shows, or one of your backup codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True, "spellcheck": "false"}
        ),
    )


class MembershipChangeForm(forms.Form):
    """A decision on a member city's level or status, as the back office records it."""

    level = forms.ChoiceField(label=_("Membership level"), choices=MembershipLevel.choices)
    status = forms.ChoiceField(label=_("Status"), choices=MemberCity.Status.choices)
    effective_on = forms.DateField(
        label=_("Effective on"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    meeting = forms.CharField(
        label=_("Decided by (meeting)"), max_length=200, help_text=_("E.g. the third meeting of the fifth council.")
    )
    resolution = forms.CharField(label=_("Resolution"), max_length=200, required=False)
