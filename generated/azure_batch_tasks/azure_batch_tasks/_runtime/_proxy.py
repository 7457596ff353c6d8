"""Proxies from the environment, read the way botocore and azure-core (requests) read them.

``HTTP_PROXY``, ``HTTPS_PROXY`` and ``ALL_PROXY`` name the proxy per URL scheme (lowercase
variables win over uppercase ones; an empty value unsets); ``NO_PROXY`` lists hosts that go
direct: ``*`` for all, host names matching themselves and their subdomains (a leading dot is
ignored, ``host:port`` entries match that port only), and IP addresses or CIDR networks for IP
hosts. A CGI process (``REQUEST_METHOD`` set) ignores uppercase ``HTTP_PROXY``, which a client
could set through a ``Proxy:`` header (CVE-2016-1000110).

The environment is read once, when a transport is created (botocore reads it when a client is
created); an explicit ``proxy=`` on a transport replaces all of this.
"""

from __future__ import annotations

import base64
import ipaddress
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ._http import TransportError

__all__ = ["Proxy", "ProxyConfig", "environment_proxy"]

_CACHE_LIMIT = 256  # hosts remembered; a client talks to a handful


@dataclass(frozen=True, slots=True)
class Proxy:
    """A proxy to send through: its URL without credentials, and the ``Proxy-Authorization``
    value the credentials in the configured URL make (None without credentials)."""

    url: str
    authorization: str | None = None

    @classmethod
    def parse(cls, value: str) -> Proxy:
        text = value.strip()
        if "://" not in text:
            text = "http://" + text  # "proxy:3128", as curl and requests take it
        parts = urlsplit(text)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise ValueError(
                f"unsupported proxy scheme {scheme!r}: use an http:// or https:// proxy"
            )
        if not parts.hostname:
            raise ValueError("the proxy URL has no host")
        auth = None
        if parts.username is not None:
            user = unquote(parts.username)
            password = unquote(parts.password or "")
            token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
            auth = f"Basic {token}"
        netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
        if parts.port is not None:
            netloc += f":{parts.port}"
        return cls(f"{scheme}://{netloc}", auth)

    def __repr__(self) -> str:
        # The authorization carries the proxy password: never print it.
        shown = "<redacted>" if self.authorization else None
        return f"Proxy(url={self.url!r}, authorization={shown!r})"


class ProxyConfig:
    """Which proxy, if any, a URL goes through."""

    def __init__(
        self, proxies: Mapping[str, str] | None = None, no_proxy: str | None = None
    ) -> None:
        # A variable naming no usable proxy (socks5://...) fails the requests it applies to,
        # when they are made: going direct instead could bypass a proxy the network requires.
        self._proxies: dict[str, Proxy | ValueError] = {}
        for scheme, value in (proxies or {}).items():
            if value:
                try:
                    self._proxies[scheme] = Proxy.parse(value)
                except ValueError as err:
                    self._proxies[scheme] = ValueError(f"{scheme}_proxy: {err}")
        entries = (no_proxy or "").replace(" ", "").split(",")
        self._bypass_all = "*" in entries
        self._no_proxy_names: list[str] = []
        self._no_proxy_networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        for entry in entries:
            if not entry or entry == "*":
                continue
            try:
                self._no_proxy_networks.append(ipaddress.ip_network(entry.strip("[]"), False))
            except ValueError:
                self._no_proxy_names.append(entry.lstrip(".").lower())
        self._cache: dict[tuple[str, str, int | None], Proxy | None] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> ProxyConfig:
        env = os.environ if environ is None else environ
        found: dict[str, str] = {}
        # Two passes, as urllib.request.getproxies_environment: any case first, then the
        # lowercase variables again so that they win.
        for name, value in env.items():
            lowered = name.lower()
            if lowered.endswith("_proxy") and value:
                found[lowered[:-6]] = value
        if "REQUEST_METHOD" in env:
            found.pop("http", None)
        for name, value in env.items():
            if name.endswith("_proxy") and name == name.lower():
                if value:
                    found[name[:-6]] = value
                else:
                    found.pop(name[:-6], None)
        no_proxy = found.pop("no", None)
        proxies = {k: v for k, v in found.items() if k in ("http", "https", "all")}
        return cls(proxies, no_proxy)

    @property
    def empty(self) -> bool:
        """True when no URL goes through a proxy (transports then skip the lookup)."""
        return not self._proxies

    def proxy_for(self, url: str) -> Proxy | None:
        """The proxy ``url`` goes through, or None to connect directly.

        :raises ValueError: the variable that applies names no usable proxy.
        """
        if not self._proxies:
            return None
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").lower()
        try:
            port = parts.port
        except ValueError:
            port = None
        key = (scheme, host, port)
        try:
            return self._cache[key]
        except KeyError:
            pass
        proxy = None
        if host and not self._bypass(host, port):
            chosen = self._proxies.get(scheme) or self._proxies.get("all")
            if isinstance(chosen, ValueError):
                raise chosen
            proxy = chosen
        with self._lock:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = proxy
        return proxy

    def _bypass(self, host: str, port: int | None) -> bool:
        if self._bypass_all:
            return True
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            address = None
        if address is not None:
            if any(address in network for network in self._no_proxy_networks):
                return True
        with_port = f"{host}:{port}" if port is not None else host
        for name in self._no_proxy_names:
            if host == name or with_port == name:
                return True
            if host.endswith("." + name) or with_port.endswith("." + name):
                return True
        return False


def environment_proxy(config: ProxyConfig | None, url: str) -> Proxy | None:
    """The proxy ``config`` (the environment's; None: none) names for ``url``. A variable that
    names no usable proxy fails the request before anything is sent (no retry can help)."""
    if config is None:
        return None
    try:
        return config.proxy_for(url)
    except ValueError as err:
        raise TransportError(str(err), request_sent=False, retryable=False) from err
