"""The background-op API: one worker thread, answers on the GUI thread, errors never lost."""

import threading

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThread

from app.errors import AuthenticationError
from ui import errors, ops
from ui.qt_compat import run_pending_events


def test_result_arrives_on_the_gui_thread(qtbot, qapp):
    seen = {}

    def work():
        seen["worker"] = threading.current_thread().name
        return 42

    def done(value):
        seen["value"] = value
        seen["gui"] = QThread.currentThread() is qapp.thread()

    ops.run(work, done)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["gui"] is True
    assert seen["worker"].startswith(ops.WORKER_PREFIX)
    assert ops.is_idle()


def test_exception_goes_to_on_failure_on_the_gui_thread(qtbot, qapp):
    failures = []

    def boom():
        raise ValueError("bad input")

    ops.run(boom, lambda _: pytest.fail("no success expected"),
            lambda exc: failures.append((exc, QThread.currentThread() is qapp.thread())))
    qtbot.waitUntil(lambda: bool(failures))
    exc, on_gui = failures[0]
    assert isinstance(exc, ValueError) and str(exc) == "bad input"
    assert on_gui


def test_without_on_failure_an_app_error_reaches_the_error_funnel(qtbot):
    ops.run(lambda: (_ for _ in ()).throw(AuthenticationError("Wrong user name or password.")), None)
    qtbot.waitUntil(ops.is_idle)
    [report] = errors.take_recorded()
    assert report.message == "用户名或密码错误。"


def test_without_on_failure_an_unexpected_error_fails_loudly(qtbot):
    with qtbot.captureExceptions() as raised:
        ops.run(lambda: 1 / 0, None)
        qtbot.waitUntil(ops.is_idle)
    assert raised and raised[0][0] is ZeroDivisionError  # test mode re-raises: tests cannot miss it
    [report] = errors.take_recorded()
    assert "ZeroDivisionError" in report.details


def test_all_work_runs_in_order_on_one_thread(qtbot):
    names, results = set(), []

    def work(i):
        names.add(threading.get_ident())
        return i

    for i in range(20):
        ops.run(lambda i=i: work(i), results.append)
    qtbot.waitUntil(lambda: len(results) == 20)
    assert results == list(range(20))
    assert len(names) == 1


def test_shutdown_stops_the_worker_and_drops_late_answers(qtbot, qapp):
    release = threading.Event()
    answers = []
    ops.run(lambda: release.wait(5) and "late", answers.append)
    assert ops.worker_threads()
    release.set()
    ops.shutdown()
    assert not ops.worker_threads()
    run_pending_events()
    assert answers == []  # delivered after shutdown: dropped, not handed to a torn-down screen
    assert ops.pending() == 0


def test_no_answer_for_a_deleted_owner(qtbot, qapp):
    owner = QObject()
    gate = threading.Event()
    answers = []
    ops.run(lambda: gate.wait(5), answers.append, owner=owner)
    ops.run(lambda: "second", answers.append)
    shiboken6.delete(owner)  # the dialog that asked was closed and destroyed meanwhile
    gate.set()
    qtbot.waitUntil(ops.is_idle)
    assert answers == ["second"]


def test_call_returns_the_value_and_raises_the_error():
    assert ops.call(lambda: threading.current_thread().name).startswith(ops.WORKER_PREFIX)
    with pytest.raises(KeyError):
        ops.call(lambda: {}["missing"])


def test_progress_reported_from_the_worker_arrives_on_the_gui_thread(qtbot, qapp):
    seen = []
    report = ops.progress_relay(lambda text: seen.append((text, QThread.currentThread() is qapp.thread())))
    ops.run(lambda: [report(f"step {i}") for i in range(3)], None)
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen == [("step 0", True), ("step 1", True), ("step 2", True)]


def test_progress_to_a_deleted_owner_is_dropped(qtbot):
    owner = QObject()
    seen = []
    report = ops.progress_relay(seen.append, owner)
    shiboken6.delete(owner)
    ops.run(lambda: report("late"), None)
    qtbot.waitUntil(ops.is_idle)
    assert seen == []
