"""MDT Desk application layer: use cases, domain rules and the command line (no Qt here)."""

from importlib import metadata as _metadata

APP_NAME = "MDT Desk"
APP_NAME_ZH = "多学科诊疗工作台"

try:
    __version__ = _metadata.version("mdt-desk")
except _metadata.PackageNotFoundError:  # running from a source tree or a frozen bundle without metadata
    __version__ = "0.1.0"
