"""The `tokenize` version of generator/render/longlines.string_lines: the oracle for tests.

apismith decides from one regular-expression scan what this module decided from Python's
tokenizer (ten times slower on a large client module); tests/test_format.py checks that the two
agree on every module of every package the tests generate, and on hand-written edge cases.
"""

from __future__ import annotations

import io
import tokenize


def string_lines(text: str) -> tuple[set[int], dict[int, int]]:
    inside: set[int] = set()
    docstrings: dict[int, int] = {}
    statement_start = True
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.STRING:
            if token.end[0] > token.start[0]:
                inside.update(range(token.start[0], token.end[0]))
            if statement_start and token.string.startswith(('"""', "'''")):
                for line in range(token.start[0], token.end[0] + 1):
                    docstrings[line] = token.start[1]
        if token.type not in (tokenize.COMMENT, tokenize.NL):
            statement_start = token.type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)
    return inside, docstrings
