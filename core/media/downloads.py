"""The one view that hands over a stored file: public files may be kept by proxies for an hour, members-only ones
go only to those who may read them (core/access.py), never into a shared cache."""

from __future__ import annotations

import mimetypes
import os
from typing import TYPE_CHECKING

from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpRequest, HttpResponseBase

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from core.access import MembersOnlyFileMixin


def gated_download(
    request: HttpRequest,
    obj: MembersOnlyFileMixin,
    *,
    filename: str,
    members_only_message: StrOrPromise,
    missing_message: StrOrPromise,
) -> HttpResponseBase:
    """`obj` has a `file` and is a MembersOnlyFileMixin. Anonymous readers of a members-only file are sent to sign
    in; signed-in readers who may not read it get a 404 that says why."""
    if not obj.file:
        raise Http404(missing_message)
    if not obj.may_be_downloaded_by(request.user):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404(members_only_message)
    try:
        handle = obj.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404(missing_message) from None
    extension = os.path.splitext(obj.file.name or "")[1].lower()
    content_type = mimetypes.guess_type(f"x{extension}")[0] or "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=f"{filename}{extension}", content_type=content_type)
    response["Cache-Control"] = "private, no-store" if obj.is_members_only else "public, max-age=3600"
    return response
