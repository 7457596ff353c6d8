"""Progress on stderr: a line per package, timings with --verbose, silence with --quiet, a live
spinner only on a terminal; stdout stays clean for JSON."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.init import starter_spec
from generator.progress import Progress, Stopwatch, Verbosity
from support import ROOT


@pytest.fixture
def spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "spec.yaml"
    path.write_text(starter_spec("smithy", "shop"))
    return path


def test_normal_run_reports_each_package_with_counts_and_time(
    spec: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", "spec.yaml", "-o", "out"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert re.search(
        r"\[1/1\] shop: out: \d+ files, \d+ written, 0 removed \(\d+\.\ds\)", captured.err
    )
    assert "\r" not in captured.err  # not a terminal: plain lines only


def test_verbose_shows_stage_timings_and_cache(
    spec: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", "spec.yaml", "-o", "out", "--verbose"]) == 0
    err = capsys.readouterr().err
    assert re.search(
        r"3 operations, \d+ shapes; load \d\.\d\ds, validate \d\.\d\ds, render \d+\.\d\ds, "
        r"format \d+\.\d\ds, write \d\.\d\ds; format cache: \d+ hits, \d+ formatted",
        err,
    ), err
    assert main(["validate", "spec.yaml", "-v"]) == 0
    assert re.search(r"load \d\.\d\ds, validate \d\.\d\ds", capsys.readouterr().err)


def test_quiet_prints_nothing_on_success_and_errors_on_failure(
    spec: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", "spec.yaml", "-o", "out", "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    spec.write_text(spec.read_text().replace("type: list", "type: lsit"))
    assert main(["generate", "spec.yaml", "-o", "out", "-q"]) == 1
    err = capsys.readouterr().err
    assert "ERROR [UnknownShapeType]" in err and "not rendered" in err
    assert main(["validate", "spec.yaml", "-q"]) == 1
    captured = capsys.readouterr()
    assert "ERROR [UnknownShapeType]" in captured.out and captured.err == ""


def test_json_stdout_is_clean_whatever_the_verbosity(
    spec: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", "spec.yaml", "-o", "out", "-v", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["packages"][0]["package"] == "shop"
    assert "format cache" in captured.err


def test_live_line_is_drawn_and_erased_only_when_live() -> None:
    stream = io.StringIO()
    progress = Progress(Verbosity.NORMAL, stream, live=True)
    watch = Stopwatch(progress, "[1/2] pkg")
    with watch.stage("render"):
        time.sleep(0.25)  # the spinner thread redraws meanwhile
    progress.say("[1/2] pkg: done")
    progress.close()
    text = stream.getvalue()
    assert "[1/2] pkg: render" in text and "\r\x1b[K" in text
    assert text.endswith("[1/2] pkg: done\n")
    assert set(watch.seconds) == {"render"} and watch.seconds["render"] >= 0.2
    plain = io.StringIO()
    quiet = Progress(Verbosity.NORMAL, plain, live=False)
    quiet.status("working")
    quiet.say("done")
    quiet.close()
    assert plain.getvalue() == "done\n"


def test_a_terminal_gets_a_spinner(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text(starter_spec("smithy", "shop"))
    primary, secondary = pty.openpty()
    chunks = []
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "generate", "spec.yaml", "-o", "out"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=secondary,
            env={**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm"},
        )
        os.close(secondary)
        # Drain the terminal while the run goes on: a full pty buffer would block its writes.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            ready, _, _ = select.select([primary], [], [], 0.5)
            if ready:
                try:
                    data = os.read(primary, 65536)
                except OSError:  # EIO: the run closed its end
                    break
                if not data:
                    break
                chunks.append(data)
            elif proc.poll() is not None:
                break
        stdout, _ = proc.communicate(timeout=60)
    finally:
        os.close(primary)
    err = b"".join(chunks).decode()
    assert proc.returncode == 0 and stdout == b""
    assert "\x1b[K" in err and "[1/1] spec.yaml: load, validate, render" in err
    # The live line is erased before the package's final line is printed.
    assert " files, " in err.rsplit("\x1b[K", 1)[-1]
