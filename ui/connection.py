"""The shared server this computer works with, remembered per machine: the address in
QSettings, the password in the OS keyring (``keyring``), never in a settings file. And
whether this computer hosts the server, and keeps it running after regdesk ends."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from .i18n import settings

SERVICE = "regdesk"
KEY = "database/server"
HOSTED = "database/hosted"
KEEP_RUNNING = "database/keepServerRunning"


def _account(url: str) -> str:
    parsed = make_url(url)
    return f"{parsed.username}@{parsed.host}:{parsed.port}/{parsed.database}"


def remember(url: str, *, hosted: bool = False) -> bool:
    """Remember ``url``; False when the password could not be stored (no keyring here):
    then it is asked for again on the next start."""
    parsed = make_url(url)
    store = settings()
    without = parsed._replace(password=None)  # URL.set(password=None) would keep it
    store.setValue(KEY, without.render_as_string(hide_password=False))
    store.setValue(HOSTED, hosted)
    if not parsed.password:
        return True
    try:
        import keyring

        keyring.set_password(SERVICE, _account(url), parsed.password)
        return True
    except Exception:  # no usable keyring backend on this machine
        return False


def remembered() -> tuple[str, bool] | None:
    """(URL with its password where the keyring has it, hosted here), or None."""
    store = settings()
    url = store.value(KEY, "")
    if not url:
        return None
    try:
        import keyring

        password = keyring.get_password(SERVICE, _account(url))
    except Exception:
        password = None
    if password:
        url = make_url(url).set(password=password).render_as_string(hide_password=False)
    return url, store.value(HOSTED, False, type=bool)


def forget() -> None:
    store = settings()
    url = store.value(KEY, "")
    store.remove(KEY)
    store.remove(HOSTED)
    if url:
        try:
            import keyring

            keyring.delete_password(SERVICE, _account(url))
        except Exception:
            pass


def keep_server_running() -> bool:
    return settings().value(KEEP_RUNNING, False, type=bool)


def set_keep_server_running(on: bool) -> None:
    settings().setValue(KEEP_RUNNING, on)
