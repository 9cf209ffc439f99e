"""The e-mail outbox (core/mail/outbox.py): written with the change, delivered after commit, retried, never lost."""

import ast
import datetime
import inspect
import itertools
import pathlib
import smtplib
import time

import pytest
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from core import jobs, tasks
from core.mail import outbox
from core.models import OutgoingEmail, PeriodicRun
from events.models import Delegation
from tests.events.conftest import delegates
from tests.events.test_pages import form_data
from tests.factories import OutgoingEmailFactory, StaffUserFactory
from tests.ports import free_port

State = OutgoingEmail.State
ROOT = pathlib.Path(__file__).resolve().parents[2]


class CallerRecordingBackend:
    """Records, for each send, whether it runs from the request_finished handler (after the response)."""

    calls: list = []

    def __init__(self, *args, **kwargs):
        type(self).calls = []

    def send_messages(self, messages):
        type(self).calls.append(any(frame.function == "_run_collected" for frame in inspect.stack()))
        return len(messages)


class FailingBackend:
    """An e-mail backend whose server answers with the given exception."""

    error = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise type(self).error


@pytest.fixture
def smtp_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False


@pytest.fixture
def failing(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    yield FailingBackend
    FailingBackend.error = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def enqueue(n=0, **extra):
    return outbox.enqueue(
        kind="other",
        key=f"test:{n}",
        to=["nanning@example.cn"],
        subject="会议通知",
        body="请于12月1日前报名。",
        language="zh-hans",
        **extra,
    )


@pytest.mark.django_db
class TestWrittenWithTheChange:
    def test_an_e_mail_is_sent_only_once_its_transaction_commits(self, mailoutbox, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            message = enqueue()
            assert mailoutbox == []
        assert [m.subject for m in mailoutbox] == ["会议通知"]
        message.refresh_from_db()
        assert (message.state, message.attempts) == (State.SENT, 1) and message.sent_at is not None

    def test_a_change_that_rolls_back_leaves_no_e_mail(self, mailoutbox, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            with pytest.raises(RuntimeError), transaction.atomic():
                enqueue()
                raise RuntimeError("the change failed")
        assert not OutgoingEmail.objects.exists() and mailoutbox == []

    def test_the_same_key_writes_one_row(self, mailoutbox, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            first, second = enqueue(), enqueue()
        assert first.pk == second.pk and len(mailoutbox) == 1

    def test_the_message_id_comes_from_the_row_and_stays_on_every_attempt(self, failing, settings, mailoutbox):
        message = OutgoingEmailFactory()
        assert outbox.deliver(message.pk) == State.PENDING
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        OutgoingEmail.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
        assert outbox.deliver(message.pk) == State.SENT
        sent = mailoutbox[0]
        assert sent.extra_headers["Message-ID"] == message.message_id == f"<{message.uuid}@localhost>"
        assert sent.extra_headers["Content-Language"] == "zh-hans"
        assert sent.to == message.to

    def test_a_delegation_notice_is_written_in_the_registrations_transaction(self, make_event, make_officer):
        from events import services

        officer = make_officer("nanning")
        delegation = services.delegation_register(
            event=make_event(), officer=officer, delegates=delegates(2), consent=True
        )
        rows = OutgoingEmail.objects.filter(kind="delegation")
        assert [row.to for row in rows] == [["nanning@example.cn"]]
        assert rows[0].state == State.PENDING  # the test's transaction never commits, so nothing was sent
        assert "nanning市" in rows[0].body and "代表0" in rows[0].body
        assert rows[0].key == f"delegation-transition:{delegation.transitions.latest('pk').pk}:zh-hans"


@pytest.mark.django_db
class TestFailures:
    def test_a_failure_leaves_the_row_pending_with_the_error_and_a_later_attempt(self, failing):
        message = OutgoingEmailFactory()
        before = timezone.now()
        assert outbox.deliver(message.pk) == State.PENDING
        message.refresh_from_db()
        assert message.attempts == 1 and "SMTPServerDisconnected" in message.last_error
        assert message.next_attempt_at >= before + datetime.timedelta(seconds=settings.OUTBOX_RETRY_BASE_SECONDS)
        assert outbox.deliver(message.pk) is None, "not due yet: nothing to do"

    def test_the_delay_doubles_up_to_an_hour(self):
        delays = [outbox.retry_delay(n).total_seconds() for n in range(1, 12)]
        assert delays[:4] == [10, 20, 40, 80]
        assert delays[-1] == 3600 and all(a <= b for a, b in itertools.pairwise(delays))

    def test_after_a_day_of_failures_the_row_is_failed(self, failing):
        message = OutgoingEmailFactory(give_up_at=timezone.now() - datetime.timedelta(seconds=1), attempts=27)
        assert outbox.deliver(message.pk) == State.FAILED
        message.refresh_from_db()
        assert message.attempts == 28

    def test_a_permanent_refusal_fails_at_once(self, failing):
        failing.error = smtplib.SMTPRecipientsRefused({"nobody@example.cn": (550, b"No such user")})
        assert outbox.deliver(OutgoingEmailFactory().pk) == State.FAILED

    def test_a_wrong_smtp_password_is_retried_until_someone_mends_it(self, failing):
        failing.error = smtplib.SMTPAuthenticationError(535, b"Authentication credentials invalid")
        assert outbox.deliver(OutgoingEmailFactory().pk) == State.PENDING

    def test_a_sign_in_link_leaves_the_database_once_sent(self, mailoutbox):
        reset = OutgoingEmailFactory(kind="password_reset", body="http://example.cn/accounts/password/reset/MQ/t/")
        outbox.deliver(reset.pk)
        reset.refresh_from_db()
        assert mailoutbox[0].body.endswith("/MQ/t/") and reset.body == ""

    def test_a_subject_longer_than_its_column_is_shortened_not_an_error(self):
        message = outbox.enqueue(kind="other", to=["a@example.cn"], subject="论坛" * 200, body=".")
        assert len(message.subject) == 300 and message.subject.endswith("…")

    def test_send_again_leaves_a_row_sent_meanwhile_alone(self, mailoutbox, django_capture_on_commit_callbacks):
        seen_failed = OutgoingEmailFactory(state=State.FAILED)
        OutgoingEmail.objects.filter(pk=seen_failed.pk).update(state=State.SENT)  # a worker sent it in between
        with django_capture_on_commit_callbacks(execute=True):
            assert outbox.send_again([seen_failed]) == 0
        assert OutgoingEmail.objects.get().state == State.SENT and mailoutbox == []

    def test_a_sent_row_is_never_sent_again(self, mailoutbox):
        message = OutgoingEmailFactory()
        outbox.deliver(message.pk)
        assert outbox.deliver(message.pk) is None
        assert len(mailoutbox) == 1

    def test_the_sweep_takes_rows_due_for_longer_than_a_minute_and_records_its_run(self, mailoutbox):
        now = timezone.now()
        lost = OutgoingEmailFactory(next_attempt_at=now - datetime.timedelta(minutes=2))
        OutgoingEmailFactory(next_attempt_at=now - datetime.timedelta(seconds=5))  # its task is still on its way
        OutgoingEmailFactory(next_attempt_at=now + datetime.timedelta(minutes=5))  # waiting for its next attempt
        with translation.override("en"):
            tasks.sweep_outbox.apply()
        assert [m.extra_headers["Message-ID"] for m in mailoutbox] == [lost.message_id]
        assert PeriodicRun.objects.get(name=jobs.job_name(tasks.sweep_outbox)).summary.startswith("sent 1")

    def test_sent_rows_are_forgotten_after_the_retention_period(self):
        old = OutgoingEmailFactory(state=State.SENT, sent_at=timezone.now() - datetime.timedelta(days=31))
        recent = OutgoingEmailFactory(state=State.SENT, sent_at=timezone.now() - datetime.timedelta(days=1))
        failed = OutgoingEmailFactory(state=State.FAILED)
        OutgoingEmailFactory(state=State.FAILED, give_up_at=timezone.now() - datetime.timedelta(days=31))
        assert outbox.forget_sent() == 2
        assert set(OutgoingEmail.objects.values_list("pk", flat=True)) == {recent.pk, failed.pk}
        assert not OutgoingEmail.objects.filter(pk=old.pk).exists()


@pytest.mark.django_db(transaction=True)
class TestRequestsNeverWaitForSmtp:
    """Requests commit for real here, so the delivery queued on commit runs as it does in production."""

    def test_a_registration_with_the_mail_server_down_answers_302_and_keeps_the_notice(
        self, client, make_event, make_officer, smtp_down
    ):
        event, officer = make_event(), make_officer("nanning")
        client.force_login(officer.user)
        response = client.post(f"/portal/events/{event.pk}/delegation/", form_data(delegates(2)))
        assert response.status_code == 302
        assert Delegation.objects.get().state == Delegation.State.CONFIRMED
        notice = OutgoingEmail.objects.get()
        assert notice.state == State.PENDING and notice.attempts == 1 and "ConnectionRefusedError" in notice.last_error

    def test_a_password_reset_with_the_mail_server_down_answers_302(self, client, make_officer, smtp_down):
        make_officer("nanning")
        response = client.post("/accounts/password/reset/", {"email": "nanning@example.cn"})
        assert response.status_code == 302
        assert OutgoingEmail.objects.get().kind == "password_reset"

    def test_in_embedded_mode_the_mail_goes_out_after_the_response(self, client, make_officer, settings):
        """The WSGI server closes the response once it is sent, which sends request_finished: the delivery runs
        from there, never inside the view."""
        settings.EMAIL_BACKEND = f"{__name__}.CallerRecordingBackend"
        make_officer("nanning")
        client.post("/accounts/password/reset/", {"email": "nanning@example.cn"})
        assert CallerRecordingBackend.calls == [True]
        assert OutgoingEmail.objects.get().state == State.SENT

    def test_in_embedded_mode_a_finished_request_runs_the_sweep_once_an_interval(self, client, settings, mailoutbox):
        from core import jobs

        settings.OUTBOX_SWEEP_IN_PROCESS = True
        lost = OutgoingEmailFactory(next_attempt_at=timezone.now() - datetime.timedelta(minutes=5))
        jobs._next_embedded_sweep = 0.0
        client.get("/healthz")
        assert [m.extra_headers["Message-ID"] for m in mailoutbox] == [lost.message_id]
        OutgoingEmailFactory(next_attempt_at=timezone.now() - datetime.timedelta(minutes=5))
        client.get("/healthz")
        assert len(mailoutbox) == 1, "the next sweep waits for its interval"

    def test_with_the_broker_down_queuing_gives_up_at_once_and_the_sweep_sends_later(
        self, settings, mailoutbox, caplog
    ):
        settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{free_port()}/0"
        from config.celery import app

        app.conf.broker_url = settings.CELERY_BROKER_URL
        try:
            started = time.monotonic()
            message = enqueue()
            elapsed = time.monotonic() - started
            enqueue(n=1)  # the next one does not even try the broker for a while
        finally:
            app.conf.broker_url = None
            jobs._broker_paused_until = 0.0
        assert elapsed < 3, f"queuing with the broker down held the caller {elapsed:.1f} s"
        assert "could not queue core.tasks.deliver_email" in caplog.text
        assert "broker paused" in caplog.text
        assert mailoutbox == []
        OutgoingEmail.objects.update(next_attempt_at=timezone.now() - datetime.timedelta(minutes=2))
        settings.CELERY_BROKER_URL = ""
        tasks.sweep_outbox.apply()
        assert len(mailoutbox) == 2 and message.pk in OutgoingEmail.objects.filter(state=State.SENT).values_list(
            "pk", flat=True
        )


@pytest.mark.django_db
class TestAdmin:
    def test_staff_see_state_attempts_and_error_but_never_a_sign_in_link(self, admin_client):
        OutgoingEmailFactory(
            state=State.PENDING, attempts=3, last_error="SMTPServerDisconnected: closed", subject="代表团报名已确认"
        )
        reset = OutgoingEmailFactory(
            kind="password_reset", body="http://example.cn/accounts/password/reset/MQ/secret-token/"
        )
        html = admin_client.get(reverse("admin:core_outgoingemail_changelist")).content.decode()
        assert "代表团报名已确认" in html and "SMTPServerDisconnected" not in html  # the list stays short
        detail = admin_client.get(reverse("admin:core_outgoingemail_change", args=[reset.pk])).content.decode()
        assert "secret-token" not in detail

    def test_send_again_retries_failed_rows_and_never_resends_sent_ones(
        self, admin_client, mailoutbox, django_capture_on_commit_callbacks
    ):
        failed = OutgoingEmailFactory(state=State.FAILED, attempts=28)
        sent = OutgoingEmailFactory(state=State.SENT)
        with django_capture_on_commit_callbacks(execute=True):
            admin_client.post(
                reverse("admin:core_outgoingemail_changelist"),
                {"action": "send_again", "_selected_action": [failed.pk, sent.pk]},
            )
        failed.refresh_from_db()
        assert failed.state == State.SENT and [m.subject for m in mailoutbox] == [failed.subject]

    def test_failed_mail_is_a_dashboard_tile(self, admin_client):
        OutgoingEmailFactory(state=State.FAILED)
        assert "E-mails that could not be sent" in admin_client.get("/en/admin/").content.decode()

    def test_an_event_manager_may_view_and_resend_but_not_edit(self, client):
        from events.contributions import EVENT_MANAGERS

        manager = StaffUserFactory(groups=[EVENT_MANAGERS])
        assert manager.has_perms(["core.view_outgoingemail", "core.change_outgoingemail"])
        client.force_login(manager)
        message = OutgoingEmailFactory()
        url = reverse("admin:core_outgoingemail_change", args=[message.pk])
        assert client.get(url).status_code == 200
        assert client.post(url, {"subject": "改了", "state": "sent"}).status_code == 403
        assert OutgoingEmail.objects.get().subject == message.subject


def imports_of_django_mail(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("django.core.mail"):
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.startswith("django.core.mail"))


def test_nothing_outside_the_outbox_sends_mail():
    """Views, services and commands write to the outbox; only core/mail/outbox.py (run by the worker) talks to SMTP."""
    offenders = []
    for app in ("core", "association", "members", "events", "news"):
        for path in (ROOT / app).rglob("*.py"):
            if path.relative_to(ROOT).as_posix() == "core/mail/outbox.py":
                continue
            text = path.read_text(encoding="utf-8")
            if list(imports_of_django_mail(path)) or "send_mail(" in text.replace("def send_mail(", ""):
                offenders.append(path.relative_to(ROOT).as_posix())
    assert offenders == []


def test_the_guard_would_see_a_send_mail(tmp_path):
    sneaky = tmp_path / "views.py"
    sneaky.write_text("from django.core.mail import send_mail\n", encoding="utf-8")
    assert list(imports_of_django_mail(sneaky)) == ["django.core.mail"]


@pytest.mark.django_db
def test_without_a_broker_tasks_queued_outside_a_request_run_at_once(mailoutbox):
    assert jobs.embedded()
    message = OutgoingEmailFactory()
    jobs.dispatch(tasks.deliver_email, message.pk)
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_the_cron_command_sends_what_the_sweep_would_and_records_the_run(mailoutbox):
    from django.core.management import call_command

    lost = OutgoingEmailFactory(next_attempt_at=timezone.now() - datetime.timedelta(minutes=5))
    call_command("send_outbox")
    lost.refresh_from_db()
    assert lost.state == State.SENT and len(mailoutbox) == 1
    assert PeriodicRun.objects.filter(name=jobs.job_name(tasks.sweep_outbox)).exists()
    OutgoingEmail.objects.filter(pk=lost.pk).update(sent_at=timezone.now() - datetime.timedelta(days=40))
    call_command("send_outbox", "--forget-sent")
    assert not OutgoingEmail.objects.exists()


@pytest.mark.django_db
def test_mail_comes_from_the_association_by_name(mailoutbox, demo_data, settings):
    settings.DEFAULT_FROM_EMAIL = "portal@gxmayors.example.cn"
    row = OutgoingEmailFactory(to=["lin@example.cn"])
    outbox.deliver(row.pk)
    from email.header import decode_header, make_header

    sent = mailoutbox[-1].message()["From"]
    assert str(make_header(decode_header(sent))) == "广西市长协会 <portal@gxmayors.example.cn>"


def test_plain_text_e_mails_are_not_html_escaped():
    from core.mail import outbox

    _subject, body = outbox.compose(
        "members/email/invitation",
        {"officer": None, "association": None, "username": "o'brien", "link": "https://portal.example/set?a=1&b=2"},
        "zh-hans",
    )

    assert "https://portal.example/set?a=1&b=2" in body and "o'brien" in body
    assert "&amp;" not in body and "&#x27;" not in body
