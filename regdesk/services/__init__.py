"""Services: plain functions over a session (one unit of work per user action).

They take a SQLAlchemy session from ``Database.session()`` plus plain arguments, return
frozen dataclasses, raise typed errors from ``regdesk.errors`` and audit what matters.
"""
