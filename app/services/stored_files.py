"""Leftovers of work that was cut off (a crash, a power cut, a killed process), tidied at start.

Stored files are written before the rows that name them, so an import cut off between the two leaves a
complete stored file that nothing refers to; a write cut off earlier leaves a `.part` file; previews and
print copies may stay in tmp/. At start the app moves unreferenced stored files to `blobs-orphaned/`
(kept, never deleted: if a reference was missed, nothing is lost) and deletes the partial and temporary
files (except tmp/cache, derived data kept on purpose). Only what is older than `grace` seconds is
touched, because a command-line process without the instance lock (printing, rendering) may be between
its file write and its commit right now.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import DataDir
from db.blobs import BlobStore
from db.models import Attachment, Document, ExternalOpinion, HospitalSettings, Package, Signature

ORPHANS_DIR = "blobs-orphaned"
GRACE_S = 15 * 60
KEPT_CACHE = "cache"  # tmp/cache holds derived data meant to outlive a run (slide pyramids): not a leftover
_COLUMNS = (Attachment.sha256, Attachment.thumbnail_sha256, Document.sha256, Signature.sha256_after,
            Package.sha256, ExternalOpinion.document_sha256, HospitalSettings.logo_sha256)


@dataclass(frozen=True)
class Tidied:
    orphans_moved: int
    partial_removed: int
    temp_removed: int


def referenced(s: Session) -> set[str]:
    refs: set[str] = set()
    for column in _COLUMNS:
        refs.update(v for v in s.scalars(select(column).where(column.is_not(None))) if v)
    return refs


def unreferenced(s: Session, blobs: BlobStore) -> list[str]:
    refs = referenced(s)
    return sorted(sha for sha in blobs.all_hashes() if sha not in refs)


def _old(path: Path, cutoff: float) -> bool:
    try:
        return path.lstat().st_mtime <= cutoff
    except FileNotFoundError:
        return False


def tidy(s: Session, data_dir: DataDir, grace: float = GRACE_S) -> Tidied:
    cutoff = time.time() - grace
    blobs = BlobStore(data_dir.blobs)
    moved = 0
    for sha in unreferenced(s, blobs):
        src = blobs.path_for(sha)
        if _old(src, cutoff):
            dest = data_dir.root / ORPHANS_DIR / sha[:2] / sha
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dest)
            moved += 1
    partial = 0
    if data_dir.blobs.is_dir():
        for p in data_dir.blobs.glob("*/.*.part"):
            if _old(p, cutoff):
                p.unlink(missing_ok=True)
                partial += 1
    temp = 0
    if data_dir.tmp.is_dir():
        for p in list(data_dir.tmp.iterdir()):
            if p.name == KEPT_CACHE:
                continue
            if _old(p, cutoff):
                if p.is_dir() and not p.is_symlink():
                    shutil.rmtree(p, ignore_errors=True)
                else:
                    p.unlink(missing_ok=True)
                temp += 1
    return Tidied(moved, partial, temp)
