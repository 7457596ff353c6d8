"""Official AWS models (Smithy JSON AST) rendered into importable packages for the tests."""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.config import ServiceConfig
from generator.pipeline import load_spec
from generator.render.environment import build_environment
from generator.render.format import Formatter
from generator.render.package import render_package, scaffold_files
from support import REFERENCE, shared_dir

CORPUS_AWS = shared_dir() / "corpus" / "aws"


@dataclass(frozen=True)
class Model:
    path: Path
    package: str
    client: str  # the sync client class: named after the sdkId, as boto3 names clients
    operations: int


MODELS = [
    Model(CORPUS_AWS / "aws-sqs-2012-11-05.json", "sqs_full", "SQSClient", 23),
    Model(CORPUS_AWS / "aws-kinesis-2013-12-02.json", "kinesis_full", "KinesisClient", 32),
    Model(CORPUS_AWS / "aws-scheduler-2021-06-30.json", "scheduler_full", "SchedulerClient", 12),
    Model(
        REFERENCE / "smithy/data-pipeline-2012-10-29.json",
        "datapipeline_full",
        "DataPipelineClient",
        19,
    ),
    Model(REFERENCE / "smithy/deadline-2023-10-12.json", "deadline_full", "DeadlineClient", 113),
]


class _Unformatted:
    """Valid Python as the templates write it (black only re-wraps; tests that do not look at
    the layout skip it)."""

    def format(self, source: str, name: str) -> str:
        return source

    def format_many(
        self, sources: dict[str, str], prepare: Any = None, salt: str = "", finish: Any = None
    ) -> dict[str, str]:
        out = {name: prepare(name, text) if prepare else text for name, text in sources.items()}
        return {name: finish(text) for name, text in out.items()} if finish else out


def render(model: Model, folder: Path, *, formatted: bool) -> Path:
    """Write `model`'s package (with its tests and docs) to `folder/<package>`; return it."""
    result = load_spec(model.path)
    assert result.ok and result.service is not None, [
        e.format() for e in result.diagnostics.events if e.severity.name == "ERROR"
    ]
    out = folder / model.package
    config = ServiceConfig(spec=model.path, package=model.package, output=out)
    env = build_environment(None)
    formatter = Formatter(None) if formatted else _Unformatted()
    files = render_package(result.service, config, env, formatter)  # type: ignore[arg-type]
    files.update(scaffold_files(result.service, config, env))
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    return out


def import_package(root: Path, package: str) -> ModuleType:
    """Import `package` from the folder `render` wrote (which holds it, its tests and docs)."""
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    importlib.invalidate_caches()
    return importlib.import_module(package)
