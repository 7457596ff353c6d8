"""The generated tests test something: a deliberately broken template makes them fail.

Each case overrides one built-in template (the `--templates` mechanism users have) with a
mutated copy, renders a package into a scratch folder and runs that package's generated tests.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import ServiceConfig
from generator.pipeline import load_spec
from generator.render.environment import BUILTIN_TEMPLATES, build_environment
from generator.render.format import Formatter
from generator.render.package import render_package, scaffold_files
from support import ROOT

MUTATIONS = [
    pytest.param(
        "deadline.smithy.yaml",
        "deadline_tasks",
        "python/protocols/http_bindings.j2",
        'headers[" ~ (p.wire | pystr) ~ "] = " ~ p.to_text',
        'headers[" ~ ((p.wire ~ "-typo") | pystr) ~ "] = " ~ p.to_text',
        "test_update_task_sends_full_request",
        id="wrong-header-name",
    ),
    pytest.param(
        "datapipeline.smithy.yaml",
        "datapipeline_tasks",
        "python/protocols/awsjson.j2",
        '{{ m.guarded(p, "_body[" ~ (p.wire | pystr) ~ "] = " ~ p.to_json) }}',
        "{% if not p.required %}\n"
        '{{ m.guarded(p, "_body[" ~ (p.wire | pystr) ~ "] = " ~ p.to_json) }}\n{% endif %}',
        "test_set_task_status_sends_required_request",
        id="dropped-required-member",
    ),
    pytest.param(
        "azure-batch-tasks.openapi.yaml",
        "azure_batch_tasks",
        "python/package/model_structure.py.j2",
        "        out[{{ f.wire | pystr }}] = {{ f[attr] }}",
        "        out[{{ f.name | pystr }}] = {{ f[attr] }}",
        "round_trip",
        id="python-name-instead-of-wire-name",
    ),
]


@pytest.mark.parametrize(("spec", "package", "template", "old", "new", "expect_failing"), MUTATIONS)
def test_broken_template_fails_the_generated_tests(
    tmp_path: Path, spec: str, package: str, template: str, old: str, new: str, expect_failing: str
) -> None:
    original = (BUILTIN_TEMPLATES / template).read_text(encoding="utf-8")
    assert old in original, "the mutation no longer matches the template; update this test"
    overrides = tmp_path / "templates"
    (overrides / template).parent.mkdir(parents=True)
    (overrides / template).write_text(original.replace(old, new), encoding="utf-8")

    result = load_spec(ROOT / "specs" / spec)
    assert result.service is not None
    config = ServiceConfig(spec=ROOT / "specs" / spec, package=package, output=tmp_path / "out")
    files = render_package(result.service, config, build_environment(overrides), Formatter(None))
    assert files != render_package(
        result.service, config, build_environment(None), Formatter(None)
    ), "the mutation changed nothing"
    files.update(scaffold_files(result.service, config, build_environment(None)))
    out = tmp_path / "out"
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        capture_output=True,
        text=True,
        cwd=out,
    )
    assert proc.returncode == 1, proc.stdout[-2000:]
    failed = [line for line in proc.stdout.splitlines() if line.startswith("FAILED")]
    assert any(expect_failing in line for line in failed), proc.stdout[-3000:]
