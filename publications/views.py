from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from core.media.downloads import gated_download
from publications import selectors
from publications.models import Issue, Periodical


def index(request):
    return render(request, "publications/index.html", {"periodicals": selectors.periodicals_with_latest()})


def periodical(request, slug, year=None):
    periodical = get_object_or_404(Periodical, slug=slug)
    years = selectors.years_of(periodical)
    if year is None:
        year = years[0] if years else None
    elif year not in years:
        raise Http404(_("This periodical has no issue in that year."))
    issues = selectors.issues_of(periodical).filter(year=year) if year else Issue.objects.none()
    return render(
        request,
        "publications/periodical.html",
        {"periodical": periodical, "years": years, "year": year, "issues": issues},
    )


def issue(request, slug, year, number):
    issue = get_object_or_404(
        Issue.objects.published().select_related("periodical").prefetch_related(selectors.table_of_contents()),
        periodical__slug=slug,
        year=year,
        number=number,
    )
    neighbours = selectors.issues_of(issue.periodical).only("id", "year", "number", "periodical__slug")
    older = neighbours.filter(year__lte=issue.year).exclude(year=issue.year, number__gte=issue.number).first()
    newer = neighbours.filter(year__gte=issue.year).exclude(year=issue.year, number__lte=issue.number).last()
    entries = [(entry, selectors.linked_article(entry)) for entry in issue.entries.all()]
    return render(
        request,
        "publications/issue.html",
        {
            "issue": issue,
            "periodical": issue.periodical,
            "entries": entries,
            "older": older,
            "newer": newer,
            "may_download": issue.may_be_downloaded_by(request.user),
        },
    )


def issue_pdf(request, pk):
    issue = get_object_or_404(Issue.objects.published().select_related("periodical"), pk=pk)
    if not issue.file:
        raise Http404(_("This issue has no PDF."))
    return gated_download(
        request,
        issue,
        filename=str(issue),
        members_only_message=_("This issue's PDF is for liaison officers and staff only."),
        missing_message=_("The PDF of this issue is missing."),
    )
