"""Translatable messages raised below the UI.

`app` must not import Qt, yet its messages reach users in Chinese. Messages are marked with
`QT_TRANSLATE_NOOP(context, text)` so `pyside6-lupdate` collects them into the same `.ts` files as the UI;
the UI installs `QCoreApplication.translate` as the translator at start-up. Headless (CLI, tests) the
English source text is used.
"""

from collections.abc import Callable

_translator: Callable[[str, str], str] | None = None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


def install_translator(fn: Callable[[str, str], str] | None) -> None:
    global _translator
    _translator = fn


def translate(context: str, text: str) -> str:
    if _translator is None:
        return text
    return _translator(context, text)
