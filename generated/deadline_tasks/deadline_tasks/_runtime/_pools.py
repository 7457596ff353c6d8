"""urllib3 connection pools by origin: the short way from a URL to a pool.

``PoolManager.urlopen`` parses and normalises every URL (``parse_url``), builds a pool key and
takes a lock to find the pool, on every request: a third of what urllib3 costs a small call.
A client sends nearly every request to one origin, with URLs it built itself and that are
already in normal form, so :class:`OriginPools` keeps one pool per ``scheme://host:port`` text
and hands the pool the request target directly. A URL whose target ``parse_url`` could change
(dot segments, characters still to encode, lower-case percent escapes, a fragment, user info,
an upper-case scheme...) is not taken: the caller sends it through the ``PoolManager`` as
before, so the bytes on the wire are the same either way.
"""

from __future__ import annotations

import re
import threading
from typing import Any

import urllib3
import urllib3.exceptions
from urllib3.util import parse_url

__all__ = ["OriginPools"]

# What parse_url leaves as it is: http(s), a host with no user info or IPv6 brackets, then a
# path and query of characters it does not encode; percent escapes are checked apart (plain
# character classes match several times faster than an alternation per character).
_NORMAL_URL = re.compile(
    r"(https?://[A-Za-z0-9.\-]+(?::[0-9]{1,5})?)"
    r"(/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*)?"
    r"(\?[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*)?"
)
# A percent sign that does not start an upper-case escape: parse_url would change it.
_ODD_PERCENT = re.compile(r"%(?![0-9A-F]{2})")
# PoolManager leaves these out of an http:// pool, as it does (SSL_KEYWORDS).
_TLS_OPTIONS = frozenset({"ssl_context", "cert_reqs", "ca_certs"})
# A client talks to a handful of origins; past this many, the PoolManager takes the rest.
_MAX_ORIGINS = 16


class OriginPools:
    """One connection pool per origin, created on first use with ``options`` (the keyword
    arguments a ``PoolManager`` would give its pools)."""

    __slots__ = ("_lock", "_options", "_pools")

    def __init__(self, options: dict[str, Any]) -> None:
        self._options = options
        self._pools: dict[str, urllib3.HTTPConnectionPool] = {}
        self._lock = threading.Lock()

    def route(self, url: str) -> tuple[urllib3.HTTPConnectionPool, str] | None:
        """The pool for ``url`` and the request target to send it, or None when ``url`` is not
        in the normal form this shortcut keeps to (the caller takes the long way)."""
        match = _NORMAL_URL.fullmatch(url)
        if match is None:
            return None
        origin, path, query = match.groups()
        path = path or ""
        query = query or ""
        if "/." in path:  # a dot segment, perhaps: parse_url would remove it
            return None
        if "%" in url and _ODD_PERCENT.search(url, len(origin)):
            return None
        pool = self._pools.get(origin)
        if pool is None:
            pool = self._create(origin)
            if pool is None:
                return None
        return pool, (path or "/") + query

    def _create(self, origin: str) -> urllib3.HTTPConnectionPool | None:
        with self._lock:
            pool = self._pools.get(origin)
            if pool is not None or len(self._pools) >= _MAX_ORIGINS:
                return pool
            # Host and port as PoolManager would key them (case, default port, IDNA).
            try:
                parsed = parse_url(origin)
            except urllib3.exceptions.LocationValueError:
                return None  # the long way raises it, mapped as every urllib3 error is
            if parsed.host is None:
                return None
            scheme = parsed.scheme or "http"
            port = parsed.port
            if port is None:
                port = 443 if scheme == "https" else 80
            options = dict(self._options)
            if scheme == "https":
                pool = urllib3.HTTPSConnectionPool(parsed.host, port, **options)
            else:
                for name in _TLS_OPTIONS:
                    options.pop(name, None)
                pool = urllib3.HTTPConnectionPool(parsed.host, port, **options)
            self._pools[origin] = pool
            return pool

    def clear(self) -> None:
        with self._lock:
            pools = list(self._pools.values())
            self._pools.clear()
        for pool in pools:
            pool.close()
