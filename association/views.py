import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from association.forms import DocumentFilterForm
from association.home import home_context, key_figures
from association.models import Association, Branch, Document, Page
from core.access import can_read_members_only
from core.i18n.translation import columns
from core.media.downloads import gated_download
from core.pagination import paginate
from governance import selectors as governance_selectors
from members.models import MemberCity


def home(request):
    return render(request, "association/home.html", home_context(request))


def about(request):
    context = {
        "page": Page.objects.filter(slug="about").first(),
        "positions": governance_selectors.leadership(),
        "figures": key_figures(),
        "counts_by_level": MemberCity.objects.counts_by_level(),
    }
    return render(request, "association/about.html", context)


def leadership(request):
    """Read from the association's bodies and their terms: a new term changes this page without editing it."""
    context = {
        "positions": governance_selectors.leadership(),
        "past_leaders": governance_selectors.former_leaders(),
        "bodies": governance_selectors.bodies_of(None),
    }
    return render(request, "association/leadership.html", context)


def branch_list(request):
    branches = Branch.objects.active()
    groups = [(label, [b for b in branches if b.kind == kind]) for kind, label in Branch.Kind.choices]
    return render(request, "association/branch_list.html", {"branch_groups": [g for g in groups if g[1]]})


def branch_detail(request, slug):
    """A branch's own home: its news, meetings, documents and member cities, its bodies' current terms and its
    secretariat. What it lists is also on the main site's pages; the queries do not grow with any of it."""
    branch = get_object_or_404(Branch.objects.active(), slug=slug)
    context = {
        "branch": branch,
        "news": branch.articles.published().for_listing()[:6],
        "upcoming_events": branch.events.upcoming().select_related("series", "host_city")[:5],
        "past_events": branch.events.past().select_related("series", "host_city")[:5],
        "documents": Document.objects.visible_to(request.user).filter(branch=branch)[:8],
        "cities": branch.member_cities.members().only("slug", *columns("name")),
        "bodies": governance_selectors.bodies_with_current_terms(branch.pk),
    }
    return render(request, "association/branch_detail.html", context)


def page(request, slug):
    page = get_object_or_404(Page, slug=slug)
    if slug in ("about", "contact"):
        return redirect(page.get_absolute_url(), permanent=True)
    return render(request, "association/page.html", {"page": page})


def document_list(request):
    form = DocumentFilterForm(request.GET or None)
    documents = Document.objects.visible_to(request.user)
    if form.is_bound and not form.is_valid():
        page_obj, status = Paginator(documents.none(), 20).page(1), 400
    else:
        page_obj, status = paginate(request, form.filter(documents) if form.is_bound else documents), 200
    context = {
        "form": form,
        "page_obj": page_obj,
        "documents": page_obj.object_list,
        "years": Document.objects.visible_to(request.user).dates("issued_on", "year", order="DESC"),
        "members_only_hidden": not can_read_members_only(request.user),
    }
    return render(request, "association/document_list.html", context, status=status)


def document_download(request, pk):
    document = get_object_or_404(Document, pk=pk)
    return gated_download(
        request,
        document,
        filename=document.title,
        members_only_message=_("There is no such document."),
        missing_message=_("The file of this document is missing."),
    )


def contact(request):
    return render(request, "association/contact.html", {"page": Page.objects.filter(slug="contact").first()})


@require_safe
@cache_control(max_age=86400, public=True)
def root_icon(request, name):
    """/favicon.ico and /apple-touch-icon.png, where browsers and phones look without being told (the pages link
    the same files under STATIC_URL)."""
    from django.contrib.staticfiles import finders
    from django.contrib.staticfiles.storage import staticfiles_storage

    content_types = {"favicon.ico": "image/x-icon", "apple-touch-icon.png": "image/png"}
    path = finders.find(f"img/{name}")  # the source file; collected copies where the source is not shipped
    with open(path, "rb") if path else staticfiles_storage.open(f"img/{name}") as icon:
        return HttpResponse(icon.read(), content_type=content_types[name])


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    prefixes = [""] + [f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    private = ["/admin/", "/accounts/", "/portal/", "/guests/"]
    lines = [
        "User-agent: *",
        *(f"Disallow: {prefix}{path}" for prefix in prefixes for path in private),
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('django.contrib.sitemaps.views.sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(max_age=86400, public=True)
def security_txt(request):
    """/.well-known/security.txt (RFC 9116): whom to tell of a security problem (SECURITY.md says more)."""
    profile = Association.load()
    contact = settings.SECURITY_CONTACT or getattr(profile, "email", "") or settings.DEFAULT_FROM_EMAIL
    if "@" in contact and not contact.startswith(("mailto:", "https:")):
        contact = f"mailto:{contact}"
    expires = datetime.datetime.now(datetime.UTC).replace(microsecond=0) + datetime.timedelta(days=180)
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires:%Y-%m-%dT%H:%M:%SZ}",
        "Preferred-Languages: zh, en",
        f"Canonical: {request.build_absolute_uri(reverse('security_txt'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
