"""Content integrity: what the defacers of the association's old sites did (gambling spam in titles and text,
links to their sites) is refused on save and looked for in everything published.

- `BlockedTerm` rows (staff edit them in the admin) are words and domains. A save of a checked model whose texts
  hold one is refused with the term named, in Simplified or Traditional characters, however the words are spaced,
  punctuated or padded with invisible characters.
- Each checked model keeps a hash of its texts, written by every save through Django; `scan_content` (also a daily
  job) lists published texts that hold a blocked term, link to a site outside the trusted domains, or no longer
  match their hash, which is what a direct edit of the database, as in those defacements, leaves behind.

The apps register their models with `register()`; this module names none of them.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.i18n.chinese import to_simplified
from core.i18n.translation import columns

# A domain spelt out in plain text, as spam writes it (lower case, a common or a gambling top-level domain), so that
# "… cities.Lectures …" in a sentence is not taken for one.
PLAIN_TEXT_DOMAIN = re.compile(
    r"(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
    r"(?:com|net|org|cn|cc|vip|top|xyz|info|io|me|tv|asia|hk|tw|mo|co|biz|app|club|shop|site|online|live|bet|win|"
    r"casino|poker|games|fun|icu|pw|ws|la|in|us|uk|jp|kr|sg|my|th|vn|ph|id|ru)(?![\w-])"
)
LINK = re.compile(r"""\b(?:href|src)\s*=\s*["']?([^"'\s>]+)""", re.I)


def normalised(text: str) -> str:
    """Text as a reader sees it, for matching: without markup, entities and width variants, in Simplified
    characters, lower case, and without spaces, punctuation or invisible characters between the letters."""
    text = unicodedata.normalize("NFKC", html.unescape(strip_tags(text or ""))).lower()
    return re.sub(r"[\W_]+", "", to_simplified(text))


def hosts_in(text: str) -> set[str]:
    """The host names a text links to or spells out (www.example.com in plain text counts too)."""
    text = unicodedata.normalize("NFKC", html.unescape(text or ""))
    hosts = {
        urlsplit(url.lower()).hostname or ""
        for url in LINK.findall(text)
        if url.lower().startswith(("http:", "https:", "//"))
    }
    hosts.update(PLAIN_TEXT_DOMAIN.findall(strip_tags(text)))
    return {host.strip(".") for host in hosts if host}


def _within(host: str, domain: str) -> bool:
    return host == domain or host.endswith(f".{domain}")


@dataclass(frozen=True)
class Blocklist:
    words: dict[str, str]  # normalised -> as staff typed it
    domains: tuple[str, ...]

    @classmethod
    def load(cls) -> Blocklist:
        from core.models import BlockedTerm

        words, domains = {}, []
        for term in BlockedTerm.objects.all():
            if term.kind == BlockedTerm.Kind.DOMAIN:
                domains.append(term.term.strip().lower().lstrip("*."))
            elif (key := normalised(term.term)) and (key not in words or term.term == to_simplified(term.term)):
                words[key] = term.term  # named in Simplified characters where both scripts are listed
        return cls(words, tuple(domains))

    def found_in(self, text: str) -> list[str]:
        """The blocked words and domains in `text`, as staff wrote them."""
        plain = normalised(text)
        found = [term for key, term in self.words.items() if key in plain]
        hosts = hosts_in(text)
        found += [domain for domain in self.domains if any(_within(host, domain) for host in hosts)]
        return found


def trusted_hosts() -> list[str]:
    own = [host.lstrip(".") for host in settings.ALLOWED_HOSTS if host not in ("*", "")]
    return [*own, *settings.TRUSTED_LINK_DOMAINS]


def foreign_hosts(text: str) -> list[str]:
    trusted = trusted_hosts()
    return sorted(host for host in hosts_in(text) if not any(_within(host, domain) for domain in trusted))


class IntegrityChecked(models.Model):
    """A model whose `integrity_fields` (and their translations) are refused when they hold a blocked term, and
    whose every save records a hash of them."""

    integrity_fields: tuple[str, ...] = ()

    content_hash = models.CharField(gettext_lazy("hash of the texts"), max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True

    def integrity_columns(self) -> list[str]:
        return checked_columns(self.integrity_fields, getattr(self, "translated_fields", ()))

    def texts_hash(self) -> str:
        return texts_hash(getattr(self, name) or "" for name in self.integrity_columns())

    def clean_fields(self, exclude: Collection[str] | None = None) -> None:
        errors: dict[str, Any] = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        blocklist = Blocklist.load()
        for name in self.integrity_columns():
            if (exclude and name in exclude) or name in errors:
                continue
            found = blocklist.found_in(getattr(self, name) or "")
            if found:
                errors[name] = [
                    ValidationError(
                        _("This text contains words or sites on the blocklist of spam: %(terms)s. Remove them to save.")
                        % {"terms": "、".join(found)},
                        code="blocked_term",
                    )
                ]
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.content_hash = self.texts_hash()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) & set(self.integrity_columns()):
            kwargs["update_fields"] = {*update_fields, "content_hash"}
        super().save(*args, **kwargs)


def checked_columns(fields: Iterable[str], translated: Iterable[str]) -> list[str]:
    """The checked fields with the columns of their translations."""
    return [name for field in fields for name in (columns(field) if field in translated else [field])]


def texts_hash(texts: Iterable[str]) -> str:
    """The hash kept beside a row's texts."""
    return hashlib.sha256("\x1f".join(texts).encode()).hexdigest()


def hash_existing_rows(
    app_label: str, model_name: str, fields: tuple[str, ...], translated: tuple[str, ...]
) -> Callable[[Any, Any], None]:
    """A data migration's function: record the hash of the rows saved before hashes were kept."""

    def run(apps: Any, schema_editor: Any) -> None:
        model = apps.get_model(app_label, model_name)
        names = checked_columns(fields, translated)
        for row in model.objects.only("pk", *names).iterator():
            model.objects.filter(pk=row.pk).update(content_hash=texts_hash(getattr(row, n) or "" for n in names))

    return run


# --- the scan of what is published ---


@dataclass(frozen=True)
class Scanned:
    model: type[IntegrityChecked]
    published: Callable[[], QuerySet[Any]]


_scanned: list[Scanned] = []


def register(model: type[IntegrityChecked], published: Callable[[], QuerySet[Any]]) -> None:
    """Scan `published()` rows of `model` (an IntegrityChecked model) in scan_content."""
    if all(entry.model is not model for entry in _scanned):
        _scanned.append(Scanned(model, published))


@dataclass(frozen=True)
class Finding:
    model: str
    pk: int
    title: str
    reason: str

    def __str__(self) -> str:
        return f"{self.model} #{self.pk} 「{self.title}」: {self.reason}"


def scan() -> Iterator[Finding]:
    blocklist = Blocklist.load()
    for entry in _scanned:
        label = str(entry.model._meta.verbose_name)
        for obj in entry.published().iterator(chunk_size=500):
            title = str(obj)[:80]
            texts = [getattr(obj, name) or "" for name in obj.integrity_columns()]
            found = blocklist.found_in("\n".join(texts))
            if found:
                yield Finding(label, obj.pk, title, _("blocked terms: %(terms)s") % {"terms": "、".join(found)})
            abroad = foreign_hosts("\n".join(texts))
            if abroad:
                yield Finding(
                    label,
                    obj.pk,
                    title,
                    _("links to sites outside the trusted domains: %(hosts)s") % {"hosts": ", ".join(abroad)},
                )
            if obj.content_hash != texts_hash(texts):
                yield Finding(
                    label,
                    obj.pk,
                    title,
                    _("changed without a recorded edit (its texts no longer match the hash of its last save)"),
                )
