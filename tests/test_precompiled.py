"""The built-in templates ship compiled (generator/render/precompiled.py): the shipped code must
be current, must be what loads, and must give way to Jinja2 whenever a source differs."""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
import pytest

from generator.render import precompiled
from generator.render.environment import build_environment


def _shipped() -> dict[str, list[str]]:
    data = json.loads(precompiled.DATA.read_text(encoding="utf-8"))
    templates: dict[str, list[str]] = data["templates"]
    return templates


def test_every_builtin_template_is_shipped_as_it_is_now() -> None:
    # Fails after a template edit until `python -m generator.render.precompiled` is run.
    environment = build_environment(None)
    names = precompiled.builtin_names(environment)
    shipped = _shipped()
    assert sorted(shipped) == sorted(names)
    stale = [
        name
        for name in names
        if shipped[name][0]
        != precompiled.checksum_of(environment.loader.get_source(environment, name)[0])  # type: ignore[union-attr]
    ]
    assert stale == [], "run: python -m generator.render.precompiled"


def test_the_shipped_code_is_what_jinja2_makes_or_is_not_used() -> None:
    environment = build_environment(None)
    data = json.loads(precompiled.DATA.read_text(encoding="utf-8"))
    if data["fingerprint"] == precompiled.fingerprint(environment):
        text = precompiled.build(environment, precompiled.builtin_names(environment))
        assert precompiled.DATA.read_text(encoding="utf-8") == text
    else:
        # Another Jinja2 than the one the code was made with: every template compiles anew.
        name = "python/package/models.py.j2"
        source = environment.loader.get_source(environment, name)[0]  # type: ignore[union-attr]
        checksum = precompiled.checksum_of(source)
        assert precompiled.lookup(environment, name, checksum, None) is None


def _made_by_jinja2(environment: jinja2.Environment, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    compiled: list[str] = []
    original = environment.compile

    def spy(source: str, name: str | None = None, *args: object, **kwargs: object) -> object:
        compiled.append(str(name))
        return original(source, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(environment, "compile", spy)
    return compiled


def test_builtin_templates_load_without_compiling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    environment = build_environment(None, tmp_path / "jinja")
    if not precompiled.covers(environment, precompiled.builtin_names(environment)):
        pytest.fail("the shipped code does not cover the templates (see the tests above)")
    compiled = _made_by_jinja2(environment, monkeypatch)
    template = environment.get_template("python/package/models.py.j2")
    assert compiled == []
    assert template.name == "python/package/models.py.j2"
    # ...and the next run reads the bytecode cache, which the shipped code filled.
    assert list((tmp_path / "jinja").iterdir())


def test_an_overriding_template_is_compiled_by_jinja2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builtin = build_environment(None)
    name = "python/package/_patch.py.j2"
    source = builtin.loader.get_source(builtin, name)[0]  # type: ignore[union-attr]
    override = tmp_path / "templates" / name
    override.parent.mkdir(parents=True)
    override.write_text(source + "{# changed #}\n", encoding="utf-8")
    environment = build_environment(tmp_path / "templates")
    assert not precompiled.covers(environment, [name])
    compiled = _made_by_jinja2(environment, monkeypatch)
    environment.get_template(name)
    assert compiled == [name]


def test_same_output_either_way() -> None:
    shipped = build_environment(None)
    fresh = build_environment(None)
    fresh.bytecode_cache = None  # Jinja2 compiles every template itself
    name = "python/package/models.py.j2"
    code_shipped = shipped.get_template(name)
    code_fresh = fresh.get_template(name)
    assert code_shipped.root_render_func.__code__.co_code == (
        code_fresh.root_render_func.__code__.co_code
    )
