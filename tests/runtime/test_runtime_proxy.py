"""Which proxy a URL goes through, read from the environment as botocore and requests read it."""

from __future__ import annotations

import pytest
from _runtime._proxy import Proxy, ProxyConfig

P = "http://proxy.internal:3128"


def proxy_url(environ: dict[str, str], url: str) -> str | None:
    chosen = ProxyConfig.from_environment(environ).proxy_for(url)
    return None if chosen is None else chosen.url


@pytest.mark.parametrize(
    ("environ", "url", "expected"),
    [
        ({}, "https://a.example/x", None),
        ({"HTTPS_PROXY": P}, "https://a.example/x", P),
        ({"HTTPS_PROXY": P}, "http://a.example/x", None),  # per scheme
        ({"HTTP_PROXY": P}, "http://a.example/x", P),
        ({"ALL_PROXY": P}, "https://a.example/x", P),
        ({"https_proxy": P, "HTTPS_PROXY": "http://other:1"}, "https://a.example/", P),
        ({"HTTPS_PROXY": P, "https_proxy": ""}, "https://a.example/", None),  # empty unsets
        ({"HTTPS_PROXY": "proxy.internal:3128"}, "https://a.example/", P),  # scheme optional
        # CVE-2016-1000110: in a CGI process HTTP_PROXY may come from a request header.
        ({"HTTP_PROXY": P, "REQUEST_METHOD": "GET"}, "http://a.example/", None),
        ({"http_proxy": P, "REQUEST_METHOD": "GET"}, "http://a.example/", P),
    ],
)
def test_proxy_by_scheme(environ: dict[str, str], url: str, expected: str | None) -> None:
    assert proxy_url(environ, url) == expected


@pytest.mark.parametrize(
    ("no_proxy", "url", "direct"),
    [
        ("*", "https://anything.example/", True),
        ("example.com", "https://example.com/", True),
        ("example.com", "https://api.example.com/", True),
        (".example.com", "https://api.example.com/", True),
        ("example.com", "https://notexample.com/", False),  # label boundaries only
        ("example.com:8443", "https://example.com:8443/", True),
        ("example.com:8443", "https://example.com/", False),
        ("10.0.0.0/8", "https://10.1.2.3/", True),
        ("10.0.0.0/8", "https://11.1.2.3/", False),
        ("192.168.1.5", "https://192.168.1.5:9000/", True),
        ("::1", "https://[::1]:8080/", True),
        ("a.example, b.example", "https://b.example/", True),
        ("", "https://a.example/", False),
        ("EXAMPLE.com", "https://Api.Example.COM/", True),
    ],
)
def test_no_proxy(no_proxy: str, url: str, direct: bool) -> None:
    environ = {"HTTPS_PROXY": P, "NO_PROXY": no_proxy}
    assert proxy_url(environ, url) == (None if direct else P)


def test_credentials_become_proxy_authorization_and_never_show() -> None:
    proxy = Proxy.parse("http://user%40corp:s%3Acret@proxy.internal:3128")
    assert proxy.url == P
    assert proxy.authorization == "Basic dXNlckBjb3JwOnM6Y3JldA=="  # user@corp:s:cret
    assert "cret" not in repr(proxy) and "dXNlck" not in repr(proxy)


@pytest.mark.parametrize("value", ["socks5://proxy:1080", "http://"])
def test_unusable_proxies_are_refused_clearly(value: str) -> None:
    with pytest.raises(ValueError, match="proxy"):
        Proxy.parse(value)


def test_answers_are_cached_per_host() -> None:
    config = ProxyConfig({"https": P}, "direct.example")
    assert config.proxy_for("https://direct.example/a") is None
    assert config.proxy_for("https://direct.example/b?x=1") is None
    assert config.proxy_for("https://other.example/") == Proxy(P)
    assert ProxyConfig().empty and not config.empty


def test_an_unusable_variable_fails_only_where_it_applies() -> None:
    config = ProxyConfig.from_environment({"ALL_PROXY": "socks5://s:1080", "HTTPS_PROXY": P})
    assert config.proxy_for("https://a.example/") == Proxy(P)
    with pytest.raises(ValueError, match="all_proxy: unsupported proxy scheme 'socks5'"):
        config.proxy_for("http://a.example/")
