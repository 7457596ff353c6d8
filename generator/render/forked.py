"""Work done in a forked child beside this process, its results streamed back in order.

The render of a package has two halves that need each other only at the end: the package's
modules and docs, and the generated tests (their view samples a value for every member, about
a fifth of a render of the full Azure Batch spec, and the test modules are 40 % of the Python
to import-sort and format). `Forked` runs the second half in a child on the other core. The
child inherits everything this process built (copy on write), so it does exactly what this
process would do; any failure in the child only means the caller does the work itself.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import struct
from collections.abc import Callable
from typing import Any, NoReturn

_HEADER = struct.Struct("<Q")
_FAILED = "apismith-forked-child-failed"


class ChildFailed(Exception):
    """The child did not deliver: the caller does the work itself."""


class Forked:
    """`work(send)` runs in a forked child; each `send(value)` is one `receive()` here."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid: int | None = pid
        self._fd = fd
        self._file = os.fdopen(fd, "rb")

    @classmethod
    def start(cls, work: Callable[[Callable[[Any], None]], None]) -> Forked | None:
        """None where fork is unavailable or turned off (APISMITH_NO_FORK)."""
        if not hasattr(os, "fork") or os.environ.get("APISMITH_NO_FORK"):
            return None
        read_fd, write_fd = os.pipe()
        gc.freeze()  # the child's collector must not touch (and so copy) the parent's pages
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            return None
        finally:
            gc.unfreeze()
        if pid == 0:
            os.close(read_fd)
            _child_main(work, write_fd)
        os.close(write_fd)
        return cls(pid, read_fd)

    def receive(self) -> Any:
        """The next value the child sent; ChildFailed if it failed or sent nothing more."""
        header = self._file.read(_HEADER.size)
        if len(header) != _HEADER.size:
            raise ChildFailed("the child ended early")
        (size,) = _HEADER.unpack(header)
        payload = self._file.read(size)
        if len(payload) != size:
            raise ChildFailed("the child ended early")
        value = pickle.loads(payload)
        if isinstance(value, str) and value == _FAILED:
            raise ChildFailed("the child failed")
        return value

    def close(self, stop: bool = False) -> None:
        """Reap the child; `stop`: its results are no longer wanted, kill it first."""
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        self._file.close()  # a child still writing gets EPIPE and leaves
        try:
            if stop:
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass


def _child_main(work: Callable[[Callable[[Any], None]], None], fd: int) -> NoReturn:
    status = 0
    try:
        gc.disable()  # short-lived: reference counting frees what it allocates
        out = os.fdopen(fd, "wb")

        def send(value: Any) -> None:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            out.write(_HEADER.pack(len(payload)))
            out.write(payload)
            out.flush()

        try:
            work(send)
        except BaseException:
            status = 1
            send(_FAILED)
        out.close()
    except BaseException:
        status = 1
    finally:
        os._exit(status)
