"""regdesk core: domain model, database, services, CLI. Never imports Qt."""

__version__ = "0.1.0"
