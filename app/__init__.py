"""MDT Desk application layer: use cases, domain rules and the command line (no Qt here)."""

APP_NAME = "MDT Desk"
APP_NAME_ZH = "多学科诊疗工作台"

# Kept literal (importlib.metadata costs ~50 ms at every start); a test keeps it equal to pyproject.toml.
__version__ = "0.1.0"
