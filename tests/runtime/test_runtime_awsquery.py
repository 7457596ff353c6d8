"""The query protocols' success request id (`_awsquery.response_metadata`): the header first,
else the body where botocore reads it; anything else leaves it empty without raising."""

from __future__ import annotations

import pytest
from _runtime._awsquery import response_metadata
from _runtime._http import HttpResponse

QUERY = (
    b'<OpResponse xmlns="https://example.com/doc/"><OpResult/>'
    b"<ResponseMetadata><RequestId>from-body</RequestId></ResponseMetadata></OpResponse>"
)
EC2 = b'<OpResponse xmlns="http://ec2.amazonaws.com/doc/"><requestId>from-body</requestId></OpResponse>'


@pytest.mark.parametrize(("body", "ec2"), [(QUERY, False), (EC2, True)])
def test_the_body_answers_without_the_header(body: bytes, ec2: bool) -> None:
    found = response_metadata(HttpResponse(200, {"X-Other": "1"}, body), ec2)
    assert found.request_id == "from-body"
    assert found.status_code == 200 and found.headers == {"X-Other": "1"}


@pytest.mark.parametrize(("body", "ec2"), [(QUERY, False), (EC2, True)])
def test_the_header_comes_first(body: bytes, ec2: bool) -> None:
    response = HttpResponse(200, {"x-amzn-requestid": "from-header"}, body)
    assert response_metadata(response, ec2).request_id == "from-header"


@pytest.mark.parametrize(
    ("body", "ec2"),
    [
        (QUERY, True),  # each protocol reads only its own place, as botocore's parsers do
        (EC2, False),
        (b"", False),
        (b"not xml", False),
        (b"<broken", True),
        (b"<R><ResponseMetadata><RequestId/></ResponseMetadata></R>", False),
        (b"<R><RequestId>top-level</RequestId></R>", False),
    ],
)
def test_nothing_to_read_is_empty(body: bytes, ec2: bool) -> None:
    assert response_metadata(HttpResponse(200, {}, body), ec2).request_id == ""
