"""Drafting the annual work report: the outline from the data, a draft article that goes through the usual review,
and the record from which its Word file is written."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from insight.models import WorkReport
from insight.report import Report, annual_report
from news import services as news_services

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from news.models import Category


def report_body(report: Report) -> str:
    return render_to_string("insight/report_body.html", {"report": report})


@transaction.atomic
def work_report_draft(*, year: int, category: Category, by: User) -> WorkReport:
    """The year's report drafted in Chinese, the association's language, as a new draft article."""
    if not by.has_perm("insight.add_workreport"):
        raise PermissionDenied(_("You may not draft work reports."))
    with translation.override(settings.LANGUAGE_CODE):
        report = annual_report(year)
        article = news_services.article_draft(
            title=report.title, summary=report.summary, body=report_body(report), category=category, by=by
        )
    return WorkReport.objects.create(year=year, article=article, generated_by=by, outline=asdict(report))
