"""Checks a Swagger 2.0 document has the shape the Swagger -> OpenAPI 3 conversion walks.

The converter (generator.frontends.openapi.swagger2) is a faithful, structural translation that
trusts its input: a `parameters` that is a mapping, a response that is a list or a body
parameter without a name would stop it half way. The front-end runs these checks first and
converts only a document that passes; every finding is a located event on the Swagger source,
in the words of the spec.
"""

from __future__ import annotations

from typing import Any

from generator.diagnostics import Diagnostics
from generator.load import Document, Path

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
_QUERY_FORMATS = ("csv", "multi", "ssv", "tsv", "pipes")
_OAUTH2_FLOWS = ("implicit", "password", "application", "accessCode")
_SECURITY_TYPES = ("apiKey", "basic", "oauth2")
_PARAMETER_PREFIX = "#/parameters/"


def check_swagger(doc: Document, diags: Diagnostics) -> bool:
    """Report what the conversion cannot take; True when the document can be converted."""
    checker = _Checker(doc, diags)
    checker.run()
    return checker.ok


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "null"
    return f"{type(value).__name__} {value!r}"


class _Checker:
    def __init__(self, doc: Document, diags: Diagnostics) -> None:
        self.doc = doc
        self.diags = diags
        self.ok = True
        data = doc.data if isinstance(doc.data, dict) else {}
        self.data: dict[Any, Any] = data
        params = data.get("parameters")
        self.global_params: dict[Any, Any] = params if isinstance(params, dict) else {}

    # -- reporting ---------------------------------------------------------------------------

    def _error(self, id: str, path: Path, message: str, hint: str, *, key: bool = False) -> None:
        self.ok = False
        self.diags.error(id, self.doc.loc(path, key=key), message, hint)

    def _expect(self, value: Any, typ: type, path: Path, what: str, want: str) -> bool:
        if isinstance(value, typ):
            return True
        self._error(
            "WrongType", path, f"{what} must be {want}, got {_kind(value)}", f"make it {want}"
        )
        return False

    def _string_keys(self, node: dict[Any, Any], path: Path, what: str) -> None:
        for key in node:
            if not isinstance(key, str):
                self._error(
                    "WrongType",
                    path + (key,),
                    f"the key {key!r} of {what} must be a string",
                    f'quote the key: "{key}"',
                    key=True,
                )

    def _mimes(self, node: dict[Any, Any], key: str, path: Path) -> None:
        if key not in node:
            return
        value = node[key]
        if not self._expect(value, list, path + (key,), f"'{key}'", "a list of media types"):
            return
        for i, mime in enumerate(value):
            self._expect(mime, str, path + (key, i), f"entry {i} of '{key}'", "a media type string")

    # -- the document ------------------------------------------------------------------------

    def run(self) -> None:
        data = self.data
        if data.get("swagger") != "2.0":
            self._error(
                "UnsupportedVersion",
                ("swagger",),
                f"unsupported Swagger version {data.get('swagger')!r}",
                "write `swagger: '2.0'` (quoted: an unquoted 2.0 is a number), or use OpenAPI 3",
            )
            return
        self._string_keys(data, (), "the document")
        self._mimes(data, "consumes", ())
        self._mimes(data, "produces", ())
        if "schemes" in data:
            self._expect(data["schemes"], list, ("schemes",), "'schemes'", "a list such as [https]")
        for key, check in (
            ("parameters", self._parameter),
            ("definitions", self._schema),
            ("responses", self._response),
            ("securityDefinitions", self._security),
        ):
            section = data.get(key)
            if section is None:
                continue
            if self._expect(section, dict, (key,), f"'{key}'", "a mapping of name to object"):
                for name, value in section.items():
                    check(value, (key, name))
        paths = data.get("paths", {})
        if self._expect(paths, dict, ("paths",), "'paths'", "a mapping of path to path item"):
            for uri, item in paths.items():
                self._path_item(item, ("paths", uri))
        ms_paths = data.get("x-ms-paths", {})  # Azure's: path items as in `paths`
        if self._expect(
            ms_paths, dict, ("x-ms-paths",), "'x-ms-paths'", "a mapping of path to path item"
        ):
            for uri, item in ms_paths.items():
                self._path_item(item, ("x-ms-paths", uri))

    def _path_item(self, item: Any, path: Path) -> None:
        if not self._expect(item, dict, path, f"path item {path[-1]}", "a mapping"):
            return
        shared = self._parameter_list(item, path)
        for method in _METHODS:
            if method in item:
                self._operation(item[method], path + (method,), shared)

    def _parameter_list(self, node: dict[Any, Any], path: Path) -> list[tuple[Any, Path]]:
        """The resolved parameters of a path item or operation, each with where it is written."""
        raw = node.get("parameters", [])
        if not self._expect(raw, list, path + ("parameters",), "'parameters'", "a list"):
            return []
        out: list[tuple[Any, Path]] = []
        for i, param in enumerate(raw):
            ppath = path + ("parameters", i)
            if not self._expect(param, dict, ppath, f"parameter {i}", "a mapping"):
                continue
            if "$ref" in param:
                ref = param["$ref"]
                name = ref[len(_PARAMETER_PREFIX) :] if isinstance(ref, str) else None
                if (
                    name is None
                    or not ref.startswith(_PARAMETER_PREFIX)
                    or name not in self.global_params
                ):
                    self._error(
                        "DanglingTarget",
                        ppath + ("$ref",),
                        f"parameter reference {ref!r} does not point at a parameter under "
                        "#/parameters",
                        "define the parameter under the top-level `parameters:` and refer to it "
                        "as #/parameters/<name>",
                    )
                    continue
                param = self.global_params[name]
                if not isinstance(param, dict):
                    continue  # reported where it is defined
            else:
                self._parameter(param, ppath)
            out.append((param, ppath))
        return out

    def _operation(self, op: Any, path: Path, shared: list[tuple[Any, Path]]) -> None:
        what = f"operation {str(path[-1]).upper()} {path[-2]}"
        if not self._expect(op, dict, path, what, "a mapping"):
            return
        self._mimes(op, "consumes", path)
        self._mimes(op, "produces", path)
        own = self._parameter_list(op, path)
        payload = [(p, w) for p, w in own if p.get("in") in ("body", "formData")]
        if not payload:
            payload = [(p, w) for p, w in shared if p.get("in") in ("body", "formData")]
        bodies = [(p, w) for p, w in payload if p.get("in") == "body"]
        if bodies and len(payload) > 1:
            extra = next(w for p, w in payload if (p, w) != bodies[0])
            self._error(
                "ConflictingBindings",
                extra,
                f"{what} has a body parameter and another body or formData parameter",
                "keep one `in: body` parameter (its schema can hold several properties), or "
                "use only formData parameters",
            )
        responses = op.get("responses", {})
        if self._expect(responses, dict, path + ("responses",), "'responses'", "a mapping"):
            for code, response in responses.items():
                self._response(response, path + ("responses", code))

    # -- objects -----------------------------------------------------------------------------

    def _parameter(self, param: Any, path: Path) -> None:
        if not self._expect(param, dict, path, "a parameter", "a mapping"):
            return
        self._string_keys(param, path, "a parameter")
        where = param.get("in")
        if where in ("body", "formData") and not isinstance(param.get("name"), str):
            self._error(
                "WrongType",
                path + ("name",) if "name" in param else path,
                f"the {where} parameter needs a string 'name'",
                "add `name:`; it becomes the argument name in the client",
            )
        if where == "body":
            if "schema" in param:
                self._schema(param["schema"], path + ("schema",))
            return
        if "items" in param:
            self._items(param["items"], path + ("items",))
        if param.get("type") == "array":
            fmt = param.get("collectionFormat", "csv")
            allowed = _QUERY_FORMATS if where == "query" else ("csv",)
            if fmt not in allowed:
                self._error(
                    "WrongType",
                    path + ("collectionFormat",),
                    f"collectionFormat {fmt!r} is not supported for a {where} parameter",
                    "use one of: " + ", ".join(allowed),
                )

    def _items(self, items: Any, path: Path) -> None:
        if self._expect(items, dict, path, "'items'", "a mapping (the element type)"):
            if "items" in items:
                self._items(items["items"], path + ("items",))

    def _response(self, response: Any, path: Path) -> None:
        if not self._expect(response, dict, path, f"response {path[-1]}", "a mapping"):
            return
        if "$ref" in response:
            return
        if "schema" in response:
            self._schema(response["schema"], path + ("schema",))
            if "examples" in response:
                examples = response["examples"]
                self._expect(
                    examples, dict, path + ("examples",), "'examples'", "a mapping of media type"
                )
        headers = response.get("headers", {})
        if self._expect(headers, dict, path + ("headers",), "'headers'", "a mapping"):
            for name, header in headers.items():
                hpath = path + ("headers", name)
                if self._expect(header, dict, hpath, f"header {name}", "a mapping"):
                    self._string_keys(header, hpath, f"header {name}")
                    if "items" in header:
                        self._items(header["items"], hpath + ("items",))

    def _schema(self, schema: Any, path: Path) -> None:
        if not isinstance(schema, dict):
            return  # `additionalProperties: true` and the like are copied as they are
        for key, value in schema.items():
            kpath = path + (key,)
            if key == "properties":
                if self._expect(value, dict, kpath, "'properties'", "a mapping of name to schema"):
                    for name, sub in value.items():
                        self._schema(sub, kpath + (name,))
            elif key in ("items", "additionalProperties", "not"):
                for i, sub in enumerate(value) if isinstance(value, list) else [(None, value)]:
                    self._schema(sub, kpath if i is None else kpath + (i,))
            elif key in ("allOf", "anyOf", "oneOf"):
                if self._expect(value, list, kpath, f"'{key}'", "a list of schemas"):
                    for i, sub in enumerate(value):
                        self._schema(sub, kpath + (i,))

    def _security(self, scheme: Any, path: Path) -> None:
        name = path[-1]
        if not self._expect(scheme, dict, path, f"security definition {name}", "a mapping"):
            return
        self._string_keys(scheme, path, f"security definition {name}")
        kind = scheme.get("type")
        if kind not in _SECURITY_TYPES:
            self._error(
                "WrongType",
                path + ("type",) if "type" in scheme else path,
                f"security definition {name} has unknown type {kind!r}",
                "use one of: " + ", ".join(_SECURITY_TYPES),
            )
        elif kind == "oauth2" and scheme.get("flow") not in _OAUTH2_FLOWS:
            self._error(
                "WrongType",
                path + ("flow",) if "flow" in scheme else path,
                f"oauth2 security definition {name} has unknown flow {scheme.get('flow')!r}",
                "use one of: " + ", ".join(_OAUTH2_FLOWS),
            )
