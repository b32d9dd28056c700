"""Looking up one row by its key, or raising NotFound."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from ..errors import NotFound

T = TypeVar("T")


def require(session: Session, model: type[T], key: int) -> T:
    """The ``model`` row with primary key ``key``; NotFound (named by the model) if none."""
    row = session.get(model, key)
    if row is None:
        raise NotFound(entity=model.__name__, key=key)
    return row
