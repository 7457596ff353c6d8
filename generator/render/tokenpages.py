"""Token pagination of Smithy operations (`@paginated`): the `paginate_<method>` page iterators.

An operation whose `paginated` trait names an `inputToken` and an `outputToken` gets a second
method that calls it page after page, passing each page's output token back as the input token,
until a page carries none (or repeats the one just sent), as botocore's paginators do. The output
token may be a path into nested structures (`Result.NextToken`), as Smithy allows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.ir import Kind, Operation, Service, Shape


@dataclass(frozen=True)
class TokenPages:
    method: str  # the page iterator's name: paginate_<method>
    token_param: str  # the argument carrying the input token
    token_path: tuple[str, ...]  # attribute names from a page down to its output token
    token_annotation: str  # the token's type, without `| None`
    items_attr: str  # the page attribute holding the items (docs), or ""

    @property
    def token_expr(self) -> str:
        """The output token of `page`, None when a structure on its path is absent."""
        prefixes = ["page." + ".".join(self.token_path[:i]) for i in range(1, len(self.token_path))]
        expr = "page." + ".".join(self.token_path)
        if not prefixes:
            return expr
        return f"{expr} if {' and '.join(p + ' is not None' for p in prefixes)} else None"


def token_pages(
    service: Service,
    op: Operation,
    method: str,
    taken: set[str],
    member_names: Callable[[Shape], list[str]],
    annotation: Callable[[str], str],
) -> TokenPages | None:
    """The page iterator of `op`, or None: no token pagination, a token that is not a member,
    input and output tokens of different types, or a name already taken by another method."""
    pg = op.pagination
    if pg is None or not pg.input_token or not pg.output_token or not op.input or not op.output:
        return None
    inp, out = service.shape(op.input), service.shape(op.output)
    if inp is None or out is None:
        return None
    token_member = inp.member(pg.input_token)
    if token_member is None:
        return None
    token_param = member_names(inp)[inp.members.index(token_member)]
    path: list[str] = []
    shape: Shape | None = out
    target = ""
    for part in pg.output_token.split("."):
        member = shape.member(part) if shape is not None and shape.kind is Kind.STRUCTURE else None
        if shape is None or member is None:
            return None
        path.append(member_names(shape)[shape.members.index(member)])
        target = member.target
        shape = service.shape(target)
    token_annotation = annotation(token_member.target)
    if annotation(target) != token_annotation:
        return None
    name = f"paginate_{method}"
    if name in taken:
        return None
    items = out.member(pg.items) if pg.items else None
    items_attr = member_names(out)[out.members.index(items)] if items is not None else ""
    return TokenPages(name, token_param, tuple(path), token_annotation, items_attr)
