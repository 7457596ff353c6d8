"""Parameter styles against the OpenAPI specification's own examples (Style Examples table),
and the form and multipart body encoders."""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote

import pytest
from _runtime import _bodies, _styles

STRING = "blue"
ARRAY = ["blue", "black", "brown"]
OBJECT = {"R": "100", "G": "200", "B": "150"}


@pytest.mark.parametrize(
    ("style", "explode", "value", "expected"),
    [
        ("simple", False, STRING, "blue"),
        ("simple", False, ARRAY, "blue,black,brown"),
        ("simple", True, ARRAY, "blue,black,brown"),
        ("simple", False, OBJECT, "R,100,G,200,B,150"),
        ("simple", True, OBJECT, "R=100,G=200,B=150"),
        ("label", False, STRING, ".blue"),
        ("label", False, ARRAY, ".blue,black,brown"),
        ("label", True, ARRAY, ".blue.black.brown"),
        ("label", False, OBJECT, ".R,100,G,200,B,150"),
        ("label", True, OBJECT, ".R=100.G=200.B=150"),
        ("matrix", False, STRING, ";color=blue"),
        ("matrix", False, ARRAY, ";color=blue,black,brown"),
        ("matrix", True, ARRAY, ";color=blue;color=black;color=brown"),
        ("matrix", False, OBJECT, ";color=R,100,G,200,B,150"),
        ("matrix", True, OBJECT, ";R=100;G=200;B=150"),
    ],
)
def test_path_styles(style: str, explode: bool, value: object, expected: str) -> None:
    assert _styles.path("color", value, style=style, explode=explode) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("style", "explode", "value", "expected"),
    [
        ("form", True, STRING, "color=blue"),
        ("form", False, STRING, "color=blue"),
        ("form", False, ARRAY, "color=blue,black,brown"),
        ("form", True, ARRAY, "color=blue&color=black&color=brown"),
        ("form", False, OBJECT, "color=R,100,G,200,B,150"),
        ("form", True, OBJECT, "R=100&G=200&B=150"),
        ("spaceDelimited", False, ARRAY, "color=blue%20black%20brown"),
        ("spaceDelimited", False, OBJECT, "color=R%20100%20G%20200%20B%20150"),
        ("pipeDelimited", False, ARRAY, "color=blue|black|brown"),
        ("pipeDelimited", False, OBJECT, "color=R|100|G|200|B|150"),
        ("deepObject", True, OBJECT, "color[R]=100&color[G]=200&color[B]=150"),
    ],
)
def test_query_styles(style: str, explode: bool, value: object, expected: str) -> None:
    pairs = _styles.query("color", value, style=style, explode=explode)  # type: ignore[arg-type]
    assert "&".join(f"{k}={v}" for k, v in pairs) == expected


def test_values_are_escaped_but_delimiters_are_not() -> None:
    pairs = _styles.query("q", ["a,b", "c d&e"], style="form", explode=False)
    assert pairs == [("q", "a%2Cb,c%20d%26e")]
    assert _styles.path("id", ["a/b", "c"], style="simple", explode=False) == "a%2Fb,c"
    assert _styles.query("p", "a/b?", allow_reserved=True) == [("p", "a/b?")]
    assert _styles.query("$filter", "x", name_safe="$") == [("$filter", "x")]


def test_path_labels_that_would_address_another_resource_are_refused() -> None:
    for value in ("", ".", ".."):
        with pytest.raises(ValueError, match="another resource"):
            _styles.path("id", value)


def test_header_and_cookie_styles() -> None:
    assert _styles.header(ARRAY) == "blue,black,brown"
    assert _styles.header(OBJECT, explode=True) == "R=100,G=200,B=150"
    assert _styles.cookie("color", ARRAY, explode=False) == ["color=blue,black,brown"]
    assert _styles.cookie("color", STRING) == ["color=blue"]
    assert _styles.cookie("color", OBJECT) == ["R=100", "G=200", "B=150"]


def test_cookie_values_cannot_end_early_or_add_cookies() -> None:
    # ReadMe's parameters-extreme example: a cookie value with `;` was sent as it was, which
    # starts another cookie (`a;admin=1` set `admin`). RFC 6265 forbids space, DQUOTE, comma,
    # semicolon and backslash in a value; they (and `%`, and non-ASCII) are percent-encoded.
    assert _styles.cookie("session", "a;admin=1") == ["session=a%3Badmin=1"]
    assert _styles.cookie("s", 'x y,"z"\\%é') == ["s=x%20y%2C%22z%22%5C%25%C3%A9"]
    assert _styles.cookie("c", ["a,b", "c"], explode=False) == ["c=a%2Cb,c"]
    assert _styles.cookie("c", {"k;": "v"}) == ["k%3B=v"]
    printable = "abc-._~!#$&'()*+/:<=>?@[]^`{|}"
    assert _styles.cookie("t", printable) == [f"t={printable}"]


def test_texts_flattens_json_one_level() -> None:
    assert _styles.texts({"a": True, "b": 2.5, "c": {"d": 1}, "e": None}) == {
        "a": "true",
        "b": "2.5",
        "c": '{"d":1}',
    }
    assert _styles.texts([1, False]) == ["1", "false"]


def test_form_body() -> None:
    data = _bodies.form({"criteria": "*:*", "tags": ["a", "b c"], "skip": None, "n": 3})
    assert parse_qsl(data.decode()) == [
        ("criteria", "*:*"),
        ("tags", "a"),
        ("tags", "b c"),
        ("n", "3"),
    ]
    with pytest.raises(TypeError):
        _bodies.form([1, 2])


def test_multipart_body() -> None:
    parts = [
        _bodies.text_part("name", "Rex"),
        _bodies.json_part("meta", {"a": 1}),
        _bodies.file_part("photo", _bodies.File(b"\x89PNG", "rex.png", "image/png")),
        _bodies.file_part("raw", b"bytes"),
        _bodies.text_part('we"ird\r\nname', "x"),
    ]
    data, ctype = _bodies.multipart(parts, boundary="XYZ")
    assert ctype == "multipart/form-data; boundary=XYZ"
    text = data.decode("latin-1")
    assert text.count("--XYZ\r\n") == 5 and text.endswith("--XYZ--\r\n")
    assert 'name="photo"; filename="rex.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG' in text
    assert 'name="raw"; filename="raw"' in text
    assert 'name="meta"\r\nContent-Type: application/json\r\n\r\n{"a": 1}' in text
    # A header value cannot be broken out of: quotes and line breaks are escaped.
    assert unquote("we%22ird%0D%0Aname") in 'we"ird\r\nname'
    assert 'name="we%22ird%0D%0Aname"' in text
    assert repr(_bodies.File(b"secret")).count("secret") == 0
