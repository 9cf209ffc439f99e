from association.models import Association, Page
from core.i18n.translation import columns


def site(request):
    """The association's profile and footer links, for the header and footer of every page."""
    return {
        "association": Association.load(),
        "footer_pages": Page.objects.filter(show_in_footer=True).only("slug", *columns("title")),
    }
