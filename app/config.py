"""Where the data lives and the per-installation settings file."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

ENV_DATA_DIR = "MDT_DESK_DATA"
DB_FILENAME = "mdt.sqlite"


def default_data_dir() -> Path:
    # platformdirs is imported here, not at module level: the CLI's --version path stays instant.
    import platformdirs

    return Path(platformdirs.user_data_dir("MDT Desk", appauthor=False, roaming=False))


def resolve_data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """--data-dir wins over MDT_DESK_DATA, which wins over the platform default."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


@dataclass(frozen=True)
class DataDir:
    """The folder that holds everything one installation owns."""

    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def blobs(self) -> Path:
        return self.root / "blobs"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def tmp(self) -> Path:
        # Previews, print spool copies and thumbnails in progress stay inside the data dir, never in the
        # system temp folder (PIPL: no patient data left where other users of the PC can read it).
        return self.root / "tmp"

    @property
    def lock_path(self) -> Path:
        return self.root / ".mdt-desk.lock"

    @property
    def settings_path(self) -> Path:
        return self.root / "settings.json"

    def ensure(self) -> None:
        for p in (self.root, self.blobs, self.backups, self.logs, self.tmp):
            p.mkdir(parents=True, exist_ok=True)

    def is_initialised(self) -> bool:
        return self.db_path.exists() and self.db_path.stat().st_size > 0


DEFAULT_SETTINGS: dict[str, object] = {
    "language": "zh_CN",
    "ui_font_pt": 11,
    "image_cache_mb": 0,  # decoded images kept in memory; 0: a quarter of the RAM, at most 1 GB
}


def load_settings(data_dir: DataDir) -> dict[str, object]:
    settings = dict(DEFAULT_SETTINGS)
    try:
        stored = json.loads(data_dir.settings_path.read_text(encoding="utf-8"))
        if isinstance(stored, dict):
            settings.update({k: v for k, v in stored.items() if k in DEFAULT_SETTINGS})
    except (OSError, ValueError):
        pass  # a missing or damaged settings file falls back to defaults; nothing medical lives here
    return settings


def save_settings(data_dir: DataDir, settings: dict[str, object]) -> None:
    data_dir.root.mkdir(parents=True, exist_ok=True)
    tmp = data_dir.settings_path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(settings, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, data_dir.settings_path)
