"""Alembic environment. regdesk hands in an open connection (see regdesk.schema);
the alembic.ini at the top of the repository is for developers' autogenerate runs."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from regdesk.models import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("regdesk migrations run online only")
run_migrations_online()
