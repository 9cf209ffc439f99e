from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.backoffice.admin_actions import service_action
from core.i18n.translation import TranslationsBesideChineseAdmin, columns
from governance import integrity, selectors, services
from governance.models import Body, CouncilMeeting, Mandate, Motion, Position, Resolution, RollEntry, Term


@admin.register(Position)
class PositionAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = [*columns("name"), "order", "leading"]
    list_editable = ["order", "leading"]


class TermInline(admin.TabularInline):
    model = Term
    extra = 0
    show_change_link = True


@admin.register(Body)
class BodyAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["name", "kind", "branch", "order"]
    list_filter = ["kind", "branch"]
    list_select_related = ["branch"]
    search_fields = columns("name")
    inlines = [TermInline]


class MandateInline(TranslationsBesideChineseAdmin, admin.StackedInline):
    model = Mandate
    extra = 0
    fields = [
        ("position", "order"),
        "name",
        "affiliation",
        ("city", "user", "email"),
        ("since", "until"),
        "photo",
        "biography",
    ]
    autocomplete_fields = ["city"]
    raw_id_fields = ["user"]


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["__str__", "body", "number", "starts_on", "ends_on"]
    list_filter = ["body"]
    list_select_related = ["body"]
    search_fields = columns("name", through="body")
    inlines = [MandateInline]


@admin.register(Mandate)
class MandateAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["name", "position", "term", "city", "since", "until"]
    list_filter = ["term__body", "position"]
    list_select_related = ["position", "term", "term__body", "city"]
    search_fields = [*columns("name"), "affiliation"]
    autocomplete_fields = ["city"]
    raw_id_fields = ["user"]


class ResolutionInline(admin.StackedInline):
    model = Resolution
    extra = 0
    fields = ["title", "text", "outcome", "decided_on", "is_public"]


@admin.register(CouncilMeeting)
class CouncilMeetingAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["title", "body", "term", "held_on", "place"]
    list_filter = ["body"]
    list_select_related = ["body", "term", "term__body"]
    filter_horizontal = ["papers"]
    date_hierarchy = "held_on"
    inlines = [ResolutionInline]


@admin.register(Resolution)
class ResolutionAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["title", "body", "outcome", "decided_on", "is_public"]
    list_filter = ["body", "outcome", "is_public"]
    list_select_related = ["body"]
    search_fields = columns("title")
    readonly_fields = ["motion"]

    def get_readonly_fields(self, request, obj=None):
        """A resolution that came from a vote keeps the vote's outcome and date: they are derived, never typed."""
        if obj is not None and obj.motion_id:
            return ["motion", "outcome", "decided_on"]
        return self.readonly_fields


class RollEntryInline(admin.TabularInline):
    model = RollEntry
    fields = ["mandate", "voted"]
    readonly_fields = ["mandate", "voted"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Motion)
class MotionAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["title", "body", "state_shown", "opens_at", "closes_at", "turnout"]
    list_filter = ["body", "state", "secrecy"]
    list_select_related = ["body"]
    search_fields = columns("title")
    fields = [
        "body",
        "meeting",
        "title",
        "text",
        ("secrecy", "quorum", "majority"),
        ("opens_at", "closes_at"),
        "state_shown",
        "turnout",
        "result",
        "chain",
    ]
    readonly_fields = ["state_shown", "turnout", "result", "chain"]
    inlines = [RollEntryInline]
    actions = ["open_vote", "publish_result_publicly", "publish_result_to_members"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.state != Motion.State.DRAFT:
            # Once put to the vote, its terms are fixed: what was voted on and how it is counted.
            fixed = ["body", *columns("title", "text"), "secrecy", "quorum", "majority", "opens_at", "closes_at"]
            return [*self.readonly_fields, *fixed]
        return self.readonly_fields

    @admin.display(description=_("state"))
    def state_shown(self, motion):
        if motion.is_open:
            return _("Voting")
        if motion.is_closed:
            return _("Closed")
        if motion.state == Motion.State.OPEN:
            return _("Not yet open")
        return motion.get_state_display()

    @admin.display(description=_("turnout"))
    def turnout(self, motion):
        if motion.state == Motion.State.DRAFT:
            return "—"
        return f"{motion.ballot_count} / {motion.roll_size}"

    @admin.display(description=_("result"))
    def result(self, motion):
        if not motion.is_closed:
            return _("Sealed until voting closes.")
        result = selectors.motion_result(motion)
        return _("%(outcome)s: %(yes)s in favour, %(no)s against, %(abstain)s abstaining, of %(roll)s members") % {
            "outcome": result.outcome_label,
            "yes": result.yes,
            "no": result.no,
            "abstain": result.abstain,
            "roll": result.roll,
        }

    @admin.display(description=_("integrity of the ballots"))
    def chain(self, motion):
        if motion.state == Motion.State.DRAFT:
            return "—"
        problems = integrity.ballots_verify(motion)
        return "; ".join(problems) if problems else _("Whole: every ballot follows the one before.")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.state == Motion.State.DRAFT:
            self.message_user(
                request, _("Open the vote with the action “Put to the vote” when it is ready."), messages.INFO
            )

    open_vote = service_action(
        lambda motion, by: services.motion_open(motion=motion, by=by),
        description=_("Put to the vote (takes the roll and sends the voting links)"),
        done=lambda n: ngettext("%d vote opened.", "%d votes opened.", n) % n,
    )
    publish_result_publicly = service_action(
        lambda motion, by: services.motion_publish_result(motion=motion, by=by, public=True),
        description=_("Publish the result as a resolution on the public site"),
        done=lambda n: ngettext("%d result published.", "%d results published.", n) % n,
    )
    publish_result_to_members = service_action(
        lambda motion, by: services.motion_publish_result(motion=motion, by=by, public=False),
        description=_("Record the result as a resolution for the members only"),
        done=lambda n: ngettext("%d result recorded.", "%d results recorded.", n) % n,
    )
