"""Keep the tests' package cache out of the user's cache directory.

`apismith generate` caches whole packages in the user cache directory; the tests (and the
`apismith` processes they start, which inherit the environment) use a fresh folder of their own,
so a run starts cold like a fresh CI checkout and leaves nothing behind in ~/.cache.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

if "APISMITH_CACHE_DIR" not in os.environ:
    _folder = tempfile.mkdtemp(prefix="apismith-test-cache-")
    os.environ["APISMITH_CACHE_DIR"] = _folder
    atexit.register(shutil.rmtree, _folder, True)
