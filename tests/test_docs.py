"""Generated docs: a page per client (every operation documented) and per model; docstrings."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import sys

import pytest

from support import ROOT

PACKAGES = {
    "deadline_tasks": ("DeadlineClient", "AsyncDeadlineClient"),
    "datapipeline_tasks": ("DataPipelineClient", "AsyncDataPipelineClient"),
    "azure_batch_tasks": ("BatchServiceClient", "AsyncBatchServiceClient"),
}


def _package(name: str):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "generated" / name))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.pop(0)


def _methods(cls: type) -> list[str]:
    return [n for n, _ in inspect.getmembers(cls, inspect.isfunction) if not n.startswith("_")]


@pytest.mark.parametrize("name", sorted(PACKAGES))
def test_every_operation_has_its_section(name: str) -> None:
    module = _package(name)
    docs = ROOT / "generated" / name / "docs"
    for client_name in PACKAGES[name]:
        page = (docs / f"{client_name}.md").read_text()
        cls = getattr(module, client_name)
        operations = [m for m in _methods(cls) if m != "close"]
        assert operations
        table = page.split("\n## ", 1)[0]
        # The per-call options (timeout, retries, headers, deadline) every method takes are
        # documented once, in their own section.
        options = page.split("\n## Per-call options\n", 1)[1].split("\n## ", 1)[0]
        for op in operations:
            assert f"[**{op}**](#{op})" in table, op
            section = page.split(f"\n## {op}\n", 1)[1].split("\n## ", 1)[0]
            assert f"def {op}(" in section
            assert "**HTTP request:**" in section and "**Returns:**" in section
            assert "**Raises:**" in section and "**Example:**" in section
            for param in inspect.signature(getattr(cls, op)).parameters:
                if param != "self":
                    documented = section if f"| `{param}` |" in section else options
                    assert f"| `{param}` |" in documented, (op, param)
                    assert f"{param}: " in section  # in the signature
            # Every code block on the page is valid Python.
        for block in re.findall(r"```python\n(.*?)```", page, flags=re.S):
            ast.parse(block)


@pytest.mark.parametrize("name", sorted(PACKAGES))
def test_every_model_has_a_page_and_every_public_name_a_docstring(name: str) -> None:
    module = _package(name)
    docs = ROOT / "generated" / name / "docs" / "models"
    index = (docs / "index.md").read_text()
    for model in module.models.__all__:
        obj = getattr(module.models, model)
        if not inspect.isclass(obj) or model in ("Null", "ResponseMetadata"):
            continue
        assert (obj.__doc__ or "").strip(), model
        if (docs / f"{model}.md").exists():
            assert f"[{model}]({model}.md)" in index
        else:  # union variants are documented on their union's page
            assert any(f"`{model}`" in page.read_text() for page in docs.glob("*.md")), model
    for error in module.errors.__all__:
        obj = getattr(module.errors, error)
        if inspect.isclass(obj):
            assert (obj.__doc__ or "").strip(), error
    for client_name in PACKAGES[name]:
        cls = getattr(module, client_name)
        assert (cls.__doc__ or "").strip()
        for method in _methods(cls):
            assert (getattr(cls, method).__doc__ or "").strip(), (client_name, method)


def test_html_docs_are_converted_cleanly() -> None:
    page = (
        ROOT / "generated" / "datapipeline_tasks" / "docs" / "DataPipelineClient.md"
    ).read_text()
    assert "<p>" not in page and "<code>" not in page
    assert "`SetTaskStatus`" in page  # <code> became Markdown code
    module = _package("deadline_tasks")
    doc = module.DeadlineClient.get_task.__doc__ or ""
    assert "Gets a task." in doc and "<p>" not in doc


def test_azure_task_add_and_deadline_get_task_read_well() -> None:
    azure = (
        ROOT / "generated" / "azure_batch_tasks" / "docs" / "BatchServiceClient.md"
    ).read_text()
    section = azure.split("\n## task_add\n", 1)[1].split("\n## ", 1)[0]
    assert "Adds a Task to the specified Job." in section
    assert "| `task` | `TaskAddParameter` | The Task to be added. | **required** |" in section
    assert "[`TaskAddResponse`](models/TaskAddResponse.md)" in section
    assert "[`BatchError`](errors.md#batcherror)" in section
    assert "client.task_add(job_id=" in section
    deadline = (ROOT / "generated" / "deadline_tasks" / "docs" / "DeadlineClient.md").read_text()
    section = deadline.split("\n## get_task\n", 1)[1].split("\n## ", 1)[0]
    assert (
        "| `farm_id` | `str` | The farm ID of the farm connected to the task. | **required** |"
        in (section)
    )
    for error in ("AccessDeniedException", "ResourceNotFoundException", "ValidationException"):
        assert f"[`{error}`]" in section


def test_list_items_holding_paragraphs_stay_one_list() -> None:
    # AWS models wrap each list item's text in <p> and indent the HTML (Marketplace Entitlement,
    # AppConfig Data): the marker and its text share a line and the items stay one list.
    from generator.render.docs import doc_text

    raw = (
        "<p>Intro</p>\n   <ul>\n      <li>\n         <p>\n            <i>GetEntitlements</i>- Gets"
        " the\n     entitlements.</p>\n      </li>\n      <li>\n         <p>Second <code>x</code>"
        "</p><p>more</p>\n      </li>\n   </ul>\n   <important><ul><li><p>once</p></li></ul>"
        "</important>"
    )
    assert doc_text(raw) == (
        "Intro\n\n- *GetEntitlements*- Gets the entitlements.\n- Second `x` more\n\n"
        "Important:\n\n- once"
    )
    assert doc_text("<ul><li>a</li><li>b</li></ul><p>after</p>") == "- a\n- b\n\nafter"
