"""The AWS calls behind temporary credentials: STS, the SSO portal and SSO OIDC.

Written against the wire formats rather than a generated client (these three operations are
all the chain needs):

* STS ``AssumeRole`` / ``AssumeRoleWithWebIdentity``: the query protocol, a form-encoded
  ``POST`` answered in XML; ``AssumeRole`` is SigV4-signed with the source credentials,
  ``AssumeRoleWithWebIdentity`` is unsigned (the token is the proof).
* SSO ``GetRoleCredentials``: ``GET /federation/credentials?role_name=..&account_id=..`` with
  the cached access token in ``x-amz-sso_bearer_token``, answered in JSON (milliseconds).
* SSO OIDC ``CreateToken`` (grant ``refresh_token``): renews an expiring SSO access token.

Endpoints follow botocore: STS is regional (``sts.<region>.<dns suffix>``) unless
``sts_regional_endpoints = legacy`` (``AWS_STS_REGIONAL_ENDPOINTS``) sends the sixteen legacy
regions to ``sts.amazonaws.com``; a configured endpoint (``AWS_ENDPOINT_URL_STS``,
``AWS_ENDPOINT_URL_SSO``, ``AWS_ENDPOINT_URL_SSO_OIDC``, ``AWS_ENDPOINT_URL``, the config
file's ``endpoint_url`` / ``services``) replaces the default. Retries are botocore's standard
mode (:meth:`RetryPolicy.aws`). Error messages carry the service's error code and message,
never a request body (it holds a token) nor a response body (it may hold credentials).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlencode, urlsplit
from xml.etree import ElementTree

from ._aws_config import AwsCredentials, CredentialRetrievalError, dns_suffix
from ._aws_refresh import parse_timestamp
from ._http import HttpRequest, HttpResponse, Transport, TransportError
from ._retry import RetryPolicy, send_with_retries
from ._sigv4 import sign_request

__all__ = [
    "LEGACY_GLOBAL_REGIONS",
    "SERVICE_TIMEOUT",
    "Endpoint",
    "assume_role",
    "assume_role_with_web_identity",
    "create_token",
    "get_role_credentials",
    "oidc_endpoint",
    "sso_endpoint",
    "sts_endpoint",
]

#: Seconds to connect, then to receive the answer, per attempt. botocore's clients wait 60 s
#: for each; a credential call that has not answered in 10 s is better retried.
SERVICE_TIMEOUT = 10.0

#: Regions sent to the global endpoint when ``sts_regional_endpoints = legacy`` (the STS
#: endpoint rule set of botocore 1.44).
LEGACY_GLOBAL_REGIONS = frozenset(
    {
        "ap-northeast-1",
        "ap-south-1",
        "ap-southeast-1",
        "ap-southeast-2",
        "aws-global",
        "ca-central-1",
        "eu-central-1",
        "eu-north-1",
        "eu-west-1",
        "eu-west-2",
        "eu-west-3",
        "sa-east-1",
        "us-east-1",
        "us-east-2",
        "us-west-1",
        "us-west-2",
    }
)

_STS_VERSION = "2011-06-15"
_GLOBAL_STS = "https://sts.amazonaws.com"


@dataclass(frozen=True)
class Endpoint:
    """Where to send a call and which region to sign it for."""

    url: str
    signing_region: str


def sts_endpoint(region: str | None, *, configured: str | None, mode: str | None) -> Endpoint:
    """The STS endpoint for ``region`` (None: the global endpoint, as botocore without one).

    :param configured: a configured endpoint URL, which wins.
    :param mode: ``sts_regional_endpoints``: ``regional`` (the default) or ``legacy``.
    """
    signing = region if region and region != "aws-global" else "us-east-1"
    if configured:
        return Endpoint(configured, signing)
    if not region or region == "aws-global":
        return Endpoint(_GLOBAL_STS, "us-east-1")
    if (mode or "regional").lower() == "legacy" and region in LEGACY_GLOBAL_REGIONS:
        return Endpoint(_GLOBAL_STS, "us-east-1")
    return Endpoint(f"https://sts.{region}.{dns_suffix(region)}", region)


def sso_endpoint(sso_region: str, *, configured: str | None) -> str:
    """The SSO portal: ``https://portal.sso.<sso_region>.<dns suffix>`` unless configured."""
    return configured or f"https://portal.sso.{sso_region}.{dns_suffix(sso_region)}"


def oidc_endpoint(sso_region: str, *, configured: str | None) -> str:
    """SSO OIDC: ``https://oidc.<sso_region>.<dns suffix>`` unless configured."""
    return configured or f"https://oidc.{sso_region}.{dns_suffix(sso_region)}"


def assume_role(
    transport: Transport,
    endpoint: Endpoint,
    source: AwsCredentials,
    params: list[tuple[str, str]],
    *,
    policy: RetryPolicy | None = None,
) -> AwsCredentials:
    """STS ``AssumeRole`` signed with ``source``; ``params`` are ``RoleArn``,
    ``RoleSessionName`` and the optional members, in botocore's order."""
    return _sts(transport, endpoint, "AssumeRole", params, source, policy)


def assume_role_with_web_identity(
    transport: Transport,
    endpoint: Endpoint,
    params: list[tuple[str, str]],
    *,
    policy: RetryPolicy | None = None,
) -> AwsCredentials:
    """STS ``AssumeRoleWithWebIdentity``, unsigned (``WebIdentityToken`` is in ``params``)."""
    return _sts(transport, endpoint, "AssumeRoleWithWebIdentity", params, None, policy)


def _sts(
    transport: Transport,
    endpoint: Endpoint,
    action: str,
    params: list[tuple[str, str]],
    source: AwsCredentials | None,
    policy: RetryPolicy | None,
) -> AwsCredentials:
    url = _with_path(endpoint.url, "/")
    body = urlencode([("Action", action), ("Version", _STS_VERSION), *params], quote_via=quote)
    request = HttpRequest(
        "POST",
        url,
        {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
        body.encode("utf-8"),
    )

    def prepare(attempt: int) -> HttpRequest:
        fresh = request.copy()
        if source is None:
            return fresh
        return sign_request(fresh, source, region=endpoint.signing_region, service="sts")

    response = _send(transport, prepare, f"STS {action}", _xml_error_code, policy)
    if response.status != 200:
        code, message = _xml_error(response.body)
        raise CredentialRetrievalError(
            f"STS {action} failed: HTTP {response.status} {code or 'error'}"
            + (f": {message}" if message else "")
        )
    try:
        root = ElementTree.fromstring(response.body)
    except ElementTree.ParseError:
        root = None
    found = None if root is None else root.find(".//{*}Credentials")
    values = {} if found is None else {child.tag.rpartition("}")[2]: child.text for child in found}
    return _credentials(
        values.get("AccessKeyId"),
        values.get("SecretAccessKey"),
        values.get("SessionToken"),
        values.get("Expiration"),
        f"STS {action}",
    )


def get_role_credentials(
    transport: Transport,
    portal: str,
    access_token: str,
    role_name: str,
    account_id: str,
    *,
    policy: RetryPolicy | None = None,
) -> AwsCredentials:
    """SSO ``GetRoleCredentials`` with the cached access token."""
    query = urlencode([("role_name", role_name), ("account_id", account_id)], quote_via=quote)
    request = HttpRequest(
        "GET",
        f"{_with_path(portal, '/federation/credentials')}?{query}",
        {"x-amz-sso_bearer_token": access_token},
    )
    response = _send(
        transport,
        lambda attempt: request.copy(),
        "SSO GetRoleCredentials",
        _json_error_code,
        policy,
    )
    if response.status == 401:
        # botocore's UnauthorizedSSOTokenError.
        raise CredentialRetrievalError(
            "the SSO session of this profile has expired or is otherwise invalid: run "
            "`aws sso login` with this profile to refresh it"
        )
    if response.status != 200:
        code, message = _json_error(response)
        raise CredentialRetrievalError(
            f"SSO GetRoleCredentials failed: HTTP {response.status} {code or 'error'}"
            + (f": {message}" if message else "")
        )
    document = _json_object(response.body)
    role = document.get("roleCredentials")
    role = role if isinstance(role, dict) else {}
    millis = role.get("expiration")
    expiration = None
    if isinstance(millis, int | float) and not isinstance(millis, bool):
        expiration = datetime.fromtimestamp(millis / 1000.0, UTC).isoformat()
    return _credentials(
        role.get("accessKeyId"),
        role.get("secretAccessKey"),
        role.get("sessionToken"),
        expiration,
        "SSO GetRoleCredentials",
    )


def create_token(
    transport: Transport,
    oidc: str,
    token: Mapping[str, Any],
    *,
    policy: RetryPolicy | None = None,
) -> dict[str, Any]:
    """SSO OIDC ``CreateToken`` with the cached token's refresh token and client registration.

    :returns: the service's answer (``accessToken``, ``expiresIn``, maybe ``refreshToken``).
    :raises CredentialRetrievalError: the call failed or the answer lacks the new token.
    """
    payload = {
        "clientId": token["clientId"],
        "clientSecret": token["clientSecret"],
        "grantType": "refresh_token",
        "refreshToken": token["refreshToken"],
    }
    request = HttpRequest(
        "POST",
        _with_path(oidc, "/token"),
        {"Content-Type": "application/json"},
        json.dumps(payload).encode("utf-8"),
    )
    response = _send(
        transport, lambda attempt: request.copy(), "SSO OIDC CreateToken", _json_error_code, policy
    )
    if response.status != 200:
        code, message = _json_error(response)
        raise CredentialRetrievalError(
            f"SSO OIDC CreateToken failed: HTTP {response.status} {code or 'error'}"
            + (f": {message}" if message else "")
        )
    answer = _json_object(response.body)
    if not isinstance(answer.get("accessToken"), str) or not isinstance(
        answer.get("expiresIn"), int
    ):
        raise CredentialRetrievalError("SSO OIDC CreateToken answered without a new token")
    return answer


def _send(
    transport: Transport,
    prepare: Callable[[int], HttpRequest],
    what: str,
    classify: Callable[[HttpResponse], str | None],
    policy: RetryPolicy | None,
) -> HttpResponse:
    try:
        return send_with_retries(
            transport,
            prepare,
            policy or RetryPolicy.aws(),
            timeout=SERVICE_TIMEOUT,
            # Asking twice for credentials only yields two sets; botocore retries these too.
            idempotent=True,
            classify=classify,
        )
    except TransportError as err:
        raise CredentialRetrievalError(f"{what} failed: {err}") from err


def _credentials(
    key: object, secret: object, token: object, expiration: object, what: str
) -> AwsCredentials:
    for name, value in (("access key", key), ("secret key", secret), ("session token", token)):
        if not isinstance(value, str) or not value:
            raise CredentialRetrievalError(f"{what} answered without a {name}")
    assert isinstance(key, str) and isinstance(secret, str) and isinstance(token, str)
    if not isinstance(expiration, str):
        raise CredentialRetrievalError(f"{what} answered without an expiration")
    try:
        expires = parse_timestamp(expiration)
    except ValueError:
        raise CredentialRetrievalError(
            f"{what} answered with an unreadable expiration {expiration[:40]!r}"
        ) from None
    return AwsCredentials(key, secret, token, expiration=expires)


def _with_path(base: str, path: str) -> str:
    """``path`` under ``base``, keeping a path prefix a configured endpoint may carry."""
    parts = urlsplit(base)
    return parts._replace(path=parts.path.rstrip("/") + path, query="", fragment="").geturl()


def _xml_error(body: bytes) -> tuple[str | None, str | None]:
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError:
        return None, None
    code = root.find(".//{*}Error/{*}Code")
    message = root.find(".//{*}Error/{*}Message")
    return (
        code.text if code is not None else None,
        message.text[:500] if message is not None and message.text else None,
    )


def _xml_error_code(response: HttpResponse) -> str | None:
    return _xml_error(response.body)[0]


def _json_object(body: bytes) -> dict[str, Any]:
    try:
        document = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        document = None
    return document if isinstance(document, dict) else {}


def _json_error(response: HttpResponse) -> tuple[str | None, str | None]:
    document = _json_object(response.body)
    code = response.headers.get("x-amzn-errortype") or document.get("__type") or None
    if isinstance(code, str):
        code = code.split(":", 1)[0].rpartition("#")[2] or None
    else:
        code = None
    message = document.get("message") or document.get("Message")
    return code, message[:500] if isinstance(message, str) else None


def _json_error_code(response: HttpResponse) -> str | None:
    return _json_error(response)[0]
