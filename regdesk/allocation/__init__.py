"""Allocating programme places from ranked wishes: the problem as plain data, the optimal
solver, first come first served for comparison, and the figures of an outcome."""

from .fcfs import first_come_first_served
from .instance import Assignment, Instance, Offer, Wish, violations, wanted_places
from .outcome import Outcome, Summary
from .solver import solve

__all__ = [
    "Assignment",
    "Instance",
    "Offer",
    "Outcome",
    "Summary",
    "Wish",
    "first_come_first_served",
    "solve",
    "violations",
    "wanted_places",
]
