"""apismith and openapi-python-client on the OpenAPI corpus, in the same run.

For each document of ``../shared/corpus/openapi/``, each generator is asked for a client and the
result is checked the same way: **generates** (the generator exits 0 and writes a package),
**imports** (``import <package>`` in a fresh interpreter), **typed** (``mypy --strict`` on the
package passes). Prints a Markdown table (the README's) and the generation times.

    .venv/bin/python benchmarks/openapi_corpus.py [--only DOCUMENT ...]

openapi-python-client is the pinned test dependency (0.29.1), run with its defaults
(``--meta none``); it reads OpenAPI 3 only, so Swagger 2.0 documents are a "no" there.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("APISMITH_SHARED", ROOT.parent / "shared")) / "corpus" / "openapi"
DOCUMENTS = [
    "oai-v20-petstore-expanded.json",
    "oai-v20-petstore-separate/spec/swagger.yaml",
    "oai-v20-uber.yaml",
    "oai-v30-api-with-examples.yaml",
    "oai-v30-callback-example.yaml",
    "oai-v30-link-example.yaml",
    "oai-v30-petstore-expanded.yaml",
    "oai-v30-petstore.yaml",
    "oai-v30-uspto.yaml",
    "oai-v31-non-oauth-scopes.yaml",
    "oai-v31-tictactoe.yaml",
    "oai-v31-webhook-example.yaml",
    "opc-3.1_specific.openapi.yaml",
    "opc-baseline_openapi_3.0.json",
    "opc-baseline_openapi_3.1.yaml",
]


@dataclass
class Outcome:
    generates: bool = False
    imports: bool = False
    typed: bool = False
    errors: int = 0  # mypy --strict errors
    seconds: float = 0.0
    why: list[str] = field(default_factory=list)


def _bin(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[bool, str]:
    proc = subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, env=env, timeout=900, check=False
    )
    return proc.returncode == 0, (proc.stdout + proc.stderr)[-2000:]


def _check(outcome: Outcome, package_parent: Path, package: str) -> None:
    """imports and typed, for a package folder `package_parent/package`."""
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    ok, out = _run([sys.executable, "-c", f"import {package}"], package_parent, env)
    outcome.imports = ok
    if not ok:
        outcome.why.append("import: " + out.strip().splitlines()[-1] if out.strip() else "import")
        return
    ok, out = _run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "-p", package],
        package_parent,
        {**env, "MYPYPATH": str(package_parent)},
    )
    outcome.typed = ok
    if not ok:
        outcome.errors = len([line for line in out.splitlines() if ": error:" in line])
        outcome.why.append(f"mypy: {outcome.errors} errors")


def apismith(document: Path, work: Path, package: str) -> Outcome:
    outcome = Outcome()
    out = work / "apismith" / package
    start = time.perf_counter()
    ok, log = _run(
        # --no-cache: a cold run, as openapi-python-client's always is.
        [
            _bin("apismith"),
            "generate",
            str(document),
            "-o",
            str(out),
            "--package",
            package,
            "-q",
            "--no-cache",
        ],
        work,
    )
    outcome.seconds = time.perf_counter() - start
    outcome.generates = ok and (out / package / "__init__.py").is_file()
    if not outcome.generates:
        outcome.why.append("generate: " + (log.strip().splitlines() or ["failed"])[-1])
        return outcome
    _check(outcome, out, package)
    return outcome


def openapi_python_client(document: Path, work: Path, package: str) -> Outcome:
    outcome = Outcome()
    parent = work / "opc"
    parent.mkdir(parents=True, exist_ok=True)
    out = parent / package
    start = time.perf_counter()
    ok, log = _run(
        [
            _bin("openapi-python-client"),
            "generate",
            "--path",
            str(document),
            "--meta",
            "none",
            "--output-path",
            str(out),
            "--overwrite",
        ],
        parent,
        {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"]},
    )
    outcome.seconds = time.perf_counter() - start
    outcome.generates = ok and (out / "__init__.py").is_file()
    if not outcome.generates:
        lines = [line.strip() for line in log.splitlines() if line.strip()]
        outcome.why.append("generate: " + (lines[0] if lines else "failed")[:120])
        return outcome
    _check(outcome, parent, package)
    return outcome


def _mark(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _row(o: Outcome) -> str:
    typed = _mark(o.typed) + (f" ({o.errors} errors)" if o.errors else "")
    return f"{_mark(o.generates)} / {_mark(o.imports)} / {typed}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="documents to run (names as in the corpus)")
    args = parser.parse_args(argv)
    documents = [
        d for d in DOCUMENTS if not args.only or d in args.only or Path(d).name in args.only
    ]
    work = Path(tempfile.mkdtemp(prefix="openapi-corpus-"))
    rows: list[tuple[str, Outcome, Outcome]] = []
    try:
        for i, name in enumerate(documents):
            package = f"corpus_{i}"
            ours = apismith(CORPUS / name, work, package)
            theirs = openapi_python_client(CORPUS / name, work, package)
            rows.append((name, ours, theirs))
            print(
                f"{name}: apismith {ours.why or 'ok'} | opc {theirs.why or 'ok'}", file=sys.stderr
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    header = "generates / imports / typed"
    print(f"| document | apismith {header} | openapi-python-client 0.29.1 {header} |")
    print("|---|---|---|")
    for name, ours, theirs in rows:
        print(f"| `{name}` | {_row(ours)} | {_row(theirs)} |")

    def total(pick: str, who: int) -> int:
        return sum(bool(getattr(row[who], pick)) for row in rows)

    n = len(rows)
    ours_total = " / ".join(f"{total(k, 1)}/{n}" for k in ("generates", "imports", "typed"))
    theirs_total = " / ".join(f"{total(k, 2)}/{n}" for k in ("generates", "imports", "typed"))
    print(f"| **total** | **{ours_total}** | **{theirs_total}** |")
    ours_time = sum(r[1].seconds for r in rows)
    theirs_time = sum(r[2].seconds for r in rows)
    print(
        f"\nGeneration time, whole corpus: apismith {ours_time:.1f} s, "
        f"openapi-python-client {theirs_time:.1f} s "
        f"(apismith / peer: {ours_time / max(theirs_time, 1e-9):.2f}x)."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
