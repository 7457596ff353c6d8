"""The User-Agent every request carries: ``<distribution>/<version> apismith/<version>
Python/<version>``, then whatever the caller adds (``user_agent_extra=``, as botocore's
``Config(user_agent_extra=...)`` and azure-core's ``user_agent=``).

Services log it, so support can tell which client and version sent a request. Neither SigV4
(``user-agent`` is on botocore's unsigned list) nor SharedKey signs it.
"""

from __future__ import annotations

import platform

__all__ = ["user_agent"]


def user_agent(
    distribution: str, version: str, generator_version: str, extra: str | None = None
) -> str:
    python = platform.python_version()
    text = f"{distribution}/{version} apismith/{generator_version} Python/{python}"
    if extra:
        if "\r" in extra or "\n" in extra:
            raise ValueError("user_agent_extra must not contain CR or LF")
        text += " " + extra.strip()
    return text
