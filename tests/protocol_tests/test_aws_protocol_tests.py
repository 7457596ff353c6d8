"""Smithy's AWS protocol tests for awsJson1_0, awsJson1_1 and restJson1 (botocore's copy).

Every suite's model is converted, validated, generated and imported once per session; every
case is then called through the generated sync and async clients (see `harness`). The README
states how many cases pass; `test_readme_states_the_pass_count` measures it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from protocol_tests.harness import (
    CORPUS,
    Built,
    Case,
    all_cases,
    build_all,
    compare_request,
    load_suites,
    run_case,
)
from support import ROOT

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"protocol tests not found at {CORPUS}"
)

CASES = all_cases() if CORPUS.is_dir() else []


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    return build_all(load_suites(), tmp_path_factory.mktemp("protocol_tests"))


@pytest.fixture(scope="session")
def outcomes(built: dict[str, Built]) -> dict[str, list[str]]:
    """Each case's problems ([] = passes), computed once for the per-case tests and the count."""
    return {case.key: run_case(built[case.suite.package], case) for case in all_cases()}


@needs_corpus
@pytest.mark.parametrize("case", CASES, ids=[c.key for c in CASES])
def test_protocol_case(case: Case, outcomes: dict[str, list[str]]) -> None:
    assert outcomes[case.key] == []


@needs_corpus
def test_every_suite_converts_validates_and_imports(built: dict[str, Built]) -> None:
    assert {name: b.problem for name, b in built.items() if b.problem} == {}
    assert len(built) == 130


@needs_corpus
def test_case_keys_are_unique() -> None:
    # The outcomes are keyed by case: two cases with one key would hide each other.
    assert len({c.key for c in CASES}) == len(CASES) == 369


@needs_corpus
def test_readme_states_the_pass_count(outcomes: dict[str, list[str]]) -> None:
    readme = Path(ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"\*\*(\d+) of (\d+)\*\* of Smithy's AWS protocol tests pass", readme)
    assert match is not None, "the README must state the protocol-test pass count"
    passed = sum(1 for problems in outcomes.values() if not problems)
    assert (int(match.group(1)), int(match.group(2))) == (passed, len(outcomes))


@needs_corpus
def test_the_cases_botocore_skips_are_decided_by_smithy(outcomes: dict[str, list[str]]) -> None:
    """botocore skips some cases (protocol-tests-ignore-list.json); the Smithy specification
    decides them, and the generated clients pass them all."""
    skipped = [c for c in CASES if c.ignored_by_botocore]
    assert len(skipped) >= 20
    assert {c.key: outcomes[c.key] for c in skipped if outcomes[c.key]} == {}


def test_the_comparison_catches_what_a_wrong_client_would_send() -> None:
    """The harness is an oracle: a request that differs anywhere is reported."""
    from types import SimpleNamespace

    class Headers(dict[str, str]):
        """Case-insensitive lookups, as the runtime's Headers."""

        def get(self, name: str, default: str | None = None) -> str | None:  # type: ignore[override]
            return next((v for k, v in self.items() if k.lower() == name.lower()), default)

        def __contains__(self, name: object) -> bool:
            return self.get(str(name)) is not None

    expected = {
        "method": "POST",
        "uri": "/path?b=2&a=1",
        "headers": {"X-Foo": "bar"},
        "forbidHeaders": ["X-Gone"],
        "body": '{"k": [1, 2]}',
        "host": "foo.example.com",
    }

    def request(**changes: object) -> SimpleNamespace:
        fields: dict[str, object] = {
            "method": "POST",
            "url": "https://foo.example.com/path?a=1&b=2",
            "headers": Headers({"X-Foo": "bar", "Content-Type": "application/json"}),
            "body": b'{"k":[1,2]}',
        }
        fields.update(changes)
        return SimpleNamespace(**fields)

    assert compare_request(request(), expected) == []
    wrong = [
        request(method="PUT"),
        request(url="https://foo.example.com/other?a=1&b=2"),
        request(url="https://foo.example.com/path?a=1&b=3"),
        request(url="https://example.com/path?a=1&b=2"),
        request(headers=Headers({"X-Foo": "baz", "Content-Type": "application/json"})),
        request(headers=Headers({"X-Foo": "bar", "X-Gone": "1", "Content-Type": "a/json"})),
        request(body=b'{"k":[2,1]}'),
    ]
    assert all(compare_request(r, expected) for r in wrong)
