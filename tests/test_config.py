"""[tool.apismith]: every mistake is an event at the key or value it is about."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from generator.config import load_config
from generator.diagnostics import Diagnostics, Event
from generator.tomlpos import TomlPositions


def _load(tmp_path: Path, text: str) -> tuple[object, list[Event]]:
    os.chdir(tmp_path)  # events name files relative to the working folder
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent(text).lstrip("\n"))
    diags = Diagnostics()
    config = load_config(diags, tmp_path)
    return config, diags.sorted()


@pytest.fixture(autouse=True)
def _keep_cwd(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(os.getcwd())


def _only(events: list[Event], id: str) -> Event:
    found = [e for e in events if e.id == id]
    assert len(found) == 1, [e.format() for e in events]
    return found[0]


def test_a_valid_config_loads_with_every_documented_setting(tmp_path: Path) -> None:
    config, events = _load(
        tmp_path,
        """
        [tool.apismith]
        templates = "tpl"

        [[tool.apismith.services]]
        spec = "specs/a.yaml"
        package = "a_client"
        output = "out/a"
        version = "1.2.0rc1"
        distribution = "acme-a-client"
        client_name = "Acme"
        credential_scopes = ["https://example.com/.default"]
        """,
    )
    assert events == []
    assert config is not None
    [service] = config.services  # type: ignore[attr-defined]
    assert service.package == "a_client" and service.output == tmp_path / "out" / "a"
    assert service.options == {
        "version": "1.2.0rc1",
        "distribution": "acme-a-client",
        "client_name": "Acme",
        "credential_scopes": ["https://example.com/.default"],
    }
    assert config.templates == tmp_path / "tpl"  # type: ignore[attr-defined]


def test_invalid_package_name_points_at_its_value(tmp_path: Path) -> None:
    config, events = _load(
        tmp_path,
        """
        [tool.apismith]
        [[tool.apismith.services]]
        spec = "a.yaml"
        package = "my-widgets"
        """,
    )
    assert config is None
    event = _only(events, "InvalidPackageName")
    assert (event.location.file, event.location.line, event.location.col) == (
        "pyproject.toml",
        4,
        11,
    )
    assert 'package = "my_widgets"' in event.hint and 'distribution = "my-widgets"' in event.hint


@pytest.mark.parametrize("name", ["class", "match", "1st", "", "naïve"])
def test_keywords_digits_empty_and_non_ascii_names_are_refused(tmp_path: Path, name: str) -> None:
    config, events = _load(
        tmp_path,
        f"""
        [tool.apismith]
        [[tool.apismith.services]]
        spec = "a.yaml"
        package = "{name}"
        """,
    )
    assert config is None
    assert {e.id for e in events} <= {"InvalidPackageName", "ConfigValue"} and events


def test_unknown_keys_are_errors_at_the_key_with_did_you_mean(tmp_path: Path) -> None:
    config, events = _load(
        tmp_path,
        """
        [tool.apismith]
        template = "tpl"

        [[tool.apismith.services]]
        spec = "a.yaml"
        package = "a"

        [[tool.apismith.services]]
        spec = "b.yaml"
        package = "b"
        ouput = "out/b"
        """,
    )
    assert config is None
    unknown = [e for e in events if e.id == "UnknownConfigKey"]
    assert [(e.location.line, e.location.col) for e in unknown] == [(2, 1), (11, 1)]
    assert "did you mean 'templates'?" in unknown[0].hint
    assert "did you mean 'output'?" in unknown[1].hint
    assert "'ouput'" in unknown[1].message


def test_wrong_types_and_values_are_located(tmp_path: Path) -> None:
    config, events = _load(
        tmp_path,
        """
        [tool.apismith]
        [[tool.apismith.services]]
        spec = "a.yaml"
        package = "a"
        version = 2
        distribution = "a b"
        client_name = "not a class"
        credential_scopes = "one"
        """,
    )
    assert config is None
    lines = sorted(e.location.line for e in events if e.id == "ConfigValue")
    assert lines == [5, 6, 7, 8]


def test_toml_syntax_error_is_located(tmp_path: Path) -> None:
    config, events = _load(tmp_path, '[tool.apismith]\nspec = "a\n')
    event = _only(events, "ConfigSyntax")
    assert config is None and event.location.line == 2


def test_missing_section_and_missing_services(tmp_path: Path) -> None:
    config, events = _load(tmp_path, '[project]\nname = "x"\n')
    assert config is None and _only(events, "ConfigNotFound").hint
    config, events = _load(tmp_path, "[tool.apismith]\n")
    assert config is None and "lists no services" in _only(events, "ConfigValue").message


def test_two_services_into_one_package_or_folder(tmp_path: Path) -> None:
    config, events = _load(
        tmp_path,
        """
        [tool.apismith]
        [[tool.apismith.services]]
        spec = "a.yaml"
        package = "a"
        output = "out"
        [[tool.apismith.services]]
        spec = "b.yaml"
        package = "a"
        output = "out"
        """,
    )
    assert config is None
    assert sorted(e.location.line for e in events if e.id == "ConfigValue") == [8, 9]


def test_positions_skip_multiline_values() -> None:
    text = textwrap.dedent("""
        [project]
        dependencies = [
            "jinja2>=3.1",
            "x[extra]",
        ]
        description = \"\"\"
        package = "not a key"
        \"\"\"
        [tool.apismith]
        templates = "t"
        """)
    positions = TomlPositions(text)
    assert positions.key(("project", "package")) == positions.key(("project",))
    assert positions.value(("tool", "apismith", "templates")) == (11, 13)
