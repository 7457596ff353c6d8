"""Client-side checks of call arguments, as botocore's parameter validation makes them.

botocore refuses, before sending: a missing required member (nested too), a string or list
shorter than its minimum length (`@length(min)`; a `hostLabel` member is at least 1 long), and a
number below its minimum (`@range(min)`). It checks no maximum, no map length and no pattern, so
neither do these checks. The code is built here from the IR (names from the symbol provider,
numbers through `repr`) and laid out by `_operations.py.j2`: one `_check_<Class>` function per
structure or union that needs checking, and the statements each serializer runs first.
"""

from __future__ import annotations

from generator.ir import NUMBER_KINDS, Kind, Member, Service, Shape
from generator.render.names import SymbolProvider


class ParamChecks:
    def __init__(self, service: Service, symbols: SymbolProvider) -> None:
        self.service = service
        self.symbols = symbols
        self.functions: dict[str, list[str]] = {}  # function name -> its lines
        self._loops = 0
        self._needs = self._compute_needs()

    def shape(self, shape_id: str) -> Shape:
        shape = self.service.shape(shape_id)
        assert shape is not None, shape_id
        return shape

    # -- which shapes need checking (a fixpoint: recursive shapes need it if any part does) --

    def _compute_needs(self) -> set[str]:
        needs: set[str] = set()
        changed = True
        while changed:
            changed = False
            for shape in self.service.shapes:
                if shape.id not in needs and self._shape_needs(shape, needs):
                    needs.add(shape.id)
                    changed = True
        return needs

    def _shape_needs(self, shape: Shape, needs: set[str]) -> bool:
        if shape.kind in (Kind.STRUCTURE, Kind.UNION):
            return any(
                (m.required and shape.kind is Kind.STRUCTURE) or self._member_needs(m, needs)
                for m in shape.members
            )
        if shape.kind is Kind.LIST:
            return shape.constraints.min_length is not None or self._member_needs(
                shape.list_member, needs
            )
        if shape.kind is Kind.MAP:
            return self._member_needs(shape.map_value, needs)
        return False

    def _member_needs(self, member: Member, needs: set[str]) -> bool:
        target = self.shape(member.target)
        if self._minimum(member, target) is not None:
            return True
        return target.id in needs

    @staticmethod
    def _minimum(member: Member, target: Shape) -> float | None:
        """The minimum length (strings, lists) or value (numbers) botocore checks."""
        if target.kind in (Kind.STRING, Kind.LIST):
            found = member.constraints.min_length
            if found is None:
                found = target.constraints.min_length
            if found is None and member.host_label:
                return 1
            return found
        if target.kind in NUMBER_KINDS:
            return (
                member.constraints.min
                if member.constraints.min is not None
                else (target.constraints.min)
            )
        return None

    # -- code -------------------------------------------------------------------------------

    def argument_lines(self, shape: Shape, names: list[str]) -> list[str]:
        """Statements checking an operation's arguments (function-body indentation)."""
        self._loops = 0
        lines: list[str] = []
        for member, name in zip(shape.members, names, strict=True):
            lines += self._value_lines(member, name, repr(name), 1, required=member.required)
        return lines

    def function_name(self, shape: Shape) -> str:
        return "_check_" + self.symbols.class_name(shape)

    def _value_lines(
        self, member: Member, expr: str, path: str, indent: int, *, required: bool
    ) -> list[str]:
        target = self.shape(member.target)
        pad = "    " * indent
        inner = self._inner_lines(member, target, expr, path, indent + 1)
        if required:
            if not inner:
                return [f"{pad}_params.check_required({expr}, {path}, _problems)"]
            return [f"{pad}if _params.check_required({expr}, {path}, _problems):", *inner]
        if not inner:
            return []
        return [f"{pad}if {expr} is not None:", *inner]

    def _inner_lines(
        self, member: Member, target: Shape, expr: str, path: str, indent: int
    ) -> list[str]:
        pad = "    " * indent
        lines: list[str] = []
        minimum = self._minimum(member, target)
        if minimum is not None:
            func = "check_min_length" if target.kind in (Kind.STRING, Kind.LIST) else "check_min"
            lines.append(f"{pad}_params.{func}({expr}, {minimum!r}, {path}, _problems)")
        if target.id not in self._needs:
            return lines
        if target.kind in (Kind.STRUCTURE, Kind.UNION):
            self._ensure_function(target)
            lines.append(f"{pad}{self.function_name(target)}({expr}, {path}, _problems)")
        elif target.kind in (Kind.LIST, Kind.MAP):
            # Loop variables are numbered per function: mypy types each name once.
            self._loops += 1
            n = self._loops
            if target.kind is Kind.LIST:
                item_path = f'{path} + "[" + str(i{n}) + "]"'
                head = f"{pad}for i{n}, v{n} in enumerate({expr}):"
                item_member = target.list_member
            else:
                item_path = f'{path} + "[" + repr(k{n}) + "]"'
                head = f"{pad}for k{n}, v{n} in {expr}.items():"
                item_member = target.map_value
            body = self._value_lines(item_member, f"v{n}", item_path, indent + 1, required=False)
            if body:
                lines += [head, *body]
        return lines

    def _ensure_function(self, shape: Shape) -> None:
        name = self.function_name(shape)
        if name in self.functions:
            return
        self.functions[name] = []  # reserved first: recursive shapes call themselves
        outer_loops, self._loops = self._loops, 0
        cls = self.symbols.class_name(shape)
        body: list[str] = []
        if shape.kind is Kind.STRUCTURE:
            names = self.symbols.member_names(shape)
            for member, attr in zip(shape.members, names, strict=True):
                body += self._value_lines(
                    member, f"value.{attr}", f'path + ".{attr}"', 1, required=member.required
                )
        else:
            variants = self.symbols.variant_names(shape)
            for member, variant in zip(shape.members, variants, strict=False):
                inner = self._inner_lines(
                    member, self.shape(member.target), "value.value", "path", 2
                )
                if inner:
                    body.append(f"    if isinstance(value, {variant}):")
                    body += inner
        self.functions[name] = [
            f"def {name}(value: {cls}, path: str, _problems: list[str]) -> None:",
            *(body or ["    pass"]),
        ]
        self._loops = outer_loops
