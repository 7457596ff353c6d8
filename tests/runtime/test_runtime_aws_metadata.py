"""Container credentials and EC2 instance metadata (IMDSv2) against fakes on 127.0.0.1."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import _runtime._aws_sources as sources
import pytest
from _runtime._aws_config import (
    ConfigurationError,
    CredentialRetrievalError,
    NoCredentialsError,
)
from _runtime._aws_sources import ChainContext, default_chain
from _runtime._credentials import resolve_credentials
from aws_fakes import FakeAws, Override


@pytest.fixture
def quick_container(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "CONTAINER_RETRY_PAUSE", 0.0)


# --- container ---------------------------------------------------------------------------------


def test_full_uri_with_authorization_token(
    aws_home: Path, fake_aws: FakeAws, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", f"{fake_aws.url}/ecs/v2/creds")
    monkeypatch.setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Basic pod-token")
    fake_aws.container_token = "Basic pod-token"
    source = resolve_credentials(None)
    assert fake_aws.calls("ecs") == []
    creds = source.get_frozen_credentials()
    (call,) = fake_aws.calls("ecs")
    assert call.method == "GET" and call.path == "/ecs/v2/creds"
    assert call.headers["accept"] == "application/json"
    assert call.headers["authorization"] == "Basic pod-token"
    assert creds.access_key_id.startswith("ASIAECS") and creds.expiration == fake_aws.expiration


def test_token_file_wins_and_is_reread(
    aws_home: Path, fake_aws: FakeAws, monkeypatch: pytest.MonkeyPatch
) -> None:
    token_file = aws_home / "eks-pod-identity-token"
    token_file.write_text("token-one", encoding="utf-8")
    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", f"{fake_aws.url}/ecs/pod")
    monkeypatch.setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN", "from-the-variable")
    monkeypatch.setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", str(token_file))
    now = [datetime.now(UTC)]
    source = resolve_credentials(None, clock=lambda: now[0])
    source.get_frozen_credentials()
    token_file.write_text("token-two", encoding="utf-8")
    now[0] = fake_aws.expiration - timedelta(minutes=1)
    source.get_frozen_credentials()
    assert [c.headers["authorization"] for c in fake_aws.calls("ecs")] == ["token-one", "token-two"]


def test_token_with_a_line_break_is_refused(
    aws_home: Path, fake_aws: FakeAws, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", f"{fake_aws.url}/ecs/x")
    monkeypatch.setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN", "abc\r\nX-Injected: 1")
    with pytest.raises(ConfigurationError, match="line break"):
        resolve_credentials(None).get_frozen_credentials()
    assert fake_aws.calls("ecs") == []


@pytest.mark.parametrize(
    "url, allowed",
    [
        ("http://127.0.0.1:9/creds", True),
        ("http://127.0.0.2/creds", True),
        ("http://[::1]/creds", True),
        ("http://localhost/creds", True),
        ("http://169.254.170.2/creds", True),
        ("http://169.254.170.23/v1/credentials", True),
        ("http://[fd00:ec2::23]/v1/credentials", True),
        ("https://creds.example.com/creds", True),
        ("http://creds.example.com/creds", False),
        ("http://169.254.169.254/creds", False),
    ],
)
def test_full_uri_host_rules_match_botocore(url: str, allowed: bool) -> None:
    from botocore.utils import ContainerMetadataFetcher

    try:
        ContainerMetadataFetcher()._validate_allowed_url(url)
        theirs = True
    except ValueError:
        theirs = False
    try:
        sources._check_container_url(url)
        ours = True
    except ConfigurationError:
        ours = False
    assert (ours, theirs) == (allowed, allowed)


def test_full_uri_must_be_http() -> None:
    # botocore only looks at the host; a non-HTTP scheme would fail later anyway.
    with pytest.raises(ConfigurationError, match="not allowed"):
        sources._check_container_url("ftp://127.0.0.1/creds")


def test_relative_uri_goes_to_the_ecs_agent_address(
    aws_home: Path, fake_aws: FakeAws, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No botocore setting moves 169.254.170.2, so the test moves the constant.
    monkeypatch.setattr(sources, "_CONTAINER_HOST", f"127.0.0.1:{fake_aws.port}")
    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/ecs/v2/task-uuid?x=1")
    resolve_credentials(None).get_frozen_credentials()
    (call,) = fake_aws.calls("ecs")
    assert call.path == "/ecs/v2/task-uuid" and call.query == {"x": "1"}
    assert "authorization" not in call.headers


def test_container_retries_then_fails(
    aws_home: Path, fake_aws: FakeAws, monkeypatch: pytest.MonkeyPatch, quick_container: None
) -> None:
    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", f"{fake_aws.url}/ecs/x")
    fake_aws.fail("ecs", Override(500, b"{}"), Override(200, b"not json"))
    creds = resolve_credentials(None).get_frozen_credentials()
    assert len(fake_aws.calls("ecs")) == 3 and creds.access_key_id.startswith("ASIAECS")
    fake_aws.fail("ecs", Override(503, b"{}", times=3))
    with pytest.raises(CredentialRetrievalError, match="after 3 attempts: HTTP 503"):
        resolve_credentials(None).get_frozen_credentials()


def test_container_timeout_is_bounded(
    aws_home: Path, fake_aws: FakeAws, monkeypatch: pytest.MonkeyPatch, quick_container: None
) -> None:
    monkeypatch.setattr(sources, "CONTAINER_TIMEOUT", 0.2)
    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", f"{fake_aws.url}/ecs/x")
    fake_aws.delay["ecs"] = 1.0
    started = time.monotonic()
    with pytest.raises(CredentialRetrievalError, match="timed out"):
        resolve_credentials(None).get_frozen_credentials()
    assert time.monotonic() - started < 1.5  # 3 attempts of 0.2 s, not 3 of 1 s


def test_container_ignores_proxies(
    aws_home: Path, fake_aws: FakeAws, monkeypatch: pytest.MonkeyPatch, refused_url: str
) -> None:
    monkeypatch.setenv("HTTP_PROXY", refused_url)  # botocore does not proxy this call either
    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", f"{fake_aws.url}/ecs/x")
    assert resolve_credentials(None).get_frozen_credentials().access_key_id.startswith("ASIAECS")


def test_container_same_credentials_as_botocore(
    aws_home: Path, fake_aws: FakeAws, monkeypatch: pytest.MonkeyPatch
) -> None:
    import botocore.session

    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", f"{fake_aws.url}/ecs/task")
    monkeypatch.setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN", "tok")
    fake_aws.container_token = "tok"
    theirs_creds = botocore.session.Session().get_credentials()
    theirs = theirs_creds.get_frozen_credentials()
    ours = resolve_credentials(None).get_frozen_credentials()
    assert theirs_creds.method == "container-role"
    assert (ours.access_key, ours.secret_key, ours.token) == (
        theirs.access_key,
        theirs.secret_key,
        theirs.token,
    )


# --- instance metadata -------------------------------------------------------------------------


@pytest.fixture
def imds(aws_home: Path, fake_aws: FakeAws, monkeypatch: pytest.MonkeyPatch) -> FakeAws:
    monkeypatch.delenv("AWS_EC2_METADATA_DISABLED")
    monkeypatch.setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", fake_aws.url)
    return fake_aws


def test_imdsv2_flow(imds: FakeAws) -> None:
    context = ChainContext({**__import__("os").environ}, "default")
    source = default_chain(context)
    assert context.method == "iam-role" and imds.received == []
    creds = source.get_frozen_credentials()
    (token,) = imds.calls("imds_token")
    assert token.method == "PUT"
    assert token.headers["x-aws-ec2-metadata-token-ttl-seconds"] == "21600"
    listing, role = imds.calls("imds_role")
    assert listing.path == "/latest/meta-data/iam/security-credentials/"
    assert role.path == f"/latest/meta-data/iam/security-credentials/{FakeAws.IMDS_ROLE}"
    assert {
        listing.headers["x-aws-ec2-metadata-token"],
        role.headers["x-aws-ec2-metadata-token"],
    } == {FakeAws.IMDS_TOKEN}
    assert creds.access_key_id.startswith("ASIAIMDS") and creds.expiration == imds.expiration


def test_imdsv1_fallback_and_its_switch(imds: FakeAws, monkeypatch: pytest.MonkeyPatch) -> None:
    imds.imds_v2 = False  # the token PUT gets 404
    resolve_credentials(None).get_frozen_credentials()
    assert all("x-aws-ec2-metadata-token" not in c.headers for c in imds.calls("imds_role"))
    monkeypatch.setenv("AWS_EC2_METADATA_V1_DISABLED", "true")
    with pytest.raises(CredentialRetrievalError, match="IMDSv1 is disabled"):
        resolve_credentials(None).get_frozen_credentials()


def test_disabled_metadata_ends_the_chain_at_once(
    aws_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(NoCredentialsError, match="disabled by AWS_EC2_METADATA_DISABLED"):
        resolve_credentials(None)


def test_no_metadata_service_means_no_credentials_and_is_remembered(
    aws_home: Path, monkeypatch: pytest.MonkeyPatch, refused_url: str
) -> None:
    monkeypatch.delenv("AWS_EC2_METADATA_DISABLED")
    monkeypatch.setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", refused_url)
    source = resolve_credentials(None)  # the chain cannot know before asking
    with pytest.raises(NoCredentialsError) as info:
        source.get_frozen_credentials()
    message = str(info.value)
    assert f"EC2 instance metadata at {refused_url}" in message
    assert "AWS_ACCESS_KEY_ID" in message and str(aws_home / ".aws" / "config") in message


def test_instance_without_a_role_is_asked_once(imds: FakeAws) -> None:
    imds.fail("imds_role", Override(404, b"", times=1))
    source = resolve_credentials(None)
    with pytest.raises(NoCredentialsError):
        source.get_frozen_credentials()
    asked = len(imds.received)
    assert asked == 2  # the token, then the empty role listing
    with pytest.raises(NoCredentialsError):
        source.get_frozen_credentials()  # a client without credentials stays without
    assert len(imds.received) == asked


def test_timeouts_and_attempts_follow_botocore(
    imds: FakeAws, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Defaults: 1 s and 1 attempt (botocore's metadata_service_timeout / _num_attempts).
    settings = sources._imds_settings(ChainContext({}, "default"))
    assert settings is not None and (settings.timeout, settings.attempts) == (1.0, 1)
    assert settings.base_url == "http://169.254.169.254/"
    # A token PUT that does not answer in time: IMDSv1 is tried, and the fake wants a token.
    monkeypatch.setenv("AWS_METADATA_SERVICE_TIMEOUT", "0.3")
    imds.delay["imds_token"] = 1.0
    started = time.monotonic()
    with pytest.raises(NoCredentialsError):
        resolve_credentials(None).get_frozen_credentials()
    assert time.monotonic() - started < 1.0
    # More attempts ride out errors.
    imds.delay.clear()
    monkeypatch.setenv("AWS_METADATA_SERVICE_NUM_ATTEMPTS", "3")
    imds.fail("imds_role", Override(500, b"", times=2))
    assert resolve_credentials(None).get_frozen_credentials().access_key_id.startswith("ASIAIMDS")


@pytest.mark.parametrize(
    "env, base",
    [
        ({"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "IPv6"}, "http://[fd00:ec2::254]/"),
        ({"AWS_IMDS_USE_IPV6": "true"}, "http://[fd00:ec2::254]/"),
        ({"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "ipv4"}, "http://169.254.169.254/"),
        (
            {
                "AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://10.0.0.1:1338/",
                "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "IPv6",
            },
            "http://10.0.0.1:1338/",
        ),
    ],
)
def test_endpoint_selection(env: dict[str, str], base: str) -> None:
    settings = sources._imds_settings(ChainContext(env, "default"))
    assert settings is not None and settings.base_url == base


def test_bad_endpoint_mode(aws_home: Path) -> None:
    with pytest.raises(ConfigurationError, match="IPv4 or IPv6"):
        sources._imds_settings(ChainContext({"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "v7"}, "p"))


def test_stale_credentials_are_stretched_during_an_outage(imds: FakeAws) -> None:
    imds.expiration = (datetime.now(UTC) + timedelta(minutes=3)).replace(microsecond=0)
    creds = resolve_credentials(None).get_frozen_credentials()
    assert creds.expiration is not None
    left = creds.expiration - datetime.now(UTC)
    assert timedelta(minutes=16) < left <= timedelta(minutes=25)


def test_metadata_goes_through_the_proxy_like_botocore(
    aws_home: Path, fake_aws: FakeAws, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The fake answers proxy-style requests ("GET http://169.254.169.254/..."), so the
    # default metadata address is reached through it and never directly.
    monkeypatch.delenv("AWS_EC2_METADATA_DISABLED")
    monkeypatch.setenv("HTTP_PROXY", fake_aws.url)
    creds = resolve_credentials(None).get_frozen_credentials()
    assert creds.access_key_id.startswith("ASIAIMDS")
    assert all(c.headers["host"] == "169.254.169.254" for c in fake_aws.received)


def test_no_proxy_is_honoured(
    aws_home: Path, fake_aws: FakeAws, monkeypatch: pytest.MonkeyPatch, refused_url: str
) -> None:
    monkeypatch.delenv("AWS_EC2_METADATA_DISABLED")
    monkeypatch.setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", refused_url)
    monkeypatch.setenv("HTTP_PROXY", fake_aws.url)
    assert resolve_credentials(None).get_frozen_credentials().access_key_id.startswith("ASIAIMDS")
    monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")
    with pytest.raises(NoCredentialsError):
        resolve_credentials(None).get_frozen_credentials()  # direct, and refused


def test_imds_same_credentials_and_requests_as_botocore(
    imds: FakeAws, monkeypatch: pytest.MonkeyPatch
) -> None:
    import botocore.session

    theirs_creds = botocore.session.Session().get_credentials()
    theirs = theirs_creds.get_frozen_credentials()
    botocore_calls = [(c.method, c.path) for c in imds.received]
    imds.received.clear()
    ours = resolve_credentials(None).get_frozen_credentials()
    assert theirs_creds.method == "iam-role"
    assert (ours.access_key, ours.secret_key, ours.token) == (
        theirs.access_key,
        theirs.secret_key,
        theirs.token,
    )
    assert [(c.method, c.path) for c in imds.received] == botocore_calls
