from django.db import models
from django.urls import reverse
from django.utils import timezone


class PolicyQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__lte=timezone.now())


class Policy(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = PolicyQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at"]

    def __str__(self):
        return self.title

    @property
    def is_live(self):
        return self.published_at is not None and self.published_at <= timezone.now()

    def get_absolute_url(self):
        return reverse("toy:detail", args=[self.pk])
