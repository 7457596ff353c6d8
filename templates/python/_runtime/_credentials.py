"""AWS credentials and region resolution: botocore's default credential chain, without botocore.

Credentials: the explicit argument (:class:`AwsCredentials`, or any object with botocore's
``get_frozen_credentials()``, such as ``botocore.session.Session().get_credentials()``), else
the first source of botocore's default chain (details in ``_aws_sources``):

1. ``AWS_ACCESS_KEY_ID`` / ``AWS_SECRET_ACCESS_KEY`` (``AWS_SECURITY_TOKEN`` or
   ``AWS_SESSION_TOKEN``; ``AWS_CREDENTIAL_EXPIRATION``), unless a profile is passed
   explicitly;
2. an assume-role profile: ``role_arn`` with ``source_profile`` (chains allowed, loops refused)
   or ``credential_source`` (``Environment``, ``Ec2InstanceMetadata``, ``EcsContainer``) and
   ``role_session_name``, ``external_id``, ``duration_seconds``, through STS ``AssumeRole``;
3. web identity: ``AWS_WEB_IDENTITY_TOKEN_FILE`` + ``AWS_ROLE_ARN`` (EKS IRSA) or the
   profile's ``web_identity_token_file`` + ``role_arn``, through ``AssumeRoleWithWebIdentity``;
4. SSO: ``sso_session`` or legacy ``sso_start_url`` profiles, with the token ``aws sso login``
   cached in ``~/.aws/sso/cache`` (renewed through SSO OIDC when it has a refresh token);
5. static keys in the shared credentials file (``AWS_SHARED_CREDENTIALS_FILE``);
6. ``credential_process`` (run without a shell, JSON ``Version`` 1);
7. static keys in the shared config file (``AWS_CONFIG_FILE``);
8. container credentials (``AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`` / ``_FULL_URI``);
9. EC2 instance metadata (IMDSv2, unless ``AWS_EC2_METADATA_DISABLED=true``).

The profile is the ``profile`` argument, else ``AWS_DEFAULT_PROFILE``, else ``AWS_PROFILE``,
else ``default``. Temporary credentials are refreshed before they expire (botocore's 15 / 10
minute windows, ``_aws_refresh``).

Also here, because they are read from the same places: the region, the default endpoint of a
region (its partition's DNS suffix) and whether operations' host prefixes are applied.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Mapping
from datetime import datetime

from ._aws_config import (
    AwsCredentials,
    ConfigurationError,
    CredentialRetrievalError,
    CredentialsProvider,
    CredentialsSource,
    FrozenCredentials,
    InvalidRegionError,
    NoCredentialsError,
    NoRegionError,
    PartialCredentialsError,
    dns_suffix,
    load_shared_config,
    profile_name,
)
from ._aws_refresh import (
    ForeignCredentials,
    RefreshableCredentials,
    frozen_credentials_async,
    utc_clock,
)
from ._aws_sources import ChainContext, default_chain

__all__ = [
    "AwsCredentials",
    "ConfigurationError",
    "CredentialRetrievalError",
    "CredentialsProvider",
    "CredentialsSource",
    "FrozenCredentials",
    "InvalidRegionError",
    "NoCredentialsError",
    "NoRegionError",
    "PartialCredentialsError",
    "RefreshableCredentials",
    "default_endpoint",
    "dns_suffix",
    "frozen_credentials_async",
    "resolve_credentials",
    "resolve_host_prefix_injection",
    "resolve_region",
]


def resolve_credentials(
    explicit: AwsCredentials | CredentialsProvider | None,
    env: Mapping[str, str] | None = None,
    *,
    profile: str | None = None,
    region: str | None = None,
    clock: Callable[[], datetime] = utc_clock,
) -> CredentialsSource:
    """The credentials to sign with: ``explicit``, else the chain in the module docstring.

    Only the environment and the shared files are read here; sources behind the network or a
    subprocess are contacted on the first ``get_frozen_credentials()``, so a client can be
    created (even inside an event loop) without waiting on I/O.

    :param env: environment to read (default ``os.environ``); tests pass their own.
    :param region: where STS calls go (the client's region; default ``AWS_DEFAULT_REGION``
        or the profile's ``region``, else the global endpoint).
    :param clock: the current aware time, for refresh decisions (tests pass a fake one).
    :raises TypeError: ``explicit`` has no ``get_frozen_credentials()``.
    :raises NoCredentialsError: naming every place that was looked at.
    :raises PartialCredentialsError: a source holds only half a key pair.
    :raises ConfigurationError: a file cannot be parsed or a profile is misconfigured.
    """
    if explicit is not None:
        if isinstance(explicit, AwsCredentials | RefreshableCredentials | ForeignCredentials):
            return explicit
        if not callable(getattr(explicit, "get_frozen_credentials", None)):
            raise TypeError(
                "credentials must be AwsCredentials or have get_frozen_credentials() "
                f"(botocore's interface), got {type(explicit).__name__}"
            )
        return ForeignCredentials(explicit)
    environ = os.environ if env is None else env
    context = ChainContext(
        environ,
        profile_name(environ, profile),
        explicit_profile=bool(profile),
        region=region,
        clock=clock,
    )
    return default_chain(context)


class LazyCredentials:
    """:func:`resolve_credentials`, run on the first signed request instead of when the client
    is created: the clients of services with operations sent unsigned (Smithy ``@auth([])``,
    botocore's ``authtype: none``: SSO's ``GetRoleCredentials``, Cognito Identity's ``GetId``)
    or that may be (Smithy ``@optionalAuth``) work without credentials, and say that none were
    found only when a signed call needs them, as botocore does.

    The chain is searched once: when no source has credentials, every later signed call raises
    :class:`NoCredentialsError` without searching again (botocore likewise looks them up once
    per client), so an ``@optionalAuth`` operation does not pay for the search on every call.
    """

    def __init__(
        self, explicit: AwsCredentials | CredentialsProvider | None, *, region: str | None
    ) -> None:
        if explicit is not None:
            resolve_credentials(explicit)  # a wrong type fails here, as it would unwrapped
        self._explicit = explicit
        self._region = region
        self._source: CredentialsSource | None = None
        self._missing = ""  # the NoCredentialsError message once the chain found none
        self._lock = threading.Lock()

    def _resolved(self) -> CredentialsSource:
        with self._lock:
            if self._source is None:
                if self._missing:
                    raise NoCredentialsError(self._missing)
                try:
                    self._source = resolve_credentials(self._explicit, region=self._region)
                except NoCredentialsError as exc:
                    self._missing = str(exc)
                    raise
            return self._source

    def refresh_needed(self) -> bool:
        # Not yet looked up: an async client looks in a worker thread (the files, the chain).
        if self._source is None:
            return not self._missing
        return self._source.refresh_needed()

    def get_frozen_credentials(self) -> AwsCredentials:
        return self._resolved().get_frozen_credentials()

    def available(self) -> bool:
        """Whether any credentials are found (looked up once). An ``@optionalAuth`` operation
        is signed when they are and sent unsigned when no source has any; a source that is
        misconfigured (half a key pair, a broken profile) still raises, as it would for a
        signed operation, rather than silently sending the call unsigned."""
        try:
            self._resolved()
        except NoCredentialsError:
            return False
        return True


async def credentials_available_async(credentials: LazyCredentials) -> bool:
    """:meth:`LazyCredentials.available` for async clients: the first lookup (files, a
    process, the network) runs in a worker thread, off the event loop."""
    if credentials.refresh_needed():
        import asyncio  # here: a sync-only program never imports asyncio

        return await asyncio.to_thread(credentials.available)
    return credentials.available()


def resolve_region(
    explicit: str | None,
    env: Mapping[str, str] | None = None,
    *,
    profile: str | None = None,
) -> str:
    """The region: argument, ``AWS_REGION``, ``AWS_DEFAULT_REGION``, then the profile's
    ``region`` in the config file.

    :raises NoRegionError: when none is set.
    :raises InvalidRegionError: when the value cannot be part of a host name.
    """
    environ = os.environ if env is None else env
    region = explicit or environ.get("AWS_REGION") or environ.get("AWS_DEFAULT_REGION")
    name = profile_name(environ, profile)
    if not region:
        config = load_shared_config(environ)
        region = config.profiles.get(name, {}).get("region") or None
        if not region:
            raise NoRegionError(
                "no AWS region configured: pass region=..., set AWS_REGION or "
                f"AWS_DEFAULT_REGION, or set 'region' in profile {name!r} of "
                f"{config.config_path}"
            )
    if not _REGION.fullmatch(region):
        raise InvalidRegionError(f"invalid AWS region {region!r}: expected e.g. 'us-west-2'")
    return region


# botocore validates the region as a host label before building the endpoint host.
_REGION = re.compile(r"[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?")


def default_endpoint(endpoint_prefix: str, region: str) -> str:
    """``https://<prefix>.<region>.<partition DNS suffix>``, as botocore's endpoint rules."""
    return f"https://{endpoint_prefix}.{region}.{dns_suffix(region)}"


def resolve_host_prefix_injection(
    explicit: bool | None,
    env: Mapping[str, str] | None = None,
    *,
    profile: str | None = None,
) -> bool:
    """Whether operations' endpoint host prefixes (``management.``) are applied: the argument,
    else ``AWS_DISABLE_HOST_PREFIX_INJECTION``, else ``disable_host_prefix_injection`` in the
    profile of the config file, else True (botocore's ``inject_host_prefix`` setting).
    """
    if explicit is not None:
        return explicit
    environ = os.environ if env is None else env
    disable = environ.get("AWS_DISABLE_HOST_PREFIX_INJECTION")
    if disable is None:
        profiles = load_shared_config(environ).profiles
        disable = profiles.get(profile_name(environ, profile), {}).get(
            "disable_host_prefix_injection"
        )
    # botocore's ensure_boolean: only "true" (any case) disables.
    return disable is None or disable.lower() != "true"
