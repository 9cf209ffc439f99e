"""The apps' declarations (core/registry.py, each app's contributions.py) are what the shared features read."""

import io

import pytest
from celery.schedules import crontab
from django.utils.module_loading import import_string

from config.celery import DeclaredJobsScheduler
from config.celery import app as celery_app
from core import jobs, registry
from core.models import OutgoingEmail


def test_every_declared_e_mail_kind_is_a_choice_of_the_outbox_without_a_migration():
    choices = dict(OutgoingEmail._meta.get_field("kind").choices)
    assert set(choices) == set(registry.email_kinds())
    assert {"delegation", "reminder", "invitation", "password_reset", "digest", "other"} <= set(choices)


def test_a_kind_whose_body_holds_a_personal_link_is_never_shown_to_staff():
    secret = {code for code, kind in registry.email_kinds().items() if kind.secret}
    assert secret == {"invitation", "password_reset", "guest", "subscription", "digest", "announcement", "vote"}
    assert OutgoingEmail(kind="password_reset").is_secret and not OutgoingEmail(kind="delegation").is_secret
    assert OutgoingEmail(kind="a kind no app declares").is_secret  # unknown: the safe side


def test_every_periodic_job_runs_a_real_task_on_its_declared_schedule():
    schedule = registry.beat_schedule()
    names = [job.name for job in registry.periodic_jobs()]
    assert len(names) == len(set(names)) == len(schedule)
    for job in registry.periodic_jobs():
        task = import_string(job.task)
        assert task.name == job.task and jobs.job_name(task) == job.name
        assert schedule[job.name]["schedule"] == job.schedule
    assert schedule["event-reminders"]["schedule"] == crontab(minute="*/15")
    assert schedule["outbox-sweep"]["options"] == {"expires": 30.0}


def test_celery_beat_takes_its_schedule_from_the_declarations(tmp_path):
    scheduler = DeclaredJobsScheduler(app=celery_app, schedule_filename=str(tmp_path / "beat"), lazy=False)
    try:
        assert set(registry.beat_schedule()) <= set(scheduler.schedule)
        assert scheduler.schedule["view-counts"].task == "news.tasks.flush_view_counts"
    finally:
        scheduler.close()


def test_jobs_declared_in_process_run_after_requests_without_a_broker():
    declared = {job.task for job in registry.periodic_jobs() if job.in_process}
    assert declared == {"core.tasks.sweep_outbox", "core.tasks.sweep_sms", "news.tasks.flush_view_counts"}
    assert {task.name for task in jobs._in_process_periodic} == declared


@pytest.mark.django_db
def test_the_navigation_is_the_declared_entries_in_order(client):
    page = client.get("/").content.decode()
    main = page[page.index('id="main-nav-list"') : page.index("</ul>", page.index('id="main-nav-list"'))]
    hrefs = [part.split('"')[0] for part in main.split('href="')[1:]]
    assert hrefs == ["/", "/about/", "/news/", "/events/", "/members/", "/publications/", "/documents/", "/contact/"]


def test_models_never_shown_publicly_do_not_touch_the_page_cache():
    from django.apps import apps

    assert not registry.page_cache_models(apps.get_model("events", "Delegation"))
    assert not registry.page_cache_models(apps.get_model("news", "HistoricalArticle"))
    assert not registry.page_cache_models(apps.get_model("subscriptions", "Subscriber"))
    assert registry.page_cache_models(apps.get_model("news", "Article"))
    assert registry.page_cache_models(apps.get_model("taggit", "Tag"))  # news shows tags


@pytest.mark.django_db
def test_every_content_type_keeps_the_publication_protocol():
    """published() and is_live agree on every row of the demo content, drafts and former members included."""
    from django.core.management import call_command

    from core.registry import content_types

    call_command("load_demo_data", stdout=io.StringIO())
    assert {content_type.model for content_type in content_types()} == {
        "association.Page",
        "association.Document",
        "members.MemberCity",
        "events.Event",
        "news.Article",
        "publications.Issue",
        "governance.Resolution",
        "surveys.NominationCall",
    }
    for content_type in content_types():
        model = content_type.model_class()
        published = set(model.objects.published().values_list("pk", flat=True))
        live = {obj.pk for obj in model.objects.all() if obj.is_live}
        assert published == live, content_type.model
        assert published, content_type.model
