"""One-off use: `apismith generate SPEC -o DIR` and `apismith validate SPEC…`, no project needed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.init import starter_spec
from generator.oneoff import derive_package_name, sanitise_package_name
from support import ROOT, spec_from_text


def _spec(folder: Path, service: str = "widget_store") -> Path:
    spec = folder / "spec.yaml"
    spec.write_text(starter_spec("smithy", service))
    return spec


def test_generate_spec_outside_any_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert not any(p.name == "pyproject.toml" for p in (tmp_path, *tmp_path.parents))
    _spec(tmp_path)
    assert main(["generate", "spec.yaml", "-o", "client"]) == 0
    # The package is named after the service (sdkId WidgetStore) and DIR is the package folder.
    assert (tmp_path / "client" / "widget_store" / "client.py").is_file()
    assert (tmp_path / "client" / "widget_store" / "_patch.py").is_file()
    assert "client: " in capsys.readouterr().err
    # Nothing but the output appears where the command ran: no cache folder, no config.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["client", "spec.yaml"]
    proc = subprocess.run(
        [sys.executable, "-c", "import widget_store; print(widget_store.WidgetStoreClient)"],
        cwd=tmp_path / "client",
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert main(["generate", "spec.yaml", "-o", "client", "--check"]) == 0


def test_package_flag_and_default_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _spec(tmp_path)
    assert main(["generate", "spec.yaml", "--package", "acme", "-q"]) == 0
    assert (tmp_path / "acme" / "acme" / "__init__.py").is_file()


def test_invalid_package_flag_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _spec(tmp_path)
    assert main(["generate", "spec.yaml", "--package", "my-widgets"]) == 2
    err = capsys.readouterr().err
    assert "--package: ERROR [InvalidPackageName]" in err and "--package my_widgets" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spec.yaml"]


@pytest.mark.parametrize(
    ("title", "package"),
    [
        ("Deadline", "deadline"),
        ("BatchServiceClient", "batch_service_client"),
        ("../../etc/passwd", "etc_passwd"),
        ("/abs/path", "abs_path"),
        ("class", "class_client"),
        ("json", "json_client"),
        ("123 Go", "api_123_go"),
        ("日本語", "u65e5_u672c_u8a9e"),  # code points, as every other name (names.py)
        ("Größe API", "grosse_api"),
        ("", "api_client"),
        ("a\x00b;rm -rf", "a_b_rm_rf"),
    ],
)
def test_derived_names_are_plain_identifiers(title: str, package: str) -> None:
    assert sanitise_package_name(title) == package
    assert package.isidentifier() and package.isascii()


def test_hostile_service_name_never_becomes_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    spec = work / "spec.yaml"
    spec.write_text(
        starter_spec("openapi", "x").replace("title: X", 'title: "../../escaped"'),
    )
    assert main(["generate", "spec.yaml", "-q"]) == 0
    assert (work / "escaped" / "escaped" / "__init__.py").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work"]


def test_validate_several_specs_without_a_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(starter_spec("smithy", "a"))
    (tmp_path / "b.yaml").write_text(starter_spec("openapi", "b"))
    assert main(["validate", "a.yaml", "b.yaml", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert isinstance(json.loads(captured.out), list)
    assert "a.yaml: A 2024-01-01, 3 operations" in captured.err
    assert "b.yaml: B 2024-01-01, 3 operations" in captured.err


def test_bare_generate_outside_a_project_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["generate"]) == 2
    err = capsys.readouterr().err
    assert "[ConfigNotFound]" in err and "apismith generate SPEC -o DIR" in err


def test_output_and_package_need_a_spec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["generate", "-o", str(tmp_path / "x")]) == 2
    assert "[Usage]" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    ("sdk_id", "package"),
    [
        ("IoT Data Plane", "iot_data_plane"),  # was io_t_data_plane
        ("SageMaker Runtime", "sagemaker_runtime"),
        ("Marketplace Entitlement Service", "marketplace_entitlement_service"),
        ("WidgetStore", "widget_store"),  # one word: snake_case, as before
        ("SSO", "sso"),
    ],
)
def test_a_package_is_named_after_the_words_of_the_sdk_id(
    tmp_path: Path, sdk_id: str, package: str
) -> None:
    spec = starter_spec("smithy", "widget_store").replace("sdkId: WidgetStore", f"sdkId: {sdk_id}")
    assert f"sdkId: {sdk_id}" in spec
    loaded, _ = spec_from_text(tmp_path, spec)
    assert loaded.service is not None
    assert derive_package_name(loaded.service) == package
