from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from association.models import Association, Branch, BranchStaff, Document, Page
from core.backoffice.scoped import ScopedAdminMixin
from core.i18n.translation import TranslationsBesideChineseAdmin, columns, first_translation


@admin.register(Association)
class AssociationAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    fieldsets = [
        (_("Names"), {"fields": ["name", "short_name", "mission", "founded_on", "emblem"]}),
        (_("About"), {"fields": ["introduction", "supervising_bodies"]}),
        (_("Secretariat contact"), {"fields": ["address", "postcode", "phone", "fax", "email", "office_hours"]}),
        (_("WeChat"), {"fields": ["wechat_name", "wechat_qr"]}),
        (_("Footer"), {"fields": ["icp_number", "police_filing_number"]}),
    ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Association.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class BranchStaffInline(admin.TabularInline):
    model = BranchStaff
    extra = 0
    raw_id_fields = ["user"]
    verbose_name_plural = _("staff of the branch (they see and change only its articles, meetings and documents)")


@admin.register(Branch)
class BranchAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["name", "kind", "founded_on", "is_active", "order"]
    list_filter = ["kind", "is_active"]
    list_editable = ["order"]
    search_fields = columns("name")
    prepopulated_fields = {"slug": [first_translation("name")]}
    autocomplete_fields = ["member_cities"]  # two thousand cities: searched, not listed
    inlines = [BranchStaffInline]


@admin.register(Document)
class DocumentAdmin(ScopedAdminMixin, TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["title", "kind", "issued_on", "visibility", "size"]
    list_filter = ["kind", "visibility", "branch", "issued_on"]
    search_fields = [*columns("title"), "description"]
    date_hierarchy = "issued_on"

    @admin.display(description=_("file size"), ordering="file_size")
    def size(self, document):
        from django.template.defaultfilters import filesizeformat

        return filesizeformat(document.file_size)


@admin.register(Page)
class PageAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["title", "slug", "show_in_footer", "updated_at"]
    prepopulated_fields = {"slug": ["title"]}
