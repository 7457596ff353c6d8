"""Modules kept across runs by what their templates read (generator/render/fragments.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from pathlib import Path

import jinja2
import jinja2.meta
import pytest

from generator.config import ServiceConfig
from generator.pipeline import load_spec
from generator.render import fragments
from generator.render.environment import BUILTIN_TEMPLATES, build_environment
from generator.render.format import Formatter
from generator.render.fragments import READS, Fragments
from generator.render.package import build_view, render_package
from support import ROOT

SPEC = ROOT / "specs" / "azure-batch-tasks.openapi.yaml"


def _referenced(env: jinja2.Environment, name: str) -> set[str]:
    source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
    found: set[str] = set()
    for ref in jinja2.meta.find_referenced_templates(env.parse(source)):
        assert ref is not None, f"{name} includes a template chosen at render time"
        found |= {ref} | _referenced(env, ref)
    return found


@pytest.mark.parametrize("template", sorted(READS))
def test_each_declared_family_is_every_template_the_template_pulls_in(template: str) -> None:
    env = build_environment(None)
    assert set(READS[template][1]) == _referenced(env, template)


def _service_and_view() -> tuple[object, ServiceConfig, object]:
    loaded = load_spec(SPEC)
    assert loaded.ok and loaded.service is not None
    config = ServiceConfig(spec=SPEC, package="batch_tasks", output=Path("out"))
    return loaded.service, config, build_view(loaded.service, config)


def test_a_kept_module_is_what_the_template_renders_and_a_change_renders_anew(
    tmp_path: Path,
) -> None:
    _, _, pkg = _service_and_view()
    env = build_environment(None)
    fresh = env.get_template("python/package/models.py.j2").render(pkg=pkg)
    first = Fragments(env, tmp_path)
    assert first.render("python/package/models.py.j2", pkg=pkg) == fresh and first.hits == 0
    again = Fragments(env, tmp_path)
    assert again.render("python/package/models.py.j2", pkg=pkg) == fresh and again.hits == 1
    # One field's docs changed: another key, the new text.
    model = next(m for m in pkg.models if m.fields)  # type: ignore[attr-defined]
    model.fields[0].docs = "Changed docs for this test."
    changed = Fragments(env, tmp_path)
    text = changed.render("python/package/models.py.j2", pkg=pkg)
    assert changed.hits == 0 and "Changed docs for this test." in text
    assert text == env.get_template("python/package/models.py.j2").render(pkg=pkg)


def test_a_declared_template_reading_anything_else_fails_instead_of_serving_stale_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, _, pkg = _service_and_view()
    env = build_environment(None)
    reads, family = READS["python/package/models.py.j2"]
    narrower = tuple(r for r in reads if r != "pkg.title")
    monkeypatch.setitem(READS, "python/package/models.py.j2", (narrower, family))
    with pytest.raises(jinja2.UndefinedError, match="title"):
        Fragments(env, tmp_path).render("python/package/models.py.j2", pkg=pkg)


def test_an_overridden_family_is_rendered_with_the_whole_view_and_not_kept(
    tmp_path: Path,
) -> None:
    service, config, _ = _service_and_view()
    overrides = tmp_path / "templates"
    part = overrides / "python" / "package" / "model_enum.py.j2"
    part.parent.mkdir(parents=True)
    builtin = (BUILTIN_TEMPLATES / "python" / "package" / "model_enum.py.j2").read_text()
    # An override may read what the built-in template does not declare (the package name).
    part.write_text("# enum of {{ pkg.package }}\n" + builtin)
    kept = tmp_path / "kept"
    files = render_package(
        service,  # type: ignore[arg-type]
        config,
        build_environment(overrides),
        Formatter(None),
        kept,
    )
    assert "# enum of batch_tasks" in files["batch_tasks/models.py"]
    # Only the other declared template (the models' tests) was kept.
    texts = [zlib.decompress(p.read_bytes()).decode() for p in kept.iterdir()]
    assert len(texts) == len(READS) - 1 and not any("# enum of" in t for t in texts)


_KEY = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from generator.config import ServiceConfig
from generator.pipeline import load_spec
from generator.render.environment import build_environment
from generator.render.fragments import READS, Fragments, _narrowed
from generator.render.package import _build, build_tests_view
spec = Path({spec!r})
loaded = load_spec(spec)
builder, pkg = _build(loaded.service, ServiceConfig(spec=spec, package="p", output=Path("o")))
variables = {{"pkg": pkg, "tests": build_tests_view(builder, pkg)}}
f = Fragments(build_environment(None), Path("unused"))
print([f._key(name, _narrowed(variables, READS[name][0])) for name in sorted(READS)])
"""


def test_the_key_is_the_same_in_every_process_whatever_the_hash_seed() -> None:
    keys = set()
    for spec in sorted((ROOT / "specs").iterdir()):
        code = _KEY.format(tests=str(ROOT / "tests"), spec=str(spec))
        for seed in ("1", "2"):
            env = {**os.environ, "PYTHONHASHSEED": seed}
            out = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
            )
            assert out.returncode == 0, out.stderr
            assert "None" not in out.stdout  # every key made (all values pickled)
            keys.add((spec.name, out.stdout.strip()))
    assert len(keys) == len(list((ROOT / "specs").iterdir()))


def test_the_folder_keeps_at_most_max_fragments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fragments, "MAX_FRAGMENTS", 2)
    _, _, pkg = _service_and_view()
    env = build_environment(None)
    for version in ("1", "2", "3"):
        pkg.version = version  # type: ignore[attr-defined]
        Fragments(env, tmp_path).render("python/package/models.py.j2", pkg=pkg)
    assert len([p for p in tmp_path.iterdir() if not p.name.startswith(".")]) == 2
