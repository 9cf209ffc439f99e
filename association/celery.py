"""The Celery application: workers deliver the e-mail outbox and run the periodic jobs that celery beat schedules
(settings.CELERY_BEAT_SCHEDULE). Start them with `celery -A association worker` and `celery -A association beat`
(see the Procfile)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "association.settings")

app = Celery("association")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
