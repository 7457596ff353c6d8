"""``credential_process``: run without a shell, JSON Version 1, failures without secrets."""

from __future__ import annotations

import json
import os
import shlex
import sys
import time
import traceback
from datetime import UTC, datetime, timedelta
from pathlib import Path

import _runtime._aws_sources as sources
import pytest
from _runtime._aws_config import ConfigurationError, CredentialRetrievalError
from _runtime._credentials import resolve_credentials

HELPER = """
import json, os, sys, time
mode = os.environ.get("HELPER_MODE", "ok")
counter = os.environ.get("HELPER_COUNTER")
if counter:
    with open(counter, "a") as f:
        f.write("x")
if mode == "ok":
    out = {"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "PROCSECRET",
           "SessionToken": "PROCTOKEN", "Expiration": os.environ.get("HELPER_EXPIRATION")}
    if out["Expiration"] is None:
        del out["Expiration"]
    out["Args"] = sys.argv[1:]
    print(json.dumps(out))
elif mode == "fail":
    print('{"AccessKeyId": "AKIDHALF", "SecretAccessKey": "LEAKEDSECRET"')
    print("the SSO session for helen has expired", file=sys.stderr)
    sys.exit(3)
elif mode == "hang":
    with open(os.environ["HELPER_PID"], "w") as f:
        f.write(str(os.getpid()))
    time.sleep(30)
elif mode == "garbage":
    print("AccessKeyId=AKID SecretAccessKey=LEAKEDSECRET")
elif mode == "v2":
    print(json.dumps({"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "LEAKEDSECRET"}))
elif mode == "nosecret":
    print(json.dumps({"Version": 1, "AccessKeyId": "A"}))
elif mode == "badexpiry":
    print(json.dumps({"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "LEAKEDSECRET",
                      "Expiration": "soon"}))
"""


@pytest.fixture
def helper(aws_home: Path) -> str:
    script = aws_home / "creds helper.py"  # a space in the path: quoting must survive
    script.write_text(HELPER, encoding="utf-8")
    return f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}"


def use(home: Path, command: str, profile: str = "default") -> None:
    section = "[default]" if profile == "default" else f"[profile {profile}]"
    (home / ".aws" / "config").write_text(
        f"{section}\ncredential_process = {command}\n", encoding="utf-8"
    )


def test_success(helper: str, aws_home: Path) -> None:
    use(aws_home, f"{helper} --user 'helen smith' '$HOME;' --password hunter2")
    creds = resolve_credentials(None).get_frozen_credentials()
    assert (creds.access_key_id, creds.secret_access_key, creds.session_token) == (
        "AKIDPROC",
        "PROCSECRET",
        "PROCTOKEN",
    )
    assert creds.expiration is None


def test_arguments_arrive_verbatim(helper: str, aws_home: Path) -> None:
    # No shell: quotes group words, "$HOME" and ";" are plain characters.
    import subprocess

    out = subprocess.run(
        sources._split_command(f"{helper} --user 'helen smith' '$HOME;'"),
        capture_output=True,
        check=True,
    )
    assert json.loads(out.stdout)["Args"] == ["--user", "helen smith", "$HOME;"]


def test_expiration_makes_it_refresh(
    helper: str, aws_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = aws_home / "runs"
    monkeypatch.setenv("HELPER_COUNTER", str(counter))
    expires = datetime.now(UTC) + timedelta(hours=1)
    monkeypatch.setenv("HELPER_EXPIRATION", expires.isoformat())
    use(aws_home, helper)
    now = [datetime.now(UTC)]
    source = resolve_credentials(None, clock=lambda: now[0])
    assert not counter.exists()  # nothing runs until the first request
    first = source.get_frozen_credentials()
    assert first.expiration == expires
    source.get_frozen_credentials()
    assert counter.read_text() == "x"
    now[0] = expires - timedelta(minutes=5)  # mandatory window: run again
    monkeypatch.setenv("HELPER_EXPIRATION", (expires + timedelta(hours=1)).isoformat())
    source.get_frozen_credentials()
    assert counter.read_text() == "xx"


def test_failure_shows_stderr_but_not_arguments_or_stdout(
    helper: str, aws_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HELPER_MODE", "fail")
    use(aws_home, f"{helper} --password hunter2")
    with pytest.raises(CredentialRetrievalError) as info:
        resolve_credentials(None).get_frozen_credentials()
    message = str(info.value)
    assert "exited with status 3: the SSO session for helen has expired" in message
    assert "credential_process 'python" in message
    text = "".join(traceback.format_exception(info.value))
    assert "hunter2" not in text and "LEAKEDSECRET" not in text


def test_timeout_kills_the_process(
    helper: str, aws_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HELPER_MODE", "hang")
    monkeypatch.setenv("HELPER_PID", str(aws_home / "pid"))
    monkeypatch.setattr(sources, "CREDENTIAL_PROCESS_TIMEOUT", 0.5)
    use(aws_home, f"{helper} --password hunter2")
    started = time.monotonic()
    with pytest.raises(CredentialRetrievalError, match=r"did not finish within 0\.5 s") as info:
        resolve_credentials(None).get_frozen_credentials()
    assert time.monotonic() - started < 5
    assert "hunter2" not in "".join(traceback.format_exception(info.value))
    pid = int((aws_home / "pid").read_text())
    if os.name == "posix":
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # killed and reaped, not left running


@pytest.mark.parametrize(
    "mode, match",
    [
        ("garbage", "did not print a JSON object"),
        ("v2", "printed Version 2; only 1 is supported"),
        ("nosecret", "printed no SecretAccessKey"),
        ("badexpiry", "Expiration that is not an ISO 8601 timestamp: 'soon'"),
    ],
)
def test_bad_output_is_described_not_shown(
    helper: str, aws_home: Path, monkeypatch: pytest.MonkeyPatch, mode: str, match: str
) -> None:
    monkeypatch.setenv("HELPER_MODE", mode)
    use(aws_home, helper)
    with pytest.raises(CredentialRetrievalError, match=match) as info:
        resolve_credentials(None).get_frozen_credentials()
    assert "LEAKEDSECRET" not in "".join(traceback.format_exception(info.value))


def test_missing_program(aws_home: Path) -> None:
    use(aws_home, "/nonexistent/aws-vault exec prod --secret x")
    with pytest.raises(CredentialRetrievalError, match=r"'aws-vault' .* could not be started"):
        resolve_credentials(None).get_frozen_credentials()


def test_unbalanced_quotes(aws_home: Path) -> None:
    use(aws_home, "helper 'oops")
    with pytest.raises(ConfigurationError, match="unbalanced quotes"):
        resolve_credentials(None).get_frozen_credentials()


def test_same_credentials_as_botocore(
    helper: str, aws_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import botocore.session

    expires = (datetime.now(UTC) + timedelta(hours=2)).replace(microsecond=0)
    monkeypatch.setenv("HELPER_EXPIRATION", expires.strftime("%Y-%m-%dT%H:%M:%SZ"))
    use(aws_home, f"{helper} --user 'helen smith'", profile="proc")
    monkeypatch.setenv("AWS_PROFILE", "proc")
    theirs_creds = botocore.session.Session().get_credentials()
    theirs = theirs_creds.get_frozen_credentials()
    ours = resolve_credentials(None).get_frozen_credentials()
    assert theirs_creds.method == "custom-process"
    assert (ours.access_key, ours.secret_key, ours.token) == (
        theirs.access_key,
        theirs.secret_key,
        theirs.token,
    )
    assert ours.expiration == expires
