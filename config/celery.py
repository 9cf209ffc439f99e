"""The Celery application: workers deliver the e-mail outbox and run the periodic jobs that celery beat schedules
(each app declares its jobs in its contributions.py). Start them with `celery -A config worker` and
`celery -A config beat` (see the Procfile)."""

import os

from celery import Celery
from celery.beat import PersistentScheduler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


class DeclaredJobsScheduler(PersistentScheduler):
    """celery beat's schedule, made of the periodic jobs the apps declare (Django is set up by then)."""

    def setup_schedule(self):
        from core import registry

        self.app.conf.beat_schedule = registry.beat_schedule()
        super().setup_schedule()
