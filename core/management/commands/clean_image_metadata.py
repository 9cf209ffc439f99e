"""python manage.py clean_image_metadata: store again, without EXIF, XMP or comments, every uploaded image saved
before uploads were cleaned (new uploads are cleaned as they are saved: core.media.uploads.CleanImageField)."""

from typing import Any

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db.models.fields.files import FieldFile
from PIL import Image

from core.media.uploads import CleanImageField, without_metadata


def _has_metadata(field_file: FieldFile) -> bool:
    with field_file.open("rb"), Image.open(field_file) as image:
        return bool(image.getexif()) or any(
            key in image.info for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment")
        )


class Command(BaseCommand):
    help = "Remove camera and location metadata from images uploaded before uploads were cleaned."

    def handle(self, *args: Any, **options: Any) -> None:
        cleaned = 0
        for model in apps.get_models():
            fields = [field for field in model._meta.fields if isinstance(field, CleanImageField)]
            for field in fields:
                for obj in model._default_manager.exclude(**{field.name: ""}).iterator():
                    field_file = getattr(obj, field.name)
                    try:
                        if not _has_metadata(field_file):
                            continue
                        with field_file.open("rb"):
                            content, _format = without_metadata(field_file)
                    except (OSError, ValueError, SyntaxError):
                        self.stderr.write(f"{model._meta.label} #{obj.pk}: {field_file.name} could not be read")
                        continue
                    storage, name = field_file.storage, field_file.name
                    storage.delete(name)
                    stored = storage.save(name, ContentFile(content))
                    if stored != name:
                        model._default_manager.filter(pk=obj.pk).update(**{field.name: stored})
                    cleaned += 1
        self.stdout.write(f"{cleaned} image(s) stored again without their metadata.")
