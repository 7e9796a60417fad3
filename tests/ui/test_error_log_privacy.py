"""The error funnel logs what went wrong, never the patient it was about (PIPL: no names in log files)."""

import logging

from app.errors import ConflictError
from app.i18n import QT_TRANSLATE_NOOP as N
from ui import errors


def test_an_app_error_is_logged_without_its_filled_in_fields(caplog):
    exc = ConflictError(N("errors", "This patient is already registered: {name} (patient {id})."),
                        details="id number 41162519680314012X", name="欧阳娜娜", id=5)
    with caplog.at_level(logging.INFO, logger="ui.errors"):
        errors.show_error(exc)
    [report] = errors.take_recorded()
    assert "欧阳娜娜" in report.message  # the person at the screen is told who
    logged = caplog.text
    assert "ConflictError" in logged and "already registered" in logged
    assert "欧阳娜娜" not in logged and "41162519680314012X" not in logged
