"""A branch's staff see and change only their branch's content, on every path of the back office; the
predicates (django-rules) and the one query (`for_user`) agree on every row."""

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.forms.models import model_to_dict
from django.urls import NoReverseMatch, reverse

from association.models import BranchStaff
from core import scopes
from core.models import OutgoingEmail
from events.contributions import EVENT_MANAGERS
from news import services
from news.contributions import NEWS_EDITORS, NEWS_REVIEWERS
from news.models import Article
from tests.factories import (
    AgendaItemFactory,
    ArticleFactory,
    ArticleImageFactory,
    AttachmentFactory,
    BranchFactory,
    DelegateFactory,
    DelegationFactory,
    DocumentFactory,
    EventFactory,
    EventPhotoFactory,
    StaffUserFactory,
    SuperUserFactory,
)

pytestmark = pytest.mark.django_db


def branch_staff(branch, role, **fields):
    user = StaffUserFactory(**fields)
    BranchStaff.objects.create(user=user, branch=branch, role=role)
    return user


@pytest.fixture
def world():
    """Two branches and the main site, each with an article (with a photo and an attachment), a draft, a meeting
    (with its programme, a photo and a delegation with a delegate) and a document; staff of the first branch."""
    women, other = BranchFactory(slug="women"), BranchFactory(slug="other")
    rows = {}
    for key, branch in (("women", women), ("other", other), ("main", None)):
        article = ArticleFactory(branch=branch, title=f"{key} 新闻")
        event = EventFactory(branch=branch, title=f"{key} 会议")
        delegation = DelegationFactory(event=event)
        rows[key] = {
            "article": article,
            "draft": ArticleFactory(branch=branch, draft=True),
            "articleimage": ArticleImageFactory(article=article),
            "attachment": AttachmentFactory(article=article),
            "event": event,
            "agendaitem": AgendaItemFactory(event=event),
            "eventphoto": EventPhotoFactory(event=event),
            "delegation": delegation,
            "delegate": DelegateFactory(delegation=delegation),
            "document": DocumentFactory(branch=branch),
        }
    return {
        "rows": rows,
        "women": women,
        "editor": branch_staff(women, NEWS_EDITORS, email="editor@women.example.cn"),
        "reviewer": branch_staff(women, NEWS_REVIEWERS, email="reviewer@women.example.cn"),
        "events": branch_staff(women, EVENT_MANAGERS),
    }


def snapshot(objects):
    return {(type(obj), obj.pk): model_to_dict(type(obj).objects.get(pk=obj.pk)) for obj in objects}


def test_the_predicate_and_the_query_agree_on_every_row(world):
    main_editor = StaffUserFactory(groups=[NEWS_EDITORS])
    users = [world["editor"], world["reviewer"], world["events"], main_editor, SuperUserFactory()]
    for model in scopes.scoped_paths():
        meta = model._meta
        view = f"{meta.app_label}.view_{meta.model_name}"
        for user in users:
            user = type(user).objects.get(pk=user.pk)  # fresh: no cached permissions
            allowed = {obj.pk for obj in model.objects.all() if user.has_perm(view, obj)}
            listed = set(scopes.for_user(model.objects.all(), user).values_list("pk", flat=True))
            if user.has_perm(view):
                assert allowed == listed, (model, user)
            else:
                assert allowed == set(), (model, user)
    women = world["rows"]["women"]
    assert set(scopes.for_user(Article.objects.all(), world["editor"])) == {women["article"], women["draft"]}


def admin_urls(model, obj=None):
    info = model._meta.app_label, model._meta.model_name
    if obj is None:
        yield reverse("admin:%s_%s_changelist" % info)
        try:
            yield reverse("admin:%s_%s_add" % info)
        except NoReverseMatch:
            pass
        return
    for view in ("change", "delete", "history"):
        yield reverse(f"admin:%s_%s_{view}" % info, args=[obj.pk])


SCOPED_CUSTOM_VIEWS = {
    # The admin's own pages of one object, each probed with another branch's and a main-site object.
    "article": ["admin:news_article_workflow"],
    "event": [
        "admin:events_event_delegates_xlsx",
        "admin:events_event_delegates_csv",
        "admin:events_event_badges",
        "admin:events_event_signin_sheet",
        "admin:events_event_lists",
        "admin:events_event_next_edition",
        "admin:events_event_photo_upload",
        "events:checkin",
    ],
    "delegation": ["admin:events_delegation_on_behalf_change"],
}


@pytest.mark.parametrize("who", ["editor", "reviewer", "events"])
def test_a_branch_member_probing_everything_else_gets_403_or_404_and_changes_nothing(client, world, who):
    user = world[who]
    client.force_login(user)
    foreign = [row for key in ("other", "main") for row in world["rows"][key].values()]
    before = snapshot(foreign)
    probes = []

    # Every model of the back office: lists and add pages of the models a branch does not share are refused.
    scoped = set(scopes.scoped_paths())
    for model in admin.site._registry:
        if model in scoped or model in scopes.shared_models():
            continue
        for url in admin_urls(model):
            probes.append(("GET", url, None))
            probes.append(("POST", url, {}))
    # Every row of the other branch and of the main site, through every page of its admin.
    for obj in foreign:
        if type(obj) in admin.site._registry:
            for url in admin_urls(type(obj), obj):
                probes.append(("GET", url, None))
                probes.append(("POST", url, {"post": "yes"}))
        key = type(obj)._meta.model_name
        for name in SCOPED_CUSTOM_VIEWS.get(key, []):
            args = [obj.pk, "publish"] if name.endswith("workflow") else [obj.pk]
            probes.append(("GET", reverse(name, args=args), None))
            probes.append(("POST", reverse(name, args=args), {"token": "x", "comment": "x"}))
        # Bulk actions over a foreign row, e.g. publishing or deleting it from the list.
        model_admin = admin.site._registry.get(type(obj))
        if model_admin is not None:
            changelist = reverse(f"admin:{type(obj)._meta.app_label}_{key}_changelist")
            for action in [*model_admin.get_actions(_request(user)), "delete_selected"]:
                probes.append(("POST", changelist, {"action": action, ACTION_CHECKBOX_NAME: [obj.pk], "post": "yes"}))
        if isinstance(obj, Article):  # the preview of a draft on the public site
            probes.append(("GET", obj.get_absolute_url(), None))

    assert len(probes) > 250
    public = {article.get_absolute_url() for article in Article.objects.published()}
    answered = []
    for method, url, data in probes:
        response = client.get(url) if method == "GET" else client.post(url, data)
        if response.status_code in (403, 404) or (method == "GET" and url in public):
            continue  # a published article's public page is anyone's; a draft's preview is not
        answered.append((method, url, response.status_code))
    assert answered == [], answered
    assert snapshot(foreign) == before


def _request(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def test_a_branch_editor_works_on_their_branch_and_files_under_it(client, world):
    client.force_login(world["editor"])
    own = world["rows"]["women"]["draft"]

    listing = client.get(reverse("admin:news_article_changelist")).content.decode()
    assert "women 新闻" in listing and "other 新闻" not in listing and "main 新闻" not in listing
    page = client.get(reverse("admin:news_article_change", args=[own.pk]))
    assert page.status_code == 200
    branch_field = page.context["adminform"].form.fields["branch"]
    assert list(branch_field.queryset) == [world["women"]] and branch_field.required
    assert client.get(reverse("admin:news_article_history", args=[own.pk])).status_code == 200
    assert client.get(reverse("admin:events_event_changelist")).status_code == 403  # not an event manager
    assert client.get(reverse("admin:association_page_changelist")).status_code == 403  # the main site's pages


def test_a_branch_event_manager_sees_only_the_branch_meetings_and_delegations(client, world):
    client.force_login(world["events"])

    events = client.get(reverse("admin:events_event_changelist")).content.decode()
    delegations = client.get(reverse("admin:events_delegation_changelist"))
    assert "women 会议" in events and "other 会议" not in events and "main 会议" not in events
    assert list(delegations.context["cl"].queryset) == [world["rows"]["women"]["delegation"]]
    own = world["rows"]["women"]["event"]
    assert client.get(reverse("admin:events_event_delegates_csv", args=[own.pk])).status_code == 200
    on_behalf = client.get(reverse("admin:events_delegation_on_behalf"))
    assert list(on_behalf.context["choose"].fields["event"].queryset) == [own]


def test_a_branch_draft_goes_to_the_branch_reviewer(world):
    main_reviewer = StaffUserFactory(groups=[NEWS_REVIEWERS], email="main-reviewer@example.cn")
    draft = world["rows"]["women"]["draft"]

    services.article_submit(article=draft, by=world["editor"])
    main_draft = world["rows"]["main"]["draft"]
    services.article_submit(article=main_draft, by=StaffUserFactory(groups=[NEWS_EDITORS]))

    mails = list(OutgoingEmail.objects.filter(kind="review").order_by("pk"))
    assert [mail.to for mail in mails] == [["reviewer@women.example.cn"], [main_reviewer.email]]
    assert draft.title in mails[0].subject
    assert reverse("admin:news_article_change", args=[draft.pk]) in mails[0].body


def test_the_branch_reviewer_publishes_their_branch_and_nothing_else(world):
    reviewer = world["reviewer"]
    own, other = world["rows"]["women"]["draft"], world["rows"]["other"]["draft"]

    services.article_publish(article=own, by=reviewer)
    with pytest.raises(PermissionDenied):
        services.article_publish(article=other, by=reviewer)

    assert Article.objects.get(pk=own.pk).status == "published"
    assert Article.objects.get(pk=other.pk).status == "draft"


def test_section_roles_give_no_permission_outside_the_scoped_and_shared_models(world):
    granted = scopes.role_permissions(world["editor"]) | scopes.role_permissions(world["events"])
    models = {perm.split(".")[1].split("_", 1)[1] for perm in granted}
    assert "page" not in models and "topic" not in models and "meetingnotice" not in models
    assert {"article", "articleimage", "event", "delegation", "document"} <= models
    # The codenames given all exist.
    for perm in granted:
        app_label, codename = perm.split(".")
        assert Permission.objects.filter(content_type__app_label=app_label, codename=codename).exists(), perm
