"""Normalise a Swagger 2.0 document to OpenAPI 3.0.3, keeping its meaning and its extensions.

The OpenAPI front-end reads Swagger 2.0 through this conversion (`apismith extract` uses it too).

Only the mechanical differences between the formats are translated (body/formData parameters
become request bodies, parameter and header types move into ``schema``, responses gain
``content`` per media type, security definitions become security schemes, ``host``/``basePath``
become ``servers``). Schemas are copied as they are, apart from the two Swagger-only spellings
(``type: file`` and a string ``discriminator``). ``x-*`` extensions are kept everywhere, except
``x-ms-examples``: its values are ``$ref``s to example files that are not part of the document,
so they would dangle in the extracted spec.
"""

from __future__ import annotations

from typing import Any

JSON = dict[str, Any]


class SwaggerConversionError(ValueError):
    """A construct of the Swagger 2.0 document that has no OpenAPI 3 form."""


OPENAPI_VERSION = "3.0.3"

# Operation keys that are dropped: consumes/produces are folded into requestBody/response content,
# and x-ms-examples point at external files (see the module docstring).
_DROPPED_OPERATION_KEYS = frozenset({"consumes", "produces", "schemes", "x-ms-examples"})

_HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")

# Swagger parameter/header keys that describe the value's type; OpenAPI 3 puts them in `schema`.
_SCHEMA_KEYS = (
    "type",
    "format",
    "items",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
)
# Extensions that describe the value's type too (Azure enum names, nullability): they travel
# with the type into `schema`; every other extension stays on the parameter.
_SCHEMA_EXTENSIONS = ("x-ms-enum", "x-nullable")

# Parameter fields that OpenAPI 3 keeps as they are, in output order.
_PARAMETER_FIELDS = ("name", "in", "description", "required", "deprecated", "allowEmptyValue")

# collectionFormat -> (style, explode) for query parameters; path and header use `simple`.
_QUERY_STYLES: dict[str, tuple[str, bool]] = {
    "csv": ("form", False),
    "multi": ("form", True),
    "ssv": ("spaceDelimited", False),
    "pipes": ("pipeDelimited", False),
    # Swagger 2.0's tab-separated values have no OpenAPI 3 style: the converted document names
    # one of its own, which only the query serializer reads.
    "tsv": ("tabDelimited", False),
}

_REF_PREFIXES = (
    ("#/definitions/", "#/components/schemas/"),
    ("#/parameters/", "#/components/parameters/"),
    ("#/responses/", "#/components/responses/"),
)

_OAUTH2_FLOWS = {
    "implicit": ("implicit", ("authorizationUrl",)),
    "password": ("password", ("tokenUrl",)),
    "application": ("clientCredentials", ("tokenUrl",)),
    "accessCode": ("authorizationCode", ("authorizationUrl", "tokenUrl")),
}


def convert_swagger2(doc: JSON) -> JSON:
    """Return the OpenAPI 3.0.3 equivalent of a Swagger 2.0 document (the input is not changed)."""
    if doc.get("swagger") != "2.0":
        raise SwaggerConversionError(
            f"not a Swagger 2.0 document (swagger: {doc.get('swagger')!r})"
        )
    # No copy of the input: the converter only reads it, and its last step (_rewrite_refs)
    # makes every dict and list of the result anew. (A deep copy first was a tenth of the
    # loading of the full Azure Batch document.)
    return _Converter(doc).convert()


class _Converter:
    def __init__(self, doc: JSON) -> None:
        self.doc = doc
        self.consumes: list[str] = doc.get("consumes", ["application/json"])
        self.produces: list[str] = doc.get("produces", ["application/json"])
        self.global_parameters: dict[str, JSON] = doc.get("parameters", {})

    def convert(self) -> JSON:
        doc = self.doc
        out: JSON = {"openapi": OPENAPI_VERSION, "info": doc.get("info", {})}
        servers = self._servers()
        if servers:
            out["servers"] = servers
        for key, value in doc.items():
            if key.startswith("x-"):
                out[key] = value
        for key in ("security", "tags", "externalDocs"):
            if key in doc:
                out[key] = doc[key]
        out["paths"] = {path: self._path_item(item) for path, item in doc.get("paths", {}).items()}
        ms_paths = doc.get("x-ms-paths")
        if isinstance(ms_paths, dict):  # Azure's further paths: path items like those of `paths`
            out["x-ms-paths"] = {
                path: self._path_item(item) if isinstance(item, dict) else item
                for path, item in ms_paths.items()
            }
        components = self._components()
        if components:
            out["components"] = components
        return _rewrite_refs(out)  # type: ignore[no-any-return]

    def _servers(self) -> list[JSON]:
        # Without a host the document is served relative to where it was loaded from, which is
        # OpenAPI 3's default ("/") too; Azure documents carry x-ms-parameterized-host instead.
        host = self.doc.get("host")
        base_path = self.doc.get("basePath", "")
        if host:
            schemes = self.doc.get("schemes", ["https"])
            return [{"url": f"{scheme}://{host}{base_path}"} for scheme in schemes]
        if base_path:
            return [{"url": base_path}]
        return []

    def _components(self) -> JSON:
        components: JSON = {}
        definitions = self.doc.get("definitions", {})
        if definitions:
            components["schemas"] = {name: _schema(s) for name, s in definitions.items()}
        responses = self.doc.get("responses", {})
        if responses:
            components["responses"] = {
                name: self._response(r, self.produces) for name, r in responses.items()
            }
        # Body and formData parameters have no OpenAPI 3 component form; references to them are
        # inlined into request bodies (see _operation), so they are left out here.
        parameters = {
            name: _parameter(p)
            for name, p in self.global_parameters.items()
            if p.get("in") not in ("body", "formData")
        }
        if parameters:
            components["parameters"] = parameters
        security = self.doc.get("securityDefinitions", {})
        if security:
            components["securitySchemes"] = {
                name: _security_scheme(name, s) for name, s in security.items()
            }
        return components

    def _path_item(self, item: JSON) -> JSON:
        shared = [self._resolve_parameter(p) for p in item.get("parameters", [])]
        out: JSON = {}
        for key, value in item.items():
            if key in _HTTP_METHODS:
                out[key] = self._operation(value, shared)
            elif key == "parameters":
                kept = [p for p, resolved in zip(value, shared) if not _is_payload(resolved)]
                if kept:
                    out["parameters"] = [self._parameter_or_ref(p) for p in kept]
            else:
                out[key] = value
        return out

    def _operation(self, op: JSON, path_parameters: list[JSON]) -> JSON:
        consumes: list[str] = op.get("consumes", self.consumes)
        produces: list[str] = op.get("produces", self.produces)
        raw = op.get("parameters", [])
        resolved = [self._resolve_parameter(p) for p in raw]
        payload = [p for p in resolved if _is_payload(p)]
        if not payload:
            # A body declared on the path item applies to every operation that declares none.
            payload = [p for p in path_parameters if _is_payload(p)]
        out: JSON = {}
        for key, value in op.items():
            if key in _DROPPED_OPERATION_KEYS:
                continue
            if key == "parameters":
                kept = [p for p, r in zip(raw, resolved) if not _is_payload(r)]
                if kept:
                    out["parameters"] = [self._parameter_or_ref(p) for p in kept]
                if payload:
                    out["requestBody"] = _request_body(payload, consumes)
            elif key == "responses":
                out["responses"] = {code: self._response(r, produces) for code, r in value.items()}
            else:
                out[key] = value
        if payload and "requestBody" not in out:
            out["requestBody"] = _request_body(payload, consumes)
        return out

    def _resolve_parameter(self, param: JSON) -> JSON:
        ref = param.get("$ref")
        if ref is None:
            return param
        prefix = "#/parameters/"
        name = ref[len(prefix) :] if isinstance(ref, str) and ref.startswith(prefix) else None
        if name is None or name not in self.global_parameters:
            raise SwaggerConversionError(f"unresolvable parameter reference {ref!r}")
        return self.global_parameters[name]

    def _parameter_or_ref(self, param: JSON) -> JSON:
        # References stay references (rewritten to components later); inline ones are converted.
        return dict(param) if "$ref" in param else _parameter(param)

    def _response(self, response: JSON, produces: list[str]) -> JSON:
        if "$ref" in response:
            return response
        out: JSON = {}
        examples: JSON = response.get("examples", {})
        for key, value in response.items():
            if key == "schema":
                schema = _schema(value)
                out["content"] = {
                    mime: _media(schema, examples.get(mime)) for mime in _or_json(produces)
                }
            elif key == "headers":
                out["headers"] = {name: _header(h) for name, h in value.items()}
            elif key != "examples":
                out[key] = value
        return out


def _or_json(mimes: list[str]) -> list[str]:
    return mimes or ["application/json"]


def _media(schema: JSON, example: Any) -> JSON:
    media: JSON = {"schema": schema}
    if example is not None:
        media["example"] = example
    return media


def _is_payload(param: JSON) -> bool:
    return param.get("in") in ("body", "formData")


def _request_body(params: list[JSON], consumes: list[str]) -> JSON:
    body = [p for p in params if p["in"] == "body"]
    if body:
        if len(body) > 1 or len(params) > 1:
            raise SwaggerConversionError("an operation has more than one body/formData parameter")
        return _body_parameter(body[0], consumes)
    return _form_body(params, consumes)


def _body_parameter(param: JSON, consumes: list[str]) -> JSON:
    schema = _schema(param.get("schema", {}))
    out: JSON = {}
    if "description" in param:
        out["description"] = param["description"]
    out["content"] = {mime: {"schema": schema} for mime in _or_json(consumes)}
    if param.get("required"):
        out["required"] = True
    # autorest's name for the body argument; without it the client argument name would be lost.
    out["x-ms-requestBody-name"] = param["name"]
    out.update({k: v for k, v in param.items() if k.startswith("x-")})
    return out


def _form_body(params: list[JSON], consumes: list[str]) -> JSON:
    # formData parameters become one object schema, one property per field.
    properties: JSON = {}
    required: list[str] = []
    for param in params:
        field: JSON = {k: v for k, v in param.items() if k in _SCHEMA_KEYS}
        if "description" in param:
            field["description"] = param["description"]
        properties[param["name"]] = _schema(field)
        if param.get("required"):
            required.append(param["name"])
    schema: JSON = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    has_file = any(p.get("type") == "file" for p in params)
    form_types = ("multipart/form-data", "application/x-www-form-urlencoded")
    mimes = [m for m in consumes if m.split(";")[0].strip() in form_types]
    if not mimes:
        mimes = ["multipart/form-data" if has_file else "application/x-www-form-urlencoded"]
    out: JSON = {"content": {mime: {"schema": schema} for mime in mimes}}
    if required:
        out["required"] = True
    return out


def _parameter(param: JSON) -> JSON:
    """A non-body Swagger parameter as an OpenAPI 3 parameter (type keys moved into `schema`).

    Keys come in a fixed order (the fixed fields first, then extensions in their original order)
    so that every converted parameter reads the same way, wherever `type` sat in the source.
    """
    out: JSON = {key: param[key] for key in _PARAMETER_FIELDS if key in param}
    if out.get("in") != "query":
        out.pop("allowEmptyValue", None)  # OpenAPI 3 allows it on query parameters only
    style = _style(param)
    if style is not None:
        out["style"], out["explode"] = style
    out["schema"] = _value_schema(param)
    out.update(
        (k, v) for k, v in param.items() if k.startswith("x-") and k not in _SCHEMA_EXTENSIONS
    )
    return out


def _header(header: JSON) -> JSON:
    """A Swagger response header as an OpenAPI 3 header object."""
    out: JSON = {}
    if "description" in header:
        out["description"] = header["description"]
    out["schema"] = _value_schema(header)
    if header.get("type") == "array" and header.get("collectionFormat", "csv") == "csv":
        out["style"] = "simple"
    out.update(
        {k: v for k, v in header.items() if k.startswith("x-") and k not in _SCHEMA_EXTENSIONS}
    )
    return out


def _value_schema(item: JSON) -> JSON:
    """The schema of a parameter, header or `items` object (Swagger's non-body type objects)."""
    schema: JSON = {}
    for key, value in item.items():
        if key == "items":
            schema["items"] = _value_schema(value)
        elif key in _SCHEMA_KEYS or key in _SCHEMA_EXTENSIONS:
            schema[key] = value
    if schema.get("type") == "file":
        schema["type"] = "string"
        schema["format"] = "binary"
    return schema


def _style(param: JSON) -> tuple[str, bool] | None:
    if param.get("type") != "array":
        return None
    fmt = param.get("collectionFormat", "csv")
    if param.get("in") == "query":
        if fmt not in _QUERY_STYLES:
            raise SwaggerConversionError(
                f"parameter {param.get('name')!r}: unsupported collectionFormat {fmt!r}"
            )
        return _QUERY_STYLES[fmt]
    if fmt != "csv":
        raise SwaggerConversionError(
            f"parameter {param.get('name')!r}: collectionFormat {fmt!r} has no OpenAPI 3 form"
            f" for {param.get('in')} parameters"
        )
    return ("simple", False)


def _schema(schema: Any) -> Any:
    """A Swagger schema in OpenAPI 3 spelling, walked structurally (property names are data)."""
    if not isinstance(schema, dict):
        return schema  # `additionalProperties: true` and the like
    out: JSON = {}
    for key, value in schema.items():
        if key == "properties":
            out[key] = {name: _schema(s) for name, s in value.items()}
        elif key in ("items", "additionalProperties", "not"):
            out[key] = [_schema(s) for s in value] if isinstance(value, list) else _schema(value)
        elif key in ("allOf", "anyOf", "oneOf"):
            out[key] = [_schema(s) for s in value]
        elif key == "discriminator" and isinstance(value, str):
            out[key] = {"propertyName": value}
        else:
            out[key] = value
    if out.get("type") == "file":
        out["type"] = "string"
        out["format"] = "binary"
    return out


def _security_scheme(name: str, scheme: JSON) -> JSON:
    kind = scheme.get("type")
    extras = {k: v for k, v in scheme.items() if k == "description" or k.startswith("x-")}
    if kind == "apiKey":
        return dict(scheme)
    if kind == "basic":
        return {"type": "http", "scheme": "basic", **extras}
    if kind == "oauth2":
        flow = scheme.get("flow")
        if flow not in _OAUTH2_FLOWS:
            raise SwaggerConversionError(
                f"security definition {name!r}: unknown oauth2 flow {flow!r}"
            )
        flow_name, url_keys = _OAUTH2_FLOWS[flow]
        flow_object: JSON = {key: scheme[key] for key in url_keys if key in scheme}
        flow_object["scopes"] = scheme.get("scopes", {})
        return {"type": "oauth2", **extras, "flows": {flow_name: flow_object}}
    raise SwaggerConversionError(f"security definition {name!r}: unknown type {kind!r}")


def _rewrite_refs(node: Any) -> Any:
    """Point every local Swagger `$ref` at its OpenAPI 3 component location."""
    if isinstance(node, list):
        return [_rewrite_refs(v) for v in node]
    if not isinstance(node, dict):
        return node
    out: JSON = {}
    for key, value in node.items():
        if key == "$ref" and isinstance(value, str):
            for old, new in _REF_PREFIXES:
                if value.startswith(old):
                    value = new + value[len(old) :]
                    break
            out[key] = value
        else:
            out[key] = _rewrite_refs(value)
    return out
