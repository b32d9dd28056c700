"""One change signal for every screen (see regdesk.desks.changes).

``LiveData`` runs the core watcher of the window's database on its thread and hands what
it reports to the GUI thread: a timer drains it and emits ``changed(topics)`` -- topics
are table names, or ``ALL`` -- at most ten times a second, folding bursts into one.
The window's own actions arrive the same way (their commits change the database), and
``touch()`` lets a screen say so at once.

``Follower`` is how a screen listens: it refreshes the screen when a change concerns it
and the screen is visible; a hidden screen is only marked, and refreshed when it is
shown again. The screen's refresh keeps the user's selection and scroll position.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QWidget
from sqlalchemy.exc import DBAPIError

from regdesk.db import Database
from regdesk.desks.changes import ALL, ChangeWatcher, touches
from regdesk.errors import RegdeskError

DRAIN_MS = 100


@contextlib.contextmanager
def kept_position(*views: QAbstractScrollArea) -> Iterator[None]:
    """Whatever the block reloads, the views stay scrolled where the user left them."""
    bars = [b for v in views for b in (v.verticalScrollBar(), v.horizontalScrollBar())]
    values = [b.value() for b in bars]
    yield
    for bar, value in zip(bars, values, strict=True):
        bar.setValue(min(value, bar.maximum()))


class LiveData(QObject):
    changed = Signal(object)  # frozenset of table names, or ALL
    server_state = Signal(bool, object)  # the server answers; since when it does not

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._lock = threading.Lock()
        self._topics: set[str] = set()
        self._state: tuple[bool, datetime | None] | None = None
        self.server_up = True
        self.down_since: datetime | None = None
        url = db.engine.url.render_as_string(hide_password=False)
        self._watcher = ChangeWatcher(url, self._from_thread, self._state_from_thread)
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_MS)
        self._timer.timeout.connect(self._drain)

    def start(self) -> None:
        self._watcher.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._watcher.stop()

    def touch(self, *tables: str) -> None:
        """This window changed ``tables`` (none: anything): tell every screen now."""
        self.changed.emit(frozenset(tables) if tables else ALL)

    # --- from the watcher's thread: only stored here, emitted on the GUI thread ----------

    def _from_thread(self, topics: frozenset[str]) -> None:
        with self._lock:
            self._topics |= topics

    def _state_from_thread(self, up: bool, since: datetime | None) -> None:
        with self._lock:
            self._state = (up, since)

    def _drain(self) -> None:
        with self._lock:
            topics, self._topics = frozenset(self._topics), set()
            state, self._state = self._state, None
        if state is not None and state[0] != self.server_up:
            self.server_up, self.down_since = state
            self.server_state.emit(*state)
        if topics:
            self.changed.emit(ALL if "*" in topics else topics)


class Follower(QObject):
    """Refreshes ``widget`` through ``refresh(topics)`` when a change touches ``tables``
    (empty: any change) -- at once if it is visible, else when it is shown next."""

    def __init__(
        self,
        widget: QWidget,
        live: LiveData | None,
        refresh: Callable[[frozenset[str]], None],
        tables: Iterable[str] = (),
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.refresh = refresh
        self.tables = tuple(tables)
        self._missed: set[str] = set()
        widget.installEventFilter(self)
        if live is not None:
            live.changed.connect(self.on_changed)

    def on_changed(self, topics: frozenset[str]) -> None:
        if self.tables and not touches(topics, *self.tables):
            return
        if self.widget.isVisible():
            self._refresh(topics)
        else:
            self._missed |= topics

    def _refresh(self, topics: frozenset[str]) -> None:
        """A database that does not answer leaves the screen as it was, to be refreshed
        when it answers again (the watcher then reports everything)."""
        try:
            self.refresh(topics)
        except (DBAPIError, RegdeskError):
            self._missed |= topics

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # (the Python side may already be gone while Qt still delivers a widget's last events)
        if getattr(self, "widget", None) is None or event.type() != QEvent.Type.Show:
            return False
        if watched is self.widget and self._missed:
            topics, self._missed = frozenset(self._missed), set()
            self._refresh(ALL if "*" in topics else topics)
        return False
