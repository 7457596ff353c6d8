"""AWS configuration as botocore reads it: the shared files, settings, endpoints; the value types.

This is the bottom layer of the credential chain (``_credentials`` is the public face,
``_aws_sources`` the providers): the errors, :class:`AwsCredentials`, the protocols a
``credentials=`` argument may satisfy, and the parsed ``~/.aws/config`` and
``~/.aws/credentials`` files with botocore's rules (``[profile x]`` sections, ``[sso-session x]``
and ``[services x]`` sections, credentials-file values overriding config-file values in the
merged profile, ``AWS_DEFAULT_PROFILE`` before ``AWS_PROFILE``).

Nothing here may put a secret into a message: a malformed line of a credentials file is
reported by its line number, never by its text.
"""

from __future__ import annotations

import configparser
import os
import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, TypeVar

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
    "SharedConfig",
    "config_path",
    "configured_endpoint",
    "dns_suffix",
    "ensure_boolean",
    "expand_path",
    "load_shared_config",
    "profile_name",
]


_T = TypeVar("_T")


class ConfigurationError(Exception):
    """Client configuration (credentials, region, config files) is missing or invalid."""


class NoCredentialsError(ConfigurationError):
    """No credentials were found anywhere in the chain."""


class PartialCredentialsError(ConfigurationError):
    """A source had an access key without a secret key, or the reverse."""


class CredentialRetrievalError(ConfigurationError):
    """A configured source did not deliver credentials: STS or the SSO portal refused, the
    ``credential_process`` failed, the container or instance metadata endpoint did not answer.
    """


class NoRegionError(ConfigurationError):
    """No region was given or configured."""


class InvalidRegionError(ConfigurationError):
    """The region is not a valid DNS label (it becomes part of the endpoint host)."""


@dataclass(frozen=True, repr=False)
class AwsCredentials:
    """A consistent set of AWS credentials; the repr never shows the secret key or the token.

    ``expiration`` is set on temporary credentials (when known). The ``access_key``,
    ``secret_key`` and ``token`` properties and :meth:`get_frozen_credentials` are botocore's
    names, so these objects also fit code written for botocore's credentials.
    """

    access_key_id: str
    secret_access_key: str = field(repr=False)
    session_token: str | None = field(default=None, repr=False)
    expiration: datetime | None = None

    @property
    def access_key(self) -> str:
        return self.access_key_id

    @property
    def secret_key(self) -> str:
        return self.secret_access_key

    @property
    def token(self) -> str | None:
        return self.session_token

    def get_frozen_credentials(self) -> AwsCredentials:
        """These credentials (they never change)."""
        return self

    def refresh_needed(self) -> bool:
        """Static credentials never refresh."""
        return False

    def __repr__(self) -> str:
        token = "'***'" if self.session_token else "None"
        expires = f", expiration={self.expiration.isoformat()!r}" if self.expiration else ""
        return (
            f"AwsCredentials(access_key_id={self.access_key_id!r}, "
            f"secret_access_key='***', session_token={token}{expires})"
        )


class FrozenCredentials(Protocol):
    """botocore's ``ReadOnlyCredentials`` shape: what ``get_frozen_credentials()`` returns."""

    @property
    def access_key(self) -> str: ...

    @property
    def secret_key(self) -> str: ...

    @property
    def token(self) -> str | None: ...


class CredentialsProvider(Protocol):
    """Anything with botocore's ``get_frozen_credentials()``: what ``credentials=`` accepts.

    botocore's ``Credentials`` / ``RefreshableCredentials`` (``session.get_credentials()``),
    :class:`AwsCredentials` and :class:`~._aws_refresh.RefreshableCredentials` all qualify.
    """

    def get_frozen_credentials(self) -> FrozenCredentials: ...


class CredentialsSource(Protocol):
    """What a client signs with: one consistent snapshot per request, refreshed as needed.

    ``refresh_needed()`` tells the async client whether the next snapshot may block (a
    refresh), so it can fetch that one in a worker thread instead of on the event loop.
    """

    def get_frozen_credentials(self) -> AwsCredentials: ...

    def refresh_needed(self) -> bool: ...


# --- the shared files --------------------------------------------------------------------------


@dataclass(frozen=True)
class SharedConfig:
    """Both shared files, parsed as botocore's ``session.full_config`` sees them.

    ``profiles`` merges the two files (credentials-file values win key by key), which is what
    assume-role, SSO, web identity and ``credential_process`` read; the static-key providers
    read ``credentials_profiles`` and ``config_profiles`` separately.
    """

    config_path: str
    credentials_path: str
    profiles: Mapping[str, Mapping[str, str]]
    config_profiles: Mapping[str, Mapping[str, str]]
    credentials_profiles: Mapping[str, Mapping[str, str]]
    sso_sessions: Mapping[str, Mapping[str, str]]
    services: Mapping[str, Mapping[str, Mapping[str, str]]]


def profile_name(environ: Mapping[str, str], explicit: str | None) -> str:
    """The profile: the argument, else ``AWS_DEFAULT_PROFILE``, else ``AWS_PROFILE``, else
    ``default`` (botocore looks the two variables up in that order; an empty value counts)."""
    if explicit:
        return explicit
    if "AWS_DEFAULT_PROFILE" in environ:
        return environ["AWS_DEFAULT_PROFILE"] or "default"
    return environ.get("AWS_PROFILE") or "default"


def config_path(environ: Mapping[str, str], variable: str, default: str) -> str:
    """A file location from ``variable`` (or ``default``), expanded by :func:`expand_path`."""
    return expand_path(environ, environ.get(variable) or default)


def expand_path(environ: Mapping[str, str], path: str) -> str:
    """``$VARS`` and a leading ``~`` expanded from ``environ`` (as botocore expands them from
    ``os.environ``), so tests can point HOME elsewhere."""
    path = _VARIABLE.sub(lambda m: environ.get(m.group(1) or m.group(2), m.group(0)), path)
    home = environ.get("HOME")
    if home and (path == "~" or path.startswith("~/")):
        return home + path[1:]
    return os.path.expanduser(path)


_VARIABLE = re.compile(r"\$(?:(\w+)|\{([^}]*)\})")


def load_shared_config(environ: Mapping[str, str]) -> SharedConfig:
    """Parse ``AWS_CONFIG_FILE`` (default ``~/.aws/config``) and ``AWS_SHARED_CREDENTIALS_FILE``
    (default ``~/.aws/credentials``); a missing file counts as empty.

    :raises ConfigurationError: a file exists but cannot be parsed (named by line number).
    """
    cfg_path = config_path(environ, "AWS_CONFIG_FILE", "~/.aws/config")
    creds_path = config_path(environ, "AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials")
    raw_config = _read_ini(cfg_path)
    credentials = _read_ini(creds_path)

    config_profiles: dict[str, dict[str, str]] = {}
    sso_sessions: dict[str, dict[str, str]] = {}
    services: dict[str, dict[str, dict[str, str]]] = {}
    for section, values in raw_config.items():
        # botocore's build_profile_map: "[profile x]", "[sso-session x]", "[services x]"
        # (names shlex-split, so they may be quoted) and the bare "[default]".
        if section.startswith("profile"):
            _put_named(config_profiles, section, values)
        elif section.startswith("sso-session"):
            _put_named(sso_sessions, section, values)
        elif section.startswith("services"):
            nested = {k: _nested(v, cfg_path, section) for k, v in values.items()}
            _put_named(services, section, nested)
        elif section == "default":
            config_profiles["default"] = values

    merged = {name: dict(values) for name, values in config_profiles.items()}
    for name, values in credentials.items():
        merged.setdefault(name, {}).update(values)
    return SharedConfig(
        config_path=cfg_path,
        credentials_path=creds_path,
        profiles=merged,
        config_profiles=config_profiles,
        credentials_profiles=credentials,
        sso_sessions=sso_sessions,
        services=services,
    )


def _put_named(target: dict[str, _T], section: str, values: _T) -> None:
    try:
        parts = shlex.split(section)
    except ValueError:
        return
    if len(parts) == 2:
        target[parts[1]] = values


def _read_ini(path: str) -> dict[str, dict[str, str]]:
    if not os.path.isfile(path):
        return {}
    # botocore uses a plain RawConfigParser: no interpolation ("%" is legal in secrets),
    # duplicate sections or keys are errors, option names are lower-cased.
    parser = configparser.RawConfigParser()
    try:
        with open(path, encoding="utf-8") as handle:
            parser.read_file(handle)
    except OSError as err:
        raise ConfigurationError(
            f"cannot read AWS config file {path}: {err.strerror or type(err).__name__}"
        ) from None
    except UnicodeDecodeError:
        raise ConfigurationError(f"cannot read AWS config file {path}: not UTF-8") from None
    except configparser.Error as err:
        # The parser's own message quotes the offending line, and a line such as
        # "aws_secret_access_key SECRET" is a secret: describe the error by position only.
        raise ConfigurationError(f"cannot read AWS config file {path}: {_describe(err)}") from None
    sections: dict[str, dict[str, str]] = {}
    for section in parser.sections():
        values = {option: parser.get(section, option) for option in parser.options(section)}
        for value in values.values():
            if value.startswith("\n"):
                _nested(value, path, section)  # botocore rejects malformed nested blocks
        sections[section] = values
    return sections


def _describe(err: configparser.Error) -> str:
    if isinstance(err, configparser.MissingSectionHeaderError):
        return f"line {err.lineno} comes before any [section] header (line not shown)"
    if isinstance(err, configparser.ParsingError):
        lines = ", ".join(str(lineno) for lineno, _ in err.errors)
        return (
            f"line(s) {lines} are neither 'key = value' nor a [section] header "
            "(contents not shown: they may hold secrets)"
        )
    if isinstance(err, configparser.DuplicateOptionError):
        return f"key {err.option!r} appears twice in section [{err.section}] (line {err.lineno})"
    if isinstance(err, configparser.DuplicateSectionError):
        return f"section [{err.section}] appears twice (line {err.lineno})"
    return type(err).__name__


def _nested(value: str, path: str, section: str) -> dict[str, str]:
    """A nested block (``s3 =`` followed by indented ``key = value`` lines) as a dict."""
    parsed: dict[str, str] = {}
    for line in value.splitlines():
        line = line.strip()
        if not line:
            continue
        key, sep, item = line.partition("=")
        if not sep:
            raise ConfigurationError(
                f"cannot read AWS config file {path}: a nested line in [{section}] is not "
                "'key = value' (contents not shown)"
            )
        parsed[key.strip()] = item.strip()
    return parsed


def ensure_boolean(value: str | None) -> bool:
    """botocore's ``ensure_boolean`` for strings: only ``true`` (any case) is true."""
    return value is not None and value.lower() == "true"


def configured_endpoint(
    environ: Mapping[str, str], config: SharedConfig, profile: Mapping[str, str], service_id: str
) -> str | None:
    """A configured endpoint URL for ``service_id`` (``STS``, ``SSO``, ``SSO_OIDC``).

    botocore's ``ConfiguredEndpointProvider`` order: ``AWS_ENDPOINT_URL_<SERVICE>``,
    ``AWS_ENDPOINT_URL``, the service's ``endpoint_url`` in the profile's ``services`` section,
    the profile's ``endpoint_url``; none of them when ``ignore_configured_endpoint_urls``
    (``AWS_IGNORE_CONFIGURED_ENDPOINT_URLS``) is true.
    """
    ignore = environ.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
    if ignore is None:
        ignore = profile.get("ignore_configured_endpoint_urls")
    if ensure_boolean(ignore):
        return None
    for variable in (f"AWS_ENDPOINT_URL_{service_id.upper()}", "AWS_ENDPOINT_URL"):
        if environ.get(variable):
            return environ[variable]
    services_name = profile.get("services")
    if services_name is not None:
        section = config.services.get(services_name)
        if section is None:
            raise ConfigurationError(
                f"the profile refers to services section {services_name!r}, which does not "
                f"exist in {config.config_path}"
            )
        url = section.get(service_id.lower(), {}).get("endpoint_url")
        if url:
            return url
    return profile.get("endpoint_url") or None


# The regionRegex and dnsSuffix of every partition in botocore's partitions.json; a region
# that matches none is in the "aws" partition.
_PARTITION_DNS_SUFFIXES = (
    (re.compile(r"cn-\w+-\d+"), "amazonaws.com.cn"),
    (re.compile(r"eusc-de-\w+-\d+"), "amazonaws.eu"),
    (re.compile(r"us-iso-\w+-\d+"), "c2s.ic.gov"),
    (re.compile(r"us-isob-\w+-\d+"), "sc2s.sgov.gov"),
    (re.compile(r"eu-isoe-\w+-\d+"), "cloud.adc-e.uk"),
    (re.compile(r"us-isof-\w+-\d+"), "csp.hci.ic.gov"),
)


def dns_suffix(region: str) -> str:
    """The DNS suffix of the region's partition: ``amazonaws.com``, ``amazonaws.com.cn``..."""
    for pattern, suffix in _PARTITION_DNS_SUFFIXES:
        if pattern.fullmatch(region):
            return suffix
    return "amazonaws.com"
