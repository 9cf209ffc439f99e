"""The back office of meetings: series, speakers, events with their agenda, photos and the lists of delegates."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.backoffice import counts
from core.backoffice.scoped import ScopedAdminMixin
from core.i18n.translation import TranslationsBesideChineseAdmin, columns, first_translation
from core.models import ExportLog
from events import album, editions, exports, logistics
from events.admin.rooms import rooms_page
from events.models import AgendaItem, Delegation, Event, EventPhoto, EventSeries, EventVideo, Hotel, Speaker

State = Delegation.State
_DELEGATES = logistics.LogisticsList("delegates", _("Delegates"), (), None)


@admin.register(EventSeries)
class EventSeriesAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = [*columns("name"), "slug"]
    prepopulated_fields = {"slug": [first_translation("name")]}


@admin.register(Speaker)
class SpeakerAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["name", "title", "organisation"]
    search_fields = ["name", "organisation"]


class AgendaInline(TranslationsBesideChineseAdmin, admin.StackedInline):
    """Three lines an item (when, what in each language, where and who), so the agenda fits a 1366 px screen."""

    model = AgendaItem
    extra = 1
    autocomplete_fields = ["speakers"]
    fieldsets = [(None, {"fields": [("day", "starts_at", "ends_at", "kind"), "title", ("place", "speakers")]})]
    classes = ["agenda-inline"]


class PhotoInline(admin.TabularInline):
    model = EventPhoto
    extra = 0
    fields = ["thumbnail", "image", "alt_text", "caption", "order"]
    readonly_fields = ["thumbnail"]
    verbose_name_plural = _("album (add many photos at once with “Upload photos” above)")

    @admin.display(description=_("photo"))
    def thumbnail(self, photo):
        picture = photo.picture
        return (
            format_html('<img src="{}" alt="" width="80" class="admin-thumbnail">', picture["thumbnail"])
            if picture
            else "—"
        )


class HotelInline(admin.TabularInline):
    model = Hotel
    extra = 0
    fields = ["name", "address", "phone"]


class VideoInline(TranslationsBesideChineseAdmin, admin.StackedInline):
    model = EventVideo
    extra = 0
    fields = ["title", ("file", "poster"), ("subtitles", "subtitles_language"), "page_url", "order"]


class NextEditionForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("the next edition starts at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Its end, registration window, deadlines and agenda move by the same difference."),
    )


@admin.register(Event)
class EventAdmin(ScopedAdminMixin, TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["__str__", "kind", "starts_at", "status", "confirmed", "capacity", "waitlisted", "pending"]
    list_filter = ["status", "kind", "series", "branch", "starts_at"]
    list_select_related = ["series"]
    search_fields = [*columns("title"), "venue"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["host_city"]
    inlines = [AgendaInline, HotelInline, PhotoInline, VideoInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "kind",
                    "series",
                    "edition",
                    "title",
                    "host_city",
                    "branch",
                    "venue",
                    "address",
                    "starts_at",
                    "ends_at",
                    "description",
                    "cover",
                    "status",
                ]
            },
        ),
        (
            _("Registration"),
            {
                "fields": [
                    "registration_opens_at",
                    "registration_closes_at",
                    "edit_deadline",
                    "capacity",
                    "per_city_limit",
                    "requires_approval",
                    "waiting_list",
                    "reminder_days",
                    "lists_attending_cities",
                ]
            },
        ),
    ]

    # Printed lists of the confirmed delegates: URL name suffix -> (path, template, what the export log records).
    PRINTOUTS = {
        "badges": ("badges/", "events/print/badges.html", _("Name badges of %(event)s")),
        "signin_sheet": ("sign-in-sheet/", "events/print/signin_sheet.html", _("Sign-in sheet of %(event)s")),
    }

    def get_urls(self):
        def view(function, suffix, name, kwargs=None):
            return path(f"<int:pk>/{suffix}", self.admin_site.admin_view(function), kwargs, name=f"events_event_{name}")

        return [
            view(self.delegates_xlsx, "delegates.xlsx", "delegates_xlsx"),
            view(self.delegates_csv, "delegates.csv", "delegates_csv"),
            *(view(self.printout, suffix, name, {"kind": name}) for name, (suffix, _t, _w) in self.PRINTOUTS.items()),
            view(self.lists_page, "lists/", "lists"),
            view(self.rooms, "rooms/", "rooms"),
            view(self.logistics_xlsx, "lists/<slug:slug>.xlsx", "logistics_xlsx"),
            view(self.logistics_page, "lists/<slug:slug>/", "logistics_page"),
            view(self.next_edition, "next-edition/", "next_edition"),
            view(self.photo_upload, "photos/upload/", "photo_upload"),
            *super().get_urls(),
        ]

    def photo_upload(self, request, pk):
        """Many photos at once: the page sends each file on its own request and shows its progress (without
        JavaScript the form sends them all together)."""
        event = self.scoped_object_or_404(request, Event.objects.all(), pk=pk)
        if not (self.has_change_permission(request, event) and request.user.has_perm("events.add_eventphoto")):
            raise PermissionDenied
        if request.method == "POST":
            added, refused = album.add_photos(event, request.FILES.getlist("images"))
            if request.headers.get("Accept") == "application/json":
                return JsonResponse(
                    {"added": len(added), "refused": refused}, status=400 if refused and not added else 200
                )
            if added:
                self.message_user(
                    request,
                    ngettext("%(count)d photo added to the album.", "%(count)d photos added to the album.", len(added))
                    % {"count": len(added)},
                    messages.SUCCESS,
                )
            for name, reasons in refused.items():
                self.message_user(
                    request,
                    _("%(name)s was not added: %(reasons)s") % {"name": name, "reasons": " ".join(reasons)},
                    messages.ERROR,
                )
            return redirect("admin:events_event_change", event.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": event,
            "event": event,
            "title": _("Upload photos to the album"),
            "photo_count": event.photos.count(),
        }
        return TemplateResponse(request, "admin/events/event/photo_upload.html", context)

    def _list(self, slug):
        if slug not in logistics.LISTS:
            raise Http404
        return logistics.LISTS[slug]

    def logistics_xlsx(self, request, pk, slug):
        event, item = self._event_for_export(request, pk), self._list(slug)
        response = HttpResponse(
            logistics.workbook(event, item, by=request.user),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        return _private_download(response, logistics.file_name(event, item, "xlsx"))

    def logistics_page(self, request, pk, slug):
        event, item = self._event_for_export(request, pk), self._list(slug)
        rows = item.rows(event)
        logistics.record(event, item, by=request.user, rows=rows, kind=_("printout"))
        template = "events/print/table_cards.html" if slug == "table-cards" else "events/print/list.html"
        response = TemplateResponse(request, template, {"event": event, "list": item, "rows": rows})
        response["Cache-Control"] = "private, no-store"
        return response

    def _event_for_export(self, request, pk):
        if not request.user.has_perm("events.view_delegate"):
            raise PermissionDenied
        return self.scoped_object_or_404(request, Event.objects.select_related("series"), pk=pk)

    def delegates_xlsx(self, request, pk):
        event = self._event_for_export(request, pk)
        response = HttpResponse(
            exports.delegates_xlsx(event, by=request.user),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        return _private_download(response, logistics.file_name(event, _DELEGATES, "xlsx"))

    def delegates_csv(self, request, pk):
        event = self._event_for_export(request, pk)
        response = HttpResponse(exports.delegates_csv(event, by=request.user), content_type="text/csv; charset=utf-8")
        return _private_download(response, logistics.file_name(event, _DELEGATES, "csv"))

    def printout(self, request, pk, kind):
        _suffix, template, what = self.PRINTOUTS[kind]
        event = self._event_for_export(request, pk)
        people = exports.delegates_for(event)
        ExportLog.objects.create(user=request.user, what=what % {"event": event.display_title}, row_count=len(people))
        response = TemplateResponse(request, template, {"event": event, "delegates": people})
        response["Cache-Control"] = "private, no-store"
        return response

    def rooms(self, request, pk):
        if not request.user.has_perm("events.change_delegate"):
            raise PermissionDenied
        return rooms_page(
            self, request, self.scoped_object_or_404(request, Event.objects.select_related("series"), pk=pk)
        )

    def lists_page(self, request, pk):
        event = self._event_for_export(request, pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": event,
            "title": _("Lists, badges and exports"),
            "logistics_lists": list(logistics.LISTS.items()),
        }
        return TemplateResponse(request, "admin/events/event/lists.html", context)

    def next_edition(self, request, pk):
        """Copy this meeting as its next edition, moved to the start the staff give."""
        event = self.scoped_object_or_404(request, Event.objects.select_related("series"), pk=pk)
        if not request.user.has_perm("events.add_event"):
            raise PermissionDenied
        proposed = timezone.localtime(event.starts_at)
        form = NextEditionForm(request.POST or None, initial={"starts_at": proposed.replace(year=proposed.year + 1)})
        if request.method == "POST" and form.is_valid():
            try:
                copy = editions.event_next_edition(
                    event=event, starts_at=form.cleaned_data["starts_at"], by=request.user
                )
            except ValidationError as error:
                form.add_error("starts_at", error)
            else:
                self.message_user(
                    request, _("The next edition is a draft: check its dates, then publish it."), messages.SUCCESS
                )
                return redirect("admin:events_event_change", copy.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": event,
            "form": form,
            "title": _("Next edition of %(event)s") % {"event": event},
        }
        return TemplateResponse(
            request, "admin/events/event/next_edition.html", context, status=400 if form.errors else 200
        )

    def get_queryset(self, request):
        delegations = Delegation.objects.all()
        return (
            super()
            .get_queryset(request)
            .annotate(
                confirmed_delegates=counts.per_row(
                    delegations.filter(state=State.CONFIRMED), "event", "delegate_count"
                ),
                waitlisted_count=counts.per_row(delegations.filter(state=State.WAITLISTED), "event"),
                pending_count=counts.per_row(delegations.filter(state=State.PENDING), "event"),
            )
        )

    @admin.display(description=_("confirmed delegates"), ordering="confirmed_delegates")
    def confirmed(self, event):
        url = reverse("admin:events_delegation_changelist") + f"?event__id__exact={event.pk}&state__exact=confirmed"
        return format_html('<a href="{}">{}</a>', url, event.confirmed_delegates or 0)

    @admin.display(description=_("waiting list"), ordering="waitlisted_count")
    def waitlisted(self, event):
        return event.waitlisted_count

    @admin.display(description=_("awaiting decision"), ordering="pending_count")
    def pending(self, event):
        return event.pending_count


def _private_download(response, filename):
    response["Content-Disposition"] = content_disposition_header(True, filename)  # UTF-8 names (RFC 6266)
    response["Cache-Control"] = "private, no-store"
    return response
