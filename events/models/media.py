"""Videos of a meeting: an uploaded MP4 with its poster frame and subtitles, or a player from an allowed platform."""

import os
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from core.i18n.translation import TranslatedMixin, content_languages, html_lang, localized
from core.media.images import RenditionsMixin
from core.media.uploads import CleanImageField, validate_image
from core.media.video import embed_url, validate_mp4, validate_webvtt
from events.models.meetings import Event


def video_upload_to(instance, filename):
    extension = os.path.splitext(filename)[1].lower()
    return f"events/videos/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


def subtitle_language_choices():
    """Simplified Chinese or a content language, each by its own name (WebVTT's srclang is the value)."""
    return [
        ("zh-Hans", "简体中文"),
        *((html_lang(language), get_language_info(language)["name_local"]) for language in content_languages()),
    ]


class EventVideo(TranslatedMixin, RenditionsMixin, models.Model):
    IMAGE_FIELD = "poster"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="videos", verbose_name=_("event"))
    title = models.CharField(_("title"), max_length=200)
    translated_fields = ("title",)
    file = models.FileField(
        _("MP4 file"),
        upload_to=video_upload_to,
        blank=True,
        max_length=200,
        validators=[validate_mp4],
        help_text=_("H.264 video with AAC sound."),
    )
    poster = CleanImageField(
        _("poster frame"),
        upload_to=video_upload_to,
        blank=True,
        validators=[validate_image],
        help_text=_("The picture shown before the video plays."),
    )
    subtitles = models.FileField(
        _("subtitles (WebVTT)"), upload_to=video_upload_to, blank=True, max_length=200, validators=[validate_webvtt]
    )
    subtitles_language = models.CharField(
        _("language of the subtitles"), max_length=10, default="zh-Hans", choices=subtitle_language_choices
    )
    page_url = models.URLField(
        _("or: address of the video on Bilibili, Tencent Video or Youku"), blank=True, max_length=300
    )
    player_url = models.URLField(_("player address"), blank=True, editable=False, max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    def __str__(self):
        return localized(self, "title")

    def clean(self):
        if bool(self.file) == bool(self.page_url):
            raise ValidationError(
                _("Upload an MP4 file or give the address of the video on a platform, one of the two.")
            )
        if self.file and not self.poster:
            raise ValidationError({"poster": _("An uploaded video needs a poster frame.")})
        if self.page_url:
            try:
                self.player_url = embed_url(self.page_url)
            except ValidationError as error:
                raise ValidationError({"page_url": error.messages}) from None

    def save(self, *args, **kwargs):
        self.player_url = embed_url(self.page_url) if self.page_url else ""
        super().save(*args, **kwargs)

    @property
    def subtitles_label(self):
        """The subtitle track's name in the player's menu: 中文, or the language's own name."""
        if self.subtitles_language.startswith("zh"):
            return "中文"
        return dict(subtitle_language_choices()).get(self.subtitles_language, self.subtitles_language)

    @property
    def is_embedded(self):
        return bool(self.player_url)
