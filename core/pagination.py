from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _


def paginate(request, items, per_page=20):
    """The requested page; a page value that is not a whole number within range is a 404, never a 500."""
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        raise Http404(_("There is no such page.")) from None
    if number < 1 or number > paginator.num_pages:
        raise Http404(_("There is no such page."))
    return paginator.page(number)
