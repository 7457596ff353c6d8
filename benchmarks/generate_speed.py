"""How fast is `apismith generate`? Whole processes, wall time, apismith and its peer alternating.

    .venv/bin/pip install openapi-python-client==0.29.1   # the peer (optional)
    .venv/bin/python benchmarks/generate_speed.py [--reps N] [--only KIND,...] [--sizes 10,100]
    .venv/bin/python benchmarks/generate_speed.py --only batch,edit --baseline ../before
        # ../before: another apismith checkout (git worktree add ../before <commit>), timed
        # in the same run, alternating, for a before/after comparison (batch, edit, deadline,
        # synthetic)

Kinds (all by default):
  batch      cold generate of the full Azure Batch Swagger (76 operations), empty cache, against
             openapi-python-client 0.29.1 on the same API in the same run
  deadline   cold generate of the full Deadline Smithy model (113 operations), against
             openapi-python-client on the OpenAPI 3 document of the same API
             (benchmarks/smithy_openapi.py, smithy-openapi's mapping)
  noop       the repository's specs, nothing changed: `generate`, then `generate --check`
  edit       the full Azure Batch spec after a one-operation edit (warm cache, new spec bytes)
  synthetic  synthetic Smithy models (benchmarks/synthetic.py) of --sizes operations, cold
  format     the formatting step alone on the full Azure Batch package: ruff against black

Each measurement is one process, timed from spawn to exit, with its CPU time (user + system,
its own and that of the children it waited for: apismith's validator child and ruff, the peer's
ruff) and its peak RSS (the largest resident set of the process or any such child, from wait4).
CPU time is the steadier number on a machine that other work shares. Runs alternate between
apismith and the peer so that load from other work on the machine falls on both alike. Prints a
Markdown table: median, spread (min-max), peak RSS, and apismith/peer ratio.

Fairness of the peer run: openapi-python-client reads no Swagger 2.0, so it gets the OpenAPI 3
document apismith's own converter makes from the same file (converted once, before timing;
apismith converts inside its timed run). Azure's schema `title`s are sentences, and
openapi-python-client names files after them ("File name too long"), so they are dropped from
its copy. It runs with `--meta none` (a package folder, no pyproject), and with ruff on PATH so
that its own post-hooks (`ruff check --fix`, `ruff format`) run as its authors intend.
No peer reads Smithy: for Deadline the peer gets the OpenAPI 3 document that Smithy's own
converter would make of the model (benchmarks/smithy_openapi.py; converted once, before timing).
apismith writes more per run (docs, generated tests, runtime): see the README.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import build_model  # noqa: E402

BIN = Path(sys.executable).parent
SHARED = Path(os.environ.get("APISMITH_SHARED", ROOT.parent / "shared"))
BATCH = SHARED / "reference" / "azure-batch-BatchService-2024-07-01.20.0.json"
DEADLINE = SHARED / "reference" / "smithy" / "deadline-2023-10-12.json"
KINDS = ("batch", "deadline", "noop", "edit", "synthetic", "format")


@dataclass
class Sample:
    seconds: float
    rss_mib: float
    cpu: float  # user + system seconds of the process and the children it waited for


@dataclass
class Series:
    samples: list[Sample] = field(default_factory=list)

    def add(self, sample: Sample) -> None:
        self.samples.append(sample)

    @property
    def median(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    def cell(self) -> str:
        times = [s.seconds for s in self.samples]
        return f"{self.median:.2f} s ({min(times):.2f}–{max(times):.2f})"

    def rss(self) -> str:
        peak = max(s.rss_mib for s in self.samples)
        return f"{peak:.0f} MiB" if peak else "–"  # in-process measurements have none

    def cpu(self) -> str:
        return f"{statistics.median(s.cpu for s in self.samples):.2f} s"


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Sample:
    """One process, wall time from spawn to exit, and its peak RSS (wait4)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode()[-2000:]}")
    return Sample(elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


BASELINE: Path | None = None  # --baseline: another checkout, measured beside this one


def apismith_env(cache: Path | None, root: Path = ROOT) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(root), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    env.pop("APISMITH_NO_CACHE", None)
    if cache is None:
        env["APISMITH_NO_CACHE"] = "1"
    else:
        env["APISMITH_CACHE_DIR"] = str(cache)
    return env


def project(folder: Path, specs: dict[str, Path]) -> Path:
    """A project folder whose pyproject.toml generates each {package: spec}."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["[tool.apismith]"]
    for package, spec in specs.items():
        lines += [
            "[[tool.apismith.services]]",
            f'spec = "{spec}"',
            f'package = "{package}"',
            f'output = "out/{package}"',
        ]
    (folder / "pyproject.toml").write_text("\n".join(lines) + "\n")
    return folder


def generate(folder: Path, cache: Path | None, *args: str, root: Path = ROOT) -> Sample:
    cmd = [sys.executable, "-m", "generator", "generate", *args]
    return run(cmd, folder, apismith_env(cache, root))


def cold(folder: Path, work: Path, root: Path = ROOT) -> Sample:
    """A fresh CI checkout: no cache, no previous output."""
    shutil.rmtree(folder / "out", ignore_errors=True)
    cache = Path(tempfile.mkdtemp(dir=work, prefix="cache-"))
    try:
        return generate(folder, cache, root=root)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def peer_command() -> list[str] | None:
    for candidate in (BIN / "openapi-python-client", shutil.which("openapi-python-client")):
        if candidate and Path(candidate).exists():
            return [str(candidate)]
    return None


def peer_input(work: Path) -> Path:
    from generator.extract import convert_swagger2

    doc = convert_swagger2(json.loads(BATCH.read_text(encoding="utf-8")))

    def drop_titles(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("title"), str) and (
                {"type", "properties", "$ref", "allOf", "enum"} & node.keys()
            ):
                del node["title"]
            for value in node.values():
                drop_titles(value)
        elif isinstance(node, list):
            for value in node:
                drop_titles(value)

    drop_titles(doc.get("components"))
    drop_titles(doc.get("paths"))
    path = work / "batch-openapi3.json"
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return path


def peer_run(cmd: list[str], spec: Path, work: Path) -> Sample:
    out = work / "peer-out"
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    return run(
        [*cmd, "generate", "--path", str(spec), "--meta", "none", "--output-path", str(out)],
        work,
        env,
    )


Row = tuple[str, Series, Series | None, str]


def bench_batch(work: Path, reps: int) -> list[Row]:
    folder = project(work / "batch", {"batch_full": BATCH})
    ours, theirs, before = Series(), Series(), Series()
    peer = peer_command()
    spec = peer_input(work) if peer else None
    for _ in range(reps):
        ours.add(cold(folder, work))
        if peer and spec:
            theirs.add(peer_run(peer, spec, work))
        if BASELINE is not None:
            before.add(cold(folder, work, BASELINE))
    label = "cold generate, full Azure Batch (76 ops), empty cache"
    rows: list[Row] = [(label, ours, theirs if peer else None, "openapi-python-client 0.29.1")]
    if BASELINE is not None:
        rows.append((f"{label}: {BASELINE.name}", before, theirs if peer else None, "same peer"))
    return rows


def deadline_peer_input(work: Path) -> Path:
    from smithy_openapi import convert

    path = work / "deadline-openapi3.json"
    path.write_text(json.dumps(convert(DEADLINE), indent=1), encoding="utf-8")
    return path


def bench_deadline(work: Path, reps: int) -> list[Row]:
    folder = project(work / "deadline", {"deadline_full": DEADLINE})
    ours, theirs, before = Series(), Series(), Series()
    peer = peer_command()
    spec = deadline_peer_input(work) if peer else None
    for _ in range(reps):
        ours.add(cold(folder, work))
        if peer and spec:
            theirs.add(peer_run(peer, spec, work))
        if BASELINE is not None:
            before.add(cold(folder, work, BASELINE))
    label = "cold generate, full Deadline (113 ops), empty cache"
    name = "openapi-python-client 0.29.1 (OpenAPI 3 of it)"
    rows: list[Row] = [(label, ours, theirs if peer else None, name)]
    if BASELINE is not None:
        rows.append((f"{label}: {BASELINE.name}", before, theirs if peer else None, "same peer"))
    return rows


def bench_noop(work: Path, reps: int) -> list[Row]:
    folder = work / "repo"
    shutil.copytree(ROOT / "specs", folder / "specs", dirs_exist_ok=True)
    shutil.copy(ROOT / "pyproject.toml", folder / "pyproject.toml")
    cache = work / "noop-cache"
    generate(folder, cache)  # fills generated/ and the cache: what a developer has
    gen, check = Series(), Series()
    for _ in range(reps):
        gen.add(generate(folder, cache))
        check.add(generate(folder, cache, "--check"))
    return [
        ("repo specs, nothing changed: `generate`", gen, None, ""),
        ("repo specs, nothing changed: `generate --check`", check, None, ""),
    ]


# Runs `python -m generator ARGS` and writes the CPU seconds of that process alone (not of its
# children: the validator's and the template compiler's, ruff) to the file named first. On a
# machine with a free second core the children run beside it, so this is close to the wall
# time there; on a shared, loaded machine it is the number that does not move with the load.
_OWN_CPU = """
import atexit, os, resource, runpy, sys
out, pid = sys.argv[1], os.getpid()
sys.argv = ["generator", *sys.argv[2:]]

def record():
    if os.getpid() == pid:  # forked children leave by os._exit, but to be sure
        usage = resource.getrusage(resource.RUSAGE_SELF)
        with open(out, "w") as fh:
            fh.write(repr(usage.ru_utime + usage.ru_stime))

atexit.register(record)
runpy.run_module("generator", run_name="__main__", alter_sys=True)
"""


def generate_own_cpu(folder: Path, cache: Path, root: Path = ROOT) -> tuple[Sample, float]:
    """`generate`, and the CPU seconds of its main process alone."""
    out = folder / ".own-cpu"
    cmd = [sys.executable, "-c", _OWN_CPU, str(out), "generate"]
    sample = run(cmd, folder, apismith_env(cache, root))
    return sample, float(out.read_text())


def bench_edit(work: Path, reps: int) -> list[Row]:
    spec = work / "batch-edit.json"
    original = json.loads(BATCH.read_text(encoding="utf-8"))
    folder = project(work / "edit", {"batch_full": spec})
    cache, before_cache = work / "edit-cache", work / "edit-cache-before"
    spec.write_text(json.dumps(original, indent=2), encoding="utf-8")
    generate(folder, cache)
    if BASELINE is not None:
        generate(folder, before_cache, root=BASELINE)
    series, before, own, own_before = Series(), Series(), Series(), Series()
    for i in range(reps):
        # A new description on one operation: new spec bytes, one operation's text changes.
        doc = json.loads(json.dumps(original))
        first = doc["paths"][sorted(doc["paths"])[0]]
        first[sorted(k for k in first if k != "parameters")[0]]["description"] = f"Edited ({i})."
        spec.write_text(json.dumps(doc, indent=2), encoding="utf-8")
        sample, cpu = generate_own_cpu(folder, cache)
        series.add(sample)
        own.add(Sample(cpu, 0.0, cpu))
        if BASELINE is not None:
            sample, cpu = generate_own_cpu(folder, before_cache, BASELINE)
            before.add(sample)
            own_before.add(Sample(cpu, 0.0, cpu))
    label = "full Azure Batch, one operation edited (warm cache)"
    mine = "the same, CPU of the main process alone (its wall time on a free core)"
    rows: list[Row] = [(label, series, None, ""), (mine, own, None, "")]
    if BASELINE is not None:
        rows.append((f"{label}: {BASELINE.name}", before, None, ""))
        rows.append((f"{mine}: {BASELINE.name}", own_before, None, ""))
    return rows


def bench_synthetic(work: Path, reps: int, sizes: list[int]) -> list[Row]:
    rows: list[Row] = []
    folders = {}
    for size in sizes:
        spec = work / f"synthetic-{size}.json"
        spec.write_text(json.dumps(build_model(size)), encoding="utf-8")
        folders[size] = project(work / f"synthetic-{size}", {"synthetic": spec})
    results = {size: Series() for size in sizes}
    before = {size: Series() for size in sizes}
    for _ in range(reps):
        for size in sizes:  # interleaved, so load falls on every size alike
            results[size].add(cold(folders[size], work))
            if BASELINE is not None:
                before[size].add(cold(folders[size], work, BASELINE))
    previous: tuple[int, float] | None = None
    for size in sizes:
        cpu = statistics.median(s.cpu for s in results[size].samples)
        note = f"{cpu / size * 1000:.1f} ms CPU/op"
        if previous is not None:
            # The slope says whether time per operation stays flat as the model grows.
            added = (cpu - previous[1]) / (size - previous[0]) * 1000
            note += f"; {added:.1f} ms CPU per op added"
        previous = (size, cpu)
        rows.append((f"synthetic Smithy, {size} ops, cold ({note})", results[size], None, ""))
        if BASELINE is not None:
            label = f"synthetic Smithy, {size} ops, cold: {BASELINE.name}"
            rows.append((label, before[size], None, ""))
    return rows


def bench_format(work: Path, reps: int) -> list[Row]:
    """The formatter alone, in this process: ruff (the default) against black (the fallback)."""
    import resource

    from generator.config import ServiceConfig
    from generator.pipeline import load_spec
    from generator.render.environment import build_environment
    from generator.render.format import Formatter
    from generator.render.package import render_package

    class Capture(Formatter):
        def format_many(self, sources: Any, prepare: Any = None, salt: str = "") -> dict[str, str]:
            # Called twice per package (the generated tests, then the rest): keep both.
            done = {n: prepare(n, s) if prepare else s for n, s in sources.items()}
            self.sources = {**getattr(self, "sources", {}), **done}
            return done

    loaded = load_spec(BATCH)
    assert loaded.service is not None
    capture = Capture(None, "ruff")
    config = ServiceConfig(spec=BATCH, package="batch_full", output=work / "unused")
    render_package(loaded.service, config, build_environment(None), capture)
    sources = capture.sources
    size = sum(len(text) for text in sources.values()) / 2**20

    def timed(engine: str) -> Sample:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu, start = time.process_time(), time.perf_counter()
        Formatter(None, engine).format_many(sources)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        child_cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
        return Sample(time.perf_counter() - start, 0.0, time.process_time() - cpu + child_cpu)

    ruff, black = Series(), Series()
    for i in range(reps):
        ruff.add(timed("ruff"))
        if i < 2:  # black takes tens of seconds: two runs are enough to see the difference
            black.add(timed("black"))
    label = f"format the full Azure Batch package ({len(sources)} modules, {size:.1f} MiB): ruff"
    return [(label, ruff, black, "black (the fallback)")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--only", default=",".join(KINDS), help=f"comma-separated: {KINDS}")
    parser.add_argument("--sizes", default="10,100,300,1000")
    parser.add_argument(
        "--baseline", type=Path, help="another apismith checkout (batch, edit, deadline, synthetic)"
    )
    args = parser.parse_args()
    global BASELINE
    BASELINE = args.baseline.resolve() if args.baseline else None
    kinds = [k for k in args.only.split(",") if k]
    unknown = set(kinds) - set(KINDS)
    if unknown:
        parser.error(f"unknown kinds {sorted(unknown)}")
    if {"batch", "deadline", "edit", "format"} & set(kinds) and not BATCH.is_file():
        parser.error(f"the reference models are not at {SHARED} (set APISMITH_SHARED)")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    # apismith's own modules byte-compiled, as pip leaves an installed tool (and as the peer's
    # are in site-packages): a checkout run with PYTHONDONTWRITEBYTECODE=1 would otherwise
    # compile its 60 modules on every run (about 0.1 s) and time that.
    for root in (ROOT, BASELINE) if BASELINE else (ROOT,):
        compileall.compile_dir(root / "generator", quiet=1)
    load = os.getloadavg()[0]
    print(f"apismith generate speed: {args.reps} runs each, medians; load average {load:.2f}")
    print(f"rerun: .venv/bin/python benchmarks/generate_speed.py --reps {args.reps}\n")
    print("| work | apismith wall | CPU | peak RSS | peer wall | CPU | peak RSS | wall ratio |")
    print("|---|---|---|---|---|---|---|---|")
    benches: dict[str, Callable[[Path, int], list[Row]]] = {
        "batch": bench_batch,
        "deadline": bench_deadline,
        "noop": bench_noop,
        "edit": bench_edit,
        "synthetic": lambda w, r: bench_synthetic(w, r, sizes),
        "format": bench_format,
    }
    with tempfile.TemporaryDirectory(prefix="apismith-bench-") as tmp:
        work = Path(tmp)
        for kind in kinds:
            for label, ours, theirs, peer_name in benches[kind](work, args.reps):
                ours_cells = f"{ours.cell()} | {ours.cpu()} | {ours.rss()}"
                if theirs is not None and theirs.samples:
                    r = ours.median / theirs.median
                    ratio = f"**{r:.2f}x**" if r >= 0.1 else f"**1/{1 / r:.0f}**"
                    peer = f"{peer_name}: {theirs.cell()} | {theirs.cpu()} | {theirs.rss()}"
                    print(f"| {label} | {ours_cells} | {peer} | {ratio} |")
                else:
                    print(f"| {label} | {ours_cells} | – | – | – | – |")
                sys.stdout.flush()
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
