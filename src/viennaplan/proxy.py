"""Serving behind a reverse proxy: whom to believe about the client's address and scheme.

A proxy that terminates HTTPS talks to viennaplan over plain HTTP and says what it saw in
`X-Forwarded-For` (the client's address) and `X-Forwarded-Proto` (https). Anybody can send
those headers, so they are believed only from the addresses named in
`VIENNAPLAN_TRUSTED_PROXIES` (settings.TRUSTED_PROXIES: addresses or networks):

- from a trusted proxy, REMOTE_ADDR becomes the client's address: the right-most address of
  X-Forwarded-For that is not itself a trusted proxy (the left-most ones are the client's own
  claims and cannot be trusted); the proxy's address is kept in META["viennaplan.proxy_addr"];
- from anybody else, the forwarded headers are removed before Django reads them, so a client
  cannot pretend to be HTTPS (SECURE_PROXY_SSL_HEADER) or to come from another address (the
  sign-in throttle counts failures per address).

With no trusted proxy configured (the default) nothing changes.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST", "HTTP_FORWARDED")
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(entries: Iterable[str]) -> tuple[Network, ...]:
    """`["10.0.0.5", "192.0.2.0/24"]` as networks; a malformed entry stops the start with its name."""
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"VIENNAPLAN_TRUSTED_PROXIES: {entry!r} is not an address or network (e.g. 10.0.0.5 or 10.0.0.0/24)"
            ) from None
    return tuple(networks)


def is_trusted(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip.version == net.version and ip in net for net in networks)


def client_address(remote_addr: str, forwarded_for: str, networks: tuple[Network, ...]) -> str:
    """The client's address: REMOTE_ADDR, or, when that is a trusted proxy, the right-most
    address of X-Forwarded-For that is not a trusted proxy (a malformed one ends the walk)."""
    if not networks or not is_trusted(remote_addr, networks):
        return remote_addr
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not is_trusted(hop, networks):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return remote_addr
    return hops[0] if hops else remote_addr


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return parse_networks(entries)


class ProxyHeadersMiddleware:
    """First in MIDDLEWARE: believes forwarded headers from trusted proxies only (see above)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
        meta = request.META
        remote = meta.get("REMOTE_ADDR") or ""
        if networks and is_trusted(remote, networks):
            meta["viennaplan.proxy_addr"] = remote
            meta["REMOTE_ADDR"] = client_address(remote, meta.get("HTTP_X_FORWARDED_FOR", ""), networks)
        else:
            for header in FORWARDED_HEADERS:
                meta.pop(header, None)
        return self.get_response(request)
