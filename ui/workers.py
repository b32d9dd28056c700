"""Background work on QThreadPool: a worker runs a function off the GUI thread and reports
progress, result, error or cancellation by signal. No worker touches a widget."""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal


class WorkerSignals(QObject):
    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # the function's result
    failed = Signal(object)  # the exception
    cancelled = Signal()


class Worker:
    """Runs ``fn(progress=..., cancelled=...)`` on the thread pool; ``fn`` opens its own
    session. ``fn`` raises to report failure; if it raises after ``cancel()``, the worker
    reports ``cancelled`` instead.

    Deliberately not a QRunnable subclass: the pool still reads a runnable after run()
    returns (its autoDelete flag), so a Python-owned runnable whose last reference the
    GUI thread drops in a slot at that moment would be freed under the pool's feet.
    Handing the pool a plain callable lets Qt own the runnable; the pool keeps a
    reference to the callable (and so to this object and its signals) until it has run.
    """

    def __init__(self, fn: Callable[..., Any], parent: QObject | None) -> None:
        """``parent``: the GUI-thread object the signals belong to (they go with it). None:
        work that may outlive whoever started it (a page deleted while its count runs) --
        the signals then belong to the application and go once one of the last three
        (finished, failed, cancelled) has been delivered; Qt drops the connections to a
        receiver deleted meanwhile."""
        self.fn = fn
        # Owned by a GUI-thread object, deleted by Qt there. Without an owner, the last
        # Python reference -- possibly dropped by the pool thread when run() ends -- would
        # delete a GUI-thread object from another thread while its queued signals are
        # still being delivered.
        self.signals = WorkerSignals(parent or QCoreApplication.instance())
        self._owned = parent is not None
        self._cancel = threading.Event()
        self.result: Any = None

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        with contextlib.suppress(RuntimeError):  # the owner (and its signals) went meanwhile
            self._run()

    def _run(self) -> None:
        signals = self.signals
        try:
            result = self.fn(progress=signals.progress.emit, cancelled=self.is_cancelled)
        except BaseException as exc:  # reported to the GUI thread, never swallowed
            if self._cancel.is_set():
                signals.cancelled.emit()
            else:
                exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
                signals.failed.emit(exc)
            return
        if self._cancel.is_set():
            signals.cancelled.emit()
        else:
            # kept here too, for a slot that gets None: once in a full test run (PySide
            # 6.11) a count's queued result came through as None, not reproduced since
            self.result = result
            signals.finished.emit(result)

    def start(self, pool: QThreadPool | None = None) -> None:
        if not self._owned:  # after the caller's slots: their queued calls come first
            for done in (self.signals.finished, self.signals.failed, self.signals.cancelled):
                done.connect(self.signals.deleteLater)
        (pool or QThreadPool.globalInstance()).start(self.run)


_OWN_POOLS: dict[str, QThreadPool] = {}


def _own_pool(name: str) -> QThreadPool:
    """A pool of one thread for one kind of work; owned by the application, waited for
    at shutdown (ui.app.shutdown_qt, through own_pools)."""
    pool = _OWN_POOLS.get(name)
    if pool is None:
        pool = _OWN_POOLS[name] = QThreadPool(QCoreApplication.instance())
        pool.setMaxThreadCount(1)
    return pool


def figures_pool() -> QThreadPool:
    """The pool the screens' figures are read on (see Refresher)."""
    return _own_pool("figures")


def door_pool() -> QThreadPool:
    """The door's counters' own thread: never queued behind an export, an allocation or a
    screen's figures (the shared pool has as many threads as cores, two on a desk laptop)."""
    return _own_pool("door")


def own_pools() -> tuple[QThreadPool, ...]:
    """The application's own pools made so far, besides the shared one."""
    return tuple(_OWN_POOLS.values())


class Refresher(QObject):
    """Recomputes one screen's figures off the GUI thread: ``request()`` runs ``compute()``
    on the pool and hands its result to ``apply`` on the GUI thread. One run at a time; a
    request while one runs starts one more when it is back, so the screen ends on the
    newest data however many changes came meanwhile. A failure goes to ``failed`` and
    leaves the screen as it was."""

    applied = Signal()  # after apply(result): the screen shows the newest run's figures

    def __init__(
        self,
        compute: Callable[[], Any],
        apply: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        parent: QObject,
    ) -> None:
        """The reads run on a pool of their own (``figures_pool``): a slow overview never
        makes the door's counters, a connection or an export wait for a thread."""
        super().__init__(parent)
        self._compute = compute
        self._apply = apply
        self._failed = failed
        self._running: Worker | None = None
        self._again = False

    def busy(self) -> bool:
        return self._running is not None or self._again

    def request(self) -> None:
        if self._running is not None:
            self._again = True
            return
        self._again = False
        compute = self._compute
        self._running = Worker(lambda progress=None, cancelled=None: compute(), self)
        self._running.signals.finished.connect(self._done)
        self._running.signals.failed.connect(self._fail)
        self._running.start(figures_pool())

    def _done(self, result: Any) -> None:
        worker, self._running = self._running, None
        if result is None and worker is not None:
            result = worker.result  # see Worker._run
        # painted even when a newer run follows: under a steady stream of changes the
        # screen still moves on, one run behind at most
        self._apply(result)
        if self._again:
            self.request()
        else:
            self.applied.emit()

    def _fail(self, exc: BaseException) -> None:
        self._running = None
        self._failed(exc)
        if self._again:
            self.request()
