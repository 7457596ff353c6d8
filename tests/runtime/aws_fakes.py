"""A fake of the AWS endpoints behind temporary credentials, on 127.0.0.1 only.

One threaded HTTP server plays STS (``POST /``: ``AssumeRole``, ``AssumeRoleWithWebIdentity``),
the SSO portal (``GET /federation/credentials``), SSO OIDC (``POST /token``), the container
credentials endpoint (``GET /ecs/...``) and IMDS (``PUT /latest/api/token``,
``GET /latest/meta-data/iam/security-credentials/...``), in the real wire formats.

Answers are deterministic functions of the request (the role, the signing key, the token), so
botocore and our chain, pointed at the same fake through botocore's own environment variables,
must end up with identical credentials. ``AssumeRole`` requests are checked the way STS checks
them: the SigV4 signature is recomputed from the received request and a known secret.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from _runtime._aws_config import AwsCredentials
from _runtime._http import HttpRequest
from _runtime._sigv4 import sign_request

STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/"


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: bytes

    @property
    def form(self) -> dict[str, str]:
        return dict(parse_qsl(self.body.decode("utf-8"), keep_blank_values=True))


@dataclass
class Override:
    """Answer the next matching requests with this instead (``times`` of them)."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    times: int = 1


def derived(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16].upper()


class FakeAws:
    """See the module docstring. ``secrets`` maps access keys to secret keys for signature
    checks; keys the fake issues itself are added, so chained roles verify too."""

    IMDS_TOKEN = "imds-session-token"
    IMDS_ROLE = "fake-instance-role"

    def __init__(self) -> None:
        self.received: list[Seen] = []
        self.secrets: dict[str, str] = {}
        self.sso_tokens: set[str] = set()
        self.container_token: str | None = None
        self.imds_v2 = True  # False: the token PUT gets 404 (an IMDSv1-only endpoint)
        self.expiration = (datetime.now(UTC) + timedelta(hours=1)).replace(microsecond=0)
        self.overrides: dict[str, list[Override]] = {}
        self.delay: dict[str, float] = {}
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                seen = Seen(
                    self.command,
                    parts.path,
                    dict(parse_qsl(parts.query)),
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                )
                status, headers, payload, delay = fake._answer(seen)
                if delay:
                    time.sleep(delay)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_PUT = do_POST = _handle

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client that gave up (a timeout test) closed the connection

        self._server = Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- what tests look at ---

    def calls(self, kind: str) -> list[Seen]:
        with self._lock:
            return [seen for seen in self.received if _kind(seen) == kind]

    def fail(self, kind: str, *overrides: Override) -> None:
        self.overrides.setdefault(kind, []).extend(overrides)

    # --- answers ---

    def _answer(self, seen: Seen) -> tuple[int, dict[str, str], bytes, float]:
        kind = _kind(seen)
        with self._lock:
            self.received.append(seen)
            queue = self.overrides.get(kind)
            override = None
            if queue:
                override = queue[0]
                override.times -= 1
                if override.times <= 0:
                    queue.pop(0)
        if override is not None:
            return override.status, override.headers, override.body, override.delay
        delay = self.delay.get(kind, 0.0)
        handler: Callable[[Seen], tuple[int, dict[str, str], bytes]] = getattr(
            self, f"_{kind}", self._unknown
        )
        status, headers, body = handler(seen)
        return status, headers, body, delay

    def _unknown(self, seen: Seen) -> tuple[int, dict[str, str], bytes]:
        return 404, {}, b"not a fake endpoint"

    def _issue(self, prefix: str, *basis: str) -> dict[str, str]:
        tag = derived(prefix, *basis)
        key = f"ASIA{prefix}{tag}"[:20]
        secret = f"{prefix}-secret-{tag}"
        with self._lock:
            self.secrets[key] = secret
        return {"key": key, "secret": secret, "token": f"{prefix}-token-{tag}"}

    def _expiration_text(self) -> str:
        return self.expiration.strftime("%Y-%m-%dT%H:%M:%SZ")

    def _sts(self, seen: Seen) -> tuple[int, dict[str, str], bytes]:
        form = seen.form
        action = form.get("Action")
        if action == "AssumeRole":
            signer = self.verify_sigv4(seen)
            if signer is None:
                return _sts_error(403, "SignatureDoesNotMatch", "bad signature")
            issued = self._issue("AR", form["RoleArn"], signer)
        elif action == "AssumeRoleWithWebIdentity":
            if "authorization" in seen.headers:
                return _sts_error(400, "InvalidRequest", "must not be signed")
            issued = self._issue("WI", form["RoleArn"], form["WebIdentityToken"])
        else:
            return _sts_error(400, "InvalidAction", f"unknown action {action}")
        xml = (
            f'<{action}Response xmlns="{STS_NS}">\n'
            f"  <{action}Result>\n"
            "    <AssumedRoleUser>\n"
            "      <AssumedRoleId>AROAEXAMPLE:session</AssumedRoleId>\n"
            f"      <Arn>arn:aws:sts::123456789012:assumed-role/{form['RoleArn'][-8:]}/s</Arn>\n"
            "    </AssumedRoleUser>\n"
            "    <Credentials>\n"
            f"      <AccessKeyId>{issued['key']}</AccessKeyId>\n"
            f"      <SecretAccessKey>{issued['secret']}</SecretAccessKey>\n"
            f"      <SessionToken>{issued['token']}</SessionToken>\n"
            f"      <Expiration>{self._expiration_text()}</Expiration>\n"
            "    </Credentials>\n"
            "    <PackedPolicySize>6</PackedPolicySize>\n"
            f"  </{action}Result>\n"
            "  <ResponseMetadata>\n"
            "    <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>\n"
            "  </ResponseMetadata>\n"
            f"</{action}Response>\n"
        )
        return 200, {"Content-Type": "text/xml"}, xml.encode()

    def verify_sigv4(self, seen: Seen) -> str | None:
        """The access key that signed ``seen``, or None when the signature is wrong."""
        auth = seen.headers.get("authorization", "")
        if not auth.startswith("AWS4-HMAC-SHA256 "):
            return None
        fields = dict(item.strip().split("=", 1) for item in auth[17:].split(","))
        key, _day, region, service, _ = fields["Credential"].split("/")
        secret = self.secrets.get(key)
        if secret is None:
            return None
        signed = fields["SignedHeaders"].split(";")
        headers = [(name, seen.headers[name]) for name in signed]
        token = seen.headers.get("x-amz-security-token")
        request = HttpRequest("POST", f"{self.url}{seen.path}", headers, seen.body)
        moment = datetime.strptime(seen.headers["x-amz-date"], "%Y%m%dT%H%M%SZ")
        sign_request(
            request,
            AwsCredentials(key, secret, token),
            region=region,
            service=service,
            now=moment.replace(tzinfo=UTC),
        )
        expected = request.headers["Authorization"]
        return key if expected == auth else None

    def _sso(self, seen: Seen) -> tuple[int, dict[str, str], bytes]:
        bearer = seen.headers.get("x-amz-sso_bearer_token")
        if bearer not in self.sso_tokens:
            body = json.dumps({"message": "Session token not found or invalid"}).encode()
            return 401, {"x-amzn-ErrorType": "UnauthorizedException"}, body
        issued = self._issue("SSO", seen.query["role_name"], seen.query["account_id"], bearer)
        answer = {
            "roleCredentials": {
                "accessKeyId": issued["key"],
                "secretAccessKey": issued["secret"],
                "sessionToken": issued["token"],
                "expiration": int(self.expiration.timestamp() * 1000),
            }
        }
        return 200, {"Content-Type": "application/json"}, json.dumps(answer).encode()

    def _oidc(self, seen: Seen) -> tuple[int, dict[str, str], bytes]:
        request = json.loads(seen.body)
        if request.get("grantType") != "refresh_token":
            return 400, {}, b'{"error": "unsupported_grant_type"}'
        new_token = "renewed-" + derived(request["refreshToken"])
        self.sso_tokens.add(new_token)
        answer = {
            "accessToken": new_token,
            "expiresIn": 3600,
            "refreshToken": "refresh-2",
            "tokenType": "Bearer",
        }
        return 200, {"Content-Type": "application/json"}, json.dumps(answer).encode()

    def _ecs(self, seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if self.container_token is not None:
            if seen.headers.get("authorization") != self.container_token:
                return 401, {}, b'{"code": "AccessDenied"}'
        issued = self._issue("ECS", seen.path)
        return 200, {"Content-Type": "application/json"}, _metadata_json(issued, self)

    def _imds_token(self, seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if not self.imds_v2:
            return 404, {}, b""
        if seen.headers.get("x-aws-ec2-metadata-token-ttl-seconds") != "21600":
            return 400, {}, b""
        return 200, {}, self.IMDS_TOKEN.encode()

    def _imds_role(self, seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if self.imds_v2 and seen.headers.get("x-aws-ec2-metadata-token") != self.IMDS_TOKEN:
            return 401, {}, b""
        name = seen.path.rpartition("/")[2]
        if not name:
            return 200, {}, self.IMDS_ROLE.encode()
        if name != self.IMDS_ROLE:
            return 404, {}, b""
        issued = self._issue("IMDS", name)
        return 200, {}, _metadata_json(issued, self)


def _kind(seen: Seen) -> str:
    if seen.method == "POST" and seen.path == "/":
        return "sts"
    if seen.path == "/federation/credentials":
        return "sso"
    if seen.method == "POST" and seen.path == "/token":
        return "oidc"
    if seen.path.startswith("/ecs"):
        return "ecs"
    if seen.path == "/latest/api/token":
        return "imds_token"
    if seen.path.startswith("/latest/meta-data/iam/security-credentials/"):
        return "imds_role"
    return "unknown"


def _metadata_json(issued: dict[str, str], fake: FakeAws) -> bytes:
    return json.dumps(
        {
            "Code": "Success",
            "LastUpdated": "2024-01-01T00:00:00Z",
            "Type": "AWS-HMAC",
            "AccessKeyId": issued["key"],
            "SecretAccessKey": issued["secret"],
            "Token": issued["token"],
            "Expiration": fake._expiration_text(),
        }
    ).encode()


def _sts_error(status: int, code: str, message: str) -> tuple[int, dict[str, str], bytes]:
    xml = (
        f'<ErrorResponse xmlns="{STS_NS}"><Error><Type>Sender</Type><Code>{code}</Code>'
        f"<Message>{message}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>"
    )
    return status, {"Content-Type": "text/xml"}, xml.encode()


def sts_error(status: int, code: str, message: str) -> Override:
    status, headers, body = _sts_error(status, code, message)
    return Override(status, body, headers)
