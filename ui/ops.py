"""The one background-op API: service calls run on one worker thread, answers come back on the GUI thread.

    ops.run(lambda: ctx.cases.search_ids(actor, q), on_success=self._show_ids)

* Every SQLite/service call runs on a single worker thread (a one-thread executor, like Anki's
  taskman), so there is one writer and the GUI thread never waits for the disk.
* `fn` runs on the worker and must not touch widgets. Whatever it returns goes to `on_success`, whatever
  it raises (everything is caught) to `on_failure`, both on the GUI thread through a queued Qt signal.
* Without `on_failure` the error goes to the standard error dialog (`ui.errors.show_error`).
* `owner`: a QObject whose deletion cancels the delivery (a closed dialog gets no late callback).
* Progress: `progress_relay(callback, owner)` gives the worker a function to call with progress text;
  `callback` receives it on the GUI thread. Long work with cancel will get its own entry point here
  (`run_long`), built on the same worker, delivery and relay.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from ui import errors
from ui.qt_compat import emit

T = TypeVar("T")
WORKER_PREFIX = "mdt-worker"


class _Delivery(QObject):
    """Lives in the GUI thread; the worker emits, Qt queues, the slot runs on the GUI thread."""

    arrived = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _deliver(self, call: Callable[[], None]) -> None:
        call()


class _State:
    def __init__(self) -> None:
        self.executor: ThreadPoolExecutor | None = None
        self.delivery: _Delivery | None = None
        self.epoch = 0  # bumped by shutdown(): answers to work submitted before it are dropped
        self.pending = 0
        self.lock = threading.Lock()


_state = _State()


def _on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def _executor() -> ThreadPoolExecutor:
    with _state.lock:
        if _state.executor is None:
            _state.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=WORKER_PREFIX)
        return _state.executor


def _delivery() -> _Delivery:
    if _state.delivery is None:
        if not _on_gui_thread():
            raise RuntimeError("ops.run must be called on the GUI thread, after the QApplication exists")
        _state.delivery = _Delivery()
    return _state.delivery


def run(fn: Callable[[], T], on_success: Callable[[T], Any] | None,
        on_failure: Callable[[BaseException], Any] | None = None, *,
        owner: QObject | None = None) -> Future:
    """Run `fn()` on the worker; call `on_success(result)` or `on_failure(exc)` on the GUI thread."""
    delivery = _delivery()
    epoch = _state.epoch

    def finish(callback: Callable[[Any], Any] | None, value: Any) -> None:
        if epoch != _state.epoch:
            return  # shut down since: the answer belongs to a world that is gone
        _state.pending -= 1
        if owner is not None and not shiboken6.isValid(owner):
            return
        if callback is not None:
            callback(value)

    def job() -> None:
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001 - everything reaches the GUI, nothing hangs
            failure, error = on_failure or errors.show_error, exc  # `exc` is unbound after the block
            emit(delivery.arrived, lambda: finish(failure, error))
        else:
            emit(delivery.arrived, lambda: finish(on_success, result))

    _state.pending += 1
    future = _executor().submit(job)

    def forget_if_cancelled(f: Future) -> None:
        if f.cancelled() and epoch == _state.epoch:
            _state.pending -= 1  # cancelled before it started: no answer will come

    future.add_done_callback(forget_if_cancelled)
    return future


class _Relay(QObject):
    said = Signal(object)


def progress_relay(callback: Callable[[Any], Any], owner: QObject | None = None) -> Callable[[Any], None]:
    """A function any thread may call with progress; `callback(value)` runs on the GUI thread.

    Create it on the GUI thread. With `owner`, the relay dies with the owner and later reports are dropped.
    """
    relay = _Relay(owner)
    relay.said.connect(callback, Qt.ConnectionType.QueuedConnection)

    def report(value: Any) -> None:
        if shiboken6.isValid(relay):
            try:
                emit(relay.said, value)
            except RuntimeError:
                pass  # the owner went away between the check and the emit: nobody is listening

    return report


def call(fn: Callable[[], T]) -> T:
    """Run `fn()` on the worker and wait for it. Start-up only, before any window is shown."""
    return _executor().submit(fn).result()


def pending() -> int:
    """Submitted ops whose answer has not been delivered yet."""
    return _state.pending


def is_idle() -> bool:
    return _state.pending == 0


def worker_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(WORKER_PREFIX) and t.is_alive()]


def shutdown(wait: bool = True) -> None:
    """Finish the running op, drop queued ones and answers not yet delivered, stop the worker."""
    with _state.lock:
        executor, _state.executor = _state.executor, None
        _state.epoch += 1
        _state.pending = 0
    if executor is not None:
        executor.shutdown(wait=wait, cancel_futures=True)
