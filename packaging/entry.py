"""Entry point frozen by build.spec into both executables (mdt-desk and mdt-desk-cli).

The same `app.__main__.main` runs in both; they differ only in the Windows subsystem (GUI vs console).
With MDT_DESK_FROZEN_SELFTEST=1 in the environment the bundle checks its own contents instead
(packaging/frozen_selftest.py; used by tests/unit/test_bundle.py).
"""

import os
import sys


def _give_windowed_builds_streams() -> None:
    # A windowed (console=False) executable on Windows starts with sys.stdout and sys.stderr set to None:
    # argparse (--help, --version, usage errors), print() and logging would then raise AttributeError.
    # Writing into the void is the right behaviour there; the GUI reports problems in dialogs and its log.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # open for the life of the process


if __name__ == "__main__":
    # The viewer decodes compressed DICOM in worker processes started with "spawn": in a frozen build each
    # worker is this executable run again, and freeze_support() turns it into the worker at once.
    import multiprocessing

    multiprocessing.freeze_support()
    _give_windowed_builds_streams()
    if os.environ.get("MDT_DESK_FROZEN_SELFTEST") == "1":
        from frozen_selftest import run

        sys.exit(run())
    from app.__main__ import main

    sys.exit(main())
