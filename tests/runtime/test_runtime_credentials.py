"""AWS credential and region chains, against a temporary HOME and a controlled environment."""

from __future__ import annotations

from pathlib import Path

import pytest
from _runtime._credentials import (
    AwsCredentials,
    ConfigurationError,
    InvalidRegionError,
    NoCredentialsError,
    NoRegionError,
    PartialCredentialsError,
    resolve_credentials,
    resolve_region,
)


@pytest.fixture
def home(aws_home: Path) -> Path:
    """An empty HOME and an environment with no AWS_* variables (instance metadata off)."""
    return aws_home


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_explicit_wins(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "ENV")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "ENVSECRET")
    explicit = AwsCredentials("A", "B")
    assert resolve_credentials(explicit) is explicit


def test_environment(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(home / ".aws" / "credentials", "[default]\naws_access_key_id=FILE\n")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "ENV")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "ENVSECRET")
    assert resolve_credentials(None) == AwsCredentials("ENV", "ENVSECRET")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "NEW")
    assert resolve_credentials(None).get_frozen_credentials().session_token == "NEW"
    # botocore's EnvProvider looks at AWS_SECURITY_TOKEN first (checked against botocore in
    # test_same_answer_as_botocore_env_tokens).
    monkeypatch.setenv("AWS_SECURITY_TOKEN", "OLD")
    assert resolve_credentials(None).get_frozen_credentials().session_token == "OLD"


def test_env_mapping_is_used_instead_of_os_environ(home: Path) -> None:
    env = {"AWS_ACCESS_KEY_ID": "K", "AWS_SECRET_ACCESS_KEY": "S", "AWS_SESSION_TOKEN": "T"}
    assert resolve_credentials(None, env) == AwsCredentials("K", "S", "T")


def test_partial_environment(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "ENV")
    with pytest.raises(PartialCredentialsError, match="AWS_SECRET_ACCESS_KEY"):
        resolve_credentials(None)


def test_shared_credentials_file_and_profile(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        home / ".aws" / "credentials",
        "[default]\naws_access_key_id = DEF\naws_secret_access_key = DEFSECRET%\n\n"
        "[dev]\naws_access_key_id=DEV\naws_secret_access_key=DEVSECRET\n"
        "aws_session_token=DEVTOKEN\n",
    )
    assert resolve_credentials(None) == AwsCredentials("DEF", "DEFSECRET%")
    monkeypatch.setenv("AWS_PROFILE", "dev")
    assert resolve_credentials(None) == AwsCredentials("DEV", "DEVSECRET", "DEVTOKEN")
    assert resolve_credentials(None, profile="default").access_key_id == "DEF"


def test_explicit_profile_skips_environment(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # botocore: an explicitly chosen profile negates the environment provider.
    write(home / ".aws" / "credentials", "[p]\naws_access_key_id=P\naws_secret_access_key=PS\n")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "ENV")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "ENVSECRET")
    assert resolve_credentials(None, profile="p").access_key_id == "P"
    monkeypatch.setenv("AWS_PROFILE", "p")
    assert resolve_credentials(None).access_key_id == "ENV"


def test_custom_file_locations(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    custom = write(
        tmp_path / "creds.ini", "[default]\naws_access_key_id=C\naws_secret_access_key=CS\n"
    )
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(custom))
    assert resolve_credentials(None).access_key_id == "C"


def test_config_file_static_keys(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        home / ".aws" / "config",
        "[default]\nregion = eu-west-1\naws_access_key_id=CFGDEF\naws_secret_access_key=S\n"
        "[profile ops]\nregion=us-east-2\naws_access_key_id=OPS\naws_secret_access_key=S2\n"
        "s3 =\n  max_concurrent_requests = 20\n"
        "[ops]\naws_access_key_id=IGNORED\naws_secret_access_key=IGNORED\n",
    )
    assert resolve_credentials(None).access_key_id == "CFGDEF"
    monkeypatch.setenv("AWS_PROFILE", "ops")
    assert resolve_credentials(None).access_key_id == "OPS"
    # The credentials file takes precedence over the config file.
    write(home / ".aws" / "credentials", "[ops]\naws_access_key_id=CRED\naws_secret_access_key=S\n")
    assert resolve_credentials(None).access_key_id == "CRED"


def test_profile_default_spelling_in_config(home: Path) -> None:
    write(
        home / ".aws" / "config",
        "[profile default]\naws_access_key_id=X\naws_secret_access_key=Y\n",
    )
    assert resolve_credentials(None).access_key_id == "X"


def test_nothing_found_names_every_place(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_PROFILE", "missing")
    with pytest.raises(NoCredentialsError) as info:
        resolve_credentials(None)
    message = str(info.value)
    assert "AWS_ACCESS_KEY_ID" in message
    assert str(home / ".aws" / "credentials") in message
    assert str(home / ".aws" / "config") in message
    assert "'missing'" in message


def test_partial_profile_and_bad_file(home: Path) -> None:
    write(home / ".aws" / "credentials", "[default]\naws_access_key_id=ONLY\n")
    with pytest.raises(PartialCredentialsError, match="aws_secret_access_key"):
        resolve_credentials(None)
    write(home / ".aws" / "credentials", "not an ini file\n")
    with pytest.raises(ConfigurationError, match="cannot read"):
        resolve_credentials(None)


def test_repr_hides_secrets() -> None:
    creds = AwsCredentials("AKIDEXAMPLE", "supersecret", "sessiontoken")
    text = repr(creds)
    assert "AKIDEXAMPLE" in text
    assert "supersecret" not in text and "sessiontoken" not in text
    assert "session_token=None" in repr(AwsCredentials("A", "supersecret"))
    assert "supersecret" not in str(creds)


def test_region_chain(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        home / ".aws" / "config", "[default]\nregion=eu-west-1\n[profile dev]\nregion=ap-south-1\n"
    )
    assert resolve_region(None) == "eu-west-1"
    monkeypatch.setenv("AWS_PROFILE", "dev")
    assert resolve_region(None) == "ap-south-1"
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-2")
    assert resolve_region(None) == "us-east-2"
    monkeypatch.setenv("AWS_REGION", "us-west-2")
    assert resolve_region(None) == "us-west-2"
    assert resolve_region("ca-central-1") == "ca-central-1"
    assert resolve_region(None, {"AWS_REGION": "sa-east-1"}) == "sa-east-1"


def test_no_region(home: Path) -> None:
    with pytest.raises(NoRegionError, match="AWS_REGION"):
        resolve_region(None)


@pytest.mark.parametrize("bad", ["us-west-2.evil.com", "us west", "-x", "a/b", "x" * 64])
def test_invalid_region(home: Path, bad: str) -> None:
    with pytest.raises(InvalidRegionError):
        resolve_region(bad)


@pytest.mark.parametrize("profile", [None, "dev", "ops"])
def test_same_answer_as_botocore(home: Path, monkeypatch: pytest.MonkeyPatch, profile: str) -> None:
    import botocore.session

    # Never let botocore fall through to the instance-metadata provider (the network).
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    write(
        home / ".aws" / "credentials",
        "[default]\naws_access_key_id=DEF\naws_secret_access_key=DS\n"
        "[dev]\naws_access_key_id=DEV\naws_secret_access_key=VS\naws_session_token=VT\n",
    )
    write(
        home / ".aws" / "config",
        "[default]\nregion=eu-west-1\n[profile dev]\nregion=ap-south-1\n"
        "[profile ops]\nregion=us-east-2\naws_access_key_id=OPS\naws_secret_access_key=OS\n",
    )
    if profile:
        monkeypatch.setenv("AWS_PROFILE", profile)
    session = botocore.session.Session()
    theirs = session.get_credentials().get_frozen_credentials()
    ours = resolve_credentials(None)
    assert (ours.access_key_id, ours.secret_access_key, ours.session_token) == (
        theirs.access_key,
        theirs.secret_key,
        theirs.token,
    )
    assert resolve_region(None) == session.get_config_variable("region")


def test_malformed_credentials_line_keeps_the_secret_out_of_the_message(home: Path) -> None:
    # Issue 12: "aws_secret_access_key SECRET" (no "=") used to be quoted in the error.
    write(
        home / ".aws" / "credentials",
        "[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key wJalrXUtnSECRET\n",
    )
    with pytest.raises(ConfigurationError) as info:
        resolve_credentials(None)
    message = str(info.value)
    assert "wJalrXUtnSECRET" not in message
    assert "line(s) 3" in message and str(home / ".aws" / "credentials") in message
    # Not in the exception chain either (a traceback would print it).
    assert info.value.__cause__ is None and info.value.__suppress_context__


@pytest.mark.parametrize(
    "text, expected",
    [
        ("aws_secret_access_key = S\n[default]\n", "line 1 comes before any [section]"),
        ("[default]\n[default]\n", "section [default] appears twice (line 2)"),
        ("[default]\nregion=a\nregion=b\n", "key 'region' appears twice"),
    ],
)
def test_other_malformed_files_are_located(home: Path, text: str, expected: str) -> None:
    write(home / ".aws" / "config", text)
    with pytest.raises(ConfigurationError, match="cannot read AWS config file") as info:
        resolve_credentials(None)
    assert expected in str(info.value)
    assert "= S" not in str(info.value)


def test_lone_secret_is_ignored_like_botocore(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # botocore only looks at a source when it has an access key id.
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "ENVSECRET")
    write(home / ".aws" / "credentials", "[default]\naws_secret_access_key=S\n")
    write(home / ".aws" / "config", "[default]\naws_access_key_id=CFG\naws_secret_access_key=C\n")
    assert resolve_credentials(None).get_frozen_credentials().access_key_id == "CFG"


def test_default_profile_variable_wins_like_botocore(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import botocore.session

    write(
        home / ".aws" / "credentials",
        "[a]\naws_access_key_id=A\naws_secret_access_key=AS\n"
        "[b]\naws_access_key_id=B\naws_secret_access_key=BS\n",
    )
    monkeypatch.setenv("AWS_PROFILE", "a")
    monkeypatch.setenv("AWS_DEFAULT_PROFILE", "b")
    theirs = botocore.session.Session().get_credentials().get_frozen_credentials()
    assert theirs.access_key == "B"
    assert resolve_credentials(None).get_frozen_credentials().access_key_id == "B"


def test_same_answer_as_botocore_env_tokens(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import botocore.session

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "K")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "S")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "NEW")
    monkeypatch.setenv("AWS_SECURITY_TOKEN", "OLD")
    write(
        home / ".aws" / "credentials",
        "[p]\naws_access_key_id=P\naws_secret_access_key=PS\n"
        "aws_session_token=NEW\naws_security_token=OLD\n",
    )
    for profile in (None, "p"):
        session = botocore.session.Session(profile=profile)
        theirs = session.get_credentials().get_frozen_credentials()
        ours = resolve_credentials(None, profile=profile).get_frozen_credentials()
        assert (ours.access_key, ours.secret_key, ours.token) == (
            theirs.access_key,
            theirs.secret_key,
            theirs.token,
        )
        assert ours.token == "OLD"


def test_region_from_the_credentials_file_like_botocore(home: Path) -> None:
    import botocore.session

    # botocore merges the credentials file into the profiles it reads settings from.
    write(home / ".aws" / "credentials", "[default]\nregion=eu-north-1\n")
    assert botocore.session.Session().get_config_variable("region") == "eu-north-1"
    assert resolve_region(None) == "eu-north-1"


def test_explicit_credentials_must_have_get_frozen_credentials(home: Path) -> None:
    with pytest.raises(TypeError, match="get_frozen_credentials"):
        resolve_credentials(("AKID", "SECRET"))  # type: ignore[arg-type]


def test_login_sessions_are_refused_not_skipped(home: Path) -> None:
    # botocore's login provider would claim this profile before its static keys.
    write(
        home / ".aws" / "config",
        "[default]\nlogin_session = arn:aws:iam::1:user/me\n"
        "aws_access_key_id = CFG\naws_secret_access_key = C\n",
    )
    with pytest.raises(ConfigurationError, match="login_session"):
        resolve_credentials(None)
