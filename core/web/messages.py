"""Messages as Chinese writes them: Django's admin joins two sentences with a space ("…已保存。 您可以…"),
which Chinese does not put after its full stop."""

import re
from typing import Any

from django.contrib.messages.storage.fallback import FallbackStorage
from django.utils.safestring import SafeData, mark_safe

_SPACE_AFTER_CHINESE_STOP = re.compile(r"(?<=[。！？；：，])\s+")


class ChineseSpacingStorage(FallbackStorage):
    def add(self, level: int, message: Any, extra_tags: str | None = "") -> None:
        if isinstance(message, str):
            joined = _SPACE_AFTER_CHINESE_STOP.sub("", message)
            message = mark_safe(joined) if isinstance(message, SafeData) else joined  # the admin's links stay links
        super().add(level, message, extra_tags)
