"""Writing a file all or nothing: into a hidden part file beside it, flushed to disk, then
renamed over the target -- an error or a cancel leaves no file (and an older one as it
was)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..errors import Cancelled, ExportFailed


def write_atomically(
    target: Path, write: Callable[[BinaryIO], None], cancelled: Callable[[], bool] | None = None
) -> None:
    """``write(out)`` into ``target``; raises ExportFailed (the reason in words) or
    Cancelled, leaving nothing behind."""
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
    except OSError as exc:
        raise ExportFailed(path=target, reason=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        if cancelled and cancelled():
            raise Cancelled()
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise ExportFailed(path=target, reason=exc.strerror or str(exc)) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
