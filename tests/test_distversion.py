"""Cache keys name the installed version of a distribution without importlib.metadata."""

from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from generator.distversion import installed_version_key


def test_an_installed_distribution_is_named_with_its_version() -> None:
    for dist in ("openapi-spec-validator", "Jinja2", "jsonschema"):
        key = installed_version_key(dist)
        assert key.endswith((".dist-info", ".egg-info"))
        assert version(dist) in key


def test_the_first_on_the_path_wins_and_a_new_version_changes_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    (first / "Foo_Bar-1.2.dist-info").mkdir(parents=True)
    (second / "foo_bar-9.0.dist-info").mkdir(parents=True)
    (first / "foo_barbaz-3.0.dist-info").mkdir()  # another project that starts alike
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(first), str(second)])
    assert installed_version_key("foo-bar") == "Foo_Bar-1.2.dist-info"
    (first / "Foo_Bar-1.2.dist-info").rename(first / "Foo_Bar-1.3.dist-info")
    assert installed_version_key("foo.bar") == "Foo_Bar-1.3.dist-info"
    assert installed_version_key("not-installed-anywhere") == "unknown"
