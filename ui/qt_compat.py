"""Work-arounds for defects of the Qt binding, each detected at run time rather than assumed by version.

PySide6 6.12.0 `SignalInstance.emit()` returns `True` without taking a reference to it. On Python 3.11
(where `True` is not immortal) every emit from Python lowers the reference count of `True` by one; after a
few thousand emits the interpreter aborts ("bool_dealloc: deallocating True or False"). All of `ui`
emits through `emit()` below, which gives the reference back when the probe shows the defect.
Its other defect (GIL-less reference counting in `processEvents`) is avoided by `run_pending_events()`.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal, SignalInstance

_PROBES = 64


class _Probe(QObject):
    ping = Signal()


def _emit_loses_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost >= _PROBES - 4:  # another thread may touch True meanwhile; the defect loses one per emit
        for _ in range(lost):
            _give_back_true()
        return True
    return False


def _give_back_true() -> None:
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


EMIT_LOSES_TRUE = _emit_loses_a_reference()


def emit(signal: SignalInstance, *args: object) -> None:
    """`signal.emit(*args)`, safe from the binding's reference leak (any thread)."""
    signal.emit(*args)
    if EMIT_LOSES_TRUE:
        _give_back_true()


def run_pending_events() -> None:
    """Handle the events queued so far, through a short event loop.

    Not `QCoreApplication.processEvents()`: in PySide6 6.12.0 that wrapper (like `QTest.qWait` and
    `QThread.msleep`) touches the reference count of `None` without holding the GIL, which corrupts it
    while the worker thread runs Python code. A real event loop (`exec()`) does not.
    """
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()
