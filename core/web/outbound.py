"""Fetching a page or a file from another site on a person's behalf, without letting the address reach inside
(SSRF): only the schemes and hosts the caller allows, every address the host resolves to public, the connection made
to the address that was checked (no second lookup to rebind), no redirect followed except to an allowed host on an
allowed scheme, a timeout, and a limit on size. Each refusal says why in a sentence a person can read."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings
from django.utils.translation import gettext as _

MAX_REDIRECTS = 3


class Refused(Exception):
    """The address or its answer was refused; str() says why."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes


def _allowed_host(host: str, hosts: Iterable[str]) -> bool:
    return any(host == allowed or host.endswith(f".{allowed}") for allowed in hosts)


def _public_address(host: str, port: int) -> str:
    """The first address `host` resolves to, when all of them are public; Refused otherwise."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        raise Refused(_("The address %(host)s could not be found.") % {"host": host}) from None
    addresses = [str(info[4][0]) for info in found]
    if not settings.OUTBOUND_ALLOW_PRIVATE:
        for address in addresses:
            if not ipaddress.ip_address(address.split("%")[0]).is_global:
                raise Refused(_("The address %(host)s leads inside a private network.") % {"host": host})
    return addresses[0]


def _check(url: str, schemes: Iterable[str], hosts: Iterable[str]) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if scheme not in schemes:
        raise Refused(_("Only %(schemes)s addresses can be fetched.") % {"schemes": ", ".join(schemes)})
    if not host or not _allowed_host(host, hosts):
        raise Refused(_("Addresses of %(host)s cannot be fetched here.") % {"host": host or "?"})
    if parts.username or parts.password:
        raise Refused(_("An address with a user name or password cannot be fetched."))
    return scheme, host, parts.port or (443 if scheme == "https" else 80)


def fetch(
    url: str,
    *,
    hosts: Iterable[str],
    schemes: Iterable[str] = ("https",),
    max_bytes: int = 5_000_000,
    timeout: float = 10.0,
    accept: tuple[str, ...] = (),
) -> Fetched:
    """GET `url`, following redirects only within `hosts`; Refused with the reason otherwise. `accept` lists the
    content types wanted (prefixes such as "image/"); empty accepts any."""
    hosts, schemes = tuple(hosts), tuple(schemes)
    for _redirect in range(MAX_REDIRECTS + 1):
        scheme, host, port = _check(url, schemes, hosts)
        address = _public_address(host, port)
        parts = urlsplit(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        limit = urllib3.Timeout(connect=timeout, read=timeout)
        pool: urllib3.HTTPConnectionPool
        if scheme == "https":  # to the address checked, with the host's name for TLS
            pool = urllib3.HTTPSConnectionPool(
                address, port=port, timeout=limit, retries=False, server_hostname=host, assert_hostname=host
            )
        else:
            pool = urllib3.HTTPConnectionPool(address, port=port, timeout=limit, retries=False)
        try:
            response = pool.urlopen(
                "GET",
                path,
                headers={"Host": host if port in (80, 443) else f"{host}:{port}", "User-Agent": "mayors-portal/1.0"},
                redirect=False,
                preload_content=False,
            )
        except urllib3.exceptions.TimeoutError:
            raise Refused(_("%(host)s did not answer in time.") % {"host": host}) from None
        except urllib3.exceptions.HTTPError:
            raise Refused(_("%(host)s could not be reached.") % {"host": host}) from None
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location", "")
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise Refused(
                    _("%(host)s answered with an error (%(status)s).") % {"host": host, "status": response.status}
                )
            content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if accept and not content_type.startswith(accept):
                raise Refused(_("%(host)s did not send what was expected.") % {"host": host})
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise Refused(_("The file is too large (more than %(mb)s MB).") % {"mb": max_bytes // 1_000_000})
            body = bytearray()
            for chunk in response.stream(64 * 1024):
                body += chunk
                if len(body) > max_bytes:
                    raise Refused(_("The file is too large (more than %(mb)s MB).") % {"mb": max_bytes // 1_000_000})
            return Fetched(url, content_type, bytes(body))
        except urllib3.exceptions.TimeoutError:
            raise Refused(_("%(host)s did not answer in time.") % {"host": host}) from None
        finally:
            response.release_conn()
            pool.close()
    raise Refused(_("The address redirects too many times."))
