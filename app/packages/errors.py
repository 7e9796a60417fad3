"""What can go wrong with a package, each with a message a clerk can act on."""

from __future__ import annotations

from app.errors import AppError, AuthenticationError


class PackageError(AppError):
    """The file is not a usable package: foreign, damaged, truncated, from a newer version."""


class PackageWrongPassphrase(AuthenticationError):
    pass


class PackageUntrusted(AppError):
    """The signature is valid or not, but the sender is not one this installation trusts."""


class PackageTampered(PackageError):
    """The content does not match what the sender signed."""


class PackageCancelled(AppError):
    """The user stopped an export or import; nothing was written or imported."""
