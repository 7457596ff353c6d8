"""Validating an OpenAPI document a piece at a time, with cached piece verdicts and repeated
values checked once, gives exactly the events of openapi-spec-validator validating it whole
(generator/validate/openapi_pieces.py): over the corpus and the reference document, cold and
warm, after an edit, and with errors in one or many pieces."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.diagnostics import Diagnostics, Event
from generator.load import Document, load_document
from generator.validate import openapi_schema, validate_document
from generator.validate.openapi_pieces import PieceVerdicts
from support import REFERENCE, needs_reference, shared_dir

CORPUS = shared_dir() / "corpus" / "openapi"
BATCH = REFERENCE / "azure-batch-BatchService-2024-07-01.20.0.json"
DOCUMENTS = sorted(
    p
    for p in CORPUS.rglob("*")
    if p.suffix in (".json", ".yaml", ".yml") and "petstore-separate" not in str(p)
) + [CORPUS / "oai-v20-petstore-separate" / "spec" / "swagger.yaml"]
pytestmark = needs_reference


def _events(doc: Document, pieces: PieceVerdicts | None) -> list[Event]:
    diags = Diagnostics()
    validate_document(doc, diags, pieces)
    return diags.sorted()


def _plain(doc: Document) -> list[Event]:
    """The reference: openapi-spec-validator's schema pass as it comes, the whole document."""

    def plain(schema_validator: Any, data: Any, kind: str, verdicts: Any) -> Iterator[Any]:
        return iter(schema_validator.iter_errors(data))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(openapi_schema, "schema_errors", plain)
        return _events(doc, None)


def _with(doc: Document, data: Any) -> Document:
    return Document(doc.file, data, doc.positions, doc.key_positions)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(CORPUS)))
def test_corpus_events_are_the_whole_documents(path: Path, tmp_path: Path) -> None:
    doc = load_document(path, Diagnostics())
    assert doc is not None
    whole = _plain(doc)
    assert _events(doc, None) == whole
    cold = PieceVerdicts(tmp_path)
    assert _events(doc, cold) == whole
    cold.save()
    warm = PieceVerdicts(tmp_path)
    assert _events(doc, warm) == whole
    split = "swagger" in doc.data or str(doc.data.get("openapi")).startswith("3.0")
    if split and not any(e.id == "OpenApiSchema" for e in whole):
        assert warm.hits and not warm.misses  # the split was used, and every verdict kept


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, Path]:
    """The document, and a folder of piece verdicts that knows it."""
    doc = load_document(BATCH, Diagnostics())
    assert doc is not None
    folder = tmp_path_factory.mktemp("pieces")
    verdicts = PieceVerdicts(folder)
    assert _events(doc, verdicts) == [] == _plain(doc)
    verdicts.save()
    return doc, folder / "pieces.json"


def _edits() -> dict[str, Any]:
    """Changes to the Batch document: (label, function changing a copy of its data)."""

    def first_op(data: dict[str, Any]) -> dict[str, Any]:
        item = data["paths"][sorted(data["paths"])[0]]
        return item[sorted(k for k in item if k != "parameters")[0]]  # type: ignore[no-any-return]

    def described(data: dict[str, Any]) -> None:
        first_op(data)["description"] = "Edited."

    def unknown_key(data: dict[str, Any]) -> None:
        first_op(data)["bogus"] = 1

    def two_pieces(data: dict[str, Any]) -> None:
        first_op(data)["bogus"] = 1
        data["definitions"][sorted(data["definitions"])[0]]["type"] = "nonsense"

    def bad_rest(data: dict[str, Any]) -> None:
        data["info"]["title"] = 7

    def bad_default(data: dict[str, Any]) -> None:
        name = sorted(data["definitions"])[0]
        data["definitions"][name]["properties"] = {"x": {"type": "integer", "default": "no"}}

    def int_key(data: dict[str, Any]) -> None:
        item = first_op(data)
        item["responses"] = {200: item["responses"][sorted(item["responses"])[0]]}

    def repeated_error(data: dict[str, Any]) -> None:
        # The same broken value in every operation: each one is reported, none remembered.
        for item in data["paths"].values():
            for op in item.values():
                for param in op.get("parameters", []) if isinstance(op, dict) else []:
                    if param.get("name") == "timeout":
                        param["bogus"] = 1

    edits = (described, unknown_key, two_pieces, bad_rest, bad_default, int_key, repeated_error)
    return {f.__name__: f for f in edits}


@pytest.mark.parametrize("edit", sorted(_edits()))
def test_an_edited_batch_document_gives_the_whole_documents_events(
    batch: tuple[Document, Path], edit: str, tmp_path: Path
) -> None:
    doc, known = batch
    shutil.copy(known, tmp_path / "pieces.json")
    data = copy.deepcopy(doc.data)
    _edits()[edit](data)
    edited = _with(doc, data)
    pieces = PieceVerdicts(tmp_path)
    events = _events(edited, pieces)
    assert events == _plain(edited)
    if edit == "repeated_error":
        assert len(events) > 40
    if edit == "described":
        # Only the edited path item is validated again.
        assert pieces.misses == 1 and pieces.hits > 200


def test_piece_verdicts_survive_a_damaged_file(tmp_path: Path) -> None:
    (tmp_path / "pieces.json").write_text("{not json", encoding="utf-8")
    verdicts = PieceVerdicts(tmp_path)
    assert "x" not in verdicts
    verdicts.add("x")
    verdicts.save()
    assert "x" in PieceVerdicts(tmp_path)
    assert json.loads((tmp_path / "pieces.json").read_text())["clean"] == ["x"]
