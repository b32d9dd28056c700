"""Demo events built from the five real scenarios (participants are generated)."""

from .scenarios import SCENARIOS, Scenario
from .seed import DemoResult, seed_demo

__all__ = ["SCENARIOS", "DemoResult", "Scenario", "seed_demo"]
