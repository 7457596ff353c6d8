"""The ast-based import pass apismith used before its regex scanner: the oracle for tests.

generator/render/imports.py decides from one regular-expression scan what this module decided
from two `ast` parses (ten times slower); tests/test_format.py checks that the two agree on
every module of every package the tests generate, and on hand-written edge cases.
"""

from __future__ import annotations

import ast


def _used_names(tree: ast.Module) -> set[str]:
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            used.add(node.id)
        elif isinstance(node, ast.Attribute):
            base = node
            while isinstance(base, ast.Attribute):
                base = base.value  # type: ignore[assignment]
            if isinstance(base, ast.Name):
                used.add(base.id)
    # Names re-exported through __all__ count as used.
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            for elt in getattr(node.value, "elts", []):
                if isinstance(elt, ast.Constant) and isinstance(elt.value, str):
                    used.add(elt.value)
    return used


def prune_imports(source: str) -> str:
    tree = ast.parse(source)
    used = _used_names(tree)
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, int, str]] = []
    for node in tree.body:
        if not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        if any(alias.name == "*" for alias in node.names):
            continue
        keep = [a for a in node.names if (a.asname or a.name).split(".")[0] in used]
        if len(keep) == len(node.names):
            continue
        text = ""
        if keep:
            names = ", ".join(a.name + (f" as {a.asname}" if a.asname else "") for a in keep)
            if isinstance(node, ast.ImportFrom):
                text = f"from {'.' * node.level}{node.module or ''} import {names}\n"
            else:
                text = f"import {names}\n"
        assert node.end_lineno is not None
        edits.append((node.lineno - 1, node.end_lineno, text))
    for start, end, text in reversed(edits):
        lines[start:end] = [text] if text else []
    return "".join(lines)


def _name_key(name: str) -> tuple[int, str, str]:
    # isort/ruff "order-by-type": CONSTANTS, then Classes, then everything else; within each,
    # case-insensitive (`SessionsStatistics` before `SessionSummary`).
    if name.isupper() and len(name) > 1:
        return (0, name.lower(), name)
    if name[:1].isupper():
        return (1, name.lower(), name)
    return (2, name.lower(), name)


def _section(node: ast.Import | ast.ImportFrom, first_party: str) -> int:
    import sys

    if isinstance(node, ast.ImportFrom):
        if node.module == "__future__":
            return 0
        if node.level:
            return 4
        top = (node.module or "").split(".")[0]
    else:
        top = node.names[0].name.split(".")[0]
    if top == first_party:
        return 3
    return 1 if top in sys.stdlib_module_names else 2


def sort_imports(source: str, first_party: str = "") -> str:
    """Rewrite the leading import block in the order ruff's isort rules (I001) expect."""
    tree = ast.parse(source)
    block: list[ast.Import | ast.ImportFrom] = []
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            block.append(node)
        elif block or not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):
            break
    if not block:
        return source
    lines = source.splitlines(keepends=True)
    sections: dict[int, list[str]] = {}
    for node in block:
        names = sorted(node.names, key=lambda a: _name_key(a.name))
        rendered = ", ".join(a.name + (f" as {a.asname}" if a.asname else "") for a in names)
        if isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            # Relative imports: "from . import x" sorts before "from .a import y".
            key = (1, module.lower() if not node.level else module.lstrip(".").lower())
            text = f"from {module} import {rendered}"
        else:
            key = (0, node.names[0].name.lower())
            text = f"import {rendered}"
        # Keep an end-of-line comment (a noqa marker, say) of a one-line import.
        last_line = lines[(node.end_lineno or node.lineno) - 1]
        if node.end_lineno == node.lineno and "#" in last_line:
            text += "  " + last_line[last_line.index("#") :].rstrip("\n")
        sections.setdefault(_section(node, first_party), []).append(
            f"{key[0]}\x00{key[1]}\x00{text}"
        )
    out: list[str] = []
    for section in sorted(sections):
        entries = sorted(sections[section])
        out.append("\n".join(e.split("\x00", 2)[2] for e in entries) + "\n")
    first = block[0].lineno - 1
    last = block[-1].end_lineno or block[-1].lineno
    # Comments between imports are not expected in generated modules; the block is replaced.
    return "".join(lines[:first]) + "\n".join(out) + "".join(lines[last:])
