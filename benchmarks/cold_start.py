"""Cold start of generated clients: a fresh interpreter each time, apismith and peers alternating.

    .venv/bin/python benchmarks/cold_start.py [--reps N] [--skip-generators | --no-full]
        [--baseline OTHER/generated/azure_batch_tasks]

Rows (each a new `python -c`, timed from spawn to exit; the script also times itself, without
the interpreter's own start, which is the steadier number):

- `azure_batch_tasks` (the repository's package) against azure-batch 14.2: import, build a
  SharedKey client, one `task_get` / `task.get` against a server on 127.0.0.1;
- the async client: import, build `AsyncBatchServiceClient`, one `await task_get`, with its
  default transport (asyncio streams + `_h1`) and with `AiohttpTransport`, each twice: asyncio
  imported inside the timed part, and imported before it (a program using the async client
  has imported asyncio itself, to call `asyncio.run`); `import asyncio` alone; and whether
  `import azure_batch_tasks` alone imports h11 or aiohttp (it must not); and option (c) of
  issue 10: aiohttp imported in a background thread, started here before the package import
  (earlier than a client's constructor could start it: the most (c) can gain), the first call
  following at once as in a short script;
- `import` of the package generated from the full Azure Batch Swagger (76 operations) by
  apismith, openapi-python-client 0.29.1 (from the same OpenAPI 3 document as in
  generate_speed.py) and openapi-generator 7.26 `-g python` (`pip install
  openapi-generator-cli==7.26.0`, needs java; skipped with a note when missing).

Every package is byte-compiled first (as pip does when it installs one), so imports are timed,
not compilation. Prints medians, the spread (min-max) and apismith/peer ratios. With
``--baseline``, another build of `azure_batch_tasks` (copied to a temporary folder, so that
byte-compiling leaves the original alone) runs the sync rows in the same rounds.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from client_overhead import KEY  # noqa: E402
from generate_speed import BATCH, BIN, peer_command, peer_input  # noqa: E402
from loopback import start_server  # noqa: E402

TIMED = (
    "{prelude}import time as _t; _s = _t.perf_counter()\n{body}\nprint(_t.perf_counter() - _s)\n"
)
#: Put before a case's code to leave asyncio's own import out of its timed part.
ASYNCIO_FIRST = "import asyncio\n"

SYNC_OURS = f"""
from azure_batch_tasks import BatchServiceClient, SharedKeyCredential
client = BatchServiceClient(ENDPOINT, SharedKeyCredential("acct", "{KEY}"))
client.task_get(job_id="job-1", task_id="task-1")
"""
SYNC_PEER = f"""
from azure.batch import BatchServiceClient
from azure.batch.batch_auth import SharedKeyCredentials
client = BatchServiceClient(SharedKeyCredentials("acct", "{KEY}"), batch_url=ENDPOINT)
client.task.get("job-1", "task-1")
"""
ASYNC_OURS = f"""
import asyncio
from azure_batch_tasks import AsyncBatchServiceClient, SharedKeyCredential
async def main():
    async with AsyncBatchServiceClient(ENDPOINT, SharedKeyCredential("acct", "{KEY}")) as c:
        await c.task_get(job_id="job-1", task_id="task-1")
asyncio.run(main())
import sys
assert "aiohttp" not in sys.modules, "the default async transport imported aiohttp"
assert "urllib3" not in sys.modules, "the async client imported urllib3"
"""
ASYNC_AIOHTTP = f"""
import asyncio
from azure_batch_tasks import AiohttpTransport, AsyncBatchServiceClient, SharedKeyCredential
async def main():
    async with AsyncBatchServiceClient(
        ENDPOINT, SharedKeyCredential("acct", "{KEY}"), transport=AiohttpTransport()
    ) as c:
        await c.task_get(job_id="job-1", task_id="task-1")
asyncio.run(main())
"""
ASYNC_BACKGROUND = """
import threading
threading.Thread(target=__import__, args=("aiohttp",), daemon=True).start()
""" + ASYNC_AIOHTTP
IMPORT_ONLY = """
import sys
import azure_batch_tasks
assert "aiohttp" not in sys.modules, "importing the package imported aiohttp"
assert "h11" not in sys.modules, "importing the package imported h11"
"""


SYNC = "azure_batch_tasks: import + client + task_get"
ASYNC = "azure_batch_tasks async (asyncio + _h1): import + client + await task_get"
ASYNC_WARM = "the same, asyncio imported before the timer"
AIOHTTP = "azure_batch_tasks async with AiohttpTransport: import + client + await task_get"
AIOHTTP_WARM = "the same with AiohttpTransport, asyncio imported before the timer"
BACKGROUND = "the same with AiohttpTransport, aiohttp imported in a background thread"


def sample(
    code: str, path: list[Path], endpoint: str = "", prelude: str = ""
) -> tuple[float, float]:
    """(process wall seconds, the script's own seconds) of one fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(p) for p in path)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    script = TIMED.format(prelude=prelude, body=code.replace("ENDPOINT", repr(endpoint)))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed:\n{script}\n{proc.stderr[-3000:]}")
    return wall, float(proc.stdout.split()[-1])


def cell(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"{statistics.median(ms):.0f} ms ({min(ms):.0f}–{max(ms):.0f})"


def ratio(ours: list[float], theirs: list[float]) -> str:
    return f"**{statistics.median(ours) / statistics.median(theirs):.2f}x**"


def generate_full(work: Path, skip: bool) -> dict[str, tuple[Path, str]]:
    """{generator: (folder to put on sys.path, import name)} for the full Batch API."""
    out: dict[str, tuple[Path, str]] = {}
    env = {**os.environ, "APISMITH_NO_CACHE": "1", "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    target = work / "apismith" / "batch_full"
    subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(BATCH), "-o", str(target)]
        + ["--package", "batch_full", "-q"],
        check=True,
        env={**env, "PYTHONPATH": str(ROOT)},
    )
    out["apismith"] = (target, "batch_full")
    if skip:
        return out
    peer = peer_command()
    if peer is not None:
        spec = peer_input(work)
        folder = work / "opc" / "opc_batch"
        subprocess.run(
            [
                *peer,
                "generate",
                "--path",
                str(spec),
                "--meta",
                "none",
                "--output-path",
                str(folder),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        out["openapi-python-client 0.29.1"] = (work / "opc", "opc_batch")
    generator = shutil.which("openapi-generator-cli", path=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    if generator and shutil.which("java"):
        folder = work / "ogen"
        subprocess.run(
            [generator, "generate", "-i", str(BATCH), "-g", "python", "-o", str(folder)]
            + ["--package-name", "ogen_batch", "--skip-validate-spec"],
            check=True,
            capture_output=True,
        )
        out["openapi-generator 7.26 -g python"] = (folder, "ogen_batch")
    else:
        print("openapi-generator: not installed (pip install openapi-generator-cli==7.26.0; java)")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=9)
    parser.add_argument(
        "--skip-generators", action="store_true", help="only apismith's full package"
    )
    parser.add_argument("--no-full", action="store_true", help="no full-API packages at all")
    parser.add_argument(
        "--baseline", type=Path, help="another generated/azure_batch_tasks to compare (sync rows)"
    )
    args = parser.parse_args()
    os.environ.pop("HTTP_PROXY", None)
    os.environ.pop("http_proxy", None)
    package = ROOT / "generated" / "azure_batch_tasks"
    endpoint, server = start_server()
    with tempfile.TemporaryDirectory(prefix="apismith-cold-") as tmp:
        work = Path(tmp)
        full = {} if args.no_full else generate_full(work, args.skip_generators)
        baseline = None
        if args.baseline is not None:
            baseline = work / "baseline"
            shutil.copytree(args.baseline, baseline, ignore=shutil.ignore_patterns("__pycache__"))
        for folder in [package, *(f for f, _ in full.values()), *([baseline] if baseline else [])]:
            compileall.compile_dir(folder, quiet=1)
        rows: dict[str, list[tuple[float, float]]] = {}
        cases: dict[str, tuple[str, list[Path], str]] = {
            "empty interpreter (python -c pass)": ("pass", [package], ""),
            "import asyncio": ("import asyncio", [package], ""),
            SYNC: (SYNC_OURS, [package], ""),
            "azure-batch 14.2: import + client + task.get": (SYNC_PEER, [package], ""),
            ASYNC: (ASYNC_OURS, [package], ""),
            ASYNC_WARM: (ASYNC_OURS, [package], ASYNCIO_FIRST),
            AIOHTTP: (ASYNC_AIOHTTP, [package], ""),
            AIOHTTP_WARM: (ASYNC_AIOHTTP, [package], ASYNCIO_FIRST),
            BACKGROUND: (ASYNC_BACKGROUND, [package], ASYNCIO_FIRST),
            "azure_batch_tasks: import only (no h11, no aiohttp)": (IMPORT_ONLY, [package], ""),
        }
        if baseline is not None:
            cases[f"baseline ({args.baseline}): import + client + task_get"] = (
                SYNC_OURS,
                [baseline],
                "",
            )
            cases["baseline: import only"] = (IMPORT_ONLY, [baseline], "")
        for name, (folder, module) in full.items():
            cases[f"full Azure Batch, {name}: import"] = (f"import {module}", [folder], "")
        for _ in range(args.reps):
            for label, (code, path, prelude) in cases.items():  # alternating, round after round
                rows.setdefault(label, []).append(sample(code, path, endpoint, prelude))
    server.terminate()
    load = os.getloadavg()[0]
    print(f"cold start, {args.reps} fresh interpreters each, medians (min–max); load {load:.2f}")
    print("| what | process wall | in the script | vs peer (in the script) |")
    print("|---|---|---|---|")
    for label, values in rows.items():
        walls, inner = [w for w, _ in values], [s for _, s in values]
        print(f"| {label} | {cell(walls)} | {cell(inner)} | |")
    ours_full = [s for _, s in rows.get("full Azure Batch, apismith: import", [])]
    for name in full:
        if name != "apismith":
            theirs = [s for _, s in rows[f"full Azure Batch, {name}: import"]]
            print(
                f"| full Azure Batch import: apismith / {name} | | | {ratio(ours_full, theirs)} |"
            )
    ours = [s for _, s in rows[SYNC]]
    theirs = [s for _, s in rows["azure-batch 14.2: import + client + task.get"]]
    print(f"| cold start: azure_batch_tasks / azure-batch 14.2 | | | {ratio(ours, theirs)} |")
    for label in (ASYNC, ASYNC_WARM, AIOHTTP, AIOHTTP_WARM, BACKGROUND):
        mine = [s for _, s in rows[label]]
        print(f"| {label} / the sync client | | | {ratio(mine, ours)} |")


if __name__ == "__main__":
    main()
