"""The error hierarchy: every failure a user can cause carries a message a clerk understands.

A message is an English source text marked for translation plus format arguments; `str()` gives the
English text (CLI, logs), `localized()` the user's language (GUI). `details` holds what a technician needs.
"""

from __future__ import annotations

from app.i18n import translate

CONTEXT = "errors"


class AppError(Exception):
    """Base of every error the application reports to a person."""

    exit_code = 1

    def __init__(self, message: str, details: str = "", **args: object) -> None:
        self.message = message
        self.args_map = args
        self.details = details
        super().__init__(self._format(message))

    def _format(self, text: str) -> str:
        try:
            return text.format(**self.args_map) if self.args_map else text
        except (KeyError, IndexError, ValueError):
            return text

    def localized(self) -> str:
        return self._format(translate(CONTEXT, self.message))


class ValidationError(AppError):
    """Input that cannot be accepted; `field` names the form field when there is one."""

    def __init__(self, message: str, field: str = "", details: str = "", **args: object) -> None:
        self.field = field
        super().__init__(message, details, **args)


class NotFound(AppError):
    pass


class PermissionDenied(AppError):
    pass


class AuthenticationError(AppError):
    pass


class ConflictError(AppError):
    """The action clashes with the current state (already initialised, finalised record...)."""


class DataDirError(AppError):
    """The data folder cannot be used (locked by another instance, unreadable, damaged database...)."""


class SchemaError(DataDirError):
    """The database schema is from a newer version, or a migration failed."""
