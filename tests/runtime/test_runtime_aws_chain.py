"""The order of the providers, differentially: botocore and our chain on the same files,
environment and fake endpoints must pick the same provider and end with the same credentials.

Everything is configured at once; each rung removes the winner of the rung before, walking
down botocore's order: env, assume-role, web identity, SSO, credentials file,
credential_process, config file, container, instance metadata.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shlex
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from _runtime._aws_config import NoCredentialsError, profile_name
from _runtime._aws_sources import ChainContext, default_chain
from aws_fakes import FakeAws, Seen

PROCESS = (
    "import json; print(json.dumps({'Version': 1, 'AccessKeyId': 'AKIDPROC', "
    "'SecretAccessKey': 'PROCSECRET'}))"
)

RUNGS = [
    "env",
    "assume-role",
    "assume-role-with-web-identity",
    "sso",
    "shared-credentials-file",
    "custom-process",
    "config-file",
    "container-role",
    "iam-role",
]


class Setup:
    """All sources configured; ``remove(method)`` takes one away."""

    def __init__(self, home: Path, fake: FakeAws, monkeypatch: pytest.MonkeyPatch) -> None:
        self.home, self.fake, self.mp = home, fake, monkeypatch
        self.present = set(RUNGS)
        fake.secrets["AKIDBASE"] = "BASESECRET"
        fake.sso_tokens.add("sso-access-token")
        token_path = home / ".aws" / "sso" / "cache" / f"{hashlib.sha1(b'corp').hexdigest()}.json"
        token_path.parent.mkdir(parents=True)
        expires = (datetime.now(UTC) + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
        token_path.write_text(
            json.dumps({"accessToken": "sso-access-token", "expiresAt": expires}), "utf-8"
        )
        (home / "web-token").write_text("web.identity.token", encoding="utf-8")
        for name, value in {
            "AWS_ACCESS_KEY_ID": "AKIDENV",
            "AWS_SECRET_ACCESS_KEY": "ENVSECRET",
            "AWS_WEB_IDENTITY_TOKEN_FILE": str(home / "web-token"),
            "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/web",
            "AWS_ROLE_SESSION_NAME": "web",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": f"{fake.url}/ecs/task",
            "AWS_ENDPOINT_URL_STS": fake.url,
            "AWS_ENDPOINT_URL_SSO": fake.url,
            "AWS_EC2_METADATA_SERVICE_ENDPOINT": fake.url,
            "AWS_DEFAULT_REGION": "us-west-2",
            "AWS_PROFILE": "p",
        }.items():
            monkeypatch.setenv(name, value)
        monkeypatch.delenv("AWS_EC2_METADATA_DISABLED")
        self.write_files()

    def write_files(self) -> None:
        lines = ["[profile p]"]
        if "assume-role" in self.present:
            lines += ["role_arn = arn:aws:iam::123456789012:role/p", "source_profile = base"]
        if "sso" in self.present:
            lines += ["sso_session = corp", "sso_account_id = 111122223333", "sso_role_name = R"]
        if "custom-process" in self.present:
            command = f"{shlex.quote(sys.executable)} -c {shlex.quote(PROCESS)}"
            lines += [f"credential_process = {command}"]
        if "config-file" in self.present:
            lines += ["aws_access_key_id = AKIDCONFIG", "aws_secret_access_key = CONFIGSECRET"]
        lines += [
            "[sso-session corp]",
            "sso_start_url = https://corp/start",
            "sso_region = eu-west-1",
        ]
        (self.home / ".aws" / "config").write_text("\n".join(lines) + "\n", encoding="utf-8")
        creds = ["[base]", "aws_access_key_id = AKIDBASE", "aws_secret_access_key = BASESECRET"]
        if "shared-credentials-file" in self.present:
            creds += ["[p]", "aws_access_key_id = AKIDFILE", "aws_secret_access_key = FILESECRET"]
        (self.home / ".aws" / "credentials").write_text("\n".join(creds) + "\n", encoding="utf-8")

    def remove(self, method: str) -> None:
        self.present.discard(method)
        variables = {
            "env": ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
            "assume-role-with-web-identity": ["AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN"],
            "container-role": ["AWS_CONTAINER_CREDENTIALS_FULL_URI"],
            "iam-role": ["AWS_EC2_METADATA_SERVICE_ENDPOINT"],
        }.get(method, [])
        for name in variables:
            self.mp.delenv(name)
        if method == "iam-role":
            self.mp.setenv("AWS_EC2_METADATA_DISABLED", "true")
        self.write_files()


def botocore_session(home: Path, monkeypatch: pytest.MonkeyPatch, profile: str | None = None):  # type: ignore[no-untyped-def]
    import botocore.credentials
    import botocore.session
    import botocore.tokens

    cache = str(home / ".aws" / "sso" / "cache")  # botocore fixed it when it was imported
    monkeypatch.setattr(botocore.credentials.SSOProvider, "_SSO_TOKEN_CACHE_DIR", cache)
    monkeypatch.setattr(botocore.tokens.SSOTokenProvider, "_SSO_TOKEN_CACHE_DIR", cache)
    return botocore.session.Session(profile=profile)


def test_botocore_resolves_in_the_order_we_document(aws_home: Path) -> None:
    # The chain botocore builds (login and the boto2 / EC2-CLI file providers aside).
    import botocore.credentials
    import botocore.session

    resolver = botocore.credentials.create_credential_resolver(botocore.session.Session())
    methods = [p.METHOD for p in resolver.providers]
    skipped = {"login", "ec2-credentials-file", "boto-config"}
    assert [m for m in methods if m not in skipped] == RUNGS


def test_each_rung_matches_botocore(
    aws_home: Path,
    fake_aws: FakeAws,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    setup = Setup(aws_home, fake_aws, monkeypatch)
    for rung in RUNGS:
        theirs_creds = botocore_session(aws_home, monkeypatch).get_credentials()
        theirs = theirs_creds.get_frozen_credentials()
        context = ChainContext(os.environ, profile_name(os.environ, None))
        ours = default_chain(context).get_frozen_credentials()
        assert (context.method, theirs_creds.method) == (rung, rung)
        assert (ours.access_key, ours.secret_key, ours.token) == (
            theirs.access_key,
            theirs.secret_key,
            theirs.token,
        ), rung
        setup.remove(rung)
    # Nothing left: botocore finds nothing, and neither do we.
    assert botocore_session(aws_home, monkeypatch).get_credentials() is None
    with pytest.raises(NoCredentialsError):
        default_chain(ChainContext(os.environ, "p"))
    # Our DEBUG logs name every provider chosen, and no secret or token.
    ours_logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("_runtime"))
    assert all(f"the {rung} provider" in ours_logged for rung in RUNGS)
    secrets = ["ENVSECRET", "BASESECRET", "FILESECRET", "CONFIGSECRET", "PROCSECRET"]
    secrets += ["web.identity.token", "sso-access-token", *fake_aws.secrets.values()]
    assert not [s for s in secrets if s in ours_logged]


def test_explicit_profile_skips_environment_like_botocore(
    aws_home: Path, fake_aws: FakeAws, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup = Setup(aws_home, fake_aws, monkeypatch)
    setup.remove("assume-role")
    theirs_creds = botocore_session(aws_home, monkeypatch, profile="p").get_credentials()
    context = ChainContext(os.environ, "p", explicit_profile=True)
    ours = default_chain(context).get_frozen_credentials()
    # Neither the env keys nor the env web identity: SSO is the first profile provider left.
    assert (context.method, theirs_creds.method) == ("sso", "sso")
    assert ours.access_key == theirs_creds.get_frozen_credentials().access_key


def test_assume_role_requests_match_botocore(
    aws_home: Path, fake_aws: FakeAws, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup = Setup(aws_home, fake_aws, monkeypatch)
    setup.remove("env")
    botocore_session(aws_home, monkeypatch).get_credentials().get_frozen_credentials()
    default_chain(ChainContext(os.environ, "p")).get_frozen_credentials()
    theirs, ours = fake_aws.calls("sts")
    ignore = {"RoleSessionName"}  # botocore-session-<time> / apismith-session-<time>
    assert {k: v for k, v in ours.form.items() if k not in ignore} == {
        k: v for k, v in theirs.form.items() if k not in ignore
    }

    def scope(call: Seen) -> tuple[str, str]:
        credential = call.headers["authorization"].split("Credential=")[1].split(",")[0]
        key, _day, rest = credential.split("/", 2)
        return key, rest  # the signing key and "<region>/sts/aws4_request"

    assert scope(ours) == scope(theirs) == ("AKIDBASE", "us-west-2/sts/aws4_request")
    assert ours.headers["content-type"] == theirs.headers["content-type"]
