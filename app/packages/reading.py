"""Opening a package: decrypt, check the signature, then every file's size and SHA-256 — before any import.

Files go to a staging folder inside the data folder (never the system temp folder) only when `staging` is
given; `inspect` hashes them on the fly and writes nothing. The staging folder is removed by the caller.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.i18n import QT_TRANSLATE_NOOP as N
from app.packages import sender
from app.packages.container import PackageReader
from app.packages.errors import PackageError, PackageTampered

MANIFEST, SIGNATURE = "manifest.json", "signature.json"
MAX_MANIFEST = 64 << 20
MANIFEST_FORMAT = 1
SHA = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Opened:
    manifest: dict
    sender: sender.SenderCheck
    file_sha256: str  # of the whole package file


def _json_entry(reader, expected: str) -> tuple[bytes, dict]:
    entries = reader.entries()
    try:
        name, size, pieces = next(entries)
    except StopIteration:
        raise PackageTampered(N("errors", "The package holds no manifest. Nothing was imported.")) from None
    if name != expected or size > MAX_MANIFEST:
        raise PackageTampered(N("errors", "The package content is malformed ({what}). Nothing was imported."),
                              what=f"expected {expected}, found {name}")
    raw = b"".join(pieces)
    try:
        return raw, json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise PackageTampered(N("errors", "The package content is malformed ({what}). Nothing was imported."),
                              what=expected) from None


def open_package(path: Path, passphrase: str, trusted_roots: list[str], staging: Path | None = None,
                 require_trust: bool = True, progress: Callable[[int, int], None] | None = None) -> Opened:
    """Everything verified; with `staging`, each file is there under its SHA-256 when this returns.
    `progress(bytes verified, bytes listed)` follows the files and may raise to stop."""
    with PackageReader(path, passphrase) as reader:
        raw_manifest, manifest = _json_entry(reader, MANIFEST)
        _raw, signature = _json_entry(reader, SIGNATURE)
        if manifest.get("format") != "mdtpkg" or not isinstance(manifest.get("files"), list):
            raise PackageTampered(N("errors", "The package content is malformed ({what}). Nothing was imported."),
                                  what="manifest")
        if int(manifest.get("version", 0)) > MANIFEST_FORMAT:
            raise PackageError(N("errors", "This package was made by a newer version of MDT Desk (package "
                                           "format {version}). Install that version to open it."),
                               version=manifest.get("version"))
        try:
            signed_at = datetime.fromisoformat(manifest["created_at"])
        except (KeyError, TypeError, ValueError):
            raise PackageTampered(N("errors", "The package content is malformed ({what}). Nothing was imported."),
                                  what="created_at") from None
        check = sender.verify(raw_manifest, signature, trusted_roots, signed_at)
        if require_trust:  # an unknown sender is refused before a single file is read
            sender.refuse(check)
        expected = {f["sha256"]: int(f["size"]) for f in manifest["files"]}
        if not all(SHA.match(s) for s in expected):
            raise PackageTampered(N("errors", "The package content is malformed ({what}). Nothing was imported."),
                                  what="file list")
        seen: set[str] = set()
        total, done = sum(expected.values()), 0
        for name, size, pieces in reader.entries():
            sha = name.removeprefix("files/")
            if sha not in expected or sha in seen or size != expected[sha]:
                raise PackageTampered(N("errors", "The package holds a file its sender did not list ({name}). "
                                                  "Nothing was imported."), name=name)
            h = hashlib.sha256()
            if staging is not None:
                with open(staging / sha, "wb") as out:
                    for piece in pieces:
                        h.update(piece)
                        out.write(piece)
            else:
                for piece in pieces:
                    h.update(piece)
            if h.hexdigest() != sha:
                raise PackageTampered(N("errors", "A file in the package does not match its SHA-256 ({name}). "
                                                  "Nothing was imported."), name=name)
            seen.add(sha)
            done += size
            if progress is not None:
                progress(done, total)
        missing = set(expected) - seen
        if missing:
            raise PackageTampered(N("errors", "{n} file(s) listed in the package are missing from it. Nothing was "
                                              "imported."), n=len(missing))
        return Opened(manifest, check, reader.hex_digest())
