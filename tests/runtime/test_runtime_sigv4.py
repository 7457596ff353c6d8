"""SigV4: byte-identical with botocore's SigV4Auth, directly and through real botocore clients."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from typing import Any
from unittest import mock

import botocore.auth
import botocore.session
import pytest
from _runtime._credentials import AwsCredentials
from _runtime._http import HttpRequest
from _runtime._serde import quote_label, quote_query
from _runtime._sigv4 import canonical_request, sign_request
from botocore.awsrequest import AWSRequest, AWSResponse
from botocore.credentials import Credentials

FROZEN = datetime.datetime(2024, 7, 1, 12, 0, 0)
FROZEN_UTC = FROZEN.replace(tzinfo=datetime.UTC)
DEADLINE_HOST = "https://management.deadline.us-west-2.amazonaws.com"
PIPELINE_URL = "https://datapipeline.us-west-2.amazonaws.com/"

CREDENTIALS = [
    AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
    AwsCredentials("ASIAEXAMPLE", "c2VjcmV0/key+", session_token="IQoJb3JpZ2luX2VjE//token=="),
]


@pytest.fixture(autouse=True)
def frozen_botocore_clock() -> Iterator[None]:
    # botocore.auth reads the time through botocore.compat.get_current_datetime (naive UTC).
    with mock.patch.object(botocore.auth, "get_current_datetime", return_value=FROZEN):
        yield


def task_path(farm: str, queue: str, job: str, step: str, task: str) -> str:
    labels = [quote_label(x) for x in (farm, queue, job, step, task)]
    return "/2023-10-12/farms/{}/queues/{}/jobs/{}/steps/{}/tasks/{}".format(*labels)


def botocore_sign(
    method: str,
    url: str,
    headers: dict[str, str],
    body: bytes | None,
    creds: AwsCredentials,
    service: str,
    region: str = "us-west-2",
) -> dict[str, str]:
    request = AWSRequest(method=method, url=url, headers=dict(headers), data=body)
    token = creds.session_token
    signer = botocore.auth.SigV4Auth(
        Credentials(creds.access_key_id, creds.secret_access_key, token), service, region
    )
    signer.add_auth(request)
    return {k: v for k, v in request.headers.items()}


def ours_sign(
    method: str,
    url: str,
    headers: dict[str, str],
    body: bytes | None,
    creds: AwsCredentials,
    service: str,
    region: str = "us-west-2",
) -> HttpRequest:
    request = HttpRequest(method, url, headers, body)
    return sign_request(request, creds, region=region, service=service, now=FROZEN_UTC)


def signed_headers_of(authorization: str) -> str:
    return authorization.split("SignedHeaders=")[1].split(",")[0]


LABELS = [
    ("farm-1", "queue-1", "job-1", "step-1", "task-1"),
    ("farm 1", "q/1", "job ü", "step~.-_", "task+1/ä"),
    ("日本", "%2F", "a b/c", "!*'()", "semi;colon:=&?"),
]


@pytest.mark.parametrize("creds", CREDENTIALS, ids=["static", "session"])
@pytest.mark.parametrize("labels", LABELS, ids=["plain", "slash-unicode", "reserved"])
def test_get_task_matches_botocore(creds: AwsCredentials, labels: tuple[str, ...]) -> None:
    url = DEADLINE_HOST + task_path(*labels)
    theirs = botocore_sign("GET", url, {}, None, creds, "deadline")
    ours = ours_sign("GET", url, {}, None, creds, "deadline")
    assert ours.headers["Authorization"] == theirs["Authorization"]
    assert ours.headers["X-Amz-Date"] == theirs["X-Amz-Date"] == "20240701T120000Z"
    expected = (
        "host;x-amz-date" if not creds.session_token else "host;x-amz-date;x-amz-security-token"
    )
    assert signed_headers_of(ours.headers["Authorization"]) == expected
    assert ours.headers.get("X-Amz-Security-Token") == creds.session_token
    assert "X-Amz-Content-Sha256" not in ours.headers


@pytest.mark.parametrize("creds", CREDENTIALS, ids=["static", "session"])
@pytest.mark.parametrize("labels", LABELS, ids=["plain", "slash-unicode", "reserved"])
def test_update_task_matches_botocore(creds: AwsCredentials, labels: tuple[str, ...]) -> None:
    url = DEADLINE_HOST + task_path(*labels)
    headers = {"X-Amz-Client-Token": "7f1c2a4e-uuid", "Content-Type": "application/json"}
    body = json.dumps({"targetRunStatus": "READY"}).encode()
    theirs = botocore_sign("PATCH", url, headers, body, creds, "deadline")
    ours = ours_sign("PATCH", url, headers, body, creds, "deadline")
    assert ours.headers["Authorization"] == theirs["Authorization"]
    expected = "content-type;host;x-amz-client-token;x-amz-date"
    if creds.session_token:
        expected += ";x-amz-security-token"
    assert signed_headers_of(ours.headers["Authorization"]) == expected


@pytest.mark.parametrize("creds", CREDENTIALS, ids=["static", "session"])
def test_set_task_status_matches_botocore(creds: AwsCredentials) -> None:
    headers = {
        "X-Amz-Target": "DataPipeline.SetTaskStatus",
        "Content-Type": "application/x-amz-json-1.1",
        "User-Agent": "apismith/0.1",  # never signed, as in botocore
    }
    body = b'{"taskId": "t-1", "taskStatus": "FINISHED"}'
    theirs = botocore_sign("POST", PIPELINE_URL, headers, body, creds, "datapipeline")
    ours = ours_sign("POST", PIPELINE_URL, headers, body, creds, "datapipeline")
    assert ours.headers["Authorization"] == theirs["Authorization"]
    expected = "content-type;host;x-amz-date;"
    expected += "x-amz-security-token;x-amz-target" if creds.session_token else "x-amz-target"
    assert signed_headers_of(ours.headers["Authorization"]) == expected


QUERIES: list[list[tuple[str, str]]] = [
    [("maxResults", "10"), ("nextToken", "abc/def+ghi==")],
    [("b", "2"), ("a", "z"), ("a", "y"), ("a", "")],
    [("name", "ü ä/;,"), ("tilde~", "-_.~*'()!")],
    [("empty", "")],
]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("creds", CREDENTIALS, ids=["static", "session"])
def test_query_strings_match_botocore(creds: AwsCredentials, query: list[tuple[str, str]]) -> None:
    encoded = "&".join(f"{quote_query(k)}={quote_query(v)}" for k, v in query)
    url = f"{DEADLINE_HOST}/2023-10-12/farms/f/queues?{encoded}"
    theirs = botocore_sign("GET", url, {}, None, creds, "deadline")
    ours = ours_sign("GET", url, {}, None, creds, "deadline")
    assert ours.headers["Authorization"] == theirs["Authorization"]


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8080/2023-10-12/farms/f",
        "https://management.deadline.us-west-2.amazonaws.com:443/x",
        "http://127.0.0.1:80/x",
        "https://Management.Deadline.US-West-2.amazonaws.com/x/",
        "https://example.com",
        "https://example.com/a//b/./c/../d",
        "http://[::1]:9000/ipv6",
    ],
)
def test_host_and_path_normalisation_match_botocore(url: str) -> None:
    creds = CREDENTIALS[0]
    theirs = botocore_sign("GET", url, {}, None, creds, "deadline")
    ours = ours_sign("GET", url, {}, None, creds, "deadline")
    assert ours.headers["Authorization"] == theirs["Authorization"]


def test_header_values_trimmed_and_repeats_joined_like_botocore() -> None:
    creds = CREDENTIALS[0]
    url = DEADLINE_HOST + "/x"
    headers = {"X-Custom": "  a   b  ", "Content-Type": "application/json", "Expect": "100"}
    theirs = botocore_sign("POST", url, headers, b"{}", creds, "deadline")
    ours = ours_sign("POST", url, headers, b"{}", creds, "deadline")
    assert ours.headers["Authorization"] == theirs["Authorization"]
    # botocore keeps a mapping per name; our multimap joins repeats with "," like SigV4 says.
    request = HttpRequest("GET", url, [("X-Multi", "1"), ("x-multi", "2")])
    assert "x-multi:1,2\n" in canonical_request(request)


def test_canonical_uri_double_encodes() -> None:
    request = HttpRequest("GET", DEADLINE_HOST + task_path("f", "q/1", "job ü", "s", "t"))
    canonical = canonical_request(request)
    uri = canonical.split("\n")[1]
    assert uri == "/2023-10-12/farms/f/queues/q%252F1/jobs/job%2520%25C3%25BC/steps/s/tasks/t"
    assert canonical.endswith("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")


def test_resigning_replaces_previous_signature() -> None:
    creds = CREDENTIALS[1]
    request = HttpRequest("GET", DEADLINE_HOST + "/x")
    sign_request(request, creds, region="us-west-2", service="deadline", now=FROZEN_UTC)
    later = FROZEN_UTC + datetime.timedelta(seconds=5)
    sign_request(request, creds, region="us-west-2", service="deadline", now=later)
    assert request.headers.get_all("Authorization") == [request.headers["Authorization"]]
    assert request.headers.get_all("X-Amz-Date") == ["20240701T120005Z"]
    assert request.headers.get_all("X-Amz-Security-Token") == [creds.session_token]
    with mock.patch.object(
        botocore.auth, "get_current_datetime", return_value=FROZEN + datetime.timedelta(seconds=5)
    ):
        theirs = botocore_sign("GET", DEADLINE_HOST + "/x", {}, None, creds, "deadline")
    assert request.headers["Authorization"] == theirs["Authorization"]


def test_naive_and_offset_times_are_utc() -> None:
    creds = CREDENTIALS[0]
    offset = FROZEN_UTC.astimezone(datetime.timezone(datetime.timedelta(hours=-7)))
    a = sign_request(HttpRequest("GET", DEADLINE_HOST), creds, region="r", service="s", now=FROZEN)
    b = sign_request(HttpRequest("GET", DEADLINE_HOST), creds, region="r", service="s", now=offset)
    assert a.headers["Authorization"] == b.headers["Authorization"]


# --- through real botocore clients: the request botocore sends, re-signed by us ------------

AFTER_SIGNING = {"authorization", "x-amz-date", "x-amz-security-token"}
# botocore adds these after signing (retry handler, HTTP prepare): not part of the signature.
ADDED_AFTER_SIGNING = {"amz-sdk-invocation-id", "amz-sdk-request", "content-length"}


def botocore_capture(
    service: str, creds: AwsCredentials, call: str, **params: Any
) -> tuple[AWSRequest, dict[str, str]]:
    captured: list[AWSRequest] = []

    def before_send(request: AWSRequest, **_: Any) -> AWSResponse:
        captured.append(request)

        class Raw:
            def stream(self, **__: Any) -> Iterator[bytes]:
                yield b"{}"

        return AWSResponse(request.url, 200, {}, Raw())

    session = botocore.session.get_session()
    client = session.create_client(
        service,
        region_name="us-west-2",
        aws_access_key_id=creds.access_key_id,
        aws_secret_access_key=creds.secret_access_key,
        aws_session_token=creds.session_token,
    )
    client.meta.events.register("before-send", before_send)
    getattr(client, call)(**params)
    (request,) = captured
    headers = {k: v.decode() if isinstance(v, bytes) else v for k, v in request.headers.items()}
    return request, headers


def resign_like_ours(request: AWSRequest, headers: dict[str, str], creds: AwsCredentials) -> str:
    keep = {
        k: v
        for k, v in headers.items()
        if k.lower() not in AFTER_SIGNING | ADDED_AFTER_SIGNING and k.lower() != "user-agent"
    }
    body = request.body if isinstance(request.body, bytes) else None
    service = "deadline" if "deadline" in request.url else "datapipeline"
    ours = ours_sign(request.method, request.url, keep, body or None, creds, service)
    return ours.headers["Authorization"]


@pytest.mark.parametrize("creds", CREDENTIALS, ids=["static", "session"])
def test_botocore_client_requests_resign_identically(creds: AwsCredentials) -> None:
    ids = {"farmId": "farm 1", "queueId": "q/1", "jobId": "job ü", "stepId": "s", "taskId": "t"}
    request, headers = botocore_capture("deadline", creds, "get_task", **ids)
    assert signed_headers_of(headers["Authorization"]).startswith("host;x-amz-date")
    assert resign_like_ours(request, headers, creds) == headers["Authorization"]

    request, headers = botocore_capture(
        "deadline", creds, "update_task", clientToken="tok-1", targetRunStatus="READY", **ids
    )
    assert headers["X-Amz-Client-Token"] == "tok-1"
    assert resign_like_ours(request, headers, creds) == headers["Authorization"]

    request, headers = botocore_capture(
        "datapipeline", creds, "set_task_status", taskId="t1", taskStatus="FINISHED"
    )
    assert resign_like_ours(request, headers, creds) == headers["Authorization"]
