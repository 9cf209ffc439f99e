"""Jobs started at the same instant, each in its own thread with its own database connection (the concurrency
tests on PostgreSQL)."""

import threading

from django.core.exceptions import ValidationError
from django.db import connections


def run_together(jobs, catch=(ValidationError,)):
    """Start every job at once behind a barrier; the outcomes, with the errors of the kinds in `catch` among them."""
    barrier = threading.Barrier(len(jobs))
    outcomes = []

    def worker(job):
        try:
            barrier.wait()
            outcomes.append(job())
        except catch as error:
            outcomes.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes
