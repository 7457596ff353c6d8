"""AWS credentials and region resolution: a small subset of botocore's default chain.

Credentials: the explicit argument, then ``AWS_ACCESS_KEY_ID`` / ``AWS_SECRET_ACCESS_KEY`` (and
``AWS_SESSION_TOKEN``, or the older ``AWS_SECURITY_TOKEN``), then the profile in the shared
credentials file (``AWS_SHARED_CREDENTIALS_FILE``, default ``~/.aws/credentials``), then static
keys in the profile of the config file (``AWS_CONFIG_FILE``, default ``~/.aws/config``). The
profile is the ``profile`` argument, else ``AWS_PROFILE``, else ``AWS_DEFAULT_PROFILE``, else
``default``; as in botocore, an explicit ``profile`` argument skips the environment variables.

Not supported (use botocore or pass credentials explicitly): SSO, assume-role, web identity,
credential_process, container and instance metadata providers.

Also here, because they are read from the same places: the default endpoint of a region (its
partition's DNS suffix) and whether operations' host prefixes are applied.
"""

from __future__ import annotations

import configparser
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = [
    "AwsCredentials",
    "ConfigurationError",
    "InvalidRegionError",
    "NoCredentialsError",
    "NoRegionError",
    "PartialCredentialsError",
    "default_endpoint",
    "dns_suffix",
    "resolve_credentials",
    "resolve_host_prefix_injection",
    "resolve_region",
]


class ConfigurationError(Exception):
    """Client configuration (credentials, region, config files) is missing or invalid."""


class NoCredentialsError(ConfigurationError):
    """No credentials were found anywhere in the chain."""


class PartialCredentialsError(ConfigurationError):
    """A source had an access key without a secret key, or the reverse."""


class NoRegionError(ConfigurationError):
    """No region was given or configured."""


class InvalidRegionError(ConfigurationError):
    """The region is not a valid DNS label (it becomes part of the endpoint host)."""


@dataclass(frozen=True, repr=False)
class AwsCredentials:
    """Static AWS credentials. The repr never shows the secret key or the session token."""

    access_key_id: str
    secret_access_key: str = field(repr=False)
    session_token: str | None = field(default=None, repr=False)

    def __repr__(self) -> str:
        token = "'***'" if self.session_token else "None"
        return (
            f"AwsCredentials(access_key_id={self.access_key_id!r}, "
            f"secret_access_key='***', session_token={token})"
        )


def resolve_credentials(
    explicit: AwsCredentials | None,
    env: Mapping[str, str] | None = None,
    *,
    profile: str | None = None,
) -> AwsCredentials:
    """The first credentials found in the chain described in the module docstring.

    :param env: environment to read (default ``os.environ``); tests pass their own.
    :raises NoCredentialsError: naming every place that was looked at.
    :raises PartialCredentialsError: a source holds only half a key pair.
    :raises ConfigurationError: a file exists but cannot be parsed.
    """
    if explicit is not None:
        return explicit
    environ = os.environ if env is None else env
    looked: list[str] = []

    if profile is None:
        key = environ.get("AWS_ACCESS_KEY_ID") or None
        secret = environ.get("AWS_SECRET_ACCESS_KEY") or None
        if key or secret:
            if not (key and secret):
                missing = "AWS_SECRET_ACCESS_KEY" if key else "AWS_ACCESS_KEY_ID"
                raise PartialCredentialsError(
                    f"incomplete AWS credentials in the environment: {missing} is not set"
                )
            token = environ.get("AWS_SESSION_TOKEN") or environ.get("AWS_SECURITY_TOKEN")
            return AwsCredentials(key, secret, token or None)
        looked.append("environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY")

    name = _profile_name(environ, profile)
    credentials_file = _config_path(environ, "AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials")
    config_file = _config_path(environ, "AWS_CONFIG_FILE", "~/.aws/config")
    for path, config_style in ((credentials_file, False), (config_file, True)):
        looked.append(f"profile {name!r} in {path}")
        section = _profile_section(path, name, config_style=config_style)
        if section is None:
            continue
        found = _static_keys(section, f"profile {name!r} in {path}")
        if found is not None:
            return found

    raise NoCredentialsError(
        "no AWS credentials found; looked at: "
        + "; ".join(looked)
        + ". Pass credentials=AwsCredentials(...), set the environment variables, or add "
        "aws_access_key_id/aws_secret_access_key to the profile."
    )


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
    name = _profile_name(environ, profile)
    config_file = _config_path(environ, "AWS_CONFIG_FILE", "~/.aws/config")
    if not region:
        section = _profile_section(config_file, name, config_style=True)
        region = (section or {}).get("region") or None
    if not region:
        raise NoRegionError(
            "no AWS region configured: pass region=..., set AWS_REGION or AWS_DEFAULT_REGION, "
            f"or set 'region' in profile {name!r} of {config_file}"
        )
    if not _REGION.fullmatch(region):
        raise InvalidRegionError(f"invalid AWS region {region!r}: expected e.g. 'us-west-2'")
    return region


# botocore validates the region as a host label before building the endpoint host.
_REGION = re.compile(r"[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?")

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
        config_file = _config_path(environ, "AWS_CONFIG_FILE", "~/.aws/config")
        section = _profile_section(config_file, _profile_name(environ, profile), config_style=True)
        disable = (section or {}).get("disable_host_prefix_injection")
    # botocore's ensure_boolean: only "true" (any case) disables.
    return disable is None or disable.lower() != "true"


def _profile_name(environ: Mapping[str, str], profile: str | None) -> str:
    return profile or environ.get("AWS_PROFILE") or environ.get("AWS_DEFAULT_PROFILE") or "default"


def _config_path(environ: Mapping[str, str], variable: str, default: str) -> str:
    path = environ.get(variable) or default
    home = environ.get("HOME")
    # Expand "~" against the environment we were given, so tests can point HOME elsewhere.
    if home and (path == "~" or path.startswith("~/")):
        return home + path[1:]
    return os.path.expanduser(path)


def _profile_section(path: str, name: str, *, config_style: bool) -> dict[str, str] | None:
    """The profile's keys from an INI file, or None when the file or profile is absent.

    The credentials file names sections after the profile; the config file uses
    ``[profile name]``, except that ``[default]`` is also accepted for the default profile.
    """
    if not os.path.isfile(path):
        return None
    # No interpolation ("%" is legal in secrets) and no special DEFAULT section.
    parser = configparser.ConfigParser(
        interpolation=None, strict=False, default_section="\x00no-default\x00"
    )
    try:
        with open(path, encoding="utf-8") as handle:
            parser.read_file(handle)
    except (OSError, UnicodeDecodeError, configparser.Error) as err:
        raise ConfigurationError(f"cannot read AWS config file {path}: {err}") from err
    if not config_style:
        candidates = [name]
    elif name == "default":
        candidates = ["profile default", "default"]
    else:
        candidates = [f"profile {name}"]
    for section in candidates:
        if parser.has_section(section):
            return {k: v.strip() for k, v in parser.items(section)}
    return None


def _static_keys(section: Mapping[str, str], where: str) -> AwsCredentials | None:
    key = section.get("aws_access_key_id") or None
    secret = section.get("aws_secret_access_key") or None
    if not key and not secret:
        return None
    if not (key and secret):
        missing = "aws_secret_access_key" if key else "aws_access_key_id"
        raise PartialCredentialsError(f"incomplete AWS credentials in {where}: {missing} missing")
    token = section.get("aws_session_token") or section.get("aws_security_token") or None
    return AwsCredentials(key, secret, token)
