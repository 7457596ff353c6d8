"""Extract a service subset from a Smithy 2.0 JSON AST.

The result is itself a valid Smithy JSON AST: the service shape, the selected operations and the
closure of every shape they reach, plus every error shape of the service. Shapes are copied
verbatim (all traits kept), except the service shape, which loses its resource bindings and the
client-irrelevant bulk traits below.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from typing import Any

from ._common import JSON, Candidate, ExtractError, match_operations

# Service traits dropped from the extracted service shape: they do not change what a generated
# client sends or parses: IAM condition keys, browser CORS configuration, the legacy
# endpoint-discovery hook, and the binary-decision-diagram form of the endpoint rules. The
# endpoint rule set itself (`smithy.rules#endpointRuleSet`) and its test cases are kept: the
# client resolves its endpoint with them, and its tests include the cases.
DROPPED_SERVICE_TRAITS: frozenset[str] = frozenset(
    {
        # The binary-decision-diagram form of the endpoint rule set (newer models carry both).
        "smithy.rules#endpointBdd",
        "aws.iam#defineConditionKeys",
        "smithy.api#cors",
        "aws.api#clientEndpointDiscovery",
    }
)

# Prelude shapes (smithy.api#String, smithy.api#Unit, ...) are implicit in every model.
_PRELUDE_NAMESPACE = "smithy.api#"

# Resource keys that bind operations (and child resources) to a resource.
_RESOURCE_OPERATION_KEYS = ("create", "put", "read", "update", "delete", "list")
_RESOURCE_OPERATION_LIST_KEYS = ("operations", "collectionOperations")


def extract_smithy(model: JSON, operations: Sequence[str]) -> JSON:
    """Return a new Smithy AST holding the service and the closure of the selected operations."""
    shapes: dict[str, JSON] = _shapes(model)
    service_id = _service_id(shapes)
    bound = _bound_operations(shapes, service_id)
    candidates = [Candidate(op, _short_name(op), (op, _short_name(op))) for op in bound]
    selected = match_operations(operations, candidates)

    service = _flattened(shapes, service_id)
    # Every error the service can answer with, not only the selected operations' ones: a
    # service sends errors an operation does not list (Deadline's ServiceQuotaExceededException
    # from UpdateTask), and a client should raise them as their own class, as botocore does.
    service_errors = [_target(e) for e in service.get("errors", [])]
    for op in bound:
        service_errors += [_target(e) for e in shapes[op].get("errors", [])]
    roots = list(selected) + sorted(set(service_errors))
    closure = _closure(shapes, roots)

    result: JSON = {"smithy": model.get("smithy", "2.0")}
    if "metadata" in model:
        result["metadata"] = copy.deepcopy(model["metadata"])
    out_shapes: dict[str, Any] = {service_id: _service_shape(service, selected)}
    for op in selected:
        out_shapes[op] = copy.deepcopy(shapes[op])
    for shape_id in sorted(closure - set(selected)):
        out_shapes[shape_id] = copy.deepcopy(shapes[shape_id])
    result["shapes"] = out_shapes
    return result


def _shapes(model: JSON) -> dict[str, JSON]:
    shapes = model.get("shapes")
    if not isinstance(shapes, dict):
        raise ExtractError("not a Smithy JSON AST: missing 'shapes' object")
    return shapes


def _service_id(shapes: dict[str, JSON]) -> str:
    services = sorted(
        k for k, v in shapes.items() if v.get("type") == "service" and not _is_mixin(v)
    )
    if len(services) != 1:
        found = ", ".join(services) or "none"
        raise ExtractError(f"expected exactly one service shape in the model, found: {found}")
    return services[0]


def _short_name(shape_id: str) -> str:
    return shape_id.split("#", 1)[-1]


def _target(ref: Any) -> str:
    if not isinstance(ref, dict) or not isinstance(ref.get("target"), str):
        raise ExtractError(f"malformed shape reference: {ref!r}")
    target: str = ref["target"]
    return target


def _bound_operations(shapes: dict[str, JSON], service_id: str) -> list[str]:
    """Every operation bound to the service, directly or through (nested) resources, sorted."""
    found: set[str] = set()
    seen_resources: set[str] = set()

    def visit(container: JSON) -> None:
        for key in _RESOURCE_OPERATION_KEYS:
            if key in container:
                found.add(_target(container[key]))
        for key in _RESOURCE_OPERATION_LIST_KEYS:
            found.update(_target(ref) for ref in container.get(key, []))
        for ref in container.get("resources", []):
            resource_id = _target(ref)
            if resource_id not in seen_resources and resource_id in shapes:
                seen_resources.add(resource_id)
                visit(_flattened(shapes, resource_id))

    visit(_flattened(shapes, service_id))
    return sorted(op for op in found if shapes.get(op, {}).get("type") == "operation")


def _is_mixin(shape: JSON) -> bool:
    traits = shape.get("traits")
    return isinstance(traits, dict) and "smithy.api#mixin" in traits


def _flattened(shapes: dict[str, JSON], shape_id: str, seen: frozenset[str] = frozenset()) -> JSON:
    """A service or resource with its Smithy 2.0 mixins applied (the extracted service is
    written flat, so that the mixin's other operations do not come along): list properties
    merged, the mixins' first; traits but `@mixin` and the mixin's `localTraits`, its own
    winning; other properties its own, else a mixin's."""
    shape = shapes[shape_id]
    if not shape.get("mixins"):
        return shape
    flat: JSON = {"type": shape.get("type")}
    traits: dict[str, Any] = {}
    for ref in shape.get("mixins", []):
        mixin_id = _target(ref)
        if mixin_id in seen or mixin_id == shape_id or mixin_id not in shapes:
            raise ExtractError(f"{shape_id} mixes in {mixin_id}, which cannot be resolved")
        mixin = _flattened(shapes, mixin_id, seen | {shape_id})
        mixin_trait = shapes[mixin_id].get("traits", {}).get("smithy.api#mixin")
        local = set(mixin_trait.get("localTraits", [])) if isinstance(mixin_trait, dict) else set()
        for key, value in mixin.items():
            if key == "traits":
                traits.update(
                    (k, v) for k, v in value.items() if k != "smithy.api#mixin" and k not in local
                )
            elif isinstance(value, list):
                flat[key] = flat.get(key, []) + [v for v in value if v not in flat.get(key, [])]
            elif key != "type":
                flat[key] = value
    for key, value in shape.items():
        if key == "traits":
            traits.update(value)
        elif isinstance(value, list) and key != "mixins":
            flat[key] = flat.get(key, []) + [v for v in value if v not in flat.get(key, [])]
        elif key not in ("type", "mixins"):
            flat[key] = value
    if traits:
        flat["traits"] = traits
    return flat


def _references(shape: JSON) -> Iterator[str]:
    """Shape ids a shape depends on for its wire form: I/O, errors, member targets, mixins."""
    for key in ("input", "output", "member", "key", "value"):
        if key in shape:
            yield _target(shape[key])
    for key in ("errors", "mixins"):
        for ref in shape.get(key, []):
            yield _target(ref)
    for member in shape.get("members", {}).values():
        yield _target(member)


def _closure(shapes: dict[str, JSON], roots: Sequence[str]) -> set[str]:
    closure: set[str] = set()
    stack = [(root, "the selection") for root in roots]
    while stack:
        shape_id, referrer = stack.pop()
        if shape_id in closure:
            continue
        if shape_id not in shapes:
            if shape_id.startswith(_PRELUDE_NAMESPACE):
                continue
            raise ExtractError(f"shape {shape_id} (referenced by {referrer}) is not in the model")
        closure.add(shape_id)
        stack.extend((ref, shape_id) for ref in _references(shapes[shape_id]))
    return closure


def _service_shape(service: JSON, selected: Sequence[str]) -> JSON:
    """The service with the selection bound directly and without resources or bulk traits."""
    result: JSON = {}
    operations = [{"target": op} for op in sorted(selected)]
    for key, value in service.items():
        if key in ("operations", "resources"):
            # Whichever binding key comes first takes the operations' place in the key order.
            if "operations" not in result:
                result["operations"] = operations
        elif key == "traits":
            result["traits"] = {
                name: copy.deepcopy(trait)
                for name, trait in value.items()
                if name not in DROPPED_SERVICE_TRAITS
            }
        else:
            result[key] = copy.deepcopy(value)
    if "operations" not in result:
        result["operations"] = operations
    return result
