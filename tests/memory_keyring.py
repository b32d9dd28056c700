"""A keyring backend in memory, for the tests (a headless machine has no OS keyring):
PYTHON_KEYRING_BACKEND=tests.memory_keyring.MemoryKeyring."""

from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    priority = 1
    store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)
