"""Demonstration data: a fictional county hospital's six months of tumour-board work (`python -m app demo`)."""

from app.demo.builder import DEMO_PASSWORD, DEMO_USERS, DemoSummary, populate

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "DemoSummary", "populate"]
