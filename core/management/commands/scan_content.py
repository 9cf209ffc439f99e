"""python manage.py scan_content: every published text holding a blocked term, linking outside the trusted domains,
or changed without a recorded edit (core/integrity.py). Also a daily job on celery beat."""

from typing import Any

from django.core.management.base import BaseCommand

from core import tasks


class Command(BaseCommand):
    help = "List published texts with spam words or sites, links abroad, or changes made outside the portal."

    def handle(self, *args: Any, **options: Any) -> None:
        findings = tasks.content_scan()
        for finding in findings:
            self.stdout.write(str(finding))
        self.stdout.write(
            self.style.SUCCESS("No findings.") if not findings else self.style.WARNING(f"{len(findings)} finding(s).")
        )
