"""Each rule is stated once and every path asks it: capacity, the guests' registration window, members-only files,
who may edit an article. Each test changes the one rule and sees every path follow."""

import datetime

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone

from association.models import Document
from core.access import Visibility
from events import services as event_services
from events.models import Delegation, RegistrationWindow
from news import services as news_services
from news.models import Article
from publications.models import Issue
from tests.events.fixtures import delegates
from tests.factories import ArticleFactory, DocumentFactory, GuestInvitationFactory, IssueFactory, StaffUserFactory

State = Delegation.State
pytestmark = pytest.mark.django_db


def test_confirmation_and_the_waiting_list_both_ask_the_one_capacity_rule(make_event, make_officer, monkeypatch):
    event = make_event(capacity=4)
    first = event_services.delegation_register(
        event=event, officer=make_officer("a"), delegates=delegates(4), consent=True
    )
    waiting = event_services.delegation_register(
        event=event, officer=make_officer("b"), delegates=delegates(1), consent=True
    )
    assert (first.state, waiting.state) == (State.CONFIRMED, State.WAITLISTED)
    asked = []
    monkeypatch.setattr(
        event_services,
        "within_capacity",
        lambda event, *, confirmed, adding: asked.append((confirmed, adding)) or False,
    )
    event_services.delegation_withdraw(delegation=first, by=first.submitted_by, reason="")
    waiting.refresh_from_db()
    assert waiting.state == State.WAITLISTED and asked == [(0, 1)]  # the rule said no, so nobody was promoted
    third = event_services.delegation_register(
        event=event, officer=make_officer("c"), delegates=delegates(1), consent=True
    )
    assert third.state == State.WAITLISTED


def test_the_guest_page_and_the_guest_service_ask_the_one_guest_window(client, make_event, monkeypatch):
    invitation = GuestInvitationFactory(event=make_event())
    monkeypatch.setattr(RegistrationWindow, "open_to_guest", staticmethod(lambda event, invitation, now: False))
    page = client.get(f"/en/guests/{invitation.token}/")
    assert page.status_code == 200 and 'name="delegates-TOTAL_FORMS"' not in page.content.decode()
    with pytest.raises(ValidationError):
        event_services.delegation_register_guest(invitation=invitation, delegates=delegates(1), consent=True)
    assert not Delegation.objects.exists()


def test_the_guest_window_is_the_links_life_for_a_published_meeting_not_over(make_event):
    now = timezone.now()
    event = make_event(registration_opens_at=None, registration_closes_at=None)  # the officers' window plays no part
    invitation = GuestInvitationFactory(event=event, expires_at=now + datetime.timedelta(days=1))
    assert RegistrationWindow.open_to_guest(event, invitation, now)
    assert not RegistrationWindow.open_to_guest(event, invitation, now + datetime.timedelta(days=2))
    event.ends_at = now - datetime.timedelta(minutes=1)
    assert not RegistrationWindow.open_to_guest(event, invitation, now)


def test_documents_and_issues_share_one_visibility_and_one_download_rule(client, liaison_officer):
    assert Document.Visibility is Issue.Visibility is Visibility
    document = DocumentFactory(visibility=Visibility.MEMBERS)
    issue = IssueFactory(visibility=Visibility.MEMBERS, status=Issue.Status.PUBLISHED)
    for url in (document.get_download_url(), issue.get_download_url()):
        assert client.get(url)["Location"].startswith("/accounts/login/")
    client.force_login(liaison_officer)
    for obj in (document, issue):
        response = client.get(obj.get_download_url())
        assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
        assert obj.may_be_downloaded_by(liaison_officer) and obj.public_file() is None


@pytest.mark.parametrize("status", list(Article.Status))
def test_the_admin_and_the_services_read_one_table_of_who_may_edit_an_article(status, news_editor):
    reviewer = StaffUserFactory(groups=["news reviewers"])
    article = ArticleFactory(status=status)
    article_admin = admin.site._registry[Article]
    for user in (news_editor, reviewer):
        request = RequestFactory().get("/admin/news/article/")
        request.user = user
        assert article_admin.has_change_permission(request, article) == news_services.article_may_edit(
            article=article, by=user
        )
    assert not news_services.article_may_edit(article=ArticleFactory(status=Article.Status.PUBLISHED), by=news_editor)


def test_bulk_actions_offered_are_the_steps_the_table_opens(news_editor):
    reviewer = StaffUserFactory(groups=["news reviewers"])
    article_admin = admin.site._registry[Article]
    offered = {}
    for name, user in (("editor", news_editor), ("reviewer", reviewer)):
        request = RequestFactory().get("/admin/news/article/")
        request.user = user
        offered[name] = set(article_admin.get_actions(request)) & set(article_admin.WORKFLOW_ACTIONS.values())
    assert offered == {"editor": {"submit_for_review"}, "reviewer": set(article_admin.WORKFLOW_ACTIONS.values())}
