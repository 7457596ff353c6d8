"""Assume-role profiles and web identity against a fake STS on 127.0.0.1 (AWS_ENDPOINT_URL_STS)."""

from __future__ import annotations

import traceback
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from _runtime._aws_config import (
    ConfigurationError,
    CredentialRetrievalError,
    PartialCredentialsError,
)
from _runtime._aws_sts import _xml_error_code, sts_endpoint
from _runtime._credentials import resolve_credentials
from _runtime._http import HttpResponse
from aws_fakes import FakeAws, Override, sts_error

ROLE = "arn:aws:iam::123456789012:role/dev"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def sts(aws_home: Path, fake_aws: FakeAws, monkeypatch: pytest.MonkeyPatch) -> FakeAws:
    monkeypatch.setenv("AWS_ENDPOINT_URL_STS", fake_aws.url)
    write(
        aws_home / ".aws" / "credentials",
        "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = BASESECRET\n",
    )
    fake_aws.secrets["AKIDBASE"] = "BASESECRET"
    return fake_aws


def test_assume_role_with_a_source_profile(
    sts: FakeAws, aws_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        aws_home / ".aws" / "config",
        f"[profile dev]\nrole_arn = {ROLE}\nsource_profile = base\nrole_session_name = alice\n"
        "external_id = ext-1\nduration_seconds = 1800\nregion = us-west-2\n",
    )
    monkeypatch.setenv("AWS_PROFILE", "dev")
    source = resolve_credentials(None)
    assert sts.calls("sts") == []  # resolving reads files only
    creds = source.get_frozen_credentials()
    (call,) = sts.calls("sts")
    assert call.form == {
        "Action": "AssumeRole",
        "Version": "2011-06-15",
        "RoleArn": ROLE,
        "RoleSessionName": "alice",
        "DurationSeconds": "1800",
        "ExternalId": "ext-1",
    }
    assert call.headers["content-type"] == "application/x-www-form-urlencoded; charset=utf-8"
    # Signed by the source profile's keys for sts in the profile's region (the fake
    # recomputed the signature; a wrong one would have been refused).
    assert "Credential=AKIDBASE/" in call.headers["authorization"]
    assert "/us-west-2/sts/aws4_request" in call.headers["authorization"]
    assert creds.access_key_id.startswith("ASIAAR") and creds.session_token
    assert creds.expiration == sts.expiration
    assert source.get_frozen_credentials() is creds and len(sts.calls("sts")) == 1


def test_the_clients_region_picks_the_sts_region(
    sts: FakeAws, aws_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(aws_home / ".aws" / "config", f"[default]\nrole_arn = {ROLE}\nsource_profile = base\n")
    resolve_credentials(None, region="eu-central-1").get_frozen_credentials()
    (call,) = sts.calls("sts")
    assert "/eu-central-1/sts/aws4_request" in call.headers["authorization"]
    assert call.form["RoleSessionName"].startswith("apismith-session-")


def test_chained_roles_sign_with_the_previous_roles_credentials(
    sts: FakeAws, aws_home: Path
) -> None:
    write(
        aws_home / ".aws" / "config",
        f"[profile mid]\nrole_arn = {ROLE}-mid\nsource_profile = base\n"
        f"[profile top]\nrole_arn = {ROLE}-top\nsource_profile = mid\n",
    )
    creds = resolve_credentials(None, profile="top").get_frozen_credentials()
    first, second = sts.calls("sts")
    assert first.form["RoleArn"] == f"{ROLE}-mid" and "AKIDBASE/" in first.headers["authorization"]
    assert second.form["RoleArn"] == f"{ROLE}-top"
    mid_key = second.headers["authorization"].split("Credential=")[1].split("/")[0]
    assert mid_key.startswith("ASIAAR") and second.headers["x-amz-security-token"]
    assert creds.access_key_id not in (mid_key, "AKIDBASE")


def test_source_profile_loops_are_refused(sts: FakeAws, aws_home: Path) -> None:
    write(
        aws_home / ".aws" / "config",
        f"[profile a]\nrole_arn = {ROLE}\nsource_profile = b\n"
        f"[profile b]\nrole_arn = {ROLE}\nsource_profile = a\n"
        f"[profile me]\nrole_arn = {ROLE}\nsource_profile = me\n",
    )
    with pytest.raises(ConfigurationError, match=r"loop .*: a -> b -> a"):
        resolve_credentials(None, profile="a")
    with pytest.raises(ConfigurationError, match="loop"):
        resolve_credentials(None, profile="me")  # names itself without keys of its own
    assert sts.calls("sts") == []


def test_a_profile_may_source_its_own_static_keys(sts: FakeAws, aws_home: Path) -> None:
    write(
        aws_home / ".aws" / "config",
        f"[profile me]\nrole_arn = {ROLE}\nsource_profile = me\n"
        "aws_access_key_id = AKIDME\naws_secret_access_key = MESECRET\n",
    )
    sts.secrets["AKIDME"] = "MESECRET"
    resolve_credentials(None, profile="me").get_frozen_credentials()
    (call,) = sts.calls("sts")
    assert "Credential=AKIDME/" in call.headers["authorization"]


@pytest.mark.parametrize(
    "profile_text, error, match",
    [
        (f"role_arn = {ROLE}\n", PartialCredentialsError, "neither source_profile"),
        (
            f"role_arn = {ROLE}\nsource_profile = base\ncredential_source = Environment\n",
            ConfigurationError,
            "both source_profile and credential_source",
        ),
        (f"role_arn = {ROLE}\ncredential_source = environment\n", ConfigurationError, "not valid"),
        (f"role_arn = {ROLE}\nsource_profile = nope\n", ConfigurationError, "does not exist"),
        (
            f"role_arn = {ROLE}\nsource_profile = base\nmfa_serial = arn:aws:iam::1:mfa/x\n",
            ConfigurationError,
            "mfa_serial",
        ),
        (f"role_arn = {ROLE}\nsource_profile = empty\n", ConfigurationError, "no credentials"),
    ],
)
def test_misconfigured_role_profiles(
    sts: FakeAws, aws_home: Path, profile_text: str, error: type[Exception], match: str
) -> None:
    write(aws_home / ".aws" / "config", f"[profile r]\n{profile_text}[profile empty]\nregion=x\n")
    with pytest.raises(error, match=match):
        resolve_credentials(None, profile="r")


def test_credential_source_environment(
    sts: FakeAws, aws_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        aws_home / ".aws" / "config",
        f"[profile r]\nrole_arn={ROLE}\ncredential_source=Environment\n",
    )
    with pytest.raises(CredentialRetrievalError, match="no credentials found in credential_source"):
        resolve_credentials(None, profile="r")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDENV")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "ENVSECRET")
    sts.secrets["AKIDENV"] = "ENVSECRET"
    # An explicit profile skips the environment provider, but its role still sources from it.
    resolve_credentials(None, profile="r").get_frozen_credentials()
    (call,) = sts.calls("sts")
    assert "Credential=AKIDENV/" in call.headers["authorization"]


def test_credential_source_container(
    sts: FakeAws, aws_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        aws_home / ".aws" / "config",
        f"[profile r]\nrole_arn={ROLE}\ncredential_source=EcsContainer\n",
    )
    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", f"{sts.url}/ecs/task-1")
    creds = resolve_credentials(None, profile="r").get_frozen_credentials()
    (container,) = sts.calls("ecs")
    (call,) = sts.calls("sts")
    assert "Credential=ASIAECS" in call.headers["authorization"]
    assert creds.access_key_id.startswith("ASIAAR")
    assert container.path == "/ecs/task-1"


def test_credential_source_instance_metadata(
    sts: FakeAws, aws_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = f"[profile r]\nrole_arn={ROLE}\ncredential_source=Ec2InstanceMetadata\n"
    write(aws_home / ".aws" / "config", config)
    with pytest.raises(CredentialRetrievalError, match="Ec2InstanceMetadata"):
        resolve_credentials(None, profile="r")  # metadata disabled by the fixture
    monkeypatch.delenv("AWS_EC2_METADATA_DISABLED")
    monkeypatch.setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", sts.url)
    resolve_credentials(None, profile="r").get_frozen_credentials()
    (call,) = sts.calls("sts")
    assert "Credential=ASIAIMDS" in call.headers["authorization"]


def test_sts_errors_name_the_code_and_keep_secrets_out(sts: FakeAws, aws_home: Path) -> None:
    write(aws_home / ".aws" / "config", f"[profile r]\nrole_arn={ROLE}\nsource_profile=base\n")
    sts.fail("sts", sts_error(403, "AccessDenied", "User is not authorized to assume dev"))
    with pytest.raises(CredentialRetrievalError) as info:
        resolve_credentials(None, profile="r").get_frozen_credentials()
    message = str(info.value)
    assert "STS AssumeRole failed: HTTP 403 AccessDenied: User is not authorized" in message
    text = "".join(traceback.format_exception(info.value))
    assert "BASESECRET" not in text


def test_sts_5xx_is_retried_like_botocore_standard_mode(sts: FakeAws, aws_home: Path) -> None:
    write(aws_home / ".aws" / "config", f"[profile r]\nrole_arn={ROLE}\nsource_profile=base\n")
    sts.fail(
        "sts",
        sts_error(500, "InternalFailure", "oops"),
        sts_error(503, "ServiceUnavailable", "busy"),
    )
    creds = resolve_credentials(None, profile="r").get_frozen_credentials()
    assert len(sts.calls("sts")) == 3 and creds.access_key_id.startswith("ASIAAR")
    # Each attempt is signed afresh and verified by the fake.
    assert all("Signature=" in call.headers["authorization"] for call in sts.calls("sts"))


def test_throttling_code_is_recognised() -> None:
    body = sts_error(400, "Throttling", "Rate exceeded").body
    assert _xml_error_code(HttpResponse(400, {}, body)) == "Throttling"


def test_sts_answer_without_credentials_is_an_error(sts: FakeAws, aws_home: Path) -> None:
    write(aws_home / ".aws" / "config", f"[profile r]\nrole_arn={ROLE}\nsource_profile=base\n")
    sts.fail("sts", Override(200, b"<AssumeRoleResponse><AssumeRoleResult/></AssumeRoleResponse>"))
    with pytest.raises(CredentialRetrievalError, match="without a access key"):
        resolve_credentials(None, profile="r").get_frozen_credentials()


def test_unreachable_sts_is_a_retrieval_error(
    sts: FakeAws, aws_home: Path, monkeypatch: pytest.MonkeyPatch, refused_url: str
) -> None:
    write(aws_home / ".aws" / "config", f"[profile r]\nrole_arn={ROLE}\nsource_profile=base\n")
    monkeypatch.setenv("AWS_ENDPOINT_URL_STS", refused_url)
    with pytest.raises(CredentialRetrievalError, match="STS AssumeRole failed: POST http://127"):
        resolve_credentials(None, profile="r").get_frozen_credentials()


# --- web identity ------------------------------------------------------------------------------


def test_web_identity_from_the_environment_is_unsigned_and_rereads_the_token(
    sts: FakeAws, aws_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    token_file = write(aws_home / "token", "eyJ.first.token")
    monkeypatch.setenv("AWS_WEB_IDENTITY_TOKEN_FILE", str(token_file))
    monkeypatch.setenv("AWS_ROLE_ARN", ROLE)
    monkeypatch.setenv("AWS_ROLE_SESSION_NAME", "pod-1")
    now = [datetime.now(UTC)]
    source = resolve_credentials(None, region="us-east-2", clock=lambda: now[0])
    first = source.get_frozen_credentials()
    (call,) = sts.calls("sts")
    assert call.form == {
        "Action": "AssumeRoleWithWebIdentity",
        "Version": "2011-06-15",
        "RoleArn": ROLE,
        "RoleSessionName": "pod-1",
        "WebIdentityToken": "eyJ.first.token",
    }
    assert "authorization" not in call.headers  # the token is the proof
    assert first.access_key_id.startswith("ASIAWI")
    # EKS rotates the projected token: a refresh reads the file again.
    write(token_file, "eyJ.second.token")
    now[0] = sts.expiration - timedelta(minutes=5)
    second = source.get_frozen_credentials()
    assert sts.calls("sts")[-1].form["WebIdentityToken"] == "eyJ.second.token"
    assert second.access_key_id != first.access_key_id


def test_web_identity_from_the_profile_and_env_vars_ignored_for_explicit_profiles(
    sts: FakeAws, aws_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(aws_home / "profile-token", "profile.token")
    write(
        aws_home / ".aws" / "config",
        f"[profile wi]\nrole_arn = {ROLE}\n"
        f"web_identity_token_file = {aws_home / 'profile-token'}\n",
    )
    monkeypatch.setenv(
        "AWS_WEB_IDENTITY_TOKEN_FILE", str(write(aws_home / "env-token", "env.token"))
    )
    monkeypatch.setenv("AWS_ROLE_ARN", f"{ROLE}-env")
    resolve_credentials(None, profile="wi").get_frozen_credentials()
    (call,) = sts.calls("sts")
    assert call.form["WebIdentityToken"] == "profile.token" and call.form["RoleArn"] == ROLE


def test_web_identity_needs_a_role(
    sts: FakeAws, aws_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_WEB_IDENTITY_TOKEN_FILE", str(write(aws_home / "t", "x")))
    with pytest.raises(ConfigurationError, match="AWS_ROLE_ARN"):
        resolve_credentials(None)


def test_web_identity_errors_never_show_the_token(
    sts: FakeAws, aws_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_WEB_IDENTITY_TOKEN_FILE", str(write(aws_home / "t", "eyJ.SECRET.jwt")))
    monkeypatch.setenv("AWS_ROLE_ARN", ROLE)
    sts.fail("sts", sts_error(400, "InvalidIdentityToken", "Couldn't retrieve verification key"))
    with pytest.raises(CredentialRetrievalError, match="InvalidIdentityToken") as info:
        resolve_credentials(None).get_frozen_credentials()
    assert "eyJ.SECRET.jwt" not in "".join(traceback.format_exception(info.value))
    monkeypatch.setenv("AWS_WEB_IDENTITY_TOKEN_FILE", str(aws_home / "missing"))
    with pytest.raises(CredentialRetrievalError, match="cannot read the web identity token file"):
        resolve_credentials(None).get_frozen_credentials()


# --- endpoints ---------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["regional", "legacy"])
@pytest.mark.parametrize(
    "region",
    [None, "aws-global", "us-east-1", "us-west-2", "eu-central-1", "ap-east-1", "cn-north-1"],
)
def test_sts_endpoints_match_botocore(
    aws_home: Path, monkeypatch: pytest.MonkeyPatch, mode: str, region: str | None
) -> None:
    import botocore.session

    monkeypatch.setenv("AWS_STS_REGIONAL_ENDPOINTS", mode)
    client = botocore.session.Session().create_client(
        "sts", region_name=region, aws_access_key_id="a", aws_secret_access_key="b"
    )
    ours = sts_endpoint(region, configured=None, mode=mode)
    assert ours.url == client.meta.endpoint_url
    # The rule set signs for us-east-1 at the global endpoint, for the region elsewhere.
    global_endpoint = ours.url == "https://sts.amazonaws.com"
    assert ours.signing_region == ("us-east-1" if global_endpoint else region)


def test_configured_sts_endpoint_sources(
    sts: FakeAws, aws_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # botocore's order: AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, services section, endpoint_url.
    monkeypatch.delenv("AWS_ENDPOINT_URL_STS")
    write(
        aws_home / ".aws" / "config",
        f"[profile r]\nrole_arn={ROLE}\nsource_profile=base\nservices = local\n"
        "endpoint_url = http://127.0.0.1:9/\n"
        f"[services local]\nsts =\n  endpoint_url = {sts.url}\n",
    )
    resolve_credentials(None, profile="r").get_frozen_credentials()
    assert len(sts.calls("sts")) == 1
    monkeypatch.setenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")
    assert sts_endpoint("us-west-2", configured=None, mode=None).url == (
        "https://sts.us-west-2.amazonaws.com"
    )
