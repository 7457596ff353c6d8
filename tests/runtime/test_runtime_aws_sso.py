"""SSO profiles against a fake SSO portal and SSO OIDC on 127.0.0.1 (``AWS_ENDPOINT_URL_SSO``,
``AWS_ENDPOINT_URL_SSO_OIDC``)."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
import traceback
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from _runtime._aws_config import ConfigurationError, CredentialRetrievalError
from _runtime._credentials import resolve_credentials
from aws_fakes import FakeAws, Override

START_URL = "https://corp.awsapps.com/start"
SESSION_CONFIG = (
    "[profile sso]\nsso_session = corp\nsso_account_id = 111122223333\n"
    "sso_role_name = ReadOnly\nregion = us-west-2\n"
    f"[sso-session corp]\nsso_start_url = {START_URL}\nsso_region = us-east-1\n"
    "sso_registration_scopes = sso:account:access\n"
    f"[profile legacy]\nsso_start_url = {START_URL}\nsso_region = eu-west-1\n"
    "sso_account_id = 444455556666\nsso_role_name = Admin\n"
)


def stamp(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def cache_file(home: Path, key: str) -> Path:
    return home / ".aws" / "sso" / "cache" / f"{hashlib.sha1(key.encode()).hexdigest()}.json"


def write_token(home: Path, key: str, expires_in: timedelta, **extra: str) -> Path:
    path = cache_file(home, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    token = {
        "startUrl": START_URL,
        "region": "us-east-1",
        "accessToken": "sso-access-token",
        "expiresAt": stamp(now + expires_in),
        **extra,
    }
    path.write_text(json.dumps(token), encoding="utf-8")
    return path


REGISTRATION = {
    "clientId": "client-id",
    "clientSecret": "client-secret-value",
    "refreshToken": "refresh-1",
}


@pytest.fixture
def sso(aws_home: Path, fake_aws: FakeAws, monkeypatch: pytest.MonkeyPatch) -> FakeAws:
    monkeypatch.setenv("AWS_ENDPOINT_URL_SSO", fake_aws.url)
    monkeypatch.setenv("AWS_ENDPOINT_URL_SSO_OIDC", fake_aws.url)
    (aws_home / ".aws" / "config").write_text(SESSION_CONFIG, encoding="utf-8")
    fake_aws.sso_tokens.add("sso-access-token")
    return fake_aws


def test_sso_session_profile(sso: FakeAws, aws_home: Path) -> None:
    write_token(aws_home, "corp", timedelta(hours=8))
    source = resolve_credentials(None, profile="sso")
    assert sso.calls("sso") == []
    creds = source.get_frozen_credentials()
    (call,) = sso.calls("sso")
    assert call.method == "GET"
    assert call.query == {"role_name": "ReadOnly", "account_id": "111122223333"}
    assert call.headers["x-amz-sso_bearer_token"] == "sso-access-token"
    assert "authorization" not in call.headers
    assert creds.access_key_id.startswith("ASIASSO") and creds.expiration == sso.expiration
    assert sso.calls("oidc") == []  # the token is far from expiry


def test_legacy_profile_uses_the_start_url_cache_key(sso: FakeAws, aws_home: Path) -> None:
    write_token(aws_home, START_URL, timedelta(hours=1))
    resolve_credentials(None, profile="legacy").get_frozen_credentials()
    (call,) = sso.calls("sso")
    assert call.query == {"role_name": "Admin", "account_id": "444455556666"}


def test_expired_legacy_token_asks_for_a_login_without_calling(
    sso: FakeAws, aws_home: Path
) -> None:
    write_token(aws_home, START_URL, timedelta(minutes=-1))
    with pytest.raises(CredentialRetrievalError, match="aws sso login --profile legacy"):
        resolve_credentials(None, profile="legacy").get_frozen_credentials()
    assert sso.calls("sso") == []


def test_expiring_session_token_is_renewed_and_saved(sso: FakeAws, aws_home: Path) -> None:
    path = write_token(
        aws_home,
        "corp",
        timedelta(minutes=5),
        registrationExpiresAt=stamp(datetime.now(UTC) + timedelta(days=30)),
        **REGISTRATION,
    )
    creds = resolve_credentials(None, profile="sso").get_frozen_credentials()
    (renew,) = sso.calls("oidc")
    assert json.loads(renew.body) == {
        "clientId": "client-id",
        "clientSecret": "client-secret-value",
        "grantType": "refresh_token",
        "refreshToken": "refresh-1",
    }
    (call,) = sso.calls("sso")
    saved = json.loads(path.read_text())
    assert call.headers["x-amz-sso_bearer_token"] == saved["accessToken"]
    assert saved["accessToken"].startswith("renewed-") and saved["refreshToken"] == "refresh-2"
    assert saved["clientSecret"] == "client-secret-value" and saved["startUrl"] == START_URL
    left = datetime.strptime(saved["expiresAt"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert timedelta(minutes=55) < left - datetime.now(UTC) <= timedelta(hours=1)
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600  # it holds tokens
    assert creds.access_key_id.startswith("ASIASSO")


def test_failed_renewal_keeps_a_still_valid_token(
    sso: FakeAws, aws_home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_token(
        aws_home,
        "corp",
        timedelta(minutes=5),
        registrationExpiresAt=stamp(datetime.now(UTC) + timedelta(days=30)),
        **REGISTRATION,
    )
    sso.fail("oidc", Override(400, b'{"error": "invalid_grant"}'))
    with caplog.at_level(logging.WARNING):
        resolve_credentials(None, profile="sso").get_frozen_credentials()
    assert sso.calls("sso")[0].headers["x-amz-sso_bearer_token"] == "sso-access-token"
    assert "refreshing the SSO token failed" in caplog.text
    assert "client-secret-value" not in caplog.text and "refresh-1" not in caplog.text


def test_expired_session_token_without_registration_asks_for_a_login(
    sso: FakeAws, aws_home: Path
) -> None:
    write_token(aws_home, "corp", timedelta(minutes=-5))
    with pytest.raises(CredentialRetrievalError, match="aws sso login --sso-session corp"):
        resolve_credentials(None, profile="sso").get_frozen_credentials()
    assert sso.calls("sso") == [] and sso.calls("oidc") == []


def test_missing_token_cache(sso: FakeAws) -> None:
    with pytest.raises(CredentialRetrievalError, match="no cached SSO token for corp"):
        resolve_credentials(None, profile="sso").get_frozen_credentials()


def test_rejected_token_explains_and_does_not_show_it(sso: FakeAws, aws_home: Path) -> None:
    write_token(aws_home, "corp", timedelta(hours=1))
    sso.sso_tokens.clear()
    with pytest.raises(CredentialRetrievalError, match="expired or is otherwise invalid") as info:
        resolve_credentials(None, profile="sso").get_frozen_credentials()
    assert "sso-access-token" not in "".join(traceback.format_exception(info.value))


@pytest.mark.parametrize(
    "config, match",
    [
        ("[profile p]\nsso_account_id = 1\nsso_role_name = R\n", "lacks sso_start_url, sso_region"),
        ("[profile p]\nsso_session = nope\nsso_role_name = R\n", "sso-session 'nope' does not"),
        (
            "[profile p]\nsso_session = s\nsso_role_name = R\nsso_account_id = 1\n"
            "sso_region = us-east-1\n[sso-session s]\nsso_start_url = u\nsso_region = eu-west-1\n",
            "sso_region differs",
        ),
    ],
)
def test_misconfigured_sso_profiles(aws_home: Path, config: str, match: str) -> None:
    (aws_home / ".aws" / "config").write_text(config, encoding="utf-8")
    with pytest.raises(ConfigurationError, match=match):
        resolve_credentials(None, profile="p")


@pytest.mark.parametrize("profile, key", [("sso", "corp"), ("legacy", START_URL)])
def test_same_credentials_as_botocore(
    sso: FakeAws, aws_home: Path, monkeypatch: pytest.MonkeyPatch, profile: str, key: str
) -> None:
    import botocore.credentials
    import botocore.session
    import botocore.tokens

    write_token(aws_home, key, timedelta(hours=2))
    # botocore computed its cache folder from HOME when it was imported.
    cache = str(cache_file(aws_home, key).parent)
    monkeypatch.setattr(botocore.credentials.SSOProvider, "_SSO_TOKEN_CACHE_DIR", cache)
    monkeypatch.setattr(botocore.tokens.SSOTokenProvider, "_SSO_TOKEN_CACHE_DIR", cache)
    theirs_creds = botocore.session.Session(profile=profile).get_credentials()
    theirs = theirs_creds.get_frozen_credentials()
    ours = resolve_credentials(None, profile=profile).get_frozen_credentials()
    assert theirs_creds.method == "sso"
    assert (ours.access_key, ours.secret_key, ours.token) == (
        theirs.access_key,
        theirs.secret_key,
        theirs.token,
    )
    botocore_call, our_call = sso.calls("sso")
    assert botocore_call.query == our_call.query
    assert (
        botocore_call.headers["x-amz-sso_bearer_token"]
        == our_call.headers["x-amz-sso_bearer_token"]
    )
