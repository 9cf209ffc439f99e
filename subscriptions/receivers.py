"""What subscriptions do when other apps' things happen."""

from core import jobs


def issue_saved(sender, instance, raw=False, **kwargs):
    """A published issue is announced once its transaction commits (issues dated later: by the periodic task)."""
    if not raw and instance.is_live and instance.announced_at is None:
        from subscriptions import tasks

        jobs.run_after_commit(tasks.announce_issue, instance.pk)


def addresses_refused(sender, recipients, **kwargs):
    """The mail server refused these addresses for good: no more mail to them."""
    from subscriptions import services

    services.mark_bounced(recipients)
