"""Template helpers shared by every page: language links, BCP 47 tags, pagination URLs."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template import Context
from django.urls import translate_url
from django.utils.html import _json_script_escapes  # type: ignore[attr-defined]  # private, not in django-stubs
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core import money
from core.i18n.translation import lacks_translation, localized, other_script, reading_language, translations_with_lang
from core.media.qr import qr_svg

register = template.Library()

LANGUAGE_TAGS = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "en": "en"}
SWITCH_LABELS = {"zh-hans": "简", "zh-hant": "繁", "en": "EN"}


@register.simple_tag
def html_lang() -> str:
    """The language of the page as a BCP 47 tag for <html lang>."""
    return LANGUAGE_TAGS.get(get_language(), get_language())


@register.simple_tag(takes_context=True)
def language_links(context: Context) -> list[dict[str, Any]]:
    """The current page in each language: code, BCP 47 tag, switch label, name, URL, current or not."""
    request = context["request"]
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        if request.GET:
            url = f"{url}?{request.GET.urlencode()}"  # re-encoded: the raw query may hold unescaped UTF-8
        links.append(
            {
                "code": code,
                "tag": LANGUAGE_TAGS.get(code, code),
                "label": SWITCH_LABELS.get(code, code.upper()),
                "name": name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def page_url(context: Context, number: int) -> str:
    """The current URL with `page` set to number, keeping the other query parameters."""
    query = context["request"].GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"


@register.simple_tag(takes_context=True)
def query_with(context: Context, key: str, value: Any) -> str:
    """The current URL back on page one with `key` set to value, or removed when value is empty."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    query.pop(key, None)
    if value:
        query[key] = value
    return f"?{query.urlencode()}" if query else context["request"].path


@register.inclusion_tag("includes/breadcrumb.html")
def breadcrumb(*parts: Any) -> dict[str, Any]:
    """{% breadcrumb label url label url label %}: ancestors as label/url pairs, then the current page."""
    *ancestors, current = parts
    crumbs = [(ancestors[i], ancestors[i + 1]) for i in range(0, len(ancestors), 2)]
    return {"crumbs": [*crumbs, (current, None)]}


@register.simple_tag
def json_ld(data: Any) -> SafeString:
    """A <script type="application/ld+json"> block, escaped like Django's json_script."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.filter
def in_section(path: str, section_url: str) -> bool:
    """True when `path` is the section's page or below it (a prefix test, not a substring one)."""
    return bool(section_url) and path.startswith(section_url)


@register.filter
def get_item(mapping: Mapping[Any, Any], key: Any) -> Any:
    return mapping.get(key)


@register.filter
def qr_code(text: str) -> SafeString:
    """An inline SVG QR code of `text`."""
    return mark_safe(qr_svg(text))


@register.filter(name="lacks_translation")
def lacks_translation_filter(obj: object, field: str) -> bool:
    """True on a page in a content language (English) when obj's field has no translation in it, so the Chinese
    is shown instead."""
    return lacks_translation(obj, field)


@register.simple_tag
def fallback_lang(obj: object, field: str) -> str:
    """` lang="zh-Hans"` for an element showing the Chinese in place of a missing translation."""
    return mark_safe(' lang="zh-Hans"') if lacks_translation(obj, field) else ""


@register.inclusion_tag("includes/other_name.html")
def other_name(obj: object) -> dict[str, str]:
    """Under a heading, the name in the other script: the translation on Chinese pages, Chinese on the others."""
    found = other_script(obj, "name")
    return {"name": found[0], "lang": found[1]} if found else {}


@register.simple_tag
def other_script_name(obj: object) -> dict[str, str] | None:
    """{% other_script_name obj as other %}: {"name", "lang"} of obj's name in the other script, or None."""
    found = other_script(obj, "name")
    return {"name": found[0], "lang": found[1]} if found else None


@register.simple_tag
def name_translations(obj: object) -> list[tuple[str, str]]:
    """{% name_translations obj as names %}: (name, lang) in every content language that has one."""
    return translations_with_lang(obj, "name")


@register.simple_tag
def content_language() -> str | None:
    """{% content_language as language %}: the content language of this page, or None on Chinese pages."""
    return reading_language()


@register.inclusion_tag("includes/localized_text.html")
def localized_text(obj: object, field: str) -> dict[str, Any]:
    """A plain-text field as paragraphs in the reader's language; the Chinese, with the note, where the translation
    is missing."""
    return {"text": localized(obj, field), "chinese_only": lacks_translation(obj, field)}


@register.simple_tag(takes_context=True)
def page_address(context: Context) -> str:
    """This page's absolute address, without its query string (printed under the page with its QR code)."""
    request = context.get("request")
    return request.build_absolute_uri(request.path) if request is not None else ""


@register.filter
def machine_time(value: Any) -> str:
    """A moment for <time datetime>, in the portal's time zone, to the second: HTML takes at most three digits
    of a second's fractions, and Django's "c" format writes six."""
    if not value:
        return ""
    from django.utils import timezone

    if hasattr(value, "hour"):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


@register.filter
def population(ten_thousands: Any) -> str:
    """A population kept, as Chinese statistics give it, in 万 (10,000 people): "894万" on Chinese pages,
    "8.94 million" or "560,000" on English ones."""
    if ten_thousands in (None, ""):
        return ""
    from django.utils.translation import gettext

    people = int(ten_thousands) * 10_000
    if reading_language() is None:
        return gettext("%(number)s ten thousand") % {"number": f"{int(ten_thousands):,}".replace(",", "")}
    if people >= 1_000_000:
        millions = f"{people / 1_000_000:.2f}".rstrip("0").rstrip(".")
        return gettext("%(number)s million") % {"number": millions}
    return f"{people:,}"


@register.filter
def figure_number(value: Any) -> str:
    """A count or an amount for Chinese readers in 万 and 亿 from ten thousand up ("12.35万", "1.2亿"), with
    separators in other languages; amounts (Decimal) keep their fen below ten thousand."""
    from decimal import Decimal

    from django.utils.formats import number_format

    if value in (None, ""):
        return ""
    number = Decimal(value)
    if reading_language() is None:
        for size, unit in ((Decimal(100_000_000), "亿"), (Decimal(10_000), "万")):
            if abs(number) >= size:
                return f"{(number / size).quantize(Decimal('0.01')).normalize():f}{unit}"
    places = 2 if isinstance(value, Decimal) and number != number.to_integral_value() else 0
    return number_format(number, decimal_pos=places, use_l10n=True, force_grouping=True)


def _national_digits(number: str | None) -> str:
    """A Chinese number's digits without the country code and separators: 0771-5551234 -> 07715551234."""
    import re

    digits = re.sub(r"[^\d+]", "", number or "")
    if digits.startswith("+86"):
        digits = "0" + digits[3:] if not digits[3:].startswith("1") else digits[3:]
    return digits


@register.filter
def phone_shown(number: str | None) -> str | None:
    """A phone number as readers dial it: as written on Chinese pages; on other pages in the international form,
    the area code's leading 0 dropped (0771-5551234 -> +86 771 5551234). Numbers abroad (+…) stay as written."""
    if (
        not number
        or reading_language() is None
        or (number.strip().startswith("+") and not number.strip().startswith("+86"))
    ):
        return number
    digits = _national_digits(number)
    if digits.startswith("1") and len(digits) == 11:  # a mobile
        return f"+86 {digits[:3]} {digits[3:7]} {digits[7:]}"
    if digits.startswith("0"):
        area_length = 2 if digits[1] in "12" else 3  # 010 and 02x; others 0xxx
        return f"+86 {digits[1 : 1 + area_length]} {digits[1 + area_length :]}"
    return number


@register.filter
def phone_link(number: str) -> str:
    """The tel: target, always international: +867715551234."""
    digits = _national_digits(number)
    if not digits or ((number or "").strip().startswith("+") and not number.strip().startswith("+86")):
        return (number or "").replace(" ", "").replace("-", "")
    return "+86" + (digits[1:] if digits.startswith("0") else digits)


@register.filter
def yuan(amount: Any) -> str:
    """¥20,000.00; empty for no amount."""
    return "" if amount is None or amount == "" else money.in_figures(amount)


@register.filter
def yuan_in_capitals(amount: Any) -> str:
    """人民币贰万元整"""
    return "" if amount is None or amount == "" else money.in_capitals(amount)
