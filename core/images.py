"""Images with renditions made once, when the image changes."""

from django.db import models
from django.utils.functional import cached_property

from core.renditions import make_renditions, rendition_urls


class RenditionsMixin(models.Model):
    """An image field with WebP/JPEG renditions made when the image changes."""

    IMAGE_FIELD = "image"

    renditions = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        image = getattr(self, self.IMAGE_FIELD)
        changed = image and not image._committed
        super().save(*args, **kwargs)
        if changed or (image and not self.renditions):
            self.renditions = make_renditions(image)
            type(self).objects.filter(pk=self.pk).update(renditions=self.renditions)
        elif not image and self.renditions:
            self.renditions = {}
            type(self).objects.filter(pk=self.pk).update(renditions={})

    @cached_property
    def picture(self):
        image = getattr(self, self.IMAGE_FIELD)
        return rendition_urls(self.renditions, image.storage) if image else None
