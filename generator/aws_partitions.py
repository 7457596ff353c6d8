"""Remake ``templates/python/_runtime/_aws_partitions.py`` from botocore's partitions.json.

    python -m generator.aws_partitions [path/to/partitions.json]

Default source: the installed botocore's ``botocore/data/partitions.json`` (Apache-2.0,
Copyright Amazon.com, Inc. or its affiliates). The output is deterministic: rerun it after
upgrading botocore and commit the module if it changed (then remake the compiled templates).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parent.parent / "templates/python/_runtime/_aws_partitions.py"


def default_source() -> Path:
    import botocore  # type: ignore[import-untyped]  # the test extra installs it

    return Path(botocore.__file__).parent / "data" / "partitions.json"


def render(data: dict[str, Any], source: str) -> str:
    lines = [
        '"""AWS partitions for the endpoint rules\' ``aws.partition`` function (generated).',
        "",
        f"Made by ``python -m generator.aws_partitions`` from botocore's {source}",
        f"(partitions.json version {data.get('version', '?')}; botocore is Apache-2.0 licensed,",
        "Copyright Amazon.com, Inc. or its affiliates). Do not edit: rerun the script.",
        '"""',
        "",
        "from typing import Any",
        "",
        '__all__ = ["PARTITIONS"]',
        "",
        "# id, regionRegex, outputs (dnsSuffix, dualStackDnsSuffix, supportsFIPS...), and the",
        "# regions listed by name with the outputs each overrides (none but the description).",
        "PARTITIONS: tuple[dict[str, Any], ...] = (",
    ]
    for partition in data["partitions"]:
        regions = {
            name: {k: v for k, v in sorted(info.items()) if k != "description"}
            for name, info in sorted(partition.get("regions", {}).items())
        }
        lines.append("    {")
        lines.append(f"        {json.dumps('id')}: {json.dumps(partition['id'])},")
        lines.append(f"        \"regionRegex\": {_py(partition['regionRegex'])},")
        lines.append('        "outputs": {')
        for key, value in sorted(partition["outputs"].items()):
            lines.append(f"            {json.dumps(key)}: {_py(value)},")
        lines.append("        },")
        lines.append('        "regions": {')
        for name, overrides in regions.items():
            lines.append(f"            {json.dumps(name)}: {_py(overrides)},")
        lines.append("        },")
        lines.append("    },")
    lines.append(")")
    return "\n".join(lines) + "\n"


def _py(value: Any) -> str:
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {_py(v)}" for k, v in value.items()) + "}"
    return repr(value)


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else default_source()
    data = json.loads(source.read_text(encoding="utf-8"))
    label = "botocore/data/partitions.json" if not argv else source.name
    OUTPUT.write_text(render(data, label), encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(data['partitions'])} partitions)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
