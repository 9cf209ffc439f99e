from functools import partial

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core.backoffice import counts
from core.backoffice.admin_actions import service_action, service_action_with_reason
from core.backoffice.form_pages import form_page
from core.backoffice.scoped import ScopedAdminMixin
from core.i18n.translation import (
    TranslationsBesideChineseAdmin,
    columns,
    translation_fieldsets,
)
from core.locks import Busy
from news import admin_wechat, sanitize, services, wechat_api
from news.forms import WechatImportForm
from news.models import Article, ArticleImage, Attachment, Category, Topic, TopicEntry
from news.wechat_import import wechat_import


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
        return super().get_queryset(request).annotate(article_count=counts.per_row(Article.objects.all(), "category"))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, category):
        return category.article_count


class ArticleImageInline(admin.TabularInline):
    model = ArticleImage
    extra = 1
    fields = ["thumbnail", "image", "alt_text", "caption", "order", "placement"]
    readonly_fields = ["thumbnail", "placement"]
    verbose_name_plural = _("photos (uploaded here: shown after the body; uploaded in the editor: placed in it)")

    @admin.display(description=_("where"))
    def placement(self, image):
        return _("in the body") if image.in_body else _("after the body")

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


class ArticleAdminForm(forms.ModelForm):
    """Says what the sanitiser took out of the body on save (news/sanitize.py), instead of taking it silently."""

    def _post_clean(self):
        super()._post_clean()
        self.body_removals = []
        for field in columns("body"):
            raw = self.data.get(self.add_prefix(field), "")
            self.body_removals += sanitize.removals(raw, getattr(self.instance, field) or "")


class BodyImageForm(forms.ModelForm):
    """An image uploaded from the editor's image dialog: the photo's own validation (type, size, pixels), and its
    description for screen readers is required."""

    class Meta:
        model = ArticleImage
        fields = ["image", "alt_text", "caption"]


@admin.register(Article)
class ArticleAdmin(ScopedAdminMixin, TranslationsBesideChineseAdmin, SimpleHistoryAdmin):
    form = ArticleAdminForm
    change_list_template = "admin/news/article/change_list.html"
    list_display = ["title", "category", "status_shown", "publish_at", "pinned", "view_count", "cover_thumbnail"]
    list_filter = ["status", "category", "branch", "pinned", "publish_at"]
    list_select_related = ["category"]
    # Not the body: a LIKE over every article's text costs in proportion to the archive. The site's search finds
    # words in the body of published articles.
    search_fields = ["subtitle", "summary", *columns("title")]
    search_help_text = _("Searches titles, subtitles and summaries. Words in the body: the site's search.")
    show_full_result_count = False
    list_per_page = 50  # each row draws a cover and a state: a hundred rows took most of the page's time
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = [
        "status",
        "review_comment",
        "view_count",
        "cover_thumbnail",
        "created_by",
        "created_at",
        "updated_at",
    ]
    inlines = [ArticleImageInline, AttachmentInline]
    autocomplete_fields = ["related_cities", "related_event"]
    actions = ["submit_for_review", "publish", "archive", "send_back"]
    fieldsets = [
        (None, {"fields": ["title", "subtitle", "slug", "category", "tags", "summary", "body"]}),
        *translation_fieldsets(
            "title",
            "subtitle",
            "summary",
            "body",
            "source",
            "author",
            description=_("Optional. Without it, readers in this language see the Chinese with a note."),
        ),
        (_("Cover"), {"fields": ["cover", "cover_alt", "cover_thumbnail"]}),
        (_("Credits"), {"fields": ["source", "author", "editor"]}),
        (_("Related"), {"fields": ["branch", "related_cities", "related_event"]}),
        (_("Publication"), {"fields": ["status", "review_comment", "publish_at", "pinned", "view_count"]}),
        (_("Record"), {"classes": ["collapse"], "fields": ["created_by", "created_at", "updated_at"]}),
    ]

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if changelist.query:  # the years of every match would scan them all once more
            changelist.date_hierarchy = None
        return changelist

    @admin.display(description=_("cover"))
    def cover_thumbnail(self, article):
        return _thumbnail(article)

    @admin.display(description=_("status"), ordering="status")
    def status_shown(self, article):
        """Published with a publish time still to come reads as scheduled, with that time."""
        if article.status == Article.Status.PUBLISHED and article.publish_at > timezone.now():
            return _("Scheduled for %(time)s") % {"time": f"{timezone.localtime(article.publish_at):%Y-%m-%d %H:%M}"}
        return article.get_status_display()

    # The workflow's buttons on the article's own page, each calling its service (the same as the bulk actions).
    WORKFLOW_LABELS = {
        "submit": _("Submit for review"),
        "publish": _("Publish"),
        "send_back": _("Send back to the editor with a comment"),
        "archive": _("Archive"),
    }

    @staticmethod
    def _take_step(step, *, article, by, comment):
        if step == "submit":
            return services.article_submit(article=article, by=by)
        if step == "publish":
            return services.article_publish(article=article, by=by)
        if step == "send_back":
            return services.article_send_back(article=article, by=by, comment=comment)
        return services.article_archive(article=article, by=by)

    def _workflow_buttons(self, request, article):
        return [
            (name, label)
            for name, label in self.WORKFLOW_LABELS.items()
            if services.article_may(article=article, step=name, by=request.user)
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        extra = {"workflow_buttons": self._workflow_buttons(request, article) if article else [], "now": timezone.now()}
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), **extra})

    def get_urls(self):
        return [
            path(
                "<int:pk>/workflow/<str:step>/",
                self.admin_site.admin_view(self.workflow_view),
                name="news_article_workflow",
            ),
            path("body-image/", self.admin_site.admin_view(self.body_image_view), name="news_body_image"),
            path("import-wechat/", self.admin_site.admin_view(self.wechat_import_view), name="news_article_wechat"),
            path(
                "import-wechat/published/",
                self.admin_site.admin_view(partial(admin_wechat.published_view, self)),
                name="news_article_wechat_published",
            ),
            *super().get_urls(),
        ]

    def wechat_import_view(self, request):
        if not request.user.has_perm("news.add_article"):
            raise PermissionDenied

        def act(data):
            imported = wechat_import(
                category=data["category"], by=request.user, html=data.get("html", ""), url=data["url"]
            )
            if imported.created:
                return _(
                    "Imported as a draft: %(title)s, with %(photos)s photos. Check it and submit it for review."
                ) % {
                    "title": imported.article,
                    "photos": imported.article.images.count(),
                }
            return _("This article was imported before: %(title)s (%(state)s).") % {
                "title": imported.article,
                "state": imported.article.get_status_display(),
            }

        return form_page(
            self,
            request,
            form_class=WechatImportForm,
            title=_("Import from the official account"),
            intro=_(
                "The article becomes a draft with its title, account, author, time, text and photos (downloaded and "
                "kept here); WeChat's follow prompts, QR codes and share bars are left out."
            ),
            links=[(reverse("admin:news_article_wechat_published"), _("Or choose one the account has published"))]
            if wechat_api.is_configured()
            else [],
            act=act,
            done_url=reverse("admin:news_article_changelist"),
        )

    def body_image_view(self, request):
        """The editor's image dialog opens this in a small window (its "Browse…" button): upload a photo, or take
        one uploaded before, and it goes back into the dialog with its caption and description."""
        if not (request.user.has_perm("news.add_articleimage") and request.user.has_perm("news.change_article")):
            raise PermissionDenied
        # "callback" from the portal's window (js/body-image-window.js); the editor's own name if that did not load
        callback = request.GET.get("callback", request.GET.get("CKEditorFuncNum", ""))
        if not callback.lstrip("-").isdigit():
            return HttpResponseBadRequest(_("Open this page from the editor's image dialog."))
        form = BodyImageForm(request.POST or None, request.FILES or None)
        chosen = None
        if request.method == "POST" and form.is_valid():
            chosen = services.body_image_upload(by=request.user, **form.cleaned_data)
        recent = (
            ArticleImage.objects.filter(uploaded_by=request.user).exclude(renditions={}).order_by("-uploaded_at")[:12]
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Insert an image"),
            "form": form,
            "callback": callback,
            "chosen": chosen,
            "recent": recent,
            "is_popup": True,
        }
        return TemplateResponse(
            request, "admin/news/article/body_image.html", context, status=400 if form.errors else 200
        )

    def workflow_view(self, request, pk, step):
        """One step of the workflow from the article's page, through the same service as the bulk actions."""
        article = self.scoped_object_or_404(request, Article.objects.all(), pk=pk)
        if step not in self.WORKFLOW_LABELS or request.method != "POST":
            raise Http404
        label = self.WORKFLOW_LABELS[step]
        comment = request.POST.get("comment", "").strip()
        if step == "send_back" and not comment:
            context = {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": article,
                "title": label,
                "step": step,
            }
            return TemplateResponse(request, "admin/news/article/send_back.html", context)
        try:
            self._take_step(step, article=article, by=request.user, comment=comment)
        except (ValidationError, PermissionDenied, Busy) as error:
            message = (
                getattr(error, "message", None)
                if isinstance(error, Busy)
                else (error.messages[0] if isinstance(error, ValidationError) else _("You may not do this."))
            )
            self.message_user(request, message, messages.WARNING)
        else:
            self.message_user(request, _("%(step)s: done.") % {"step": label}, messages.SUCCESS)
        return redirect("admin:news_article_change", article.pk)

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
        if allowed and obj is not None:
            return services.article_may_edit(article=obj, by=request.user)
        return allowed

    class Media:
        js = ["js/prose-editor-chinese.js", "js/body-image-window.js"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        removals = getattr(form, "body_removals", [])
        if removals:
            self.message_user(
                request,
                _("Taken out of the body on saving: %(what)s.") % {"what": "; ".join(removals)},
                messages.WARNING,
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.body_images_place(article=form.instance)

    def get_actions(self, request):
        actions = super().get_actions(request)
        open_steps = services.steps_open_to(by=request.user)
        for step, action in self.WORKFLOW_ACTIONS.items():
            if step not in open_steps:
                actions.pop(action, None)
        return actions

    WORKFLOW_ACTIONS = {
        "submit": "submit_for_review",
        "publish": "publish",
        "archive": "archive",
        "send_back": "send_back",
    }

    submit_for_review = service_action(
        lambda article, by: services.article_submit(article=article, by=by),
        description=_("Submit for review"),
        done=lambda n: ngettext("%d article submitted for review.", "%d articles submitted for review.", n) % n,
    )
    publish = service_action(
        lambda article, by: services.article_publish(article=article, by=by),
        description=_("Publish"),
        done=lambda n: ngettext("%d article published.", "%d articles published.", n) % n,
    )
    archive = service_action(
        lambda article, by: services.article_archive(article=article, by=by),
        description=_("Archive"),
        done=lambda n: ngettext("%d article archived.", "%d articles archived.", n) % n,
    )
    send_back = service_action_with_reason(
        lambda article, by, comment: services.article_send_back(article=article, by=by, comment=comment),
        description=_("Send back to the editor with a comment"),
        field="comment",
        describe=lambda article: f"{article.title} ({article.get_status_display()})",
        done=lambda n: ngettext("%d article sent back.", "%d articles sent back.", n) % n,
        page={
            "title": _("Send back to the editor"),
            "intro": _("These articles go back to their editor as drafts, with your comment:"),
            "label": _("What should be changed"),
            "submit": _("Send back"),
            "missing": _("Say what should be changed."),
        },
    )


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
