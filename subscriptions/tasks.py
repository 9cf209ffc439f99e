from celery import shared_task

from subscriptions import services


@shared_task(ignore_result=True)
def send_digests():
    return services.send_digests()


@shared_task(ignore_result=True)
def forget_unconfirmed():
    return services.forget_unconfirmed()


@shared_task(ignore_result=True)
def forget_unsubscribed():
    return services.forget_unsubscribed()


@shared_task(ignore_result=True)
def announce_issue(issue_id):
    from publications.models import Issue

    issue = Issue.objects.filter(pk=issue_id).first()
    return services.announce_issue(issue) if issue else 0


@shared_task(ignore_result=True)
def announce_new_issues():
    """Issues that became due by their date since the last run (a saved issue is announced at once)."""
    from publications.models import Issue

    return sum(services.announce_issue(issue) for issue in Issue.objects.published().filter(announced_at__isnull=True))
