"""Hand-written additions to datapipeline_tasks.

apismith creates this file once and never overwrites or deletes it.

Add helpers or subclasses here and list their names in ``__all__``: the package re-exports them,
as Azure SDK packages do with their ``_patch.py``.
"""

from __future__ import annotations

__all__: list[str] = []
