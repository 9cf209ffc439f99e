"""Bulk admin actions that call a service once per selected object and report each refusal."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _


def run_for_each(modeladmin, request, objects, call, done_message):
    """`call(obj)` for every object; refusals become warnings naming the object, successes one summary."""
    done = 0
    for obj in objects:
        try:
            call(obj)
            done += 1
        except ValidationError as error:
            modeladmin.message_user(request, f"{obj}: {error.messages[0]}", messages.WARNING)
        except PermissionDenied:
            modeladmin.message_user(request, f"{obj}: {_('You may not do this.')}", messages.WARNING)
    if done:
        modeladmin.message_user(request, done_message(done), messages.SUCCESS)
