"""Words of the third-party apps staff see in the back office (django-axes' lock-outs) that those apps carry no
Chinese for: listed here so that `make messages` puts them in our catalogue, which Django reads first."""

from django.utils.translation import gettext_noop as _
from django.utils.translation import ngettext

AXES = [
    _("access attempt"),
    _("access attempts"),
    _("Access Attempt"),
    _("Attempt Time"),
    _("Attempt Remaining"),
    _("Clean up expired attempts"),
    _("Expires At"),
    _("Failed Logins"),
    _("Form Data"),
    _("GET Data"),
    _("HTTP Accept"),
    _("IP Address"),
    _("Locked Out"),
    _("Meta Data"),
    _("Not set"),
    _("POST Data"),
    _("Path"),
    _("The time when access attempt expires and is no longer valid."),
    _("User Agent"),
    _("Username"),
    _("access attempt expiration"),
    _("access attempt expirations"),
    _("access failure"),
    _("access failures"),
    _("access log"),
    _("access logs"),
]

# django-otp's models, named in English only (their names appear in the lists of permissions).
OTP = [_("TOTP device"), _("static device"), _("static token")]

# Django 5.2's own admin and auth words that its Simplified Chinese catalogue does not yet carry.
DJANGO = [
    _("Model name"),
    _("Add link"),
    _("Change or view list link"),
    _("After you’ve created a user, you’ll be able to edit more user options."),
    _("Error:"),
    _("Forgotten your login credentials?"),
    _("In case you’ve forgotten, you are:"),
]

# Django's admin messages whose Chinese puts a space between two Chinese words ("添加了 文章") or ends with an
# English full stop: our catalogue, read first, says them without.
DJANGO_MESSAGES = [
    _("Successfully deleted %(count)d %(items)s."),
    _("Add another %(verbose_name)s"),
    _("Added {name} “{object}”."),
    _("Changed {fields} for {name} “{object}”."),
    _("Deleted {name} “{object}”."),
    _("The {name} “{obj}” was added successfully."),
    _("You may edit it again below."),
    _("The {name} “{obj}” was added successfully. You may add another {name} below."),
    _("The {name} “{obj}” was changed successfully. You may edit it again below."),
    _("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    _("The {name} “{obj}” was changed successfully."),
    _("The %(name)s “%(obj)s” was deleted successfully."),
    _("Select all %(total_count)s %(module_name)s"),
    _("Add another %(model)s"),
    _(
        "Please enter the correct %(username)s and password for a staff account. Note that both fields may be "
        "case-sensitive."
    ),
]


def _django_plural_messages() -> None:  # never called: makemessages reads the words
    ngettext("%(count)s %(name)s was changed successfully.", "%(count)s %(name)s were changed successfully.", 0)
