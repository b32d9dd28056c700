"""Several desks on one event: the change signal, the replica and outbox of an offline
desk, hosting the shared database."""
