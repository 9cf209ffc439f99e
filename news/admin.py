from django.contrib import admin
from django.db.models import Count
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core import dashboard
from core.admin_actions import service_action, service_action_with_reason
from core.translation import (
    TranslationsBesideChineseAdmin,
    columns,
    translation_fieldsets,
)
from news import services
from news.models import Article, ArticleImage, Attachment, Category, Topic, TopicEntry


def _thumbnail(obj):
    picture = obj.picture
    if not picture:
        return "—"
    return format_html('<img src="{}" alt="" width="80" class="admin-thumbnail">', picture["thumbnail"])


@admin.register(Category)
class CategoryAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["name", "parent", "slug", "order", "show_on_home", "article_count"]
    list_editable = ["order", "show_on_home"]
    list_select_related = ["parent"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, category):
        return category.article_count


class ArticleImageInline(admin.TabularInline):
    model = ArticleImage
    extra = 1
    fields = ["thumbnail", "image", "alt_text", "caption", "order"]
    readonly_fields = ["thumbnail"]

    @admin.display(description=_("preview"))
    def thumbnail(self, image):
        return _thumbnail(image)


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["title", "file", "size", "order"]
    readonly_fields = ["size"]

    @admin.display(description=_("file size"))
    def size(self, attachment):
        return filesizeformat(attachment.file_size) if attachment.pk else "—"


@admin.register(Article)
class ArticleAdmin(TranslationsBesideChineseAdmin, SimpleHistoryAdmin):
    list_display = ["title", "category", "status", "publish_at", "pinned", "view_count", "cover_thumbnail"]
    list_filter = ["status", "category", "pinned", "publish_at"]
    list_select_related = ["category"]
    search_fields = ["subtitle", "summary", "body", *columns("title")]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["status", "review_comment", "view_count", "cover_thumbnail", "created_by", "created_at", "updated_at"]
    inlines = [ArticleImageInline, AttachmentInline]
    filter_horizontal = ["related_cities"]
    actions = ["submit_for_review", "publish", "archive", "send_back"]
    fieldsets = [
        (None, {"fields": ["title", "subtitle", "slug", "category", "tags", "summary", "body"]}),
        *translation_fieldsets("title", "summary", "body", description=_(
            "Optional. Without it, readers in this language see the Chinese with a note.")),
        (_("Cover"), {"fields": ["cover", "cover_alt", "cover_thumbnail"]}),
        (_("Credits"), {"fields": ["source", "author", "editor"]}),
        (_("Related"), {"fields": ["related_cities", "related_event"]}),
        (_("Publication"), {"fields": ["status", "review_comment", "publish_at", "pinned", "view_count"]}),
        (_("Record"), {"classes": ["collapse"], "fields": ["created_by", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("cover"))
    def cover_thumbnail(self, article):
        return _thumbnail(article)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "category":
            field.queryset = field.queryset.select_related("parent")
            field.label_from_instance = lambda c: f"{c.parent.name} › {c.name}" if c.parent_id else c.name
        return field

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("author", request.user.get_full_name() or request.user.get_username())
        return initial

    def has_change_permission(self, request, obj=None):
        """Editors work on drafts and articles in review; published ones are the reviewers' to change."""
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and obj.status in (Article.Status.PUBLISHED, Article.Status.ARCHIVED):
            return request.user.has_perm("news.publish_article")
        return allowed

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not request.user.has_perm("news.publish_article"):
            for name in ("publish", "archive", "send_back"):
                actions.pop(name, None)
        return actions

    submit_for_review = service_action(
        services.article_submit, description=_("Submit for review"),
        done=lambda n: ngettext("%d article submitted for review.", "%d articles submitted for review.", n) % n)
    publish = service_action(
        services.article_publish, description=_("Publish"),
        done=lambda n: ngettext("%d article published.", "%d articles published.", n) % n)
    archive = service_action(
        services.article_archive, description=_("Archive"),
        done=lambda n: ngettext("%d article archived.", "%d articles archived.", n) % n)
    send_back = service_action_with_reason(
        services.article_send_back,
        description=_("Send back to the editor with a comment"), field="comment",
        describe=lambda article: f"{article.title} ({article.get_status_display()})",
        done=lambda n: ngettext("%d article sent back.", "%d articles sent back.", n) % n,
        page={"title": _("Send back to the editor"),
              "intro": _("These articles go back to their editor as drafts, with your comment:"),
              "label": _("What should be changed"), "submit": _("Send back"), "missing": _("Say what should be changed.")})


class TopicEntryInline(admin.TabularInline):
    model = TopicEntry
    extra = 1
    raw_id_fields = ["article"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "is_published", "order"]
    list_editable = ["is_published", "order"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [TopicEntryInline]


@dashboard.register
def news_tiles(request):
    if request.user.has_perm("news.view_article"):
        url = reverse("admin:news_article_changelist")
        waiting = Article.objects.filter(status=Article.Status.REVIEW).count()
        yield dashboard.Tile(_("Articles awaiting review"), waiting, f"{url}?status__exact=review", attention=True)
        yield dashboard.Tile(
            _("Drafts"), Article.objects.filter(status=Article.Status.DRAFT).count(), f"{url}?status__exact=draft"
        )
