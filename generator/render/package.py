"""Render one service into the files of its package: {relative path: content}."""

from __future__ import annotations

import io
import json
import re
import textwrap
import tokenize
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from generator import __version__, media
from generator.config import ServiceConfig
from generator.ir import Service
from generator.render.cache import generator_digest
from generator.render.endpoints import build_endpoint_view, operation_bindings
from generator.render.environment import BUILTIN_TEMPLATES
from generator.render.format import LINE_LENGTH, TARGET_VERSION, Formatter
from generator.render.imports import prune_imports, sort_imports
from generator.render.testview import ModelTests, OperationTests, TestViewBuilder
from generator.render.views import PackageView, ViewBuilder

RUNTIME_DIR = BUILTIN_TEMPLATES / "python" / "_runtime"
_RUNTIME_COMMON = {
    "__init__.py",
    "_aiohttp.py",
    "_asyncio_http.py",
    "_h1.py",
    "_http.py",
    "_logging.py",
    "_model.py",
    "_options.py",
    "_params.py",
    "_pools.py",
    "_protocol.py",
    "_proxy.py",
    "_retry.py",
    "_serde.py",
    "_socket_http.py",
    "_transport.py",
    "_useragent.py",
    "_wire.py",
}

# (template, output path relative to the package folder, extra context)
_PACKAGE_FILES: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("python/package/__init__.py.j2", "{pkg}/__init__.py", {}),
    ("python/package/models.py.j2", "{pkg}/models.py", {}),
    ("python/package/errors.py.j2", "{pkg}/errors.py", {}),
    ("python/package/_operations.py.j2", "{pkg}/_operations.py", {}),
    ("python/package/client.py.j2", "{pkg}/client.py", {"is_async": False}),
    ("python/package/client.py.j2", "{pkg}/aio.py", {"is_async": True}),
    (
        "python/package/pyproject.toml.j2",
        "pyproject.toml",
        {"line_length": LINE_LENGTH, "target_version": TARGET_VERSION},
    ),
    ("python/package/README.md.j2", "README.md", {}),
    ("python/tests/conftest.py.j2", "tests/conftest.py", {}),
    ("python/tests/stubs.py.j2", "tests/{pkg}_stubs.py", {}),
    ("python/tests/test_operations.py.j2", "tests/test_{pkg}_operations.py", {}),
    ("python/tests/test_models.py.j2", "tests/test_{pkg}_models.py", {}),
)


@dataclass
class Example:
    args: list[str]
    imports: list[str]


def build_examples(tests: TestsView, pkg: PackageView) -> dict[str, Example]:
    """Doc examples call each operation with its required arguments, as the tests do."""
    known = set(pkg.model_names)
    out: dict[str, Example] = {}
    for t in tests.operations:
        args = [f"{name}={expr}" for name, expr in t.required_args]
        used: set[str] = set()
        for _, expr in t.required_args:
            used.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", expr))
        out[t.method] = Example(args=args, imports=sorted(used & known))
    return out


@dataclass
class TestsView:
    operations: list[OperationTests]
    models: list[ModelTests]


def build_tests_view(builder: ViewBuilder, pkg: PackageView) -> TestsView:
    tests = TestViewBuilder(builder.service, builder.symbols, builder.types)
    ops = []
    for op, view in zip(builder.service.operations, pkg.operations, strict=True):
        t = tests.operation(op, view.method, view.paginated, view.page_items, view)
        first = op.request_bodies[0] if op.request_bodies else None
        if first is not None:
            kind = builder.types.kind(builder.types.shape(first.target))
            if media.unencodable(first.media_type, kind):
                t.refused_body = first.media_type  # its test: the call raises TypeError
        if view.paginated and op.pagination is not None:
            t.page_items_wire = op.pagination.items or "value"
            # The canned single page must end the iteration: no next link in it.
            body = json.loads(t.response_body)
            body.pop(t.next_link_wire, None)
            t.response_body = json.dumps(body, sort_keys=True)
            t.response_literal = repr(body) if t.response_literal else ""
        ops.append(t)
    shapes, _, _ = builder._reachable()
    symbols = builder.symbols
    models = tests.models(
        [s for s in shapes if not symbols.is_error(s) or s.id in symbols.data_errors]
    )
    return TestsView(operations=ops, models=models)


_LAST_VIEW: list[tuple[Service, ServiceConfig, PackageView]] = []


def build_view(service: Service, config: ServiceConfig) -> PackageView:
    return _build(service, config)[1]


def _build(service: Service, config: ServiceConfig) -> tuple[ViewBuilder, PackageView]:
    builder = ViewBuilder(service, config.package, dict(config.options))
    view = builder.package(__version__)
    view.package_version = str(config.options.get("version", "0.1.0"))
    view.distribution = str(config.options.get("distribution", config.package.replace("_", "-")))
    view.spec_name = config.spec.name
    names = ["NULL", "Null", "ResponseMetadata"]
    for model in view.models:
        names.append(model.class_name)
        if model.kind == "union":
            names += [f.variant_class for f in model.fields] + [model.unknown_class]
        if model.union is not None and model.union.unknown and "UnknownVariant" not in names:
            names.append("UnknownVariant")  # what unions keep values they do not know as
    view.model_names = names
    view.endpoints = build_endpoint_view(service)
    for op, op_view in zip(service.operations, view.operations, strict=True):
        inp = service.shape(op.input) if op.input else None
        members = builder.symbols.member_names(inp) if inp is not None else []
        op_view.endpoint_bindings = operation_bindings(op, inp, members)
    view.error_names = [view.base_error, "ERRORS_BY_CODE"] + [e.class_name for e in view.errors]
    if view.status_errors:
        view.error_names += ["STATUS_ERRORS"] + [s.class_name for s in view.status_errors]
    return builder, view


def render_package(
    service: Service,
    config: ServiceConfig,
    env: jinja2.Environment,
    formatter: Formatter,
) -> dict[str, str]:
    builder, pkg = _build(service, config)
    _LAST_VIEW[:] = [(service, config, pkg)]
    tests = build_tests_view(builder, pkg)
    examples = build_examples(tests, pkg)
    files: dict[str, str] = {}
    docs: list[tuple[str, str, dict[str, Any]]] = [
        ("python/docs/client.md.j2", f"docs/{pkg.client}.md", {"is_async": False}),
        ("python/docs/client.md.j2", f"docs/{pkg.async_client}.md", {"is_async": True}),
        ("python/docs/errors.md.j2", "docs/errors.md", {}),
        ("python/docs/models_index.md.j2", "docs/models/index.md", {}),
    ]
    docs += [
        ("python/docs/model.md.j2", f"docs/models/{m.class_name}.md", {"model": m})
        for m in pkg.models
    ]
    for template, path, extra in docs:
        text = env.get_template(template).render(pkg=pkg, examples=examples, **extra)
        files[path] = _tidy_markdown(text)
    # Python modules are formatted together at the end: one formatter run for the package.
    python: dict[str, str] = {}
    for template, out, extra in _PACKAGE_FILES:
        path = out.format(pkg=pkg.package)
        text = env.get_template(template).render(pkg=pkg, tests=tests, examples=examples, **extra)
        if path.endswith(".md"):
            text = _tidy_markdown(text)
        if path.endswith(".py"):
            python[path] = text  # the import pass runs in format_many (below), on a cache miss
        else:
            files[path] = text
    files[f"{pkg.package}/py.typed"] = ""
    # The runtime is copied verbatim: hand-written, tested code shared by all packages; each
    # package gets only the modules its protocol, auth and paging need.
    proto = builder.proto
    wanted = set(_RUNTIME_COMMON) | {proto.runtime_module + ".py"} | proto.runtime_extra
    if pkg.has_paging:
        wanted.add("_paging.py")
    if pkg.rewrites_bodies:
        wanted.add("_request_body.py")
    if pkg.endpoints is not None:
        for template, out in (
            ("python/package/_endpoint_rules.py.j2", "{pkg}/_endpoint_rules.py"),
            ("python/tests/test_endpoints.py.j2", "tests/test_{pkg}_endpoints.py"),
        ):
            if "tests/" in out and not pkg.endpoints.cases:
                continue
            text = env.get_template(template).render(pkg=pkg, tests=tests)
            python[out.format(pkg=pkg.package)] = text
    for source in sorted(p for p in RUNTIME_DIR.glob("*.py") if p.name in wanted):
        python[f"{pkg.package}/_runtime/{source.name}"] = source.read_text(encoding="utf-8")

    def prepare(path: str, text: str) -> str:
        if "/_runtime/" in path:
            return text  # hand-written: imports as written
        if not path.endswith("__init__.py"):
            text = prune_imports(text)
        return sort_imports(text, pkg.package)

    # The salt: apismith's own code decides what the import pass makes of a rendered module.
    formatted = formatter.format_many(python, prepare, generator_digest())
    python.clear()  # the unformatted text is garbage now: keep the peak low on huge models
    files.update(formatted)
    for path in formatted:
        files[path] = _fit_long_lines(files[path])
    return dict(sorted(files.items()))


_PRAGMA = re.compile(r"\s+#\s*(type|noqa|pyright)\b.*$")


def _fit_long_lines(text: str) -> str:
    """Lines black cannot wrap, in any generated module. A docstring line (a long service or
    operation name in a sentence) is wrapped at its spaces, which changes nothing a reader or
    tool sees; a code line (a long enum value or method name, a string padded to its minimum
    length) gets `# noqa: E501`. Only lines ruff flags are touched (an unused noqa is a finding
    too): it measures a line without its pragma comment, and lets a single long word be, and a
    URL that starts within the limit."""
    lines = text.split("\n")
    # Few lines are long, and tokenizing a test module (a megabyte for a large API) was a
    # quarter of a run: only a module with a candidate line is tokenized.
    candidates = [
        i
        for i, line in enumerate(lines)
        if (len(line) > 100 or (len(line) > 50 and not line.isascii())) and _flagged_as_long(line)
    ]
    if not candidates:
        return text
    inside, docstrings = _string_lines(text)
    wrapped: dict[int, list[str]] = {}
    for i in candidates:
        if i + 1 in docstrings:
            wrapped[i] = _wrap_docstring_line(lines[i], docstrings[i + 1])
        elif i + 1 not in inside:
            lines[i] += "  # noqa: E501"
    for i in sorted(wrapped, reverse=True):
        lines[i : i + 1] = wrapped[i]
    return "\n".join(lines)


def _string_lines(text: str) -> tuple[set[int], dict[int, int]]:
    """Lines that end inside a multi-line string (a comment there would change the string), and
    the lines of every docstring with the column its quotes open at."""
    inside: set[int] = set()
    docstrings: dict[int, int] = {}
    statement_start = True
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.STRING:
            if token.end[0] > token.start[0]:
                inside.update(range(token.start[0], token.end[0]))
            if statement_start and token.string.startswith(('"""', "'''")):
                for line in range(token.start[0], token.end[0] + 1):
                    docstrings[line] = token.start[1]
        if token.type not in (tokenize.COMMENT, tokenize.NL):
            statement_start = token.type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)
    return inside, docstrings


def _wrap_docstring_line(line: str, base: int) -> list[str]:
    """A long docstring line as several, broken at spaces only; an item of an Args-style list
    (indented past the docstring's own margin) continues with a hanging indent."""
    indent = len(line) - len(line.lstrip(" "))
    more = "    " if indent > base else ""
    if not line.isascii():
        return _wrap_wide(line, indent, more)
    out = textwrap.wrap(
        line.strip(" "),
        width=100,
        initial_indent=" " * indent,
        subsequent_indent=" " * indent + more,
        break_long_words=False,
        break_on_hyphens=False,
        replace_whitespace=False,
    )
    return out or [line]


def _wrap_wide(line: str, indent: int, more: str) -> list[str]:
    """`_wrap_docstring_line` for text with wide characters (CJK: two columns each, as ruff
    measures them), at its spaces."""
    out: list[str] = []
    current = ""
    for word in line.strip(" ").split(" "):
        pad = " " * indent + (more if out else "")
        candidate = f"{current} {word}" if current else pad + word
        if current and _width(candidate) > 100:
            out.append(current)
            candidate = " " * indent + more + word
        current = candidate
    out.append(current)
    return out


def _width(text: str) -> int:
    """Columns the text takes, as ruff counts them for E501: East Asian wide and fullwidth
    characters take two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _flagged_as_long(line: str) -> bool:
    measured = _PRAGMA.sub("", line)
    chunks = measured.split()
    if _width(measured) <= 100 or len(chunks) < 2 or "# noqa" in line:
        return False
    last = chunks[-1]
    return not ("://" in last and _width(measured) - _width(last) <= 100)


def _tidy_markdown(text: str) -> str:
    """At most one blank line in a row, no trailing spaces, one final newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out).strip("\n") + "\n"


def scaffold_files(
    service: Service, config: ServiceConfig, env: jinja2.Environment
) -> dict[str, str]:
    """Files created once for the user to own (never in the manifest, never overwritten)."""
    # The view render_package just built for the same service (a second build of the full
    # Azure Batch view took as long as rendering its models).
    last = _LAST_VIEW[0] if _LAST_VIEW else None
    if last is not None and last[0] is service and last[1] == config:
        pkg = last[2]
    else:
        _, pkg = _build(service, config)
    text = env.get_template("python/package/_patch.py.j2").render(pkg=pkg)
    return {f"{pkg.package}/_patch.py": text}


def runtime_sources() -> list[Path]:
    return sorted(RUNTIME_DIR.glob("*.py"))
