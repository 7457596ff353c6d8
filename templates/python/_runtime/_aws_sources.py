"""botocore's default credential chain: the providers, in botocore's order, with its rules.

:func:`default_chain` walks the providers of botocore 1.44's ``create_credential_resolver``:

1. environment variables (skipped when a profile is chosen explicitly);
2. assume-role profiles (``role_arn`` with ``source_profile`` or ``credential_source``);
3. web identity (``AWS_WEB_IDENTITY_TOKEN_FILE`` / ``AWS_ROLE_ARN``, or the profile);
4. SSO (``sso_session`` or the legacy ``sso_start_url`` profile keys);
5. static keys of the shared credentials file;
6. ``credential_process``;
7. static keys of the shared config file;
8. container credentials (ECS, EKS Pod Identity);
9. EC2 instance metadata (IMDSv2, IMDSv1 fallback).

botocore also has a ``login`` provider between 5 and 6 (``aws login`` sessions: DPoP-signed
with an EC key, it needs ``botocore[crt]``) and the boto2 / EC2-CLI file providers between 7
and 8; those are not supported here. A profile with ``mfa_serial`` is refused: botocore
prompts on the terminal for the code, which a library cannot do.

Deciding *which* provider applies only reads the environment and the files; providers that
need the network or a subprocess return credentials that fetch on first use, so creating a
client never blocks on I/O (botocore fetches container, IMDS and ``credential_process``
credentials while it builds the chain; the errors are the same, only later). The one provider
that can only tell by asking is the last, instance metadata: when it has nothing, the first
request raises :class:`NoCredentialsError`, as a botocore client without credentials does.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import logging
import os
import random
import shlex
import subprocess
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ._aws_config import (
    AwsCredentials,
    ConfigurationError,
    CredentialRetrievalError,
    CredentialsSource,
    NoCredentialsError,
    PartialCredentialsError,
    SharedConfig,
    configured_endpoint,
    ensure_boolean,
    expand_path,
    load_shared_config,
)
from ._aws_refresh import RefreshableCredentials, parse_timestamp, utc_clock
from ._aws_sts import (
    assume_role,
    assume_role_with_web_identity,
    create_token,
    get_role_credentials,
    oidc_endpoint,
    sso_endpoint,
    sts_endpoint,
)
from ._http import HttpRequest, HttpResponse, TransportError

if TYPE_CHECKING:
    from ._aws_http import StdlibTransport

__all__ = [
    "CONTAINER_RETRY_PAUSE",
    "CREDENTIAL_PROCESS_TIMEOUT",
    "ChainContext",
    "default_chain",
]

_log = logging.getLogger(__name__)

#: Seconds a ``credential_process`` may run. botocore waits forever; a hung helper should
#: fail the request instead. Generous, because helpers may prompt (MFA, a browser login).
CREDENTIAL_PROCESS_TIMEOUT = 60.0

# botocore's ContainerMetadataFetcher: 2 s per attempt, 3 attempts, 1 s apart.
CONTAINER_TIMEOUT = 2.0
CONTAINER_ATTEMPTS = 3
#: Seconds between container endpoint attempts.
CONTAINER_RETRY_PAUSE = 1.0
_CONTAINER_HOST = "169.254.170.2"
_CONTAINER_ALLOWED_HOSTS = frozenset(
    {"169.254.170.2", "169.254.170.23", "fd00:ec2::23", "localhost"}
)

# botocore's IMDSFetcher / InstanceMetadataFetcher.
_IMDS_IPV4 = "http://169.254.169.254/"
_IMDS_IPV6 = "http://[fd00:ec2::254]/"
_IMDS_TOKEN_PATH = "latest/api/token"
_IMDS_ROLE_PATH = "latest/meta-data/iam/security-credentials/"
_IMDS_TOKEN_TTL = "21600"
_IMDS_FIELDS = ("AccessKeyId", "SecretAccessKey", "Token", "Expiration")

#: An SSO access token this close to expiry is renewed with its refresh token (botocore's
#: SSOTokenProvider._REFRESH_WINDOW).
_SSO_REFRESH_WINDOW = timedelta(minutes=15)

# credential_source values botocore knows (CanonicalNameCredentialSourcer; exact spelling).
_CREDENTIAL_SOURCES = ("Environment", "Ec2InstanceMetadata", "EcsContainer")


@dataclass
class ChainContext:
    """What the providers read: the environment, the shared files, the chosen profile.

    :param profile: the profile the chain starts from (endpoint and IMDS settings are read
        from it, as botocore reads them from the session's profile).
    :param explicit_profile: the profile was passed in, not taken from ``AWS_PROFILE``:
        botocore then skips credentials in environment variables.
    :param region: the region STS calls go to (the client's region).
    """

    environ: Mapping[str, str]
    profile: str
    explicit_profile: bool = False
    region: str | None = None
    clock: Callable[[], datetime] = utc_clock
    looked: list[str] = field(default_factory=list)
    #: botocore's METHOD name of the provider that answered (``env``, ``assume-role``,
    #: ``assume-role-with-web-identity``, ``sso``, ``shared-credentials-file``,
    #: ``custom-process``, ``config-file``, ``container-role``, ``iam-role``).
    method: str | None = None
    _config: SharedConfig | None = None

    @property
    def config(self) -> SharedConfig:
        if self._config is None:
            self._config = load_shared_config(self.environ)
        return self._config

    def scoped(self) -> Mapping[str, str]:
        return self.config.profiles.get(self.profile, {})

    def setting(self, variable: str, key: str) -> str | None:
        """botocore's ``get_config_variable``: the environment variable when it is set (even
        empty), else the key in the chosen profile of the config files."""
        if variable in self.environ:
            return self.environ[variable]
        return self.scoped().get(key)

    def transport(self, *, proxy: bool) -> StdlibTransport:
        # http.client (and the email package it reads headers with) only when a provider
        # fetches credentials over HTTP, not when the package is imported.
        from ._aws_http import StdlibTransport

        ca_bundle = self.setting("AWS_CA_BUNDLE", "ca_bundle") or None
        return StdlibTransport(environ=self.environ if proxy else None, ca_bundle=ca_bundle)

    def sts_region(self) -> str | None:
        # botocore creates its STS client in the region of the client being built (here:
        # ours), else the session's region (AWS_DEFAULT_REGION, then the profile).
        return self.region or self.environ.get("AWS_DEFAULT_REGION") or self.scoped().get("region")

    def endpoint(self, service_id: str) -> str | None:
        return configured_endpoint(self.environ, self.config, self.scoped(), service_id)


def default_chain(ctx: ChainContext) -> CredentialsSource:
    """The first provider that applies, in botocore's order (see the module docstring).

    :raises NoCredentialsError: nothing applies (and instance metadata is disabled).
    :raises ConfigurationError: a provider applies but is misconfigured.
    """
    # botocore 1.44 create_credential_resolver(): env, assume-role, then
    # ProfileProviderBuilder.providers() (web identity, SSO, shared credentials file, login,
    # process, config file), then the EC2-CLI file, boto2 config, container, instance metadata.
    # An explicitly chosen profile removes the env provider (and env vars of web identity).
    if not ctx.explicit_profile:
        found = _env_source(ctx.environ, ctx.clock)
        if found is not None:
            return _chosen(ctx, "env", found)
        ctx.looked.append("environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY")

    profile = ctx.config.profiles.get(ctx.profile, {})
    if _is_assume_role(profile):
        return _chosen(ctx, "assume-role", _assume_role_source(ctx, ctx.profile, [ctx.profile]))

    found = _profile_chain(ctx, ctx.profile, disable_env=ctx.explicit_profile, record=True)
    if found is not None:
        return found

    found = _container_source(ctx)
    if found is not None:
        return _chosen(ctx, "container-role", found)
    ctx.looked.append("container credentials (AWS_CONTAINER_CREDENTIALS_*_URI not set)")

    return _chosen(ctx, "iam-role", _imds_source(ctx))


def _chosen(ctx: ChainContext, method: str, found: CredentialsSource) -> CredentialsSource:
    ctx.method = method
    _log.debug("AWS credentials from the %s provider (profile %r)", method, ctx.profile)
    return found


# --- 1. environment ----------------------------------------------------------------------------


def _env_source(
    environ: Mapping[str, str], clock: Callable[[], datetime]
) -> CredentialsSource | None:
    """botocore's EnvProvider; with ``AWS_CREDENTIAL_EXPIRATION`` the variables are read
    again when the credentials near expiry (something may have updated them)."""
    if not environ.get("AWS_ACCESS_KEY_ID"):
        return None  # a lone secret key is ignored, as botocore does

    def read() -> AwsCredentials:
        key = environ.get("AWS_ACCESS_KEY_ID", "")
        secret = environ.get("AWS_SECRET_ACCESS_KEY", "")
        if not key or not secret:
            missing = "AWS_SECRET_ACCESS_KEY" if key else "AWS_ACCESS_KEY_ID"
            raise PartialCredentialsError(
                f"incomplete AWS credentials in the environment: {missing} is not set"
            )
        # botocore looks at AWS_SECURITY_TOKEN first (its original name), then the
        # AWS_SESSION_TOKEN the SDKs standardised on.
        token = environ.get("AWS_SECURITY_TOKEN") or environ.get("AWS_SESSION_TOKEN") or None
        expiry = environ.get("AWS_CREDENTIAL_EXPIRATION") or None
        expiration = None
        if expiry is not None:
            try:
                expiration = parse_timestamp(expiry)
            except ValueError:
                raise ConfigurationError(
                    f"AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 timestamp: {expiry[:40]!r}"
                ) from None
        return AwsCredentials(key, secret, token, expiration=expiration)

    first = read()
    if first.expiration is None:
        return first
    return RefreshableCredentials(read, method="env", initial=first, clock=clock)


# --- 2. assume role ----------------------------------------------------------------------------


def _is_assume_role(profile: Mapping[str, str]) -> bool:
    # A profile with web_identity_token_file is the web identity provider's, even with role_arn.
    return "role_arn" in profile and "web_identity_token_file" not in profile


def _has_static_keys(profile: Mapping[str, str]) -> bool:
    return "aws_access_key_id" in profile or "aws_secret_access_key" in profile


def _assume_role_source(ctx: ChainContext, name: str, visited: list[str]) -> CredentialsSource:
    """botocore's AssumeRoleProvider for profile ``name``; ``visited`` detects cycles."""
    profiles = ctx.config.profiles
    profile = profiles[name]
    source_profile = profile.get("source_profile")
    credential_source = profile.get("credential_source")
    if credential_source is not None and source_profile is not None:
        raise ConfigurationError(
            f"profile {name!r} has both source_profile and credential_source; keep one"
        )
    if credential_source is None and source_profile is None:
        raise PartialCredentialsError(
            f"profile {name!r} has role_arn but neither source_profile nor credential_source"
        )
    if profile.get("mfa_serial") is not None:
        raise ConfigurationError(
            f"profile {name!r} sets mfa_serial: botocore prompts on the terminal for the MFA "
            "code, which generated clients do not do. Get session credentials first (for "
            "example `aws configure export-credentials --profile ...`) or use a "
            "credential_process that prompts."
        )

    source: CredentialsSource
    if credential_source is not None:
        source = _named_source(ctx, credential_source, name)
    else:
        assert source_profile is not None
        _check_source_profile(profiles, name, source_profile, visited)
        visited.append(source_profile)
        source = _source_profile_credentials(ctx, source_profile, visited)

    params = [("RoleArn", profile["role_arn"])]
    params.append(("RoleSessionName", profile.get("role_session_name") or _session_name()))
    duration = profile.get("duration_seconds")
    if duration is not None:
        try:
            params.append(("DurationSeconds", str(int(duration))))
        except ValueError:
            pass  # botocore drops a duration that is not an integer
    if profile.get("external_id") is not None:
        params.append(("ExternalId", profile["external_id"]))

    def fetch() -> AwsCredentials:
        endpoint = sts_endpoint(
            ctx.sts_region(),
            configured=ctx.endpoint("STS"),
            mode=ctx.setting("AWS_STS_REGIONAL_ENDPOINTS", "sts_regional_endpoints"),
        )
        frozen = source.get_frozen_credentials()
        return assume_role(ctx.transport(proxy=True), endpoint, frozen, params)

    return RefreshableCredentials(fetch, method="assume-role", clock=ctx.clock)


def _session_name() -> str:
    # botocore names sessions botocore-session-<epoch seconds>; this names the caller.
    return f"apismith-session-{int(time.time())}"


def _check_source_profile(
    profiles: Mapping[str, Mapping[str, str]], parent: str, source: str, visited: list[str]
) -> None:
    """botocore's _validate_source_profile: the profile must exist; revisiting one is a loop,
    except a profile naming itself while holding static keys (role and keys in one place)."""
    if source not in profiles:
        raise ConfigurationError(
            f"the source_profile {source!r} of profile {parent!r} does not exist"
        )
    if source not in visited:
        return
    if source == parent and _has_static_keys(profiles[source]):
        return
    chain = " -> ".join([*visited, source])
    raise ConfigurationError(f"source_profile loop in the AWS config files: {chain}")


def _source_profile_credentials(
    ctx: ChainContext, name: str, visited: list[str]
) -> CredentialsSource:
    profile = ctx.config.profiles[name]
    if _has_static_keys(profile) or not _is_assume_role(profile):
        # The profile's own providers, environment variables excluded (botocore passes
        # disable_env_vars=True for source profiles).
        found = _profile_chain(ctx, name, disable_env=True, record=False)
        if found is None:
            raise ConfigurationError(f"the source profile {name!r} has no credentials")
        return found
    return _assume_role_source(ctx, name, visited)


def _named_source(ctx: ChainContext, credential_source: str, profile: str) -> CredentialsSource:
    if credential_source not in _CREDENTIAL_SOURCES:
        raise ConfigurationError(
            f"the credential_source {credential_source!r} of profile {profile!r} is not valid "
            f"(use one of {', '.join(_CREDENTIAL_SOURCES)})"
        )
    missing = CredentialRetrievalError(
        f"no credentials found in credential_source {credential_source!r} referenced in "
        f"profile {profile!r}"
    )
    found: CredentialsSource | None
    if credential_source == "Environment":
        found = _env_source(ctx.environ, ctx.clock)
    elif credential_source == "EcsContainer":
        found = _container_source(ctx)
    else:
        settings = _imds_settings(ctx)
        if settings is None:
            raise missing

        def fetch() -> AwsCredentials:
            result = _imds_fetch(ctx, settings)
            if result is None:
                raise missing
            return result

        found = RefreshableCredentials(fetch, method="iam-role", clock=ctx.clock)
    if found is None:
        raise missing
    return found


# --- 3-7. the profile's own providers -----------------------------------------------------------


def _profile_chain(
    ctx: ChainContext, name: str, *, disable_env: bool, record: bool
) -> CredentialsSource | None:
    """botocore's ProfileProviderBuilder.providers(): web identity, SSO, the credentials
    file, (login), credential_process, the config file."""
    config = ctx.config

    def chosen(method: str, found: CredentialsSource) -> CredentialsSource:
        return _chosen(ctx, method, found) if record else found

    found = _web_identity_source(ctx, name, disable_env)
    if found is not None:
        return chosen("assume-role-with-web-identity", found)
    found = _sso_source(ctx, name)
    if found is not None:
        return chosen("sso", found)
    found = _static_source(config.credentials_profiles.get(name), name, config.credentials_path)
    if found is not None:
        return chosen("shared-credentials-file", found)
    if record:
        ctx.looked.append(f"profile {name!r} in {config.credentials_path}")
    if "login_session" in config.profiles.get(name, {}):
        # botocore's login provider would answer here; skipping to a later source would sign
        # with other credentials than botocore does.
        raise ConfigurationError(
            f"profile {name!r} uses an `aws login` session (login_session), which generated "
            "clients do not support; use `aws configure export-credentials` or another source"
        )
    command = config.profiles.get(name, {}).get("credential_process")
    if command:
        process = RefreshableCredentials(
            lambda: _run_process(command, name), method="custom-process", clock=ctx.clock
        )
        return chosen("custom-process", process)
    found = _static_source(config.config_profiles.get(name), name, config.config_path)
    if found is not None:
        return chosen("config-file", found)
    if record:
        ctx.looked.append(f"profile {name!r} in {config.config_path}")
    return None


def _static_source(
    section: Mapping[str, str] | None, name: str, path: str
) -> AwsCredentials | None:
    """botocore's SharedCredentialProvider / ConfigProvider: a profile with
    ``aws_access_key_id`` must also have the secret; a lone secret is ignored."""
    if section is None or "aws_access_key_id" not in section:
        return None
    if "aws_secret_access_key" not in section:
        raise PartialCredentialsError(
            f"incomplete AWS credentials in profile {name!r} in {path}: "
            "aws_secret_access_key missing"
        )
    token = section.get("aws_security_token", section.get("aws_session_token")) or None
    return AwsCredentials(section["aws_access_key_id"], section["aws_secret_access_key"], token)


# --- 3. web identity ---------------------------------------------------------------------------

_WEB_IDENTITY_VARIABLES = {
    "web_identity_token_file": "AWS_WEB_IDENTITY_TOKEN_FILE",
    "role_arn": "AWS_ROLE_ARN",
    "role_session_name": "AWS_ROLE_SESSION_NAME",
}


def _web_identity_source(
    ctx: ChainContext, name: str, disable_env: bool
) -> CredentialsSource | None:
    """botocore's AssumeRoleWithWebIdentityProvider: each setting from its environment
    variable (unless disabled), else from the profile."""
    profile = ctx.config.profiles.get(name, {})

    def get(key: str) -> str | None:
        variable = _WEB_IDENTITY_VARIABLES[key]
        if not disable_env and variable in ctx.environ:
            return ctx.environ[variable]
        return profile.get(key)

    token_file = get("web_identity_token_file")
    if not token_file:
        return None
    role_arn = get("role_arn")
    if not role_arn:
        raise ConfigurationError(
            "web identity is configured (web_identity_token_file / AWS_WEB_IDENTITY_TOKEN_FILE)"
            " but no role ARN: set role_arn in the profile or AWS_ROLE_ARN"
        )
    session_name = get("role_session_name") or _session_name()

    def fetch() -> AwsCredentials:
        try:
            # Read on every refresh: EKS rotates the projected token file.
            with open(token_file, encoding="utf-8") as handle:
                token = handle.read()
        except (OSError, UnicodeDecodeError) as err:
            reason = getattr(err, "strerror", None) or type(err).__name__
            raise CredentialRetrievalError(
                f"cannot read the web identity token file {token_file}: {reason}"
            ) from None
        params = [
            ("RoleArn", role_arn),
            ("RoleSessionName", session_name),
            ("WebIdentityToken", token),
        ]
        endpoint = sts_endpoint(
            ctx.sts_region(),
            configured=ctx.endpoint("STS"),
            mode=ctx.setting("AWS_STS_REGIONAL_ENDPOINTS", "sts_regional_endpoints"),
        )
        return assume_role_with_web_identity(ctx.transport(proxy=True), endpoint, params)

    return RefreshableCredentials(fetch, method="assume-role-with-web-identity", clock=ctx.clock)


# --- 4. SSO ------------------------------------------------------------------------------------


def _sso_source(ctx: ChainContext, name: str) -> CredentialsSource | None:
    """botocore's SSOProvider: ``sso_account_id`` / ``sso_role_name`` in the profile, with
    ``sso_start_url`` / ``sso_region`` from it (legacy) or from its ``[sso-session]``."""
    config = ctx.config
    profile = config.profiles.get(name, {})
    if "sso_role_name" not in profile and "sso_account_id" not in profile:
        return None
    settings = dict(profile)
    required = ["sso_role_name", "sso_account_id", "sso_start_url", "sso_region"]
    session_name = profile.get("sso_session")
    if session_name is not None:
        session = config.sso_sessions.get(session_name)
        if session is None:
            raise ConfigurationError(f"the sso-session {session_name!r} does not exist")
        for key, value in session.items():
            if settings.get(key, value) != value:
                raise ConfigurationError(
                    f"{key} differs between profile {name!r} and sso-session {session_name!r}"
                )
            settings[key] = value
        required.append("sso_session")
    missing = [key for key in required if key not in settings]
    if missing:
        raise ConfigurationError(
            f"profile {name!r} is configured for SSO but lacks {', '.join(missing)}"
        )

    def fetch() -> AwsCredentials:
        token = _sso_access_token(ctx, settings, session_name, name)
        portal = sso_endpoint(settings["sso_region"], configured=ctx.endpoint("SSO"))
        return get_role_credentials(
            ctx.transport(proxy=True),
            portal,
            token,
            settings["sso_role_name"],
            settings["sso_account_id"],
        )

    return RefreshableCredentials(fetch, method="sso", clock=ctx.clock)


def _sso_access_token(
    ctx: ChainContext, settings: Mapping[str, str], session_name: str | None, profile: str
) -> str:
    """The cached access token ``aws sso login`` wrote to ``~/.aws/sso/cache/<sha1>.json``
    (sha1 of the sso-session name, or of the start URL for legacy profiles)."""
    start_url = settings["sso_start_url"]
    cache_key = hashlib.sha1((session_name or start_url).encode("utf-8")).hexdigest()
    path = os.path.join(expand_path(ctx.environ, "~/.aws/sso/cache"), f"{cache_key}.json")
    login = (
        f"aws sso login --sso-session {session_name}"
        if session_name
        else (f"aws sso login --profile {profile}")
    )
    try:
        with open(path, encoding="utf-8") as handle:
            token = json.load(handle)
    except FileNotFoundError:
        raise CredentialRetrievalError(
            f"no cached SSO token for {session_name or start_url} ({path}): run `{login}`"
        ) from None
    except (OSError, ValueError):
        raise CredentialRetrievalError(f"the cached SSO token {path} is unreadable") from None
    if not isinstance(token, dict) or not isinstance(token.get("accessToken"), str):
        raise CredentialRetrievalError(f"the cached SSO token {path} is invalid: run `{login}`")
    try:
        expires = parse_timestamp(str(token.get("expiresAt")))
    except ValueError:
        raise CredentialRetrievalError(
            f"the cached SSO token {path} is invalid: run `{login}`"
        ) from None
    now = ctx.clock()
    if session_name is not None and expires - now < _SSO_REFRESH_WINDOW:
        renewed = _refresh_sso_token(ctx, token, settings, path)
        if renewed is not None:
            token, expires = renewed
    if expires <= now:
        raise CredentialRetrievalError(
            f"the SSO session for {session_name or start_url} has expired: run `{login}`"
        )
    access_token: str = token["accessToken"]
    return access_token


def _refresh_sso_token(
    ctx: ChainContext, token: dict[str, Any], settings: Mapping[str, str], path: str
) -> tuple[dict[str, Any], datetime] | None:
    """Renew the token through SSO OIDC and write it back to the cache, as botocore's
    SSOTokenProvider does; None when it cannot (the caller then uses the old one)."""
    keys = ("refreshToken", "clientId", "clientSecret", "registrationExpiresAt")
    if any(not isinstance(token.get(key), str) for key in keys):
        return None
    now = ctx.clock()
    try:
        if parse_timestamp(token["registrationExpiresAt"]) <= now:
            return None
        oidc = oidc_endpoint(settings["sso_region"], configured=ctx.endpoint("SSO_OIDC"))
        answer = create_token(ctx.transport(proxy=True), oidc, token)
    except (ValueError, ConfigurationError) as err:
        _log.warning("refreshing the SSO token failed: %s", err)
        return None
    expires = now + timedelta(seconds=answer["expiresIn"])
    renewed: dict[str, Any] = {
        "startUrl": settings["sso_start_url"],
        "region": settings["sso_region"],
        "accessToken": answer["accessToken"],
        "expiresAt": expires.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "clientId": token["clientId"],
        "clientSecret": token["clientSecret"],
        "registrationExpiresAt": token["registrationExpiresAt"],
    }
    if isinstance(answer.get("refreshToken"), str):
        renewed["refreshToken"] = answer["refreshToken"]
    _write_private_json(path, renewed)
    return renewed, expires


def _write_private_json(path: str, document: Mapping[str, Any]) -> None:
    """Replace ``path`` atomically with a file only its owner can read (it holds tokens)."""
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(document, out)
        os.replace(temporary, path)
    except OSError as err:
        # The renewed token still serves this process; the next one renews again.
        _log.warning("could not save the renewed SSO token to %s: %s", path, err.strerror)


# --- 6. credential_process ---------------------------------------------------------------------


def _run_process(command: str, profile: str) -> AwsCredentials:
    """Run ``credential_process`` without a shell and read its JSON (``Version`` 1).

    Messages name the program but never its arguments (they may hold secrets) nor its
    output; they include the program's stderr, which AWS asks such programs to keep free of
    secrets (the AWS CLI shows it too).
    """
    argv = _split_command(command)
    if not argv:
        raise ConfigurationError(f"profile {profile!r}: credential_process is empty")
    program = os.path.basename(argv[0])
    what = f"credential_process {program!r} of profile {profile!r}"
    try:
        # stdin stays the caller's so a helper can prompt on the terminal, as with botocore.
        done = subprocess.run(
            argv,
            capture_output=True,
            timeout=CREDENTIAL_PROCESS_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        # "from None": the TimeoutExpired carries the command line and any output.
        raise CredentialRetrievalError(
            f"{what} did not finish within {CREDENTIAL_PROCESS_TIMEOUT:g} s"
        ) from None
    except OSError as err:
        raise CredentialRetrievalError(
            f"{what} could not be started: {err.strerror or type(err).__name__}"
        ) from None
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", errors="replace").strip()
        detail = f": {stderr[-500:]}" if stderr else ""
        raise CredentialRetrievalError(f"{what} exited with status {done.returncode}{detail}")
    try:
        output = json.loads(done.stdout)
    except (UnicodeDecodeError, ValueError):
        output = None
    if not isinstance(output, dict):
        raise CredentialRetrievalError(
            f"{what} did not print a JSON object ({len(done.stdout)} bytes; not shown, as "
            "they may hold secrets)"
        )
    version = output.get("Version")
    if version != 1 or isinstance(version, bool):
        shown = repr(version)[:40] if "Version" in output else "none"
        raise CredentialRetrievalError(f"{what} printed Version {shown}; only 1 is supported")
    values = {}
    for key in ("AccessKeyId", "SecretAccessKey"):
        value = output.get(key)
        if not isinstance(value, str) or not value:
            raise CredentialRetrievalError(f"{what} printed no {key}")
        values[key] = value
    token = output.get("SessionToken")
    if token is not None and not isinstance(token, str):
        raise CredentialRetrievalError(f"{what} printed a SessionToken that is not a string")
    expiration = None
    raw_expiration = output.get("Expiration")
    if raw_expiration is not None:
        try:
            expiration = parse_timestamp(str(raw_expiration))
        except ValueError:
            raise CredentialRetrievalError(
                f"{what} printed an Expiration that is not an ISO 8601 timestamp: "
                f"{str(raw_expiration)[:40]!r}"
            ) from None
    return AwsCredentials(
        values["AccessKeyId"], values["SecretAccessKey"], token or None, expiration=expiration
    )


def _split_command(command: str) -> list[str]:
    """botocore's compat_shell_split: POSIX shell words; on Windows, whitespace-separated
    words where double quotes group (and are removed)."""
    try:
        if os.name != "nt":
            return shlex.split(command)
        return [word.strip('"') for word in shlex.split(command, posix=False)]
    except ValueError:
        raise ConfigurationError("credential_process has unbalanced quotes") from None


# --- 8. container credentials ------------------------------------------------------------------


def _container_source(ctx: ChainContext) -> CredentialsSource | None:
    """botocore's ContainerProvider: ``AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`` (against
    169.254.170.2) or ``AWS_CONTAINER_CREDENTIALS_FULL_URI``, whose host must be https, a
    loopback address or one of the ECS / EKS Pod Identity agent addresses."""
    environ = ctx.environ
    if "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI" in environ:
        url = f"http://{_CONTAINER_HOST}{environ['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI']}"
    elif "AWS_CONTAINER_CREDENTIALS_FULL_URI" in environ:
        url = environ["AWS_CONTAINER_CREDENTIALS_FULL_URI"]
        _check_container_url(url)
    else:
        return None
    return RefreshableCredentials(
        lambda: _container_fetch(ctx, url), method="container-role", clock=ctx.clock
    )


def _check_container_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme == "https":
        return
    host = parts.hostname or ""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if parts.scheme == "http" and (loopback or host in _CONTAINER_ALLOWED_HOSTS):
        return
    raise ConfigurationError(
        f"AWS_CONTAINER_CREDENTIALS_FULL_URI host {host!r} is not allowed: use https, a "
        f"loopback address or one of {', '.join(sorted(_CONTAINER_ALLOWED_HOSTS))}"
    )


def _container_token(environ: Mapping[str, str]) -> str | None:
    # The token file wins over the variable (EKS Pod Identity rotates the file).
    token: str | None = None
    if "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE" in environ:
        path = environ["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"]
        try:
            with open(path, encoding="utf-8") as handle:
                token = handle.read()
        except (OSError, UnicodeDecodeError) as err:
            reason = getattr(err, "strerror", None) or type(err).__name__
            raise CredentialRetrievalError(
                f"cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE {path}: {reason}"
            ) from None
    elif "AWS_CONTAINER_AUTHORIZATION_TOKEN" in environ:
        token = environ["AWS_CONTAINER_AUTHORIZATION_TOKEN"]
    if token is not None and ("\r" in token or "\n" in token):
        raise ConfigurationError("the container authorization token contains a line break")
    return token


def _container_fetch(ctx: ChainContext, url: str) -> AwsCredentials:
    headers = {"Accept": "application/json"}
    token = _container_token(ctx.environ)
    if token is not None:
        headers["Authorization"] = token
    transport = ctx.transport(proxy=False)  # botocore does not proxy this link-local call
    problem = ""
    for attempt in range(CONTAINER_ATTEMPTS):
        if attempt:
            time.sleep(CONTAINER_RETRY_PAUSE)
        try:
            response = transport.send(HttpRequest("GET", url, headers), timeout=CONTAINER_TIMEOUT)
        except TransportError as err:
            problem = str(err)
            continue
        document = _json_document(response)
        if response.status != 200:
            problem = f"HTTP {response.status}"
            continue
        if document is None:
            problem = "the answer is not a JSON object"
            continue
        return _metadata_credentials(document, "the container credentials endpoint")
    raise CredentialRetrievalError(
        f"the container credentials endpoint gave no credentials after {CONTAINER_ATTEMPTS} "
        f"attempts: {problem}"
    )


def _json_document(response: HttpResponse) -> dict[str, Any] | None:
    try:
        document = json.loads(response.body)
    except (UnicodeDecodeError, ValueError):
        return None
    return document if isinstance(document, dict) else None


def _metadata_credentials(document: Mapping[str, Any], what: str) -> AwsCredentials:
    values: dict[str, str] = {}
    for key in _IMDS_FIELDS:
        value = document.get(key)
        if not isinstance(value, str) or not value:
            raise CredentialRetrievalError(f"{what} answered without {key}")
        values[key] = value
    try:
        expiration = parse_timestamp(values["Expiration"])
    except ValueError:
        raise CredentialRetrievalError(
            f"{what} answered with an unreadable Expiration {values['Expiration'][:40]!r}"
        ) from None
    return AwsCredentials(
        values["AccessKeyId"], values["SecretAccessKey"], values["Token"], expiration=expiration
    )


# --- 9. instance metadata ----------------------------------------------------------------------


@dataclass(frozen=True)
class _ImdsSettings:
    base_url: str
    timeout: float
    attempts: int
    v1_disabled: bool


def _imds_settings(ctx: ChainContext) -> _ImdsSettings | None:
    """botocore's IMDS settings; None when ``AWS_EC2_METADATA_DISABLED`` is true."""
    if ctx.environ.get("AWS_EC2_METADATA_DISABLED", "false").lower() == "true":
        return None
    endpoint = ctx.setting("AWS_EC2_METADATA_SERVICE_ENDPOINT", "ec2_metadata_service_endpoint")
    mode = ctx.setting(
        "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "ec2_metadata_service_endpoint_mode"
    )
    if mode is not None and mode.lower() not in ("ipv4", "ipv6"):
        raise ConfigurationError(
            f"ec2_metadata_service_endpoint_mode must be IPv4 or IPv6, not {mode!r}"
        )
    if endpoint:
        base = endpoint
    elif (mode or "").lower() == "ipv6" or (
        mode is None and ensure_boolean(ctx.setting("AWS_IMDS_USE_IPV6", "imds_use_ipv6"))
    ):
        base = _IMDS_IPV6
    else:
        base = _IMDS_IPV4
    if urlsplit(base).scheme not in ("http", "https") or not urlsplit(base).hostname:
        raise ConfigurationError(f"invalid EC2 metadata service endpoint {base!r}")
    return _ImdsSettings(
        base_url=base,
        timeout=_number(ctx, "AWS_METADATA_SERVICE_TIMEOUT", "metadata_service_timeout", 1.0),
        attempts=max(
            1,
            int(
                _number(
                    ctx, "AWS_METADATA_SERVICE_NUM_ATTEMPTS", "metadata_service_num_attempts", 1
                )
            ),
        ),
        v1_disabled=ensure_boolean(
            ctx.setting("AWS_EC2_METADATA_V1_DISABLED", "ec2_metadata_v1_disabled")
        ),
    )


def _number(ctx: ChainContext, variable: str, key: str, default: float) -> float:
    value = ctx.setting(variable, key)
    if value is None:
        return default
    try:
        return float(value)
    except ValueError:
        raise ConfigurationError(f"{key} ({variable}) must be a number, not {value!r}") from None


def _imds_source(ctx: ChainContext) -> CredentialsSource:
    """The last provider: credentials of the instance's role, fetched on first use."""
    settings = _imds_settings(ctx)
    if settings is None:
        ctx.looked.append("EC2 instance metadata (disabled by AWS_EC2_METADATA_DISABLED)")
        raise _nothing_found(ctx.looked)
    looked = [*ctx.looked, f"EC2 instance metadata at {settings.base_url}"]
    state: dict[str, bool] = {"fetched": False}

    def fetch() -> AwsCredentials:
        if state.get("absent"):
            raise _nothing_found(looked)  # a client without credentials stays without
        found = _imds_fetch(ctx, settings)
        if found is None:
            if not state["fetched"]:
                state["absent"] = True
                raise _nothing_found(looked)
            raise CredentialRetrievalError("EC2 instance metadata gave no role credentials")
        state["fetched"] = True
        return found

    return RefreshableCredentials(fetch, method="iam-role", clock=ctx.clock)


def _nothing_found(looked: list[str]) -> NoCredentialsError:
    return NoCredentialsError(
        "no AWS credentials found; looked at: "
        + "; ".join(looked)
        + ". Pass credentials=AwsCredentials(...), set the environment variables, or add "
        "aws_access_key_id/aws_secret_access_key to the profile."
    )


class _NoImdsCredentials(Exception):
    """IMDS answered, but not with credentials (botocore returns {} in these cases)."""


def _imds_fetch(ctx: ChainContext, settings: _ImdsSettings) -> AwsCredentials | None:
    """botocore's InstanceMetadataFetcher.retrieve_iam_role_credentials: None when the
    metadata service has no credentials (not reachable, no role, an error document).

    :raises CredentialRetrievalError: IMDSv1 is disabled and no IMDSv2 token was issued.
    """
    transport = ctx.transport(proxy=True)  # botocore honours proxies here

    def url(path: str) -> str:
        base = settings.base_url
        return f"{base}{'' if base.endswith('/') else '/'}{path}"

    try:
        token = _imds_token(transport, url(_IMDS_TOKEN_PATH), settings)
        role = _imds_get(transport, url(_IMDS_ROLE_PATH), token, settings, json_body=False)
        role_name = role.body.decode("utf-8", errors="replace").strip()
        answer = _imds_get(
            transport, url(_IMDS_ROLE_PATH + role_name), token, settings, json_body=True
        )
    except _NoImdsCredentials:
        return None
    document = _json_document(answer) or {}
    if any(key not in document for key in _IMDS_FIELDS):
        if "Code" in document and "Message" in document:
            _log.debug("EC2 instance metadata answered an error: %s", document.get("Code"))
        return None
    credentials = _metadata_credentials(document, "EC2 instance metadata")
    return _extend_if_stale(credentials, ctx.clock())


def _imds_token(transport: StdlibTransport, url: str, settings: _ImdsSettings) -> str | None:
    """An IMDSv2 session token; None means fall back to IMDSv1 (botocore: 403, 404, 405, a
    read timeout, or no answer within the attempts)."""
    request = HttpRequest("PUT", url, {"x-aws-ec2-metadata-token-ttl-seconds": _IMDS_TOKEN_TTL})
    for _ in range(settings.attempts):
        try:
            response = transport.send(request, timeout=settings.timeout)
        except TransportError as err:
            if err.request_sent:
                return None  # a read timeout: an IMDSv1-only endpoint
            continue
        if response.status == 200:
            return response.body.decode("utf-8", errors="replace")
        if response.status in (403, 404, 405):
            return None
        if response.status == 400:
            raise _NoImdsCredentials
    return None


def _imds_get(
    transport: StdlibTransport,
    url: str,
    token: str | None,
    settings: _ImdsSettings,
    *,
    json_body: bool,
) -> HttpResponse:
    if token is None and settings.v1_disabled:
        raise CredentialRetrievalError(
            "EC2 instance metadata issued no IMDSv2 token and IMDSv1 is disabled "
            "(ec2_metadata_v1_disabled)"
        )
    headers = {} if token is None else {"x-aws-ec2-metadata-token": token}
    for _ in range(settings.attempts):
        try:
            response = transport.send(HttpRequest("GET", url, headers), timeout=settings.timeout)
        except TransportError:
            continue
        if response.status != 200 or not response.body:
            continue
        if json_body and _json_document(response) is None:
            continue
        return response
    raise _NoImdsCredentials


def _extend_if_stale(credentials: AwsCredentials, now: datetime) -> AwsCredentials:
    """botocore's static stability: during an IMDS outage the service hands out credentials
    near or past expiry; use them 17-25 minutes longer and try again then."""
    if credentials.expiration is None:
        return credentials
    offset = timedelta(seconds=15 * 60 + random.randint(120, 600))
    if now < credentials.expiration - offset:
        return credentials
    _log.info(
        "EC2 instance metadata credentials expire soon; using them for %.0f more minutes",
        offset.total_seconds() / 60,
    )
    return AwsCredentials(
        credentials.access_key_id,
        credentials.secret_access_key,
        credentials.session_token,
        expiration=now + offset,
    )
