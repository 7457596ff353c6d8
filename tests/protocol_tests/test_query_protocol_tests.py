"""botocore's protocol tests for the query protocols (awsQuery, ec2Query), vendored under
`query/` and `ec2/`.

Each suite's botocore model is converted to a Smithy JSON AST (`botocore_model`), generated,
imported and called through the generated sync and async clients, as the corpus's JSON cases
are (`harness`): the form body is compared field for field (any order), responses by the
values parsed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from protocol_tests.harness import Built, Case, build_all, load_suites, run_case
from support import ROOT

HERE = Path(__file__).parent
SOURCES = [(HERE / "query", {"query": "query"}), (HERE / "ec2", {"ec2": "ec2"})]

# Cases the Smithy specification does not allow, with the reason.
SKIPPED = {
    # botocore's `resultWrapper` names the result element freely; in Smithy's awsQuery it is
    # always `<OperationNameResult>` (smithy.io, "AWS query protocol": "Response serialization").
    "query:output:Custom result wrapper #1": "resultWrapper has no Smithy equivalent",
}

CASES = [c for folder, files in SOURCES for s in load_suites(folder, files) for c in s.cases]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    suites = [s for folder, files in SOURCES for s in load_suites(folder, files)]
    return build_all(suites, tmp_path_factory.mktemp("query_protocol_tests"))


@pytest.mark.parametrize("case", CASES, ids=[c.key for c in CASES])
def test_query_protocol_case(case: Case, built: dict[str, Built]) -> None:
    if case.key in SKIPPED:
        pytest.skip(SKIPPED[case.key])
    assert run_case(built[case.suite.package], case) == []


def test_every_case_is_run() -> None:
    assert len(CASES) == 34 + 8
    assert len({c.key for c in CASES}) == len(CASES)
    assert set(SKIPPED) <= {c.key for c in CASES}


def test_readme_states_the_query_pass_count() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"`ec2/`: \*\*(\d+) of (\d+)\*\* pass", readme)
    assert match is not None, "the README must state the query protocol-test pass count"
    assert (int(match.group(1)), int(match.group(2))) == (len(CASES) - len(SKIPPED), len(CASES))
