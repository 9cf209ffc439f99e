from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand

from core.media.images import RenditionsMixin
from core.media.renditions import is_current, make_renditions


class Command(BaseCommand):
    help = (
        "Make the renditions of every image again where they predate the current widths or the share square "
        "(core/media/renditions.py)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        refreshed = 0
        for model in apps.get_models():
            if not issubclass(model, RenditionsMixin):
                continue
            for obj in model._default_manager.exclude(**{model.IMAGE_FIELD: ""}).iterator():
                if not is_current(obj.renditions):
                    renditions = make_renditions(getattr(obj, model.IMAGE_FIELD))
                    model._default_manager.filter(pk=obj.pk).update(renditions=renditions)
                    refreshed += 1
        self.stdout.write(f"{refreshed} image(s) given new renditions.")
