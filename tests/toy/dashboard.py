"""The toy's count on the admin index."""

from core.backoffice.dashboard import Tile
from tests.toy.models import Policy


def tiles(request):
    if request.user.has_perm("toy.view_policy"):
        yield Tile("已发布的政策文件", Policy.objects.published().count())
