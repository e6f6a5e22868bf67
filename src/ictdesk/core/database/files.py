"""Opening, creating, inspecting and upgrading ictdesk database files."""

from __future__ import annotations

import contextlib
import datetime
import os
import sqlite3
import tempfile
import threading
from pathlib import Path

from ictdesk.core.database.connection import Connection
from ictdesk.core.database.journals import set_aside_stray
from ictdesk.core.database.migrations import ONLY_INDEXES, migrations
from ictdesk.core.errors import (
    CheckStopped,
    DatabaseTooNew,
    DatabaseUnavailable,
    NotAnIctdeskDatabase,
    StrayJournal,
)
from ictdesk.core.filesystem import is_network_path, write_obstacle

APPLICATION_ID = 0x49435444  # "ICTD": marks a SQLite file as an ictdesk database
SQLITE_HEADER = b"SQLite format 3\x00"
WAL_FILES = ("-wal", "-shm")


def _database(target) -> Connection:
    """The store's connection to ``target`` (a path, or an open ``sqlite3`` connection)."""
    return Connection(target) if isinstance(target, sqlite3.Connection) else Connection.open(target)


def _configure(conn: sqlite3.Connection, *, wal: bool = True) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a value the UI reported saved survives a power cut, also in WAL mode.
    conn.execute("PRAGMA synchronous = FULL")


# SQLite's result codes that say the file could not be read now, not that it is damaged:
# BUSY, LOCKED (another program holds it), PERM, READONLY, IOERR, FULL, CANTOPEN.
_NOT_DAMAGE = {5, 6, 3, 8, 10, 13, 14}


def _base_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _unavailable(path: Path, exc: sqlite3.Error) -> DatabaseUnavailable:
    """Why ``path`` could not be read now, in the user's words."""
    code = _base_code(exc)
    if code in (5, 6):
        return DatabaseUnavailable(
            f"{path.name} is locked by another program; close it there and try again ({exc})",
            vi=f"Tệp {path.name} đang bị một chương trình khác khóa; hãy đóng chương trình đó"
            " rồi thử lại.",
        )
    if code == 13 or write_obstacle(path) == "full":
        return DatabaseUnavailable(
            f"the disk holding {path.name} is full ({exc})",
            vi=f"Ổ đĩa chứa tệp {path.name} đã đầy.",
        )
    if write_obstacle(path) == "read-only":
        return DatabaseUnavailable(
            f"{path.name} was not closed properly and lies in a folder ictdesk cannot write"
            f" ({exc}); copy the folder to a writable disk and open the copy",
            vi=f"Tệp {path.name} chưa được đóng đúng cách và nằm trong thư mục không ghi được;"
            " hãy chép thư mục sang ổ đĩa ghi được rồi mở bản chép.",
        )
    return DatabaseUnavailable(
        f"cannot open {path}: {exc}", vi=f"Không mở được tệp {path.name}: {exc}"
    )


def _read_only_uri(path: Path, lock: bool = True) -> str:
    """The URI that reads ``path`` without writing a byte. ``immutable=1`` (no locks, no
    -shm) when nothing else can write it and its log holds nothing: no log (``lock`` False),
    or a folder that cannot be written (read-only media, a full disk), where SQLite could not
    make the -shm a read needs."""
    wal = path.with_name(path.name + "-wal")
    clean = not wal.exists() or wal.stat().st_size == 0
    immutable = clean and (not lock or write_obstacle(path) is not None)
    mode = "mode=ro&immutable=1" if immutable else "mode=ro"
    return f"{path.resolve().as_uri()}?{mode}"


CHECKED_KEY = "last_integrity_check"  # settings key: the day PRAGMA quick_check last passed


class CheckStop:
    """Stops a full check from another thread (a window closing): :meth:`stop` interrupts
    its connection at once, or the check as soon as it starts."""

    def __init__(self):
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self.stopped = False

    def stop(self) -> None:
        with self._lock:
            self.stopped = True
            if self._conn is not None:
                self._conn.interrupt()  # the one call sqlite3 allows from another thread

    def first_value(self, conn: sqlite3.Connection, sql: str, name: str):
        """The first value of ``sql`` on ``conn``, which :meth:`stop` may interrupt; raises
        :class:`CheckStopped` once stopped, before, during or just after the statement (an
        interrupt with nothing running is lost, so :attr:`stopped` is asked on both sides)."""
        with self._lock:
            self._conn = conn
        try:
            if not self.stopped:
                value = conn.execute(sql).fetchone()[0]
        except sqlite3.OperationalError:
            if not self.stopped:
                raise
        finally:
            with self._lock:
                self._conn = None
        if self.stopped:
            raise CheckStopped(
                f"the check of {name} was stopped", vi=f"Đã dừng kiểm tra tệp {name}"
            )
        return value


def inspect_file(path: Path, full: bool | None = None, stop: CheckStop | None = None) -> bool:
    """Check, without writing a byte, that ``path`` is an ictdesk database this version reads.

    Header, size, application id and schema are always checked. ``PRAGMA quick_check``
    (which reads the whole file: seconds for a national database) runs when ``full`` is True,
    or, by default, when the file was not closed cleanly (a write-ahead log is left) or was
    not checked yet today. Returns whether the full check ran.

    ``stop``: another thread may end the full check with it at once (:class:`CheckStopped`):
    a window closing need not wait the seconds a national file takes.

    Raises :class:`DatabaseUnavailable`, :class:`NotAnIctdeskDatabase`,
    :class:`DatabaseTooNew` or :class:`CheckStopped`.
    """
    return _inspect(Path(path), full, run_full=True, stop=stop)[0]


def _sound_without_log(path: Path) -> bool:
    """Whether ``path`` read alone, its log ignored (``immutable=1``), passes the check."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            return conn.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def full_check_due(path: Path) -> bool:
    """Whether opening ``path`` now would run the full check (see :func:`inspect_file`).

    The quick checks run (and raise) as in :func:`inspect_file`; the full one does not, so a
    window can run it in the background first and then open with ``checked=True``.
    """
    return _inspect(Path(path), None, run_full=False)[0]


def upgrade_due(path: Path) -> bool:
    """Whether opening ``path`` for writing would migrate it to this version's schema first
    (seconds for a national database; see :func:`upgrade_database`). Reads without writing."""
    return _inspect(Path(path), False, run_full=False)[1]


def _inspect(
    path: Path, full: bool | None, run_full: bool, stop: CheckStop | None = None
) -> tuple[bool, bool]:
    """Whether the full check is (or was) due, and whether migrations are pending."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except FileNotFoundError:
        raise DatabaseUnavailable(
            f"file not found: {path}", vi=f"Không tìm thấy tệp {path}"
        ) from None
    except OSError as exc:
        raise DatabaseUnavailable(
            f"cannot read {path}: {exc.strerror}",
            vi=f"Không đọc được tệp {path.name} ({exc.strerror})",
        ) from None
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER or len(header) < 100:
        raise NotAnIctdeskDatabase(
            f"not an ictdesk database (not SQLite): {path}",
            vi=f"Tệp {path.name} không phải cơ sở dữ liệu ictdesk.",
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    wal = path.with_name(path.name + "-wal")
    if size < page_size * page_count and not wal.exists():
        raise NotAnIctdeskDatabase(
            f"the database file is truncated (damaged): {path}",
            vi=f"Tệp {path.name} bị cắt cụt (hỏng): hãy khôi phục từ bản sao lưu.",
        )
    # Without a write-ahead log to read, open it immutable so not even -shm/-wal files appear.
    try:
        conn = sqlite3.connect(_read_only_uri(path, lock=wal.exists()), uri=True)
    except sqlite3.Error as exc:
        raise _unavailable(path, exc) from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAnIctdeskDatabase(
                f"not an ictdesk database: {path}",
                vi=f"Tệp {path.name} không phải cơ sở dữ liệu ictdesk.",
            )
        if full is None:
            checked = conn.execute(
                "SELECT value FROM settings WHERE key = ?", [CHECKED_KEY]
            ).fetchone()
            # A log with frames in it means the last writer did not close; an empty one is
            # what a read-only reader leaves behind (it may not remove it) and holds nothing.
            unclean = wal.exists() and wal.stat().st_size > 0
            full = unclean or not checked or checked[0] != datetime.date.today().isoformat()
        if full and run_full:
            damage = (stop or CheckStop()).first_value(conn, "PRAGMA quick_check(1)", path.name)
            if damage != "ok" and unclean_close(path) and _sound_without_log(path):
                raise StrayJournal(
                    f"the write-ahead log beside {path.name} damages it, and the file alone is"
                    f" sound: the log is another file's ({damage})",
                    vi=f"Tệp nhật ký bên cạnh {path.name} làm hỏng nó, còn tệp thì lành: nhật ký"
                    " đó là của một tệp khác.",
                )
            if damage != "ok":
                raise NotAnIctdeskDatabase(
                    f"the database file is damaged ({damage}): {path}",
                    vi=f"Tệp {path.name} bị hỏng ({damage}): hãy khôi phục từ bản sao lưu.",
                )
        applied = {
            row[0]
            for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [migrations.name]
            )
        }
    except sqlite3.DatabaseError as exc:
        if _base_code(exc) in _NOT_DAMAGE:  # locked by another program, no room, no access
            raise _unavailable(path, exc) from None
        if unclean_close(path) and _sound_without_log(path):
            raise StrayJournal(
                f"the write-ahead log beside {path.name} damages it, and the file alone is"
                f" sound: the log is another file's ({exc})",
                vi=f"Tệp nhật ký bên cạnh {path.name} làm hỏng nó, còn tệp thì lành: nhật ký"
                " đó là của một tệp khác.",
            ) from None
        raise NotAnIctdeskDatabase(
            f"not a readable ictdesk database ({exc}): {path}",
            vi=f"Không đọc được tệp {path.name} như một cơ sở dữ liệu ictdesk ({exc}).",
        ) from None
    finally:
        conn.close()
    known = set(migrations.names)
    unknown = applied - known
    if unknown:
        raise DatabaseTooNew(
            f"{path} was written by a newer ictdesk (schema {sorted(unknown)[-1]}); update ictdesk",
            vi=f"Tệp {path.name} do một phiên bản ictdesk mới hơn ghi: hãy cập nhật ictdesk.",
        )
    return full, bool(known - applied)


def open_database(
    path: str | os.PathLike,
    read_only: bool = False,
    checked: bool = False,
    check_later: bool = False,
) -> Connection:
    """Open an existing ictdesk database, applying any pending migrations.

    ``read_only`` (or a file the user may not write) opens it without any write: no
    migration, no journal change. A file on a network share does not use WAL. ``checked``:
    the caller has just run the full check (``inspect_file(path, full=True)``);
    ``check_later``: the caller runs the daily full check itself, in the background, and
    records it (:func:`record_full_check`).
    """
    path = Path(path)
    set_aside_stray(path)
    if write_obstacle(path) is not None:
        read_only = True  # read-only media, a folder the user may not write, a full disk
    if checked or check_later:
        inspect_file(path, full=False)  # the full check ran just now, or runs meanwhile
    else:
        checked = inspect_file(path)
    if not read_only and not os.access(path, os.W_OK):
        read_only = True
    try:
        if read_only:
            try:
                conn = sqlite3.connect(_read_only_uri(path), uri=True)
            except sqlite3.Error as exc:
                raise _unavailable(path, exc) from None
            conn.isolation_level = None
            db = _database(conn)
            conn.execute("PRAGMA busy_timeout = 5000")
            if set(migrations.pending(db)) - ONLY_INDEXES:
                db.close()
                raise DatabaseUnavailable(
                    f"{path} must be upgraded before it can be read; open it once for writing",
                    vi=f"Tệp {path.name} cần được nâng cấp trước khi đọc: hãy mở nó một lần"
                    " ở chế độ ghi.",
                )
            return db
        db = _writable(path)
        if checked:
            with db.atomic():
                db.execute(
                    "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                    [CHECKED_KEY, datetime.date.today().isoformat()],
                )
    except sqlite3.OperationalError as exc:
        raise DatabaseUnavailable(
            f"cannot open {path}: {exc}", vi=f"Không mở được tệp {path.name}: {exc}"
        ) from None
    return db


def record_full_check(db: Connection) -> None:
    """Record that today's full check of the open file passed."""
    with db.atomic():
        db.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            [CHECKED_KEY, datetime.date.today().isoformat()],
        )


def unclean_close(path: Path) -> bool:
    """Whether the last writer of ``path`` did not close it (its log still holds frames)."""
    wal = Path(path).with_name(Path(path).name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def upgrade_database(path: str | os.PathLike) -> None:
    """Apply the pending migrations to ``path`` and close it (any thread: its own connection).

    The quick checks run first, as when opening; the daily full check does not.
    """
    path = Path(path)
    inspect_file(path, full=False)
    try:
        _writable(path).close()
    except sqlite3.OperationalError as exc:
        raise DatabaseUnavailable(
            f"cannot upgrade {path}: {exc}", vi=f"Không nâng cấp được tệp {path.name}: {exc}"
        ) from None


def _writable(path: Path) -> Connection:
    """A writing connection to ``path``, configured, its migrations applied."""
    db = _database(path)
    _configure(db.conn, wal=not is_network_path(path))
    if is_network_path(path):
        db.conn.execute("PRAGMA journal_mode = DELETE")
    migrations.apply(db)
    return db


def create_database(path: str | os.PathLike, settings: dict[str, str] | None = None) -> list[Path]:
    """Create a new ictdesk database at ``path``, atomically; never overwrite an existing file.

    The file is built under a temporary name in the same folder and renamed into place, so a
    failure leaves nothing behind. A ``-wal``/``-shm`` left there by an earlier file of that
    name would damage the new one: it is moved aside first; returns the names it now has.
    """
    path = Path(path)
    if path.exists():
        raise DatabaseUnavailable(f"file already exists: {path}", vi=f"Tệp {path} đã có")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DatabaseUnavailable(
            f"folder does not exist: {folder}", vi=f"Thư mục {folder} không tồn tại"
        )
    moved = set_aside_stray(path)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".ictdesk-new-", suffix=".db", dir=folder)
    except OSError as exc:
        raise DatabaseUnavailable(
            f"cannot write in {folder}: {exc.strerror}",
            vi=f"Không ghi được vào thư mục {folder} ({exc.strerror})",
        ) from None
    os.close(handle)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp_name, 0o666 & ~umask)  # mkstemp makes it private; a database is a normal file
    try:
        db = _database(temp_name)
        _configure(db.conn, wal=False)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrations.apply(db)
        if settings:
            with db.atomic():
                db.conn.executemany(
                    "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                    list(settings.items()),
                )
        db.close()
        if path.exists():
            raise DatabaseUnavailable(f"file already exists: {path}", vi=f"Tệp {path} đã có")
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    return moved
