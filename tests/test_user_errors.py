"""A user's mistakes are located events with hints and documented exit codes, never exit 3."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator import exit_codes
from generator.cli import build_parser, main
from generator.init import starter_spec
from support import ROOT

CONFIG = """\
[tool.apismith]

[[tool.apismith.services]]
spec = "specs/shop.yaml"
package = "shop"
output = "out/shop"
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "shop.yaml").write_text(starter_spec("smithy", "shop"))
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _templates(project: Path, rel: str, text: str) -> Path:
    path = project / "tpl" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_template_syntax_error_is_located_in_the_users_template(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _templates(project, "python/package/README.md.j2", "# {{ pkg.distribution }}\n\n{% if %}\n")
    assert main(["generate", "--templates", "tpl"]) == exit_codes.USAGE
    err = capsys.readouterr().err
    assert "tpl/python/package/README.md.j2:3:1: ERROR [TemplateSyntax]" in err
    assert "internal error" not in err and not (project / "out").exists()


def test_template_undefined_variable_is_located(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _templates(project, "python/package/README.md.j2", "# {{ pkg.distribution }}\n\n  {{ nope }}\n")
    assert main(["generate", "--templates", "tpl"]) == exit_codes.USAGE
    err = capsys.readouterr().err
    assert "tpl/python/package/README.md.j2:3:3: ERROR [TemplateRuntime]" in err
    assert "'nope' is undefined" in err and "hint:" in err


def test_template_that_renders_invalid_python(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _templates(project, "python/package/errors.py.j2", "def broken(:\n")
    assert main(["generate", "--templates", "tpl"]) == exit_codes.USAGE
    assert "[TemplateOutput]" in capsys.readouterr().err


def test_templates_naming_a_file_says_so(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _templates(project, "python/package/README.md.j2", "x\n")
    assert main(["generate", "--templates", str(path)]) == exit_codes.USAGE
    err = capsys.readouterr().err
    assert "[TemplatesNotAFolder]" in err and "is a file, not a folder" in err


def test_templates_folder_without_a_match_lists_what_is_expected(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _templates(project, "package/README.md.j2", "x\n")  # python/ left out
    (project / "pyproject.toml").write_text(CONFIG.replace("\n\n", '\ntemplates = "tpl"\n\n', 1))
    assert main(["generate"]) == exit_codes.USAGE
    err = capsys.readouterr().err
    # Located at the `templates` value in pyproject.toml, listing the built-in names.
    assert "pyproject.toml:2:13: ERROR [TemplatesNoMatch]" in err
    assert "python/package/README.md.j2" in err and "found: package/README.md.j2" in err


def test_misplaced_extra_template_is_a_warning_with_did_you_mean(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _templates(project, "python/package/README.md.j2", "# {{ pkg.distribution }}\n")
    _templates(project, "python/models.py.j2", "x\n")
    assert main(["generate", "--templates", "tpl", "-q"]) == 0
    assert main(["generate", "--templates", "tpl"]) == 0
    err = capsys.readouterr().err
    assert "WARNING [TemplateUnused]" in err and "python/package/models.py.j2" in err
    assert (project / "out" / "shop" / "README.md").read_text() == "# shop\n"


def test_missing_templates_folder(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--templates", "nope"]) == exit_codes.USAGE
    assert "[TemplatesNotFound]" in capsys.readouterr().err


def test_unknown_service_names_the_known_ones(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", "--service", "shpo"]) == exit_codes.USAGE
    err = capsys.readouterr().err
    assert "--service: ERROR [UnknownService]" in err
    assert "did you mean 'shop'?" in err and "the configured services are: shop" in err


def test_bad_package_in_config_is_exit_2_not_a_crash(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text(CONFIG.replace('"shop"', '"my-shop"'))
    assert main(["generate"]) == exit_codes.USAGE
    assert "pyproject.toml:5:11: ERROR [InvalidPackageName]" in capsys.readouterr().err
    assert main(["validate"]) == exit_codes.USAGE


def test_a_file_where_the_output_folder_goes(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "out").write_text("in the way\n")
    assert main(["generate"]) == exit_codes.OUTPUT
    err = capsys.readouterr().err
    # Located at `output` in pyproject.toml; the file is left alone.
    assert "pyproject.toml:6:10: ERROR [OutputNotWritable]" in err and "is a file" in err
    assert (project / "out").read_text() == "in the way\n"


def test_output_folder_that_is_a_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "out").mkdir()
    (project / "out" / "shop").write_text("mine\n")
    assert main(["generate"]) == exit_codes.OUTPUT
    assert "the output folder out/shop is a file" in capsys.readouterr().err
    assert (project / "out" / "shop").read_text() == "mine\n"


def test_permission_denied_while_writing(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Tests run as root, where chmod does not deny: make the write itself fail as it would.
    import generator.render.generate as generate

    def denied(folder: Path, *args: object) -> None:
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(generate, "write_tree", denied)
    assert main(["generate"]) == exit_codes.OUTPUT
    err = capsys.readouterr().err
    assert "[OutputNotWritable]" in err and "Permission denied: out/shop" in err
    assert "internal error" not in err


def test_unwritable_folder_is_found_before_rendering(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: Path(p).name != project.name and real_access(p, mode)
    )
    (project / "pyproject.toml").write_text(CONFIG.replace("out/shop", "shop"))
    assert main(["generate"]) == exit_codes.OUTPUT
    assert "no permission to write in ." in capsys.readouterr().err


def test_generate_json_is_one_document_with_events_and_what_was_written(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", "--format", "json"]) == 0
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    [package] = doc["packages"]
    assert package["package"] == "shop" and package["output"] == "out/shop"
    assert "out/shop/shop/client.py" in package["written"]
    assert package["created"] == ["out/shop/shop/_patch.py"]
    assert doc["exit_code"] == 0 and isinstance(doc["events"], list)
    assert "[1/1] shop" in captured.err  # progress stays on stderr
    assert main(["generate", "--format", "json", "--check"]) == 0
    assert json.loads(capsys.readouterr().out)["packages"][0]["stale"] == []


def test_generate_json_reports_spec_errors(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = project / "specs" / "shop.yaml"
    spec.write_text(spec.read_text().replace("target: example.shop#GetWidgetInput", "target: x#Y"))
    assert main(["generate", "--format", "json"]) == exit_codes.FINDINGS
    doc = json.loads(capsys.readouterr().out)
    assert any(e["id"] == "DanglingTarget" for e in doc["events"]) and doc["packages"] == []


def test_every_command_speaks_json(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = "specs/shop.yaml"
    assert main(["validate", "--format", "json"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)
    assert main(["diff", spec, spec, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    out = str(tmp_path / "extracted.yaml")
    assert main(["extract", spec, "--operations", "GetWidget", "-o", out, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"events": [], "written": [out]}
    assert main(["extract", spec, "--operations", "GetWidget", "--format", "json"]) == 2
    assert json.loads(capsys.readouterr().out)["events"][0]["id"] == "Usage"
    assert main(["init", "--format", "json"]) == 2  # [tool.apismith] exists: refused
    doc = json.loads(capsys.readouterr().out)
    assert doc["events"][0]["id"] == "InitExists" and doc["created"] == []


def test_exit_codes_are_documented_in_help_and_readme() -> None:
    help_text = build_parser().format_help()
    readme = (ROOT / "README.md").read_text()
    for code, meaning in exit_codes.TABLE:
        assert re.search(rf"^\s+{code}\s+", help_text, re.M), code
        assert f"| `{code}` | {meaning} |" in readme, code
    assert "internal error" in help_text


def test_a_real_bug_is_still_exit_3(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.render.package as package

    def boom(*args: object) -> None:
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(package, "render_package", boom)
    assert main(["generate", "--no-cache"]) == exit_codes.INTERNAL


def test_no_traceback_for_user_errors_in_a_subprocess(project: Path) -> None:
    (project / "pyproject.toml").write_text(CONFIG + "typo = 1\n")
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "generate"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == exit_codes.USAGE
    assert "[UnknownConfigKey]" in proc.stderr and "Traceback" not in proc.stderr
