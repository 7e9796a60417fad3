"""Screenshots of dialogs under test, for a person to look at: written only when MDT_TEST_SHOTS names a folder."""

import os
from pathlib import Path


def save_shot(widget, name: str) -> None:
    folder = os.environ.get("MDT_TEST_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / name))
