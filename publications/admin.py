from django.contrib import admin
from django.db.models import Count
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.i18n.translation import TranslationsBesideChineseAdmin, columns
from publications.models import Issue, IssueEntry, Periodical


@admin.register(Periodical)
class PeriodicalAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["name", "slug", "frequency", "issue_count", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(issue_count=Count("issues"))

    @admin.display(description=_("issues"), ordering="issue_count")
    def issue_count(self, periodical):
        return periodical.issue_count


class IssueEntryInline(TranslationsBesideChineseAdmin, admin.TabularInline):
    model = IssueEntry
    extra = 3
    fields = ["order", "section", "title", "author", "page", "article"]
    raw_id_fields = ["article"]


@admin.register(Issue)
class IssueAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["__str__", "cover_thumbnail", "published_on", "status", "visibility", "size", "announced_at"]
    list_filter = ["periodical", "status", "visibility", "year"]
    list_select_related = ["periodical"]
    search_fields = [*columns("title"), "summary", "entries__title"]
    date_hierarchy = "published_on"
    readonly_fields = ["announced_at"]
    fields = [
        "periodical",
        ("year", "number", "total_number"),
        "title",
        "summary",
        "published_on",
        "cover",
        ("file", "visibility"),
        "status",
        "announced_at",
    ]
    inlines = [IssueEntryInline]

    @admin.display(description=_("cover"))
    def cover_thumbnail(self, issue):
        picture = issue.picture
        if not picture:
            return "—"
        return format_html('<img src="{}" alt="" width="60" class="admin-thumbnail">', picture["thumbnail"])

    @admin.display(description=_("file size"), ordering="file_size")
    def size(self, issue):
        return filesizeformat(issue.file_size) if issue.file else "—"
