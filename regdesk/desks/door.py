"""One desk at the door, online against the shared server and on when the network drops.

``DoorDesk.scan`` decides on the server when it answers (within ~2 s). When it does not,
the desk switches to offline -- and says so, ``online`` is False -- and decides the same
scan, with the same nonce, from its replica (regdesk.desks.replica), writing it to the
outbox in the same local transaction before the verdict is returned. A background thread
keeps the replica current from the change signal while online, probes the server while
offline, and on reconnect uploads the outbox in order (each nonce recorded once on the
server, see services.offline_scans) before the desk switches back online by itself.

On a SQLite file there is no server to lose, but another program may hold the file's
write lock for long (an import). The desk then decides within about a second through
the file's journal (regdesk.desks.journal), which the next scan or the desk's background
flush writes into the file; a database that does not answer at all (the journal locked
past its timeout, the file gone) is ``ScanNotChecked`` -- never a verdict.
"""

from __future__ import annotations

import hashlib
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError

from ..db import Database, data_dir, display_url, first_line, is_busy
from ..errors import DeskNotReady, RegdeskError, ScanNotChecked
from ..models import Scan, utcnow
from ..services import checkin as svc
from ..services.offline_scans import Outcome, UploadedScan, record_uploaded
from .changes import ChangeWatcher, touches
from .journal import CHUNK, WAIT_S, Journal, attach_to, checkpoint
from .replica import PENDING, REFUSED, SENT, OutboxRow, Replica

TIMEOUT_S = 2.0
LOOP_S = 0.5
PROBE_S = 2.0  # while offline, the server is tried this often
REFRESH_MIN_S = 15.0  # a full copy of the guest list at most this often
HELD_S = 2.0  # a SQLite file found locked is tried without waiting for this long
CHECKPOINT_S = 5.0  # the WAL copied back by the desk's background thread this often
FLUSH_PAUSE_S = 0.1  # between two parts of the journal written into the file
_GONE = (OperationalError, InterfaceError)


def replica_path(db: Database, event_id: int, desk: str) -> Path:
    """One replica per server, event and desk name (two desks may share a computer)."""
    key = f"{display_url(db.info.url)}|{event_id}|{desk}"
    key = hashlib.sha256(key.encode()).hexdigest()[:16]
    return data_dir() / "desks" / f"replica-{key}.sqlite3"


@dataclass(frozen=True)
class DeskState:
    shared: bool  # on a server (may go offline) rather than a local file
    online: bool
    offline_since: datetime | None
    pending: int  # offline scans not yet uploaded
    refused: int  # uploads the server refused (kept, with its reason)
    replica_ready: bool


@dataclass(frozen=True)
class UploadReport:
    recorded: int = 0
    duplicates: int = 0
    conflicts: int = 0
    refused: int = 0


class DoorDesk:
    def __init__(
        self,
        db: Database,
        event_id: int,
        desk: str,
        *,
        replica: Path | None = None,
        timeout_s: float = TIMEOUT_S,
    ) -> None:
        self.event_id = event_id
        self.desk = desk
        self.shared = db.info.backend == "postgresql"
        self.server = db.fast_failing(timeout_s if self.shared else min(timeout_s, WAIT_S))
        self._owns_server = self.server is not db
        self.journal: Journal | None = None
        self._at_once: Database | None = None  # the file without waiting for its lock
        self._held_until = 0.0  # till then, the file is taken as still held by a writer
        self._journal_used = False  # the journal may hold scans not yet in the file
        if not self.shared and self._owns_server and db.info.path is not None:
            self.journal = Journal(db)
            attach_to(self.server.engine, self.journal.path)
            self._at_once = db.fast_failing(0.0)
            attach_to(self._at_once.engine, self.journal.path)
        self.replica: Replica | None = None
        if self.shared:
            path = replica or replica_path(db, event_id, desk)
            path.parent.mkdir(parents=True, exist_ok=True)
            self.replica = Replica(path, event_id)
        self.online = True
        self.offline_since: datetime | None = None
        self._lock = threading.RLock()  # the mode switch against a scan deciding offline
        self._deciding = threading.Lock()  # a scan against a part of the journal's flush
        self._sync_lock = threading.Lock()  # one upload or refresh at a time
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._watcher: ChangeWatcher | None = None
        self._remember: queue.SimpleQueue = queue.SimpleQueue()
        self._dirty_all = True
        self._dirty_scans = True
        self._last_refresh = 0.0
        self._last_probe = 0.0
        self.timeout_s = timeout_s
        # two: a call stuck on a frozen server leaves one for the probe
        self._server_calls = ThreadPoolExecutor(max_workers=2, thread_name_prefix="regdesk-srv")

    # --- life -------------------------------------------------------------------------------

    def start(self, *, fill: bool = False) -> None:
        """Run the background work (replica, probing, upload). ``fill``: copy the guest
        list now, before returning, where the server answers."""
        if self._thread is not None:
            return
        if not self.shared:
            if self.journal is not None:  # what a locked file left in the journal
                self._thread = threading.Thread(
                    target=self._flush_loop, name="regdesk-journal", daemon=True
                )
                self._thread.start()
            return
        if fill:
            self.sync()
        url = self.server.engine.url.render_as_string(hide_password=False)
        self._watcher = ChangeWatcher(url, self._changed, self._server_state)
        self._watcher.start()
        self._thread = threading.Thread(target=self._loop, name="regdesk-desk", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._server_calls.shutdown(wait=False, cancel_futures=True)
        if self._watcher is not None:
            self._watcher.stop()
        if self._thread is not None:
            self._thread.join(timeout=10)
        if self.replica is not None:
            self.replica.close()
        if self.journal is not None:
            self.journal.close()
        if self._owns_server:
            self.server.close()
        if self._at_once is not None:
            self._at_once.close()

    def drain(self, timeout_s: float) -> int:
        """Try to upload the outbox (write the journal into the file) for up to
        ``timeout_s``; the scans still waiting."""
        if self.journal is None and self.replica is None:
            return 0
        deadline = time.monotonic() + timeout_s
        while True:
            if self.journal is not None:
                left = self.flush_journal()
            else:
                self.sync()
                left = self.replica.pending_count()
            if not left or time.monotonic() >= deadline:
                return left
            self._stop.wait(LOOP_S)

    def state(self) -> DeskState:
        if self.replica is None:
            return DeskState(False, True, None, 0, 0, False)
        counts = self.replica.outbox_counts()
        return DeskState(
            True,
            self.online,
            self.offline_since,
            counts.get(PENDING, 0),
            counts.get(REFUSED, 0),
            self.replica.ready,
        )

    def reading_db(self) -> Database | None:
        """Where the door's counters and lists are read: the server while it answers (through
        the fast-failing engine), else the replica (None before it was ever filled); on a
        SQLite file, the file and its journal together while the journal holds scans."""
        if self.journal is not None and self._journal_used:
            return self.journal.reading
        if self.online or self.replica is None:
            return self.server
        return self.replica.db if self.replica.ready else None

    def outbox(self) -> list[OutboxRow]:
        return self.replica.outbox_rows() if self.replica is not None else []

    # --- scanning ---------------------------------------------------------------------------

    def scan(self, raw: str, context: svc.ScanContext) -> svc.ScanResult:
        """A verdict that was committed -- on the server, or in the outbox here."""
        nonce = svc.new_nonce()

        def decide(session, offline: bool, log=None) -> list[tuple[svc.ScanResult, str]]:
            result = svc.scan(
                session, self.event_id, raw, desk=self.desk, context=context, nonce=nonce,
                offline=offline, log=log,
            )  # fmt: skip
            return [(result, raw)]

        return self._decide(decide, context, journal=True)[0]

    def admit_people(
        self, participant_ids: list[int], context: svc.ScanContext, *, group_id: int | None = None
    ) -> list[svc.ScanResult]:
        """Several guests in one transaction (a group, a selection): committed on the
        server, or together in the outbox here."""
        nonces = {pid: svc.new_nonce() for pid in participant_ids}  # the same if retried

        def decide(session, offline: bool) -> list[tuple[svc.ScanResult, str]]:
            results = svc.admit_people(
                session, self.event_id, participant_ids, desk=self.desk, context=context,
                group_id=group_id, offline=offline, nonces=nonces,
            )  # fmt: skip
            return [(r, r.person.short_code if r.person else "") for r in results]

        return self._decide(decide, context)

    def _decide(
        self, decide, context: svc.ScanContext, *, journal: bool = False
    ) -> list[svc.ScanResult]:
        """``decide(session, offline[, log])`` -> [(result, what was scanned)] on the server,
        or on the replica while the server is gone (each result then goes into the
        outbox); on a SQLite file held by another writer, through its journal when
        ``journal`` (``decide`` takes ``log`` then)."""
        if self.shared and not self.online:
            return self._decide_offline(decide, context)

        if self.journal is not None:
            with self._deciding:  # not between two parts of this desk's own flush
                return self._decide_on(decide, context, journal)
        return self._decide_on(decide, context, journal)

    def _decide_on(self, decide, context, journal: bool) -> list[svc.ScanResult]:
        # a writer that held the file a moment ago (an import) most likely still does:
        # try its lock without waiting, and decide through the journal at once if it is
        held = journal and self._at_once is not None and time.monotonic() < self._held_until
        target = self._at_once if held else self.server

        def online() -> list[tuple[svc.ScanResult, str]] | None:
            with target.session() as session:
                if self.journal is not None:
                    waiting = Journal.waiting(session.connection())
                    if waiting:  # what was decided meanwhile goes in first
                        Journal.write_into(session)
                        if waiting > CHUNK:
                            return None  # a part went in; the rest waits in the journal
                return decide(session, False)

        try:
            results = self._on_server(online) if self.shared else online()
            if results is None:
                return self._decide_in_journal(decide)
        except (*_GONE, FutureTimeout) as exc:
            if not self.shared:
                if journal and self.journal is not None and is_busy(exc):
                    self._held_until = time.monotonic() + HELD_S
                    return self._decide_in_journal(decide)
                raise ScanNotChecked(reason=_reason(exc)) from exc
            self._went_offline()
            return self._decide_offline(decide, context)
        except DBAPIError as exc:  # anything else the database said: not a verdict
            raise ScanNotChecked(reason=_reason(exc)) from exc
        if self.shared:
            for result, raw in results:
                self._remember.put((result, raw, context.direction))
        return [result for result, _raw in results]

    def _decide_in_journal(self, decide) -> list[svc.ScanResult]:
        assert self.journal is not None
        self._journal_used = True
        try:
            with self.journal.deciding() as session:
                results = decide(session, False, log=Journal.log)
        except DBAPIError as exc:  # the journal, too, did not answer in time
            raise ScanNotChecked(reason=_reason(exc)) from exc
        return [result for result, _raw in results]

    def flush_journal(self) -> int:
        """Write the journal's scans into the file if its lock is free; those still
        waiting (0 where there is no journal)."""
        if self.journal is None:
            return 0
        left = 1
        try:
            with self.server.session(write=False) as session:
                left = Journal.waiting(session.connection())
            # without waiting for the file's lock: a scan must never wait behind this
            writer = self._at_once or self.server
            while left > 0 and not self._stop.is_set():
                with self._deciding, writer.session() as session:
                    Journal.write_into(session)
                    left = Journal.waiting(session.connection())  # also another desk's
                # a scan waiting for the locks, here or at another desk, gets them between
                # two parts (SQLite's busy handler sleeps up to 100 ms at a time)
                self._stop.wait(FLUSH_PAUSE_S)
        except DBAPIError:  # still locked (or gone): the next round tries again
            pass
        # while any desk's scans wait in the journal, the counters read it too
        self._journal_used = left > 0
        return left

    def _flush_loop(self) -> None:
        last_checkpoint = time.monotonic()
        while not self._stop.wait(LOOP_S):
            try:
                self.flush_journal()
                if time.monotonic() - last_checkpoint >= CHECKPOINT_S:
                    last_checkpoint = time.monotonic()
                    checkpoint(self.server.engine)
            except Exception:  # never let the background die; the next round tries again
                continue

    def _decide_offline(self, decide, context: svc.ScanContext) -> list[svc.ScanResult]:
        assert self.replica is not None
        if not self.replica.ready:
            raise DeskNotReady(reason=self._why_offline())
        with self._lock:
            try:
                self._write_remembered()  # this desk's last online scans count here too
                with self.replica.db.session() as session:
                    results = decide(session, True)
                    for result, raw in results:
                        Replica.add_to_outbox(
                            session.connection(), self.event_id, result, raw, context.direction
                        )
            except DBAPIError as exc:
                raise ScanNotChecked(reason=_reason(exc)) from exc
        return [result for result, _raw in results]

    def _on_server(self, call):
        """``call()`` on a thread of its own, given up after the timeout: a server that
        froze (or a network that keeps the connection open and answers nothing) costs the
        guest at most that long. A call given up may still finish later -- its scan then
        has the same nonce as the offline one, and the server keeps one of the two."""
        return self._server_calls.submit(call).result(timeout=self.timeout_s)

    def _probe(self) -> None:
        with self.server.session(write=False) as session:
            session.execute(select(1))

    def _why_offline(self) -> str:
        since = self.offline_since
        return f"offline since {since.astimezone():%H:%M:%S}" if since else "offline"

    # --- online / offline -------------------------------------------------------------------

    def _went_offline(self) -> None:
        with self._lock:
            if not self.online:
                return
            self.online = False
            self.offline_since = utcnow()
        self._last_probe = 0.0

    def _server_state(self, up: bool, _since) -> None:
        if not up:
            self._went_offline()

    def _changed(self, topics: frozenset[str]) -> None:
        if touches(topics, "scan"):
            self._dirty_scans = True
        if topics - {"scan"}:
            self._dirty_all = True

    def _loop(self) -> None:
        while not self._stop.wait(LOOP_S):
            if not self.online:
                if time.monotonic() - self._last_probe < PROBE_S:
                    continue
                self._last_probe = time.monotonic()
                try:  # does the server answer at all, in time?
                    self._on_server(self._probe)
                except Exception:
                    continue
            try:
                self.sync()
            except Exception:  # never let the background die; the next round tries again
                continue

    def sync(self) -> UploadReport:
        """Upload the outbox, come back online when that is done, keep the replica current.
        Safe to call from any thread; one sync runs at a time."""
        if self.replica is None:
            return UploadReport()
        with self._sync_lock:
            try:
                self._write_remembered()
                report = self._upload()
                if not self.online:
                    with self._lock:
                        if self.replica.pending_count() == 0:
                            self.online = True
                            self.offline_since = None
                            self._dirty_all = True
                if self.online:
                    due = time.monotonic() - self._last_refresh >= REFRESH_MIN_S
                    if not self.replica.ready or (self._dirty_all and due):
                        self._dirty_all = self._dirty_scans = False
                        self.replica.refresh(self.server)
                        self._last_refresh = time.monotonic()
                    elif self._dirty_scans:
                        self._dirty_scans = False
                        self.replica.pull_scans(self.server)
                return report
            except _GONE:
                self._went_offline()
                return UploadReport()

    def _upload(self) -> UploadReport:
        counts = {"recorded": 0, "duplicates": 0, "conflicts": 0, "refused": 0}
        assert self.replica is not None
        while True:
            rows = self.replica.outbox_rows(PENDING)
            if not rows:
                break
            for row in rows:
                upload = UploadedScan(
                    row.nonce, row.at, row.desk, row.raw, row.verdict, row.direction,
                    row.participant_id, row.day_id, row.item_id, row.override_reason,
                )  # fmt: skip
                try:
                    with self.server.session() as session:
                        outcome = record_uploaded(session, self.event_id, upload)
                except _GONE:
                    raise
                except (RegdeskError, IntegrityError) as exc:
                    self.replica.mark(row.seq, REFUSED, reason=_reason(exc))
                    counts["refused"] += 1
                    continue
                self.replica.mark(row.seq, SENT, outcome.value)
                key = {Outcome.RECORDED: "recorded", Outcome.DUPLICATE: "duplicates",
                       Outcome.CONFLICT: "conflicts"}[outcome]  # fmt: skip
                counts[key] += 1
                if outcome == Outcome.CONFLICT:
                    counts["recorded"] += 1
        return UploadReport(**counts)

    def _write_remembered(self) -> None:
        """Scans decided on the server, copied here at once so that an outage right after
        them still knows them."""
        assert self.replica is not None
        values = []
        while True:
            try:
                result, raw, direction = self._remember.get_nowait()
            except queue.Empty:
                break
            values.append(
                {
                    "event_id": self.event_id, "at": result.at, "desk": result.desk[:60],
                    "raw": (raw or "")[:200], "verdict": result.verdict, "direction": direction,
                    "participant_id": result.person.id if result.person else None,
                    "day_id": result.day_id, "item_id": result.item_id, "undone_by": "",
                    "nonce": result.nonce, "offline": False,
                    "override_reason": result.override_reason,
                }
            )  # fmt: skip
        if values and self.replica.ready:
            with self.replica.db.session() as session:
                session.execute(insert(Scan).prefix_with("OR IGNORE"), values)


def _reason(exc: BaseException) -> str:
    return exc.message() if isinstance(exc, RegdeskError) else first_line(exc)
